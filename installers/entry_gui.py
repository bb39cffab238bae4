"""PyInstaller entry of the window program (``sgz-desktop``)."""

from sgz_desktop.app import main

raise SystemExit(main())
