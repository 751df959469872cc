"""How `make test` hands tests to pytest-xdist's workers: the tests of a module that builds sites in its module
fixtures all go to one worker, and first, so that its sites are built once and its long run does not become the
tail that one worker finishes alone.

pytest-xdist's own `--dist loadgroup` does this through `xdist_group` marks, but pytest 9.2 keeps a test's id where
xdist 3.8 cannot append the group to it: the marks are ignored and every worker built every hostile site again. This
scheduler groups by module path instead, which needs nothing from pytest's internals."""

from __future__ import annotations

from xdist.scheduler import LoadScopeScheduling

# Modules whose module fixtures build sites: each runs on one worker (tests/conftest.py hands this to pytest-xdist).
ONE_WORKER_MODULES = ("tests/build/test_hostile_build.py",)


class OneWorkerModules(LoadScopeScheduling):
    """pytest-xdist's scope scheduling where a listed module is one unit of work and every other test a unit of its
    own; units go out largest first (xdist's default order), so a listed module starts at once."""

    def __init__(self, config, log=None, modules: tuple[str, ...] = ()):
        super().__init__(config, log)
        self.modules = modules

    def _split_scope(self, nodeid: str) -> str:
        """A listed module's path for its tests; the test's own id for every other test."""
        path = nodeid.split("::", 1)[0]
        return path if path in self.modules else nodeid
