"""Shared test setup: hypothesis profiles.

Profiles (pick one with ``HYPOTHESIS_PROFILE=<name>``):

- ``ci``: few examples, no deadline; the default when ``CI`` is set.
- ``dev``: hypothesis' defaults; the default otherwise.
- ``thorough``: many examples, for a long run on demand::

      HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/property
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

# Type-checked by mypy, never run (it calls the API on junk on purpose).
collect_ignore = ["typing"]
