"""The offline copy: zipped into the published site, built for file://, complete and self-contained."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from helpers import DATA, FIXTURES, make_site
from macros.cli import main
from macros.load import load_playbook
from macros.offline import DOWNLOAD, FOLDER, SHIM, zip_site
from build.sitecheck import broken_links

# A script, style sheet, icon, image or frame from another host (a canonical <link> only names the online address).
_EXTERNAL_ASSET = re.compile(r'<(?:script|link(?![^>]*rel="canonical")|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I)


@pytest.fixture(scope="session")
def offline_copy(real_site, tmp_path_factory) -> Path:
    """The downloaded zip, unpacked as a reader would."""
    dest = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(real_site / DOWNLOAD) as archive:
        archive.extractall(dest)
    return dest / FOLDER


def test_the_zip_unpacks_to_one_folder(real_site):
    with zipfile.ZipFile(real_site / DOWNLOAD) as archive:
        names = archive.namelist()
        entries = archive.infolist()
    assert {e.compress_type for e in entries} == {zipfile.ZIP_DEFLATED}
    assert sum(e.compress_size for e in entries) < sum(e.file_size for e in entries) / 2
    assert {name.split("/")[0] for name in names} == {FOLDER}
    assert f"{FOLDER}/index.html" in names
    assert not [s.name for s in load_playbook(DATA).case_studies if f"{FOLDER}/case-studies/{s.slug}.html" not in names]


def test_search_works_without_a_server(offline_copy):
    """Material reads search/search_index.js on file://, where it cannot fetch the JSON."""
    assert (offline_copy / "search/search_index.js").read_text("utf-8").startswith("var __index = {")


def test_pages_link_to_files_not_folders(offline_copy):
    """file:// does not turn a folder into its index.html, so every internal link names an .html file."""
    html = (offline_copy / "models/index.html").read_text("utf-8")
    assert 'href="team-hierarchy.html"' in html
    assert not re.search(r'href="(?!https?:|mailto:|#)[^"]*/"', html)


def test_no_link_or_anchor_is_broken(offline_copy):
    assert broken_links(offline_copy) == []


def test_nothing_is_loaded_from_another_host(offline_copy):
    """Material would load its worker shim from unpkg.com; the copy carries its own."""
    for page in offline_copy.rglob("*.html"):
        html = page.read_text("utf-8")
        assert not _EXTERNAL_ASSET.search(html), page
        assert "unpkg.com" not in html, page
    assert (offline_copy / SHIM).is_file()
    assert f'src="../{SHIM}"' in (offline_copy / "models/team-hierarchy.html").read_text("utf-8")


def test_the_published_site_links_to_the_copy_and_does_not_load_the_shim(real_site):
    home = (real_site / "index.html").read_text("utf-8")
    assert f'href="{DOWNLOAD}" download' in home
    assert "iframe-worker" not in home


def test_the_copy_says_what_it_is_instead_of_offering_itself(offline_copy):
    home = (offline_copy / "index.html").read_text("utf-8")
    assert "You are reading the offline copy" in home
    assert DOWNLOAD not in home


def test_the_same_site_zips_to_the_same_bytes(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>")
    (site / "a/page.html").write_text("<p>page</p>")
    first = zip_site(site, tmp_path / "one.zip").read_bytes()
    (site / "index.html").touch()  # a newer modification time must not change the zip
    assert zip_site(site, tmp_path / "two.zip").read_bytes() == first


def test_playbook_build_stops_at_a_failing_build_and_shows_why(tmp_path, capsys):
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    acme = site / "data/case-studies/acme.yml"
    acme.write_text(acme.read_text("utf-8").replace("position: coaching", "position: teaching"), "utf-8")
    assert main(["--root", str(site), "build", "--site-dir", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "data/case-studies/acme.yml:8:15: positions.operating-principle.position: 'teaching' is not a valid choice" in err
    assert not (tmp_path / "out" / DOWNLOAD).exists()


def test_playbook_build_fails_on_a_warning_and_names_it(tmp_path, capsys):
    """Strict mode only counts warnings MkDocs prints: a quiet build would have shipped this broken link."""
    site = make_site(tmp_path, FIXTURES / "one-company" / "case-studies")
    glossary = site / "content/glossary.md"
    glossary.write_text(glossary.read_text("utf-8") + "\n[A broken link](no-such-page.md)\n", "utf-8")
    assert main(["--root", str(site), "build", "--site-dir", str(tmp_path / "out")]) == 1
    assert "Doc file 'glossary.md' contains a link 'no-such-page.md', but the target is not found" in capsys.readouterr().err
