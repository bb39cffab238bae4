"""``python -m sgz_desktop`` starts the GUI."""

from .app import main

raise SystemExit(main())
