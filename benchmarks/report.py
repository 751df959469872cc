"""The budgets, checked against the measured results, and the table the benchmark prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass

# Budgets from the issue and from DESIGN.md "Performance budgets".
MAX_BUILD_RATIO = 1.10          # data-driven build / plain Markdown build, at the large N
MAX_SCALING = 11.0              # t(large) / t(small) of the data-driven build, for 10 times the case studies
MAX_PAGE_GROWTH = 0.10          # a case-study page's size at the large N, within 10% of its size at the small N
MAX_ASSETS_GZIP = 20_000        # adventure-*.js + adventure.css, gzipped together, bytes (20 KB, issue 20)
MAX_DATA_PER_STUDY = 300        # gzipped bytes of adventure data per case study
MAX_MATCHING_MS = 5.0           # rank() over the large N in Chromium, median milliseconds
MAX_TEAM_MERGE_MS = 50.0        # reading a team link of 8 people with 6 sub-groups each and ranking its splits, median ms


@dataclass(frozen=True)
class Budget:
    """One budget: what was measured, its limit, and whether it holds."""

    id: str
    label: str
    value: float
    limit: float
    unit: str
    passed: bool


def check_budgets(results: dict) -> list[Budget]:
    """Every budget, evaluated on the results of a benchmark run."""
    small, large = (str(n) for n in results["settings"]["n"])
    builds, sizes = results["builds"], results["sizes"]
    ratio = builds[large]["ratio"]
    scaling = results["scaling"]["data_driven"]
    growth = results["case_study_page_growth"]
    assets = sizes[large]["adventure_assets"]["gzip_bytes"]
    per_study = results["adventure_data_gzip_bytes_per_case_study"]
    budgets = [
        Budget("build_ratio", f"data-driven / plain build at N={large}", ratio, MAX_BUILD_RATIO, "x", ratio <= MAX_BUILD_RATIO),
        Budget("scaling", f"t({large}) / t({small}), data-driven build", scaling, MAX_SCALING, "x", scaling <= MAX_SCALING),
        Budget("case_study_page_growth", f"case-study page size change, N={small} to N={large}", growth, MAX_PAGE_GROWTH, "", abs(growth) <= MAX_PAGE_GROWTH),
        Budget("adventure_assets", "adventure's own JS+CSS, gzipped", assets, MAX_ASSETS_GZIP, "B", assets <= MAX_ASSETS_GZIP),
        Budget("adventure_data_per_study", "adventure data per case study, gzipped", per_study, MAX_DATA_PER_STUDY, "B", per_study <= MAX_DATA_PER_STUDY),
    ]
    matching = results.get("matching")
    if matching:
        ms = matching["medianMs"]
        budgets.append(Budget("matching", f"adventure matching of {matching['caseStudies']} case studies", ms, MAX_MATCHING_MS, "ms", ms < MAX_MATCHING_MS))
    team = (matching or {}).get("team")
    if team:
        ms, who = team["medianMs"], f"{team['people']} links x {team['groupsEach']} sub-groups"
        budgets.append(Budget("team_merge", f"team view: merging {who}", ms, MAX_TEAM_MERGE_MS, "ms", ms < MAX_TEAM_MERGE_MS and team["people"] == 8))
    return budgets


def _kb(n: int) -> str:
    """Bytes as kilobytes (1 KB = 1,000 bytes)."""
    return f"{n / 1000:,.1f} KB"


def _fmt(value: float, unit: str) -> str:
    """A budget's value or limit for the table."""
    if unit == "x":
        return f"{value:.2f}"
    if unit == "B":
        return f"{value:,.0f} B" if value < 1000 else _kb(value)
    if unit == "ms":
        return f"{value:.2f} ms"
    return f"{value:+.1%}"


def table(results: dict, budgets: list[Budget]) -> str:
    """The figures at both sizes, then every budget with PASS or FAIL."""
    small, large = (str(n) for n in results["settings"]["n"])
    builds, sizes = results["builds"], results["sizes"]
    runs = results["settings"]["runs"]

    def row(label: str, at_small: str, at_large: str) -> str:
        return f"{label:<44} {at_small:>12} {at_large:>12}"

    lines = [
        row("Figure", f"N={int(small):,}", f"N={int(large):,}"),
        row(f"Data-driven build, median of {runs}", f"{builds[small]['data_driven']['median_s']:.2f} s", f"{builds[large]['data_driven']['median_s']:.2f} s"),
        row(f"Plain Markdown build, median of {runs}", f"{builds[small]['plain']['median_s']:.2f} s", f"{builds[large]['plain']['median_s']:.2f} s"),
        row("Data-driven / plain (wall)", f"{builds[small]['ratio']:.2f}", f"{builds[large]['ratio']:.2f}"),
        row("Data-driven / plain (CPU)", f"{builds[small]['cpu_ratio']:.2f}", f"{builds[large]['cpu_ratio']:.2f}"),
        *([
            row(f"Zensical build, median of {runs}", f"{builds[small]['zensical']['median_s']:.2f} s", f"{builds[large]['zensical']['median_s']:.2f} s"),
            row("Zensical / MkDocs data-driven (wall)", f"{builds[small]['zensical_ratio']:.2f}", f"{builds[large]['zensical_ratio']:.2f}"),
            row("Zensical / MkDocs data-driven (CPU)", f"{builds[small]['zensical_cpu_ratio']:.2f}", f"{builds[large]['zensical_cpu_ratio']:.2f}"),
        ] if "zensical" in builds[small] else []),
        row(f"Case-study page ({sizes[small]['case_study_page']['slug']})", _kb(sizes[small]["case_study_page"]["bytes"]), _kb(sizes[large]["case_study_page"]["bytes"])),
        row("Search index", _kb(sizes[small]["search_index"]["bytes"]), _kb(sizes[large]["search_index"]["bytes"])),
        row("Search index, gzipped", _kb(sizes[small]["search_index"]["gzip_bytes"]), _kb(sizes[large]["search_index"]["gzip_bytes"])),
        row("Search index: adventure page's entries", _kb(sizes[small]["search_index"]["by_page"].get("adventure/", 0)), _kb(sizes[large]["search_index"]["by_page"].get("adventure/", 0))),
        row("Adventure page", _kb(sizes[small]["adventure_page"]["bytes"]), _kb(sizes[large]["adventure_page"]["bytes"])),
        row("Adventure page, gzipped", _kb(sizes[small]["adventure_page"]["gzip_bytes"]), _kb(sizes[large]["adventure_page"]["gzip_bytes"])),
        row("Adventure data, gzipped", _kb(sizes[small]["adventure_data"]["gzip_bytes"]), _kb(sizes[large]["adventure_data"]["gzip_bytes"])),
        row("Adventure JS+CSS, gzipped", _kb(sizes[small]["adventure_assets"]["gzip_bytes"]), _kb(sizes[large]["adventure_assets"]["gzip_bytes"])),
        "",
        f"{'Budget':<58} {'Value':>10} {'Limit':>10}  Result",
    ]
    for b in budgets:
        limit = ("±" + f"{b.limit:.0%}") if b.unit == "" else (("< " if b.unit == "ms" else "≤ ") + _fmt(b.limit, b.unit))
        lines.append(f"{b.label:<58} {_fmt(b.value, b.unit):>10} {limit:>10}  {'PASS' if b.passed else 'FAIL'}")
    return "\n".join(lines)


def budgets_json(budgets: list[Budget]) -> list[dict]:
    """The budgets as results.json stores them, with PASS/FAIL spelled out."""
    return [{**asdict(b), "value": round(b.value, 4), "result": "PASS" if b.passed else "FAIL"} for b in budgets]
