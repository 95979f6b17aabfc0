import sys

from newsintel.cli.main import main

sys.exit(main())
