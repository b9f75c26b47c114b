"""Rules written for the misses of split 40 (docs/split40_coverage.md), on sentences of our own:
the everyday English pages of Chinese city and prefecture portals."""

from __future__ import annotations

from datetime import date

from transform_helpers import docs, people

from flows.transform import transform


def test_a_stop_the_headline_does_not_name_is_another_stop_of_the_trip(ref):
    text = (
        "Date: 2024-10-19\n"
        "Consul General of Peru visits Lanzhou\n"
        "Consulate General of the Republic of Peru in Chengdu, Sichuan Province\n\n"
        "Consul General of Peru in Chengdu Rosa Quispe Mamani paid a visit to Gansu Province on "
        "15-17 October.\n\n"
        "On Tuesday (15 October), the Consul General visited Tianshui, where she was greeted by Vice "
        "Mayor Ding Xiaomei and toured an apple orchard.\n\n"
        "On 17 October, the Consul General met with Ren Zhiqiang, Mayor of Lanzhou. They discussed "
        "exports of Peruvian blueberries and flights between Lanzhou and Lima.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: r for r in t.participants.iter_rows(named=True)}
    assert set(got) == {"Rosa Quispe Mamani", "Ren Zhiqiang"}
    assert got["Ren Zhiqiang"]["side"] == "host" and got["Ren Zhiqiang"]["role"] == "lead"
    assert got["Rosa Quispe Mamani"]["side"] == "guest"
    assert t.meetings["meeting_date"].to_list() == [date(2024, 10, 17)]


def test_a_stop_the_headline_names_is_still_a_meeting(ref):
    # both stops in the headline: each is a meeting of the report
    text = (
        "Date: 2024-10-19\n"
        "Peruvian envoy visits Tianshui and Lanzhou\n\n"
        "On Tuesday, Consul General of Peru Rosa Quispe Mamani visited Tianshui, where she was "
        "received by Mayor Ding Xiaomei.\n\n"
        "On Thursday, the Consul General travelled to Lanzhou, where she met with Lanzhou Mayor Ren "
        "Zhiqiang.\n"
    )
    got = people(text, ref)
    assert {"Ding Xiaomei", "Rosa Quispe Mamani"} <= set(got)
    assert got["Ding Xiaomei"]["side"] == "host"


def test_an_official_of_a_prefecture_citys_government_is_on_the_host_side(ref):
    # Zigong (places.csv): its government's official attends with the host, not with the firm
    text = (
        "Published: Apr 9, 2023\n"
        "Zigong mayor meets Italian lantern maker\n\n"
        "Zigong Mayor He Jiaming met with Lucia Ferraro, Managing Director of Luminarie Italia, a "
        "unit of the Italian lighting group Luminarie, on Friday.\n\n"
        "He said the city hopes to work with the group on lantern festivals abroad.\n\n"
        "Deputy Secretary-General of the Zigong Municipal Government Qiao Lanfang attended the meeting.\n"
    )
    got = people(text, ref)
    assert got["Qiao Lanfang"]["side"] == "host" and got["Qiao Lanfang"]["country"] == "CN"
    assert got["Lucia Ferraro"]["side"] == "guest"


def test_sorghum_is_a_crop(ref):
    text = (
        "Published: Apr 9, 2023\n"
        "Yibin mayor meets French distiller\n\n"
        "Yibin Mayor Cao Lianfang met with Hugo Marchand, General Manager of Distillerie Marchand, on "
        "Friday. Cao invited the company to buy red sorghum from the county's cooperatives.\n"
    )
    themes = set(transform(docs(text), ref).meeting_themes["theme"].to_list())
    assert "agriculture_food" in themes
