"""`python -m tui` runs the storyreader command."""

import sys

from tui.cli import main

if __name__ == "__main__":  # not when a child process re-imports this module
    sys.exit(main())
