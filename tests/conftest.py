"""Shared test setup: hypothesis profiles.

Profiles (pick one with ``HYPOTHESIS_PROFILE=<name>``):

- ``ci``: few examples, no deadline; the default when ``CI`` is set.
- ``dev``: hypothesis' defaults; the default otherwise.
- ``thorough``: many examples, for a long run on demand::

      HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/property
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

# Type-checked by mypy, never run (it calls the API on junk on purpose).
collect_ignore = ["typing"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fail-on-skip",
        action="store_true",
        help="fail the run if any test skipped (the README's test command: every extra is installed, so nothing may)",
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not session.config.getoption("--fail-on-skip"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter is not None else 0
    if skipped and exitstatus == pytest.ExitCode.OK:
        if reporter is not None:
            reporter.write_sep("=", f"--fail-on-skip: {skipped} test(s) skipped (see the reasons above)", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
