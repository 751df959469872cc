"""Page URLs and relative links match what MkDocs builds, with and without directory URLs."""

import posixpath

import pytest

from macros.links import Linker, page_url, relative_path


@pytest.mark.parametrize(
    "src, directory, url",
    [
        ("index.md", True, ""),
        ("models/index.md", True, "models/"),
        ("models/team-hierarchy.md", True, "models/team-hierarchy/"),
        ("index.md", False, "index.html"),
        ("case-studies/kroger.md", False, "case-studies/kroger.html"),
    ],
)
def test_page_url(src, directory, url):
    assert page_url(src, directory) == url


@pytest.mark.parametrize(
    "here, there, anchor, directory, href",
    [
        ("index.md", "models/team-hierarchy.md", "", True, "models/team-hierarchy/"),
        ("models/team-hierarchy.md", "case-studies/kroger.md", "", True, "../../case-studies/kroger/"),
        ("case-studies/kroger.md", "models/operating-principle.md", "coaching", True, "../../models/operating-principle/#coaching"),
        ("case-studies/kroger.md", "index.md", "", True, "../../"),
        ("models/team-hierarchy.md", "models/team-hierarchy.md", "hybrid", True, "./#hybrid"),
        ("case-studies/index.md", "case-studies/kroger.md", "", True, "kroger/"),
        ("case-studies/kroger.md", "models/operating-principle.md", "coaching", False, "../models/operating-principle.html#coaching"),
        ("index.md", "case-studies/index.md", "", False, "case-studies/index.html"),
    ],
)
def test_relative_links(here, there, anchor, directory, href):
    assert Linker(here, directory).to(there, anchor) == href


PATHS = ["", ".", "a", "a/", "a/b", "a/b/", "a/c", "b", "a/b/c", "case-studies/kroger", "case-studies", "models/x"]


@pytest.mark.parametrize("base", PATHS)
def test_relative_path_matches_posixpath_relpath(base):
    for target in PATHS:
        assert relative_path(target, base) == posixpath.relpath(target or ".", base or "."), (target, base)


@pytest.mark.parametrize(
    "here, directory, href",
    [
        ("index.md", True, "downloads/copy.zip"),
        ("index.md", False, "downloads/copy.zip"),
        ("models/index.md", True, "../downloads/copy.zip"),
        ("models/team-hierarchy.md", True, "../../downloads/copy.zip"),
        ("models/team-hierarchy.md", False, "../downloads/copy.zip"),
    ],
)
def test_links_to_a_download(here, directory, href):
    assert Linker(here, directory).to_file("downloads/copy.zip") == href
