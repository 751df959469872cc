"""The licence is clear in the repository: code under MIT, prose and data under CC BY 4.0, folder by folder."""

import tomllib

from helpers import ROOT


def test_code_is_mit_and_prose_and_data_are_cc_by_4():
    code = (ROOT / "LICENSE").read_text("utf-8")
    assert code.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in code
    content = " ".join((ROOT / "LICENSE-CONTENT").read_text("utf-8").split())
    assert content.startswith("Creative Commons Attribution 4.0 International (CC BY 4.0)")
    for folder in ("content/", "data/", "data/schema/"):
        assert folder in content, folder
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in content


def test_the_package_declares_its_licence():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["license"] == "MIT"


def test_readme_and_contributing_say_which_folders_are_which_and_that_contributions_share_the_licences():
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    assert "[LICENSE](LICENSE)" in readme and "[LICENSE-CONTENT](LICENSE-CONTENT)" in readme
    assert "`content/`, `data/`" in readme and "MIT License" in readme and "CC BY 4.0" in readme
    guide = " ".join((ROOT / "CONTRIBUTING.md").read_text("utf-8").split())
    assert "your contribution is licensed like the rest of the playbook" in guide
    assert "Creative Commons Attribution 4.0" in guide and "MIT License" in guide
