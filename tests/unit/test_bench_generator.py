"""The benchmark's synthetic playbook passes the real loader, and its case studies vary like real ones."""

import sys
from collections import Counter
from datetime import date

from helpers import DATA, ROOT
from macros.load import load_playbook

# benchmarks/ is run from the repository root (python -m benchmarks.bench), not installed.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import case_study, read_choices, to_yaml, write_playbook  # noqa: E402

N = 40
TODAY = date.today()


def _playbook(tmp_path, n=N):
    return load_playbook(write_playbook(tmp_path, n, today=TODAY), TODAY)


def test_synthetic_case_studies_pass_the_real_loader_and_schema(tmp_path):
    playbook = _playbook(tmp_path)
    assert len(playbook.case_studies) == N
    assert len({s.name for s in playbook.case_studies}) == N
    assert all(s.last_reviewed < TODAY for s in playbook.case_studies)
    assert all(src.url.startswith("https://example.com/") for s in playbook.case_studies for src in s.sources)


def test_shared_data_is_copied_from_the_real_playbook(tmp_path):
    playbook = _playbook(tmp_path, 3)
    real = load_playbook(DATA)
    assert [s.id for s in playbook.spectrums] == [s.id for s in real.spectrums]
    assert [r.id for r in playbook.reporting_lines] == [r.id for r in real.reporting_lines]


def test_positions_vary_and_some_are_not_stated(tmp_path):
    playbook = _playbook(tmp_path)
    for spectrum in playbook.spectrums:
        stated = Counter(s.positions[spectrum.id].id for s in playbook.case_studies if spectrum.id in s.positions)
        assert len(stated) == len(spectrum.positions), f"{spectrum.id}: every position should be used, got {dict(stated)}"
        assert sum(stated.values()) < N, f"{spectrum.id}: some case studies should not state it"
    assert len({s.reporting_line.id for s in playbook.case_studies if s.reporting_line}) > 1
    assert any(s.reporting_line is None for s in playbook.case_studies)
    assert any(s.specialisation for s in playbook.case_studies)


def test_text_lengths_are_like_the_hand_written_case_studies(tmp_path):
    playbook = _playbook(tmp_path)
    summaries = sorted(len(s.summary) for s in playbook.case_studies)
    assert 150 <= summaries[N // 2] <= 600
    assert all(1 <= len(s.what_the_team_does) <= 12 and 1 <= len(s.lessons) <= 12 for s in playbook.case_studies)


def test_a_case_study_does_not_depend_on_how_many_are_generated(tmp_path):
    """The first case studies of a large playbook are those of a small one, so one page can be compared at both sizes."""
    small = write_playbook(tmp_path / "small", 5, today=TODAY) / "case-studies"
    large = write_playbook(tmp_path / "large", 12, today=TODAY) / "case-studies"
    for path in small.iterdir():
        assert (large / path.name).read_text("utf-8") == path.read_text("utf-8")
    choices = read_choices()
    assert to_yaml(case_study(7, choices, TODAY)) != to_yaml(case_study(8, choices, TODAY))
