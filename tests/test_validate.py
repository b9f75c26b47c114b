"""Great Expectations suites (expectations/*.json) and flows/validate.py on the stub's tables."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from flows.settings import PROJECT_ROOT
from flows.validate import SUITES, SuiteError, ValidationFailed, load_suite_specs, validate_tables

EXPECTATIONS = PROJECT_ROOT / "expectations"


def test_every_table_has_a_suite_named_after_it():
    specs = load_suite_specs(EXPECTATIONS)
    assert sorted(specs) == sorted(SUITES)
    assert all(spec["name"] == name for name, spec in specs.items())


def test_theme_value_set_matches_the_taxonomy_csv():
    with (PROJECT_ROOT / "seeds" / "reference" / "themes.csv").open(encoding="utf-8") as f:
        codes = [row["code"] for row in csv.DictReader(f)]
    spec = load_suite_specs(EXPECTATIONS)["meeting_themes"]
    sets = [
        e["kwargs"]["value_set"]
        for e in spec["expectations"]
        if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"]["column"] == "theme"
    ]
    assert len(codes) == 16
    assert sets == [codes]


def test_clean_tables_pass_every_expectation(stub_tables):
    validation = validate_tables(stub_tables, EXPECTATIONS)
    specs = load_suite_specs(EXPECTATIONS)
    assert validation.ok
    assert validation.results.height == sum(len(s["expectations"]) for s in specs.values()) == 31
    assert validation.results.get_column("success").all()
    side = validation.results.filter(pl.col("expectation") == "expect_column_values_to_be_in_set(side)")
    assert side.get_column("suite").to_list() == ["participants"]
    assert json.loads(side.item(0, "details"))["element_count"] == 4


def test_bad_side_fails_naming_the_expectation_and_the_row(stub_tables):
    stub_tables.participants = stub_tables.participants.with_columns(
        pl.when(pl.col("person_name") == "Anna Berg").then(pl.lit("visitor")).otherwise("side").alias("side")
    )
    validation = validate_tables(stub_tables, EXPECTATIONS)
    assert not validation.ok
    assert [(f.suite, f.expectation) for f in validation.failures] == [
        ("participants", "expect_column_values_to_be_in_set(side)")
    ]
    failure = validation.failures[0]
    assert (failure.unexpected_count, failure.element_count, failure.sample_values) == (1, 4, ["visitor"])
    assert failure.sample_rows.select("person_name", "side").rows() == [("Anna Berg", "visitor")]
    details = json.loads(
        validation.results.filter(~pl.col("success")).item(0, "details"),
    )
    assert details["failing_values"] == ["visitor"]
    with pytest.raises(ValidationFailed) as raised:
        validation.raise_if_failed()
    message = str(raised.value)
    assert "participants: expect_column_values_to_be_in_set(side) (1 of 4 rows, e.g. 'visitor')" in message
    assert "Anna Berg" in message


def test_cross_column_and_cross_table_checks(stub_tables):
    # A meeting dated after its article, and a participant whose meeting doesn't exist.
    stub_tables.meetings = stub_tables.meetings.with_columns(
        pl.when(pl.col("location") == "Suzhou")
        .then(pl.col("published_date").dt.offset_by("1d"))
        .otherwise("meeting_date")
        .alias("meeting_date")
    )
    stub_tables.participants = stub_tables.participants.with_columns(
        pl.when(pl.col("person_name") == "Lu Jianhua")
        .then(pl.lit("missing-1"))
        .otherwise("meeting_id")
        .alias("meeting_id")
    )
    validation = validate_tables(stub_tables, EXPECTATIONS)
    by_name = {(f.suite, f.expectation): f for f in validation.failures}
    assert set(by_name) == {
        ("meetings", "expect_column_values_to_be_in_set(meeting_date_not_after_published)"),
        ("participants", "expect_column_values_to_be_in_set(meeting_id_in_meetings)"),
    }
    late = by_name[("meetings", "expect_column_values_to_be_in_set(meeting_date_not_after_published)")]
    assert [
        (r["source_file"], str(r["meeting_date"]), str(r["published_date"]))
        for r in late.sample_rows.to_dicts()
    ] == [("sub/b_se.txt", "2024-05-11", "2024-05-10")]
    orphan = by_name[("participants", "expect_column_values_to_be_in_set(meeting_id_in_meetings)")]
    assert orphan.sample_rows.select("meeting_id", "person_name").rows() == [("missing-1", "Lu Jianhua")]


def test_null_dates_and_countries_are_allowed(stub_tables):
    stub_tables.meetings = stub_tables.meetings.with_columns(
        pl.lit(None, dtype=pl.Date).alias("meeting_date")
    )
    stub_tables.participants = stub_tables.participants.with_columns(
        pl.lit(None, dtype=pl.String).alias("country")
    )
    assert validate_tables(stub_tables, EXPECTATIONS).ok


def test_duplicate_participant_key_fails(stub_tables):
    stub_tables.participants = pl.concat([stub_tables.participants, stub_tables.participants.head(1)])
    validation = validate_tables(stub_tables, EXPECTATIONS)
    assert [f.expectation for f in validation.failures] == [
        "expect_compound_columns_to_be_unique(meeting_id, person_name)"
    ]
    assert validation.failures[0].unexpected_count == 2


def test_unknown_expectation_type_is_refused_not_dropped(tmp_path: Path, stub_tables):
    folder = tmp_path / "expectations"
    shutil.copytree(EXPECTATIONS, folder)
    spec = json.loads((folder / "meetings.json").read_text())
    spec["expectations"].append(
        {"type": "expect_column_values_to_be_spotless", "kwargs": {"column": "evidence"}}
    )
    (folder / "meetings.json").write_text(json.dumps(spec))
    with pytest.raises(SuiteError, match=r"meetings.json: 9 expectations in the file but GX loaded 8"):
        validate_tables(stub_tables, folder)
