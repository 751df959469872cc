"""One core, two engines: the playbook built by Zensical has the same pages, titles, headings, companies and search
entries as the MkDocs build, and the same data errors fail both. Differences that are the engines' own are listed."""

import html as html_lib
import json
import re
from pathlib import Path

import pytest

from build.sitecheck import visible_text
from helpers import DATA, FIXTURES, ROOT, build, built_once, make_site, missing
from macros import links
from macros.load import load_playbook
from macros.zensical import VERSION, build_with_zensical

try:
    import zensical  # noqa: F401
except ImportError:
    missing("zensical", "the engine comparison did not run; `make test` installs it (requirements/test.txt)")

# Files outside assets/ that one engine writes and the other does not, each for a reason of the engine's own
# (the theme's assets differ by build: file hashes, search language packs, source maps).
ENGINE_ONLY = {
    "mkdocs": {
        "search/search_index.json": "MkDocs' search plugin index (Zensical writes search.json)",
        "sitemap.xml.gz": "MkDocs also gzips the sitemap",
        "downloads/prodops-playbook-offline.zip": "the offline copy is built with MkDocs' offline plugin only (not yet with Zensical)",
    },
    "zensical": {"search.json": "Zensical's search index (MkDocs writes search/search_index.json)"},
}
# Pages whose heading ids may differ: the print document is assembled from the engine's converted pages.
IDS_MAY_DIFFER = {"print/index.html": "the print document is built from each engine's own page HTML (the theme's markup differs)"}
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_HEADING_ID = re.compile(r'<h[1-6][^>]*\bid="([^"]+)"')


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real playbook built by Zensical, once per run (shared by parallel workers)."""
    return built_once(tmp_path_factory, "zensical-site", lambda dest: build_with_zensical(ROOT, dest / "site", timeout=300))


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


def test_the_zensical_extra_pins_the_version_the_adapter_names():
    text = (ROOT / "pyproject.toml").read_text()
    assert text.count(f'"zensical=={VERSION}"') == 2  # the extra and the test tier


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and not p.relative_to(site).as_posix().startswith("assets/")}


def test_both_engines_write_the_same_pages_and_files(real_site, zensical_site):
    assert files(real_site) - files(zensical_site) == set(ENGINE_ONLY["mkdocs"])
    assert files(zensical_site) - files(real_site) == set(ENGINE_ONLY["zensical"])


def test_every_page_has_the_same_title_and_heading_ids(real_site, zensical_site):
    theirs = pages(zensical_site)
    for name, html in pages(real_site).items():
        if name.startswith("downloads/"):
            continue
        # as a reader sees them: MkDocs writes `'` as is, Zensical as `&#39;`
        assert html_lib.unescape(_TITLE.search(html).group(1)) == html_lib.unescape(_TITLE.search(theirs[name]).group(1)), name
        if name not in IDS_MAY_DIFFER:
            assert _HEADING_ID.findall(html) == _HEADING_ID.findall(theirs[name]), name


def test_every_company_is_on_the_index_its_page_and_its_spectrum_pages_in_both(real_site, zensical_site):
    playbook = load_playbook(ROOT / "data")
    for site in (real_site, zensical_site):
        index = (site / "case-studies/index.html").read_text("utf-8")
        for study in playbook.case_studies:
            name = study.name  # compared with the text a reader sees, however each engine escapes `&` and `'`
            assert name in visible_text(index), (site, study.name)
            assert name in visible_text((site / links.page_url(links.case_study_page(study.slug)) / "index.html").read_text("utf-8"))
            for spectrum_id in study.positions:
                assert name in visible_text((site / f"models/{spectrum_id}/index.html").read_text("utf-8")), (site, study.name, spectrum_id)


def test_the_search_covers_the_same_pages(real_site, zensical_site):
    mkdocs = {doc["location"].split("#")[0] for doc in json.loads((real_site / "search/search_index.json").read_text())["docs"]}
    zensical = {item["location"].split("#")[0] for item in json.loads((zensical_site / "search.json").read_text())["items"]}
    assert mkdocs == zensical


def test_the_post_build_steps_ran_on_the_zensical_site(zensical_site):
    assert 'tabindex="0" title=' in (zensical_site / "index.html").read_text("utf-8")
    assert 'class="pb-print-part"' in (zensical_site / "print/index.html").read_text("utf-8")
    slug = load_playbook(DATA).case_studies[0].slug
    study = (zensical_site / f"case-studies/{slug}/index.html").read_text("utf-8")
    assert f"/data/case-studies/{slug}.yml" in study and f"content/case-studies/{slug}.md" not in study


def test_a_data_error_fails_both_builds_with_the_same_messages(tmp_path):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    study = site / "data/case-studies/acme.yml"
    study.write_text(study.read_text().replace("position: coaching", "position: teaching").replace("name: Acme Corp", "name: Acme Corp\nwebsite: x"))
    mkdocs = build(site, tmp_path / "a")
    zensical = build_with_zensical(site, tmp_path / "b", timeout=300)
    positioned = re.compile(r"^data/\S+:\d+:\d+: .*$", re.M)
    assert mkdocs.returncode and zensical.returncode
    found = set(positioned.findall(mkdocs.stderr))
    assert len(found) == 2 and found == set(positioned.findall(zensical.stderr))


def test_playbook_build_with_the_zensical_engine(capsys, tmp_path):
    from macros.cli import main

    assert main(["--root", str(ROOT), "build", "--engine", "zensical", "--site-dir", str(tmp_path / "z")]) == 0
    assert capsys.readouterr().out.strip() == f"Built {tmp_path / 'z'}/ with Zensical {VERSION}."
    assert (tmp_path / "z/case-studies/index.html").is_file()


def test_both_engines_put_the_licence_in_every_page_s_footer(real_site, zensical_site):
    cc = '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>'
    for site in (real_site, zensical_site):
        html = (site / "index.html").read_text("utf-8")
        assert cc in html[html.index("md-copyright"):], site
