"""PyInstaller entry of the command line (``sgz``)."""

from sgz_desktop.cli import main

raise SystemExit(main())
