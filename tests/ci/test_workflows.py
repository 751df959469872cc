"""The CI that builds pull requests is hardened: zizmor finds nothing in .github/, and every action is pinned.

Pull requests come from people we do not know (SECURITY.md), so the workflow must not hand
them a token, an unpinned action or a shell script with their text pasted in. zizmor checks
all of that; these tests run it offline and also check what it does not (the version comments
that Dependabot and reviewers read, and that Dependabot watches both ecosystems).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))

# zizmor's strictest persona (it also reports code smells), offline (no GitHub API, so no token and
# no network), and no config file: a rule can only be silenced by an inline
# `# zizmor: ignore[rule]` comment, next to the line and visible in review, with the reason beside it.
ZIZMOR_ARGS = ["--offline", "--no-config", "--persona=auditor", "--format=json", "--no-progress", "--color=never"]


def zizmor(target: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert exe, "zizmor is not installed: it is in the test extra (make .venv/.installed-test)"
    return subprocess.run([exe, *ZIZMOR_ARGS, str(target)], capture_output=True, text=True, timeout=120, check=False)


def describe(findings: list[dict]) -> str:
    lines = []
    for finding in findings:
        where = finding["locations"][0]["symbolic"]
        path = where["key"]["Local"]["verbatim_path"]
        row = finding["locations"][0]["concrete"]["location"]["start_point"]["row"] + 1
        lines.append(f"{path}:{row}: {finding['ident']}: {finding['desc']} ({where.get('annotation', '')})")
    return "\n".join(lines)


def test_zizmor_finds_nothing_in_github_folder():
    result = zizmor(GITHUB)
    findings = json.loads(result.stdout or "[]")
    assert findings == [], "zizmor findings (see https://docs.zizmor.sh/audits/):\n" + describe(findings)
    assert result.returncode == 0, result.stderr


def test_zizmor_as_run_here_does_report_an_unsafe_workflow(tmp_path):
    """The run above is only worth something if the same invocation catches the faults it is there for."""
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "unsafe.yml").write_text(
        "on: pull_request\n"
        "jobs:\n"
        "  greet:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        encoding="utf-8",
    )
    (tmp_path / ".github" / "dependabot.yml").write_text(
        "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule:\n      interval: weekly\n",
        encoding="utf-8",
    )
    result = zizmor(tmp_path / ".github")
    found = {finding["ident"] for finding in json.loads(result.stdout)}
    assert {"unpinned-uses", "artipacked", "template-injection", "excessive-permissions", "dependabot-cooldown"} <= found
    assert result.returncode != 0


def test_there_is_a_workflow_to_check():
    assert "ci.yml" in [path.name for path in WORKFLOWS]


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_release_in_a_comment(workflow):
    """zizmor checks the SHA; the `# vX.Y.Z` comment is what a reviewer reads and what Dependabot rewrites."""
    uses = [match for line in workflow.read_text(encoding="utf-8").splitlines() if (match := USES.match(line))]
    assert uses, f"{workflow.name} uses no actions? The pattern no longer matches the file."
    for match in uses:
        ref, rest = match["ref"], match["rest"]
        if ref.startswith("./"):
            continue  # an action in this repository: pinned by the checkout itself
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{workflow.name}: {ref} is not pinned to a full commit SHA"
        assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", rest), f"{workflow.name}: {ref} needs its release as '# vX.Y.Z' after it"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_no_job_gets_permissions_it_did_not_ask_for(workflow):
    """The workflow grants nothing by default, so a new job starts with no token rights."""
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert data.get("permissions") == {}, f"{workflow.name}: set `permissions: {{}}` at the top and grant per job"
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"{workflow.name}: job {name} must list the permissions it needs"
        assert "write-all" not in str(job["permissions"]), f"{workflow.name}: job {name}"


def test_dependabot_keeps_actions_and_python_pins_current():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    by_ecosystem = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(by_ecosystem) == {"github-actions", "pip"}
    for ecosystem, update in by_ecosystem.items():
        assert update["directory"] == "/", ecosystem
        assert update["schedule"]["interval"] == "weekly", ecosystem
        assert update.get("groups"), f"{ecosystem}: updates are grouped into one pull request"


def test_every_job_has_a_timeout():
    """A hostile pull request cannot hold a runner for GitHub's default of six hours."""
    for workflow in sorted((ROOT / ".github/workflows").glob("*.yml")):
        jobs = yaml.safe_load(workflow.read_text())["jobs"]
        missing = [name for name, job in jobs.items() if not isinstance(job.get("timeout-minutes"), int)]
        assert not missing, f"{workflow.name}: jobs without timeout-minutes: {missing}"


def test_a_weekly_run_tests_the_newest_releases_without_blocking_pull_requests():
    """The newest release of every dependency, unlocked, through `make test`: scheduled, bounded in time, read-only."""
    workflow = GITHUB / "workflows" / "newest-dependencies.yml"
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    triggers = data[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"}, "never on pull requests or pushes: it must not block them"
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert (day, month) == ("*", "*") and weekday.isdigit(), f"{cron}: once a week"
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"contents": "read"} and 0 < job["timeout-minutes"] <= 60
    script = "\n".join(step.get("run", "") for step in job["steps"])
    assert "--upgrade --upgrade-strategy eager -e \".[test]\"" in script and "requirements/" not in script  # no lock
    assert script.rstrip().endswith("make test")
