"""The contributor guide, the pull request template and CI say the same thing."""

import re

import yaml

from helpers import ROOT


def checklist(path):
    """The '- [ ]' items of a Markdown file, whitespace-normalised."""
    text = (ROOT / path).read_text("utf-8")
    items = re.findall(r"^- \[ \] (.+(?:\n {2,}.+)*)", text, re.M)
    return [" ".join(item.split()) for item in items]


def test_pull_request_template_has_the_guides_checklist():
    guide = checklist("CONTRIBUTING.md")
    template = checklist(".github/PULL_REQUEST_TEMPLATE.md")
    assert len(guide) == 6
    assert template[0].startswith("One new or changed file in `data/case-studies/`")
    assert guide[1:] == template[1:]


def test_ci_checks_every_pull_request_and_deploys_main():
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text("utf-8"))
    triggers = workflow[True]  # PyYAML reads the bare key `on` as true: the very trap our own loader refuses
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    assert ".venv/bin/playbook check --format github" in steps
    assert "make build" in steps and "make test" in steps
    assert workflow["jobs"]["deploy"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def test_issue_forms_are_valid_yaml_with_required_fields():
    for name in ("suggest-a-case-study.yml", "report-an-error.yml"):
        form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text("utf-8"))
        assert form["name"] and form["description"]
        assert any(item.get("validations", {}).get("required") for item in form["body"])


def test_contributing_shows_one_complete_made_up_example_that_passes_the_checks(tmp_path):
    from helpers import copy_data
    from macros.load import load_playbook

    guide = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    (example,) = re.findall(r"```yaml\n(# yaml-language-server: .*?)```", guide, re.S)
    assert "made up" in example.splitlines()[1].lower()  # labelled as an example on its own second line
    data = copy_data(tmp_path)
    (data / "case-studies/example-co.yml").write_text(example, "utf-8")
    study = next(s for s in load_playbook(data).case_studies if s.slug == "example-co")
    assert study.name == "Example Co" and len(study.sources) == 2
    assert sorted(s.kind for s in study.sources) == ["first-hand", "secondary"]
    assert {c.source for c in study.claims().values()} == {s.id for s in study.sources}  # each source is cited by id


def test_contributing_explains_kinds_source_references_and_reporting_lines():
    guide = " ".join((ROOT / "CONTRIBUTING.md").read_text("utf-8").split())
    for phrase in ("`kind: first-hand`", "`kind: secondary`", "`source:`", "`id`", "reports to", "sits inside"):
        assert phrase in guide, phrase


def test_pull_requests_get_the_built_site_as_a_preview_and_a_summary_from_playbook_summary():
    steps = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text("utf-8"))["jobs"]["check"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 2  # the merge commit and its parents: HEAD^1 is the base branch
    upload = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert steps[upload]["if"] == "github.event_name == 'pull_request'" and steps[upload]["with"]["path"] == "site"
    assert steps[upload - 1]["run"] == "make build"  # the site as built by the strict build
    summary = next(i for i, s in enumerate(steps) if "playbook summary" in s.get("run", ""))
    step = steps[summary]
    assert summary > upload and "!cancelled()" in step["if"] and "github.event_name == 'pull_request'" in step["if"]
    assert step["run"] == '.venv/bin/playbook summary --base HEAD^1 --preview-url "$PREVIEW_URL" >> "$GITHUB_STEP_SUMMARY"'
    assert step["env"] == {"PREVIEW_URL": f"${{{{ steps.{steps[upload]['id']}.outputs.artifact-url }}}}"}
