"""Entry point of the packaged binary: the same `configurator` command as the console script."""

import sys

from configurator.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
