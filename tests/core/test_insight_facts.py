"""The facts insights read, the summaries kept beside archive months, and Student's t."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.insights.facts import RUN_ID, RUN_PRACTICES, SUMMARY_VERSION, facts_of, read_facts, summary_path
from tui.core.insights.student_t import t_cdf, t_density, t_quantile
from tui.core.journal.archive import archive_path
from tui.core.journal.journal import Journal

TZ = timezone(timedelta(hours=1))
START = datetime(2024, 3, 4, 8, tzinfo=TZ)
LATER = datetime(2024, 7, 1, 9, tzinfo=TZ)  # March and April are archived by then


def archived_journal(path) -> Journal:
    """Six rated runs in March and April, moved to the archive."""
    journal = Journal(path, now=lambda: LATER)
    for n in range(6):
        ended = START + timedelta(days=9 * n)
        run = journal.add_run(ended, "easy")
        journal.record_practices(run["id"], ["foam-roll"] if n % 2 else ["meal"])
        journal.add_soreness(2 + n, when=ended + timedelta(hours=20))
    journal.archive_old_months()
    assert journal.archive_months() == ["2024-04", "2024-03"]
    return journal


def sorted_facts(facts):
    return sorted(map(tuple, facts.runs)), sorted(map(tuple, facts.ratings))


def test_summaries_are_kept_and_match_the_records(tmp_path):
    with archived_journal(tmp_path / "journal.json") as journal:
        first = read_facts(journal)
        march = Path(summary_path(archive_path(journal.path, "2024-03")))
        assert march.exists() and oct(march.stat().st_mode & 0o777) == "0o600"
        assert sorted_facts(read_facts(journal)) == sorted_facts(first)  # now from the summaries
        assert sorted_facts(first) == sorted_facts(facts_of(journal.records()))
        assert len(first.runs) == 6 and len(first.ratings) == 6


def test_a_changed_archive_month_is_summarised_again(tmp_path):
    with archived_journal(tmp_path / "journal.json") as journal:
        read_facts(journal)
        run = next(r for r in journal.records() if r["type"] == "run" and r["time"].startswith("2024-03"))
        journal.record_practices(run["id"], ["ice-bath"])  # rewrites the archive file of March
        changed = next(r for r in read_facts(journal).runs if r[RUN_ID] == run["id"])
        assert "ice-bath" in changed[RUN_PRACTICES]


def test_a_damaged_summary_is_made_again(tmp_path):
    with archived_journal(tmp_path / "journal.json") as journal:
        expected = sorted_facts(read_facts(journal))
        summary = Path(summary_path(archive_path(journal.path, "2024-04")))
        summary.write_text('{"v": 1, "stamp": [1, 2], "runs": [[1')
        assert sorted_facts(read_facts(journal)) == expected
        assert summary.read_text().startswith(f'{{"v":{SUMMARY_VERSION}')


def test_a_record_in_both_journal_and_archive_counts_once(tmp_path):
    """A move to the archive cut off before the journal was saved leaves the
    record in both; the journal's copy wins, as in Journal.records."""
    import json

    with archived_journal(tmp_path / "journal.json") as journal:
        read_facts(journal)
        march = json.loads(archive_path(journal.path, "2024-03").read_text())["records"]
        tables = json.loads(journal.path.read_text())
        tables["records"].update(march)
        journal.close()
        journal.path.write_text(json.dumps(tables))
        facts = read_facts(journal)
        assert len(facts.runs) == 6 and len(facts.ratings) == 6


def test_a_missing_journal_reads_as_nothing_and_creates_nothing(tmp_path):
    path = tmp_path / "none" / "journal.json"
    with Journal(path) as journal:
        facts = read_facts(journal)
    assert (facts.runs, facts.ratings) == ([], []) and not path.parent.exists()


@pytest.mark.parametrize("df, expected", [
    (1, 12.706205), (2, 4.302653), (4, 2.776445), (10, 2.228139), (30, 2.042272), (1000, 1.962339),
])
def test_t_quantiles_match_published_tables(df, expected):
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=2e-6)
    assert t_quantile(0.025, df) == pytest.approx(-expected, abs=2e-6)
    assert t_cdf(expected, df) == pytest.approx(0.975, abs=1e-7)


def test_fractional_degrees_of_freedom_agree_with_the_integrated_density():
    """Welch-Satterthwaite gives fractional df, which tables do not list: the
    quantile's CDF (incomplete beta) against Simpson's rule over the density."""
    df = 2.5
    t = t_quantile(0.975, df)
    steps = 20_000
    h = t / steps
    inner = sum((4 if i % 2 else 2) * t_density(i * h, df) for i in range(1, steps))
    area = (t_density(0, df) + inner + t_density(t, df)) * h / 3
    assert 0.5 + area == pytest.approx(0.975, abs=1e-9)


def test_a_damaged_archived_record_is_reported_on_every_read(tmp_path):
    import json

    with archived_journal(tmp_path / "journal.json") as journal:
        march = archive_path(journal.path, "2024-03")
        tables = json.loads(march.read_text())
        key = next(k for k, doc in tables["records"].items() if doc["type"] == "soreness")
        tables["records"][key]["overall"] = "very"
        march.write_text(json.dumps(tables))
        first, second = read_facts(journal), read_facts(journal)  # the second from the summary
        assert Path(summary_path(march)).exists()
        for facts in (first, second):
            assert len(facts.ratings) == 5
            assert [p for p in facts.problems if f"Record #{key}" in p and "'overall'" in p]


def test_a_link_in_place_of_a_summary_is_not_followed(tmp_path):
    with archived_journal(tmp_path / "journal.json") as journal:
        expected = sorted_facts(read_facts(journal))
        summary = Path(summary_path(archive_path(journal.path, "2024-03")))
        target = tmp_path / "elsewhere.json"
        target.write_bytes(summary.read_bytes())
        summary.unlink()
        summary.symlink_to(target)
        before = target.read_bytes()
        assert sorted_facts(read_facts(journal)) == expected
        assert not summary.is_symlink() and target.read_bytes() == before  # replaced, target untouched
