"""Rules written for the misses of split 32 (docs/split32_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_indian_honorifics_are_no_part_of_the_name(ref):
    text = (
        "Published: 2025-02-11\n\n"
        "The Consul General of France in Chennai, Mr. Pierre Lavaud, called on Chief Minister "
        "Thiru S. Anbarasan at the Secretariat on Monday.\n\n"
        "Shri Mohan Kulkarni, Industries Secretary, and Smt. Devika Raman, Director of Tourism, "
        "were present.\n\n"
        "Anbarasan said the state would welcome French investment in electric vehicles."
    )
    got = people(text, ref)
    assert {"S. Anbarasan", "Mohan Kulkarni", "Devika Raman", "Pierre Lavaud"} <= set(got)
    assert not any(n.split()[0] in {"Thiru", "Shri", "Smt."} for n in got)
    assert got["S. Anbarasan"]["title"] == "Chief Minister"


def test_at_after_an_apposition_opens_the_venue_not_a_description(ref):
    text = (
        "Published: 2025-03-04\n\n"
        "Governor Morikawa Kenji received a delegation of the Standing Committee of the Jilin Provincial "
        "People's Congress led by its Chairman, Sun Haoran, at the Niigata Government Office in Niigata "
        "City yesterday.\n\n"
        "Sun said Jilin valued the friendship."
    )
    got = people(text, ref)
    assert (got["Morikawa Kenji"]["country"], got["Morikawa Kenji"]["side"]) == ("JP", "host")
    assert (got["Sun Haoran"]["country"], got["Sun Haoran"]["side"]) == ("CN", "guest")


def test_a_name_without_its_patronymic_is_the_same_person(ref):
    text = (
        "Published: 2024-07-02\n\n"
        "The Governor of Khabarovsk Krai, Dmitry Sergeyevich Volkov, held talks with Jilin Party "
        "Secretary Qiao Mingda in Changchun on Monday.\n\n"
        "The next day Dmitry Volkov met with Changchun Mayor Wang Zihan. Wang proposed charter flights."
    )
    got = people(text, ref)
    assert "Dmitry Sergeyevich Volkov" in got
    assert "Dmitry Volkov" not in got


def test_a_one_letter_honorific_after_another_honorific_is_an_initial(ref):
    text = (
        "Published: 2025-02-11\n\n"
        "Minister for Industries Shri M. K. Gowda met the Consul General of Japan in Bengaluru, "
        "Mr. Ito Satoshi, on Tuesday.\n\n"
        "Gowda said Karnataka would offer land for Japanese firms."
    )
    got = people(text, ref)
    assert "M. K. Gowda" in got
    assert "K. Gowda" not in got


def test_a_deputy_accompanying_one_of_two_leads_of_that_office_is_on_that_side(ref):
    text = (
        "Published: 2024-11-05\n\n"
        "Miyagi Prefecture Governor Sato Hiroshi and Jilin Governor Hu Yuting met in Changchun today.\n\n"
        "Vice Governor Ikeda Mariko accompanied Sato. Jilin Vice Governor Tian Wei attended the talks."
    )
    got = people(text, ref)
    assert (got["Ikeda Mariko"]["country"], got["Ikeda Mariko"]["side"]) == ("JP", "guest")
    assert (got["Tian Wei"]["country"], got["Tian Wei"]["side"]) == ("CN", "host")


def test_a_name_with_its_own_title_after_an_inviting_place_is_no_proxy(ref):
    text = (
        "Date: 2024-05-08\n\n"
        "At the invitation of Saxony, Minister-President Karl-Heinz Brenner held talks with the "
        "Governor of Hubei Province, Lu Xiaoming, in Dresden on Tuesday.\n\n"
        "Lu said Hubei wanted Saxon partners for its chip plants."
    )
    got = people(text, ref)
    assert {"Karl-Heinz Brenner", "Lu Xiaoming"} <= set(got)


def test_the_inviting_place_hosts_a_video_call(ref):
    text = (
        "Date: 2024-05-08\n\n"
        "At the invitation of Saxony, Minister-President Karl-Heinz Brenner held a video conference "
        "with the Governor of Hubei Province, Lu Xiaoming, from the State Chancellery in Dresden on "
        "Tuesday.\n\n"
        "Saxony's Minister for Economic Affairs, Dr. Petra Lindqvist, and Hubei Vice Governor Tao Jun "
        "joined the video conference."
    )
    got = people(text, ref)
    assert got["Karl-Heinz Brenner"]["side"] == "host"
    assert (got["Lu Xiaoming"]["country"], got["Lu Xiaoming"]["side"]) == ("CN", "guest")
    assert got["Tao Jun"]["side"] == "guest"


def test_attended_on_one_side_names_a_member(ref):
    text = (
        "Published: 2024-05-10\n\n"
        "Chungbuk Governor Kang Tae-jin met Hubei Vice Governor Luo Qiang in Cheongju on Friday.\n\n"
        "Vice Governor for Economic Affairs Yoon Mi-rae attended on the Chungbuk side."
    )
    got = people(text, ref)
    assert got["Yoon Mi-rae"]["side"] == "host"


def test_a_record_cut_off_mid_sentence_on_one_line_is_still_text(ref):
    text = (
        "Published: 2024-04-26\n\n"
        "Hanover. Lower Saxony's Minister of Economics, Tobias Hellwig, received a delegation from the "
        "Chinese province of Anhui led by Vice Governor Fang Lijun in Hanover on Thursday. The minister "
        "invited Anhui's carmakers to invest in the state. The delegation will travel on to Wolfsburg "
        "to meet representatives of the works council and"
    )
    got = people(text, ref)
    assert {"Tobias Hellwig", "Fang Lijun"} <= set(got)
    assert got["Fang Lijun"]["side"] == "guest"


def test_a_high_commissioner_keeps_the_whole_office(ref):
    text = (
        "Published: 2024-09-12\n\n"
        "Chief Minister Shri Ravi Deshpande met the High Commissioner of Canada, Ms. Laura Pemberton, "
        "at the Secretariat in Mumbai on Wednesday.\n\n"
        "Pemberton said Canadian pension funds wanted to invest in the state's ports."
    )
    got = people(text, ref)
    assert got["Laura Pemberton"]["title"] == "High Commissioner"
    assert (got["Laura Pemberton"]["country"], got["Laura Pemberton"]["side"]) == ("CA", "guest")
