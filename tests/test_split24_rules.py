"""Rules written for the misses of split 24 (docs/split24_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_talks_a_planned_trip_is_expected_to_include_are_no_meeting(ref):
    for wording in (
        "The trip is expected to include talks with Chengdu Mayor Wang Fengchao and a tour of the port.",
        "The programme will include talks with Chengdu Mayor Wang Fengchao.",
        "The visit is scheduled to include a meeting with Chengdu Mayor Wang Fengchao.",
    ):
        text = (
            "Published: 2024-06-04\n\n"
            "Perth Lord Mayor Basil Zempilas will lead a trade mission to Chengdu in October, the council said.\n\n"
            + wording
        )
        got = people(text, ref)
        assert "Wang Fengchao" not in got, wording


def test_a_meeting_told_with_another_month_is_background(ref):
    for wording in (
        "Prime Minister Anita Kovacs, who hosted Premier Li Qiang in Budapest in June, has said trade will double.",
        "Governor Hana Sato, who received Ambassador Lu Wen in Tokyo in May, said the ties were deep.",
    ):
        text = "Published: 2024-09-10\n\nNingbo hopes for more flights to Europe.\n\n" + wording
        got = people(text, ref)
        assert not ({"Anita Kovacs", "Li Qiang", "Hana Sato", "Lu Wen"} & set(got)), wording


def test_a_meeting_in_the_month_of_publication_still_counts(ref):
    text = (
        "Published: 2024-09-10\n\n"
        "Ningbo Mayor Tang Feifan met with Rotterdam Mayor Ahmed Aboutaleb in Ningbo in September.\n\n"
        "Tang said the two ports would share routes."
    )
    got = people(text, ref)
    assert {"Tang Feifan", "Ahmed Aboutaleb"} <= set(got)


def test_attendance_at_an_event_last_month_or_years_ago_is_no_attendance(ref):
    for opener in ("Last March", "Two years ago"):
        text = (
            "Published: 2024-05-21\n\n"
            "Gansu Governor Ren Zhenhe met with a delegation led by Mayor of Bishkek Aibek Dzhunushaliev "
            "in Lanzhou yesterday.\n\n"
            f"{opener}, Lanzhou hosted a trade fair, at which President Sadyr Japarov, together with "
            "Premier Askar Tolonov, opened the Kyrgyz pavilion.\n\n"
            "Vice Governor Zhang Jinming was also present."
        )
        got = people(text, ref)
        assert {"Ren Zhenhe", "Aibek Dzhunushaliev", "Zhang Jinming"} <= set(got), opener
        assert not ({"Sadyr Japarov", "Askar Tolonov"} & set(got)), opener
        assert not any(n.startswith(("Last", "Two")) for n in got), opener


def test_a_list_of_group_members_names_guest_members(ref):
    for opener in ("Also in the group were", "In the delegation were"):
        text = (
            "Published: 2024-11-13\n\n"
            "Tianjin Mayor Zhang Gong met with a delegation of the Korea-China Trade Association on Tuesday, "
            "headed by its chairman, Park Min-ho.\n\n"
            f"{opener} Lee Seo-yeon, president of Hanul Logistics; and Choi Dong-wook, chairman of "
            "Daesan Machinery."
        )
        got = people(text, ref)
        assert {"Zhang Gong", "Park Min-ho", "Lee Seo-yeon", "Choi Dong-wook"} <= set(got), opener
        assert got["Lee Seo-yeon"]["side"] == "guest"
        assert got["Lee Seo-yeon"]["role"] == "member"


def test_foreign_universities_series_and_biologics_firms_are_no_people(ref):
    text = (
        "Published: 2024-11-13\n\n"
        "Wuhan Mayor Cheng Yongwen met with Lyon Deputy Mayor Claire Dubois-Martin on Tuesday, as the city "
        "hosted the Asian Cycling Series final.\n\n"
        "Also present were Prof. Alain Girard of Université Lumière and Kenta Mori, chief executive "
        "officer of Hoshino Biologics."
    )
    got = people(text, ref)
    assert {"Cheng Yongwen", "Claire Dubois-Martin", "Alain Girard", "Kenta Mori"} <= set(got)
    assert not (
        {"Cycling Series", "Asian Cycling Series", "Université Lumière", "Hoshino Biologics"} & set(got)
    )
