"""Launcher: `python main.py [--demo] [--db PATH] [--lang vi|en]`."""

from hotline.app import main

raise SystemExit(main())
