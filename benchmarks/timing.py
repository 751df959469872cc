"""Time builds: each in a fresh interpreter, variants alternating, medians reported."""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from .sites import build_command, build_env


@dataclass
class Timings:
    """Wall-clock and CPU seconds (user + system, of the build process) of each run of one variant."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Medians and every run, for results.json."""
        return {
            "median_s": round(statistics.median(self.wall), 3),
            "cpu_median_s": round(statistics.median(self.cpu), 3),
            "runs_s": [round(t, 3) for t in self.wall],
            "cpu_runs_s": [round(t, 3) for t in self.cpu],
        }


def _children_cpu() -> float:
    """CPU seconds used so far by waited-for child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(site: Path, out: Path, command: list[str] | None = None) -> tuple[float, float]:
    """Build `site` into an empty `out` (with MkDocs, or `command`); return (wall seconds, CPU seconds). Clearing `out` is not timed."""
    shutil.rmtree(out, ignore_errors=True)
    env = build_env()
    cpu_before, start = _children_cpu(), time.perf_counter()
    result = subprocess.run(command or build_command(out), cwd=site, env=env, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu_before
    if result.returncode != 0:
        raise RuntimeError(f"build of {site} failed:\n{result.stdout}{result.stderr}")
    return wall, cpu


def alternate(sites: dict[str, Path], outs: dict[str, Path], runs: int, warmup: int = 1, progress=print, commands: dict | None = None) -> dict[str, Timings]:
    """Build every variant `runs` times in turn (A, B, A, B, ...) after `warmup` untimed rounds; outs keep the last build.
    `commands` gives a variant's own build command (a function of its output folder); the others build with MkDocs."""
    timings = {name: Timings() for name in sites}
    for round_no in range(-warmup, runs):
        for name, site in sites.items():
            command = (commands or {}).get(name)
            wall, cpu = timed_build(site, outs[name], command(outs[name]) if command else None)
            if round_no >= 0:
                timings[name].wall.append(wall)
                timings[name].cpu.append(cpu)
            progress(f"  {'warm-up' if round_no < 0 else f'run {round_no + 1}/{runs}'} {name}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    return timings
