"""`python -m hotline`: the command line."""

import sys

from hotline.cli import main

if __name__ == "__main__":
    from hotline.logs import configure_logging

    configure_logging()
    sys.exit(main())
