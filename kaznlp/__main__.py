"""``python -m kaznlp`` runs the ``kaznlp`` command."""

import sys

from .cli import main

sys.exit(main())
