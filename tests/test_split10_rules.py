"""Unit tests of the rules written for the misses of split 10 (x1001-x1040), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_attending_a_named_event_is_not_attending_the_meeting(ref):
    """ "attended the Pacific Trade Forum Annual Conference": a capitalised object names another event."""
    got = people(
        " date 2024-05-10\n"
        "On May 9, Governor Tao Minghui met with Premier of Tasmania Owen Fairley in Haikou.\n\n"
        "Tao said Prime Minister Rhys Calder attended the Pacific Trade Forum Annual Conference in March.\n\n"
        "Vice Governor Yu Lan attended the meeting.\n",
        ref,
    )
    assert "Rhys Calder" not in got and "Annual Conference" not in got
    assert got["Yu Lan"]["role"] == "member"


def test_attendance_before_arriving_is_an_earlier_stop(ref):
    got = people(
        "Kobe, May 3 (Xinhua) -- Mayor Kenta Imura received a delegation from Ningbo led by Vice Mayor "
        "Dai Rong on Friday.\n\n"
        "Before arriving in Kobe, Dai's delegation attended a trade fair in Nagoya, which was opened by "
        "Haruto Segawa, head of the regional port bureau.\n",
        ref,
    )
    assert "Haruto Segawa" not in got
    assert {"Kenta Imura", "Dai Rong"} <= set(got)


def test_office_off_the_canonical_list_gives_no_title(ref):
    """titles.csv rows with no title ("chief operating officer") are offices but give none; another
    office of the same description still does."""
    got = people(
        " date 2024-06-11\n"
        "Mayor Lu Fang met with Ines Kovac, CEO of Adria Motors, on Monday.\n\n"
        "Tomas Hribar, the company's chief operating officer, and Adria Motors Vice President and Chief "
        "Financial Officer Mira Zupan joined the talks.\n",
        ref,
    )
    assert got["Tomas Hribar"]["title"] is None
    assert got["Mira Zupan"]["title"] == "Vice President"


def test_plural_office_before_a_colon_list(ref):
    """ "three consuls general based in the city: A of X, B of Y": each takes the office and country."""
    got = people(
        " date 2024-04-02\n"
        "Chengdu Mayor Ruan Bo met on Monday with two consuls general based in the city: Aiko Mori of "
        "Japan and Pablo Duarte of Chile.\n",
        ref,
    )
    assert (got["Aiko Mori"]["title"], got["Aiko Mori"]["country"]) == ("Consul General", "JP")
    assert (got["Pablo Duarte"]["title"], got["Pablo Duarte"]["country"]) == ("Consul General", "CL")


def test_minister_delegate_is_a_minister(ref):
    got = people(
        " date 2024-03-09\n"
        "Mayor Gu Ping met with Belgian Minister Delegate for Trade Elise Vermeulen in Wuxi on March 8.\n",
        ref,
    )
    assert got["Elise Vermeulen"]["title"] == "Minister"
    assert "Delegate" not in got


def test_present_on_a_side_lists_members(ref):
    """ "Present on the Hunan side were A, B and C": attendees."""
    got = people(
        " date 2024-07-02\n"
        "Governor Shen Tao met with Premier of Saskatchewan Colin Marsh in Changsha on July 1.\n\n"
        "Present on the Hunan side were Vice Governor Fu Lin and Director of the Foreign Affairs Office "
        "Kang Wei.\n",
        ref,
    )
    assert got["Fu Lin"]["role"] == "member" and got["Kang Wei"]["role"] == "member"
    assert got["Fu Lin"]["side"] == "host"
