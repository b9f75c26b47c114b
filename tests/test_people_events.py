"""analytics.people, analytics.agreements and analytics.meeting_events on two reports of one meeting."""

from __future__ import annotations

from pathlib import Path

import duckdb

CITY_PAPER = """ date 2024-04-12
Hefei mayor meets Chilean ambassador

Hefei Mayor Luo Yunfeng met with Chilean Ambassador to China Tomas Ibarra on Thursday.

Luo said Hefei welcomes Chilean companies to invest in new energy vehicles. Ibarra said Chile hopes to expand
agricultural trade. After the meeting, the two sides signed a memorandum of understanding on lithium
battery cooperation.
"""
PORTAL = """Date: 2024-04-13
Chilean envoy visits Hefei

Chilean Ambassador to China Tomas Ibarra was received by Hefei Mayor Luo Yunfeng on Thursday afternoon.

Ibarra said Chile is ready to deepen cooperation in agriculture and tourism.
"""


def test_two_reports_make_one_event(tmp_path: Path, prefect_harness):
    from flows.pipeline import meetings_etl

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "city_paper.txt").write_text(CITY_PAPER, encoding="utf-8")
    (folder / "portal.txt").write_text(PORTAL, encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    meetings_etl(input_path=str(folder), warehouse=str(warehouse))
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        events = con.sql(
            "select meeting_date::varchar, report_count, sources from analytics.meeting_events"
        ).fetchall()
        people = con.sql(
            "select person_name, titles, country, meeting_count, first_meeting_date::varchar "
            "from analytics.people order by person_name"
        ).fetchall()
        ids = con.execute("select count(distinct person_id) from analytics.participants").fetchall()[0][0]
        agreements = con.sql("select source_file, subject from analytics.agreements").fetchall()
    finally:
        con.close()
    assert events == [("2024-04-11", 2, ["city_paper.txt", "portal.txt"])]
    assert people == [
        ("Luo Yunfeng", ["Mayor"], "CN", 2, "2024-04-11"),
        ("Tomas Ibarra", ["Ambassador"], "CL", 2, "2024-04-11"),
    ]
    assert ids == 2
    assert agreements == [("city_paper.txt", "memorandum of understanding on lithium battery cooperation")]
