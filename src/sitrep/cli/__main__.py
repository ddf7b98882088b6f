import sys

from sitrep.cli.app import main

sys.exit(main())
