"""``python -m mayadeen_parse``: see :mod:`mayadeen_parse._cli`."""

from ._cli import main

raise SystemExit(main())
