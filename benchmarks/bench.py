"""The build-performance benchmark (`make bench`): see benchmarks/README.md.

For N = 100 and N = 1,000 synthetic case studies it builds the real
data-driven site and the same pages as plain Markdown, alternating, in fresh
interpreters; it weighs a case-study page, the search index and the
adventure's data and assets; it times the adventure's matching in Chromium;
then it prints a table, writes benchmarks/results.json and exits 1 if any
budget fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from macros.load import slugify

from . import measure, report, sites
from .generate import SEED, company_name, write_playbook
from .timing import alternate

HERE = Path(__file__).resolve().parent
SMALL, LARGE = 100, 1000
VARIANTS = ("data_driven", "plain")
# Measured beside them, with no budget yet: the same data-driven site built by Zensical (playbook build --engine zensical).
ZENSICAL = "zensical"


def zensical_command(out: Path) -> list[str]:
    """Prerender, Zensical, the shared post-build steps and the output gate, as `playbook build --engine zensical` runs them."""
    return [sys.executable, "-m", "macros.cli", "build", "--engine", "zensical", "--site-dir", str(out)]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed builds of each variant at each N (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds before the timed ones (default 1)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the synthetic case studies (default {SEED})")
    parser.add_argument("--output", type=Path, default=HERE / "results.json", help="where to write the JSON (default benchmarks/results.json)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium matching timing (its budget is then not checked)")
    parser.add_argument("--profile", type=Path, metavar="FILE", help=f"also profile one data-driven build at N={LARGE:,} with cProfile into FILE and print its top functions")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites and builds, and print where they are")
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical builds")
    return parser


def progress(message: str) -> None:
    """Progress goes to stderr; stdout carries only the table."""
    print(message, file=sys.stderr, flush=True)


def prepare(root: Path, project: Path, n: int, seed: int) -> dict[str, Path]:
    """Generate N case studies, assemble the data-driven site, capture its rendered pages and make the plain twin."""
    data_driven = root / "data-driven"
    data_driven.mkdir(parents=True)
    write_playbook(data_driven, n, seed, real_data=project / "data")
    sites.data_driven_site(data_driven, project)
    pages = sites.capture_pages(data_driven, root / "rendered-pages", root / "out-capture")
    return {"data_driven": data_driven, "plain": sites.plain_site(root / "plain", data_driven, pages)}


def same_pages(a: Path, b: Path) -> None:
    """Both variants must build the same set of HTML pages, or the comparison is meaningless."""
    pages = lambda site: {p.relative_to(site).as_posix() for p in site.rglob("*.html")}  # noqa: E731
    if pages(a) != pages(b):
        raise RuntimeError(f"the builds in {a.name} and {b.name} differ in pages: {sorted(pages(a) ^ pages(b))[:10]}")


def build_results(timings: dict) -> dict:
    """Medians of both variants and their ratios, for one N."""
    out = {name: t.as_dict() for name, t in timings.items()}
    out["ratio"] = round(out["data_driven"]["median_s"] / out["plain"]["median_s"], 3)
    out["cpu_ratio"] = round(out["data_driven"]["cpu_median_s"] / out["plain"]["cpu_median_s"], 3)
    if ZENSICAL in out:
        out["zensical_ratio"] = round(out[ZENSICAL]["median_s"] / out["data_driven"]["median_s"], 3)
        out["zensical_cpu_ratio"] = round(out[ZENSICAL]["cpu_median_s"] / out["data_driven"]["cpu_median_s"], 3)
    return out


def machine() -> dict:
    """What the figures were measured on."""
    versions = {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin")}
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(), "load_average": os.getloadavg(), **versions}


def profile_build(site: Path, out: Path, prof: Path, top: int = 30) -> str:
    """Profile one build of `site` with cProfile into `prof`; return its top functions by cumulative time."""
    import pstats
    from io import StringIO

    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "cProfile", "-o", str(prof.resolve()), "-m", "mkdocs", "build", "-q", "--site-dir", str(out)]
    subprocess.run(command, cwd=site, env=sites.build_env(), check=True, capture_output=True)
    text = StringIO()
    pstats.Stats(str(prof), stream=text).sort_stats("cumulative").print_stats(top)
    return text.getvalue()


def run(args, root: Path) -> dict:
    """Every measurement, as the dict written to results.json."""
    results: dict = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {"n": [SMALL, LARGE], "runs": args.runs, "warmup": args.warmup, "seed": args.seed},
        "builds": {}, "sizes": {},
    }
    slug = slugify(company_name(0))
    project = sites.snapshot(root / "project")
    outs = {}
    for n in (SMALL, LARGE):
        progress(f"N={n:,}: generating the data, capturing the rendered pages")
        site = prepare(root / f"n{n}", project, n, args.seed)
        if not args.no_zensical:
            site[ZENSICAL] = site["data_driven"]
        outs[n] = {v: root / f"n{n}" / f"out-{v}" for v in site}
        progress(f"N={n:,}: timing {args.runs} builds of each variant, alternating")
        timings = alternate(site, outs[n], args.runs, args.warmup, progress, {ZENSICAL: zensical_command})
        for variant in site:
            same_pages(outs[n]["data_driven"], outs[n][variant])
        results["builds"][str(n)] = build_results(timings)
        results["sizes"][str(n)] = measure.site_sizes(outs[n]["data_driven"], slug)
        if args.profile and n == LARGE:
            progress(f"N={n:,}: profiling one data-driven build into {args.profile}")
            results["profile_top"] = profile_build(site["data_driven"], root / "out-profile", args.profile)
    small, large = results["sizes"][str(SMALL)], results["sizes"][str(LARGE)]
    results["scaling"] = {v: round(results["builds"][str(LARGE)][v]["median_s"] / results["builds"][str(SMALL)][v]["median_s"], 3) for v in VARIANTS}
    results["case_study_page_growth"] = round(measure.page_growth(small, large), 4)
    results["adventure_data_gzip_bytes_per_case_study"] = round(measure.data_bytes_per_study(small, large, SMALL, LARGE), 1)
    if not args.no_browser:
        progress(f"N={LARGE:,}: timing the adventure's matching in Chromium")
        results["matching"] = measure_matching(outs[LARGE]["data_driven"])
    results["machine"]["load_average_after"] = os.getloadavg()
    return results


def measure_matching(site: Path) -> dict:
    """The Chromium timing (imported late: Playwright is a test dependency)."""
    from .browser import matching_time

    return matching_time(site)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit status 1 when a budget fails."""
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="pb-bench-"))
    try:
        results = run(args, root)
    finally:
        if args.keep:
            progress(f"Sites and builds kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    budgets = report.check_budgets(results)
    results["budgets"] = report.budgets_json(budgets)
    results["duration_s"] = round(time.perf_counter() - started, 1)
    profile = results.pop("profile_top", None)
    print(report.table(results, budgets))
    if profile:
        print(f"\nProfile of one data-driven build at N={LARGE:,} (cumulative time; full profile in {args.profile}):\n{profile}")
    args.output.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    failed = [b.id for b in budgets if not b.passed]
    print(f"\n{len(budgets) - len(failed)} of {len(budgets)} budgets pass; results in {args.output}" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
