"""`python -m tui` runs the storyreader command."""

import sys

from tui.cli import main

sys.exit(main())
