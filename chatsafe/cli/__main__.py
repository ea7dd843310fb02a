import sys

from chatsafe.cli import main

sys.exit(main())
