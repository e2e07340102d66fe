"""`python -m reformdocs clean FILE... --out DIR` (see reformdocs.cli)."""
import sys

from .cli import main

sys.exit(main())
