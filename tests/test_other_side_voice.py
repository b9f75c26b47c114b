"""Rules written for the other side's voice (issue 14b, docs/split55_coverage.md, "Session 14"):
kinds of side and country misses found across all of dev, tested on sentences of our own, each in
at least two wordings."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_a_cabinet_office_at_a_meeting_hosted_on_the_mainland_is_the_visitors(ref):
    """S1a: the visitors' own minister or state secretary, named by office alone on their own
    page, at a meeting a Chinese province or city hosts at home (whose governments hold no
    cabinet office); a vice minister, whom the home ministries send, stays with the hosts."""
    minister = (
        "Date: 2024-05-10\n\n"
        "Chilean President Tomas Aravena met with Sichuan Party Secretary Huang Jiankang in Chengdu "
        "on Thursday.\n\n"
        "Minister of Agriculture Rosa Fuentes Ibarra, Vice Minister Zhao Lin and Sichuan Vice "
        "Governor Li Xiaoming also attended the talks.\n"
    )
    state_secretary = (
        "Published: Nov 3, 2023\n\n"
        "The Governor of the Brazilian state of Parana, Marcos Teixeira Lima, was received on Tuesday "
        "by Hubei Governor Wang Zhongwei in Wuhan.\n\n"
        "The State Secretary for Industry and Trade, Paulo Rocha Vieira, accompanied the governor.\n"
    )
    got = people(minister, ref)
    assert got["Rosa Fuentes Ibarra"]["side"] == "guest"
    assert got["Rosa Fuentes Ibarra"]["country"] == "CL"
    assert got["Zhao Lin"]["side"] == "host"
    assert got["Li Xiaoming"]["side"] == "host"
    got = people(state_secretary, ref)
    assert got["Paulo Rocha Vieira"]["side"] == "guest"
    assert got["Paulo Rocha Vieira"]["country"] == "BR"
    assert got["Wang Zhongwei"]["side"] == "host"


def test_the_bare_deputy_of_the_one_university_or_firm_head_met_sits_on_that_side(ref):
    """S2: a university's or a firm's vice president, named with the body's short form or no body,
    where one visiting president of that office leads the guests."""
    short_form = (
        "Date: 2024-04-18\n\n"
        "Chengdu Mayor Li Ming met Prof. Daniel Okoro, president of the University of Lagos, on "
        "Wednesday.\n\n"
        "Dr. Grace Adaeze Eze, vice president (academic) of UNILAG, attended the meeting. Vice Mayor "
        "Cao Lihua was also present.\n"
    )
    bare = (
        "Date: 2024-04-18\n\n"
        "Suzhou Party Secretary Zhou Weiguo met with Maria Lindgren, President of Scandia Motors, in "
        "Suzhou on Wednesday.\n\n"
        "Vice President Anders Berglund and Suzhou Vice Mayor Gu Peiyu also attended.\n"
    )
    got = people(short_form, ref)
    assert got["Grace Adaeze Eze"]["side"] == "guest"
    assert got["Cao Lihua"]["side"] == "host"
    got = people(bare, ref)
    assert got["Anders Berglund"]["side"] == "guest"
    assert got["Gu Peiyu"]["side"] == "host"


def test_a_nationality_given_to_a_plural_group_of_firms_reaches_each_listed_officer(ref):
    """C1: "executives of three Swedish companies: A, ...; B, ...", "a group of Japanese business
    leaders, including A, ...": each firm officer the sentence lists is of that country, though
    their firm's own country is not stated (a firm's officer otherwise states none: ANNOTATION.md)."""
    companies = (
        "Date: 2024-09-12\n\n"
        "Nanjing Party Secretary Han Liming met on Wednesday with executives of three Swedish "
        "companies: Erik Sandell, president of Ericsson Greater China, Karin Holmqvist, CEO of "
        "SKF Nanjing, and Olof Brandt, chairman of IKEA China.\n"
    )
    leaders = (
        "Date: 2024-09-12\n\n"
        "Hefei Mayor Luo Yunfeng met a group of Japanese business leaders on Tuesday, including "
        "Kenta Morikawa, chairman of Panasonic China, and Yui Hoshino, president of Hitachi "
        "Asia.\n"
    )
    got = people(companies, ref)
    for name in ["Erik Sandell", "Karin Holmqvist", "Olof Brandt"]:
        assert got[name]["side"] == "guest"
        assert got[name]["country"] == "SE"
    got = people(leaders, ref)
    for name in ["Kenta Morikawa", "Yui Hoshino"]:
        assert got[name]["country"] == "JP"
    t = transform(docs(leaders), ref)
    assert t.meetings["counterpart_countries"].to_list() == [["JP"]]


def test_who_accompanies_the_visit_or_the_delegation_is_a_visitor(ref):
    """S2: "A and B accompanied the visit", "C accompanied the Busan delegation at the talks": the
    subject of "accompanied the <visit, delegation, visitors>" is of the visiting side, whatever
    their office; not a host named before a clause boundary in the same sentence, nor one who
    accompanies the guests on a tour (a host's escort)."""
    visit = (
        "Date: 2024-08-30\n\n"
        "Ningbo Vice Mayor Xu Qiang met with a delegation of the Tainan Fishery Association headed "
        "by chairman Lin Cheng-hsiung on August 28.\n\n"
        "Ningbo Vice Mayor Gu Wenjie attended the meeting, while secretary-general Kuo Wen-li "
        "accompanied the visit.\n"
    )
    delegation = (
        "Date: 2024-08-30\n\n"
        "Dalian Mayor Sun Hailong held talks with Busan Deputy Mayor Kim Tae-ho on Wednesday.\n\n"
        "Director-General Han Ji-woo accompanied the Busan delegation at the talks.\n\n"
        "Director-General Liu Yang accompanied the guests on a tour of the port.\n"
    )
    got = people(visit, ref)
    assert got["Kuo Wen-li"]["side"] == "guest"
    assert got["Kuo Wen-li"]["country"] == "TW"
    assert got["Gu Wenjie"]["side"] == "host"
    got = people(delegation, ref)
    assert got["Han Ji-woo"]["side"] == "guest"
    assert got["Han Ji-woo"]["country"] == "KR"
    assert got.get("Liu Yang", {"side": "host"})["side"] == "host"


def test_a_surname_repeat_of_the_lede_states_its_day(ref):
    """D1: the lede (a host's "has welcomed B to Sydney") states no day; a later sentence with a
    meeting verb naming two of its people by surname only does ("Mr A hosted Mr B at Parliament
    House on Monday"): that is the meeting's day."""
    hosted = (
        "Date: 2024-12-04\n\n"
        "The Premier of Victoria, Anna Fitzgerald, has welcomed Jiangsu Governor Xu Kunlin to "
        "Melbourne, with the two leaders agreeing to expand trade in wine and education.\n\n"
        "Ms Fitzgerald hosted Mr Xu at Parliament House on Monday, at the start of a three-day visit.\n"
    )
    talks = (
        "Published: Jun 14, 2024\n\n"
        "The Lord Mayor of Adelaide, Sandra Pellegrini, has received a delegation from Qingdao led by "
        "Vice Mayor Geng Tao.\n\n"
        "Pellegrini and Geng held talks at the Town Hall on Wednesday, discussing port cooperation "
        "and student exchanges.\n"
    )
    for text, day, weekday in [(hosted, "2024-12-02", "Monday"), (talks, "2024-06-12", "Wednesday")]:
        t = transform(docs(text), ref)
        assert t.meetings["meeting_date"].cast(str).to_list() == [day]
        assert t.meetings["weekday"].to_list() == [weekday]
    # (a surname sentence naming only some of the lede's people dates one of separate meetings)
    separate = (
        "Date: 2024-03-22\n\n"
        "Vice Mayor Wen Lihua met separately with Kim Do-hyun, Consul General of the Republic of "
        "Korea in Dalian, and Taro Fujimoto, president of Japanese trading house Hoshi Shoji.\n\n"
        "Wen met Kim on Wednesday. They discussed port logistics and new ferry routes.\n\n"
        "On Thursday morning, Wen met Fujimoto and his team. They discussed hydrogen energy.\n"
    )
    t = transform(docs(separate), ref)
    assert sorted(t.meetings["meeting_date"].cast(str).to_list()) == ["2024-03-20", "2024-03-21"]


def test_a_nationality_opening_the_delegation_noun_is_its_leaders_country(ref):
    """C2: "met separately with A, Mayor of Long Beach, and a delegation of a chamber ... The German
    chamber delegation was led by B": B comes from the nationality (or place) that opens the visitor
    noun's phrase of their own sentence, not from the other meeting's guests."""
    chamber = (
        "Date: 2025-04-04\n\n"
        "Yantai Mayor Zheng Dewei met separately with Jordan Ellis, Mayor of Tacoma, Washington, "
        "and a business delegation on Wednesday afternoon.\n\n"
        "Ellis was accompanied by Rita Moreno-Blake, chief executive officer of the Port of Tacoma.\n\n"
        "The French business delegation was led by Henri Castaing, chairman of the group's "
        "northern board, and included its vice chair Odile Ferrand.\n"
    )
    city = (
        "Date: 2025-04-04\n\n"
        "Weihai Party Secretary Tan Yuxin met separately with Canadian Ambassador Paul Rivard and a "
        "delegation on Thursday.\n\n"
        "The Busan delegation was led by Choi Min-seok, chairman of the city's port committee.\n"
    )
    got = people(chamber, ref)
    assert got["Henri Castaing"]["side"] == "guest"
    assert got["Henri Castaing"]["country"] == "FR"
    got = people(city, ref)
    assert got["Choi Min-seok"]["side"] == "guest"
    assert got["Choi Min-seok"]["country"] == "KR"


# Session 15 (issue 15c, docs/split55_coverage.md, "Session 15"): S1, the publisher's own
# official named by office alone


def test_a_bare_deputy_sits_with_the_lead_holding_its_principal_office(ref):
    """S1b: "Vice Governor A was also present" on the visiting governor's page, hosted by a Chinese
    mayor: a city has no vice governor, so the deputy is the governor's; and a visiting mayor's
    deputy where a Chinese governor receives them."""
    governor = (
        "Date: 2024-11-12\n\n"
        "Governor of Hyogo Prefecture Kenji Matsudaira met with Tianjin Mayor Liu Dongsheng at the "
        "Tianjin Municipal People's Government on Monday.\n\n"
        "Vice Governor Ryota Ishikawa was also present at the talks.\n"
    )
    mayor = (
        "Published: Apr 20, 2024\n\n"
        "Mayor of Busan Park Min-jae called on Guangdong Governor Wang Lintao in Guangzhou on "
        "Friday.\n\n"
        "Deputy Mayor Choi Eun-ha and the Consul General of the Republic of Korea in Guangzhou, Lee "
        "Sang-woo, were also present.\n"
    )
    got = people(governor, ref)
    assert got["Ryota Ishikawa"]["side"] == "guest"
    assert got["Ryota Ishikawa"]["country"] == "JP"
    assert got["Liu Dongsheng"]["side"] == "host"
    got = people(mayor, ref)
    assert got["Choi Eun-ha"]["side"] == "guest"
    assert got["Choi Eun-ha"]["country"] == "KR"
    assert got["Wang Lintao"]["side"] == "host"


def test_a_bare_deputy_is_not_of_a_side_led_by_another_government_head(ref):
    """S1c: on a Chinese delegation's page abroad, its vice governor (or deputy mayor) named bare,
    whose principal office no lead holds: the foreign side is led by a mayor (or a governor), whose
    government holds no such deputy, so the deputy is the delegation's."""
    mayor_host = (
        "Date: 2023-10-17\n\n"
        "During a visit to Sweden, Zhejiang Party Secretary Wang Haoran held talks with Mayor Clara "
        "Lindholm in Gothenburg on Monday.\n\n"
        "Vice Governor Lu Jianping attended the meeting.\n"
    )
    governor_host = (
        "Published: Jun 6, 2024\n\n"
        "The Governor of Gyeonggi Province, Kim Dae-sung, received a delegation from Qingdao led by "
        "its Party Secretary Zhang Weiming in Suwon on Thursday.\n\n"
        "Deputy Mayor Gao Mingyu was also present.\n"
    )
    got = people(mayor_host, ref)
    assert got["Lu Jianping"]["side"] == "guest"
    assert got["Lu Jianping"]["country"] == "CN"
    assert got["Clara Lindholm"]["side"] == "host"
    got = people(governor_host, ref)
    assert got["Gao Mingyu"]["side"] == "guest"
    assert got["Gao Mingyu"]["country"] == "CN"
    assert got["Kim Dae-sung"]["side"] == "host"


def test_bare_deputies_on_a_chinese_page_naming_the_guest_first_stay_with_the_hosts(ref):
    """Counter-test for S1b/S1c: the Chinese voice also names the guest first and lists its own
    vice mayor or vice governor bare beside the visitors' envoy. A Party Secretary's city or
    province has both offices, and a host holding the principal office keeps its deputy."""
    party_secretary = (
        "Date: 2024-09-04\n\n"
        "Mayor Lukas Brenner of Linz was received by Wuhan Party Secretary Guo Yuanqiang on "
        "Tuesday.\n\n"
        "Vice Mayor Chen Lihua and Austrian Ambassador to China Anna Koller attended the meeting.\n"
    )
    governor = (
        "Date: 2024-09-04\n\n"
        "A delegation from Osaka led by Mayor Hideo Kanemura was received by Jiangsu Governor Xu "
        "Kunlin in Nanjing on Tuesday. The meeting took place with Vice Governor Ma Xin and "
        "Consul General of Japan in Shanghai Yuki Tanabe in attendance.\n"
    )
    got = people(party_secretary, ref)
    assert got["Chen Lihua"]["side"] == "host"
    assert got["Chen Lihua"]["country"] == "CN"
    assert got["Lukas Brenner"]["side"] == "guest"
    got = people(governor, ref)
    assert got["Ma Xin"]["side"] == "host"
    assert got["Ma Xin"]["country"] == "CN"
    assert got["Hideo Kanemura"]["side"] == "guest"


def test_a_from_place_opening_the_next_conjunct_is_not_the_name_before_it(ref):
    """S1d: on an SAR's page, "the Secretary for X, A, and, from Hainan, Vice Governor B": the place
    after "and (,) from" is B's origin, not A's; A, the SAR's own secretary, stays with the hosts."""
    comma = (
        "Date: 2024-03-06\n\n"
        "The Chief Executive, Chan Hoi-man, met a delegation of the Hainan Provincial People's "
        "Government led by the Governor of Hainan, Feng Lijun, at Government Headquarters in Macao "
        "on Tuesday.\n\n"
        "Also in attendance were the Secretary for Transport and Public Works, Lam Ka-ho, and, from "
        "Hainan, Vice Governor Fu Qiang.\n"
    )
    no_comma = (
        "Date: 2024-03-06\n\n"
        "The Chief Executive, Chan Hoi-man, received Fujian Governor Zhou Zuyi at Government House in "
        "Macao on Tuesday.\n\n"
        "Present were the Secretary for Security, Wong Kin-pong, and from Fujian Vice Governor Lin "
        "Xiaoyan.\n"
    )
    got = people(comma, ref)
    assert (got["Lam Ka-ho"]["side"], got["Lam Ka-ho"]["country"]) == ("host", "MO")
    assert (got["Fu Qiang"]["side"], got["Fu Qiang"]["country"]) == ("guest", "CN")
    got = people(no_comma, ref)
    assert (got["Wong Kin-pong"]["side"], got["Wong Kin-pong"]["country"]) == ("host", "MO")
    assert (got["Lin Xiaoyan"]["side"], got["Lin Xiaoyan"]["country"]) == ("guest", "CN")


def test_an_unnamed_office_after_a_comma_and_is_no_apposition_of_the_name_before(ref):
    """S1d: "The Secretary for Justice, A, and the Director of the ... Office also joined": the
    words after ", and" name another (unnamed) attendee, so their office is no body of A's; A, of
    no body, stays with the SAR's hosts."""
    lede = (
        "Date: 2025-02-14\n\n"
        "The Chief Secretary for Administration, Ma Siu-lun, received a delegation of the Guangzhou "
        "Municipal People's Government led by the Mayor of Guangzhou, Sun Zhiyang, in Hong Kong on "
        "Thursday.\n\n"
    )
    private_office = (
        "The Secretary for Justice, Ng Wai-lun, and the Director of the Secretary for Justice's "
        "Private Office also joined the meeting.\n"
    )
    policy_office = (
        "The Secretary for Justice, Ng Wai-lun, and the Director of the Policy Innovation and "
        "Co-ordination Office were also present.\n"
    )
    for tail in (private_office, policy_office):
        got = people(lede + tail, ref)
        assert got["Ng Wai-lun"]["organization"] is None
        assert (got["Ng Wai-lun"]["side"], got["Ng Wai-lun"]["country"]) == ("host", "HK")
        assert got["Sun Zhiyang"]["side"] == "guest"


# S3b: a firm's China arm's officer is no Chinese official


def test_a_firms_country_arm_before_a_two_word_office_is_the_firm_not_a_person(ref):
    """S3b: "Norrlager China general manager B": one unknown word, a country and a firm's office of
    two words before a name name the firm's arm (as "Kestrel China President B" already did), so
    the country is where the firm works; B sits with the visiting firm's head."""
    general_manager = (
        "Date: 2024-06-12\n\n"
        "Hefei Mayor Luo Yunfeng met Johan Almqvist, chief executive of Swedish bearings maker "
        "Norrlager, on Tuesday.\n\n"
        "Norrlager China general manager Eva Sundin also attended.\n"
    )
    managing_director = (
        "Date: 2024-06-12\n\n"
        "Jinan Party Secretary Liu Qiang received Pieter de Groot, President of Dutch dairy group "
        "Zuivelberg, in Jinan on Monday.\n\n"
        "Zuivelberg China managing director Anouk Visser was also present.\n"
    )
    got = people(general_manager, ref)
    assert (got["Eva Sundin"]["side"], got["Eva Sundin"]["country"]) == ("guest", "SE")
    assert got["Eva Sundin"]["organization"] == "Norrlager"
    got = people(managing_director, ref)
    assert (got["Anouk Visser"]["side"], got["Anouk Visser"]["country"]) == ("guest", "NL")


def test_a_firms_officer_joining_a_call_from_a_city_takes_no_country_from_it(ref):
    """S3b: "Santander China chief executive B joined the talks from Shanghai": a firm's officer
    takes no country from where the firm works, so the place B joins from gives B none (a
    government official joining from a city still takes it)."""
    talks = (
        "Date: 2024-06-12\n\n"
        "Wuxi Mayor Zhao Jianjun held a video call with Carla Mendes, CEO of Santander, on Monday.\n\n"
        "Santander China chief executive Rui Sousa joined the talks from Shanghai.\n"
    )
    call = (
        "Date: 2024-06-12\n\n"
        "Nantong Mayor Wu Xinming held a video conference with Klaus Berner, CEO of Deutsche Bank, on "
        "Friday.\n\n"
        "Deutsche Bank China CEO Hannah Becker joined the call from Beijing.\n"
    )
    got = people(talks, ref)
    assert (got["Rui Sousa"]["side"], got["Rui Sousa"]["country"]) == ("guest", None)
    got = people(call, ref)
    assert (got["Hannah Becker"]["side"], got["Hannah Becker"]["country"]) == ("guest", None)


def test_a_nationality_in_apposition_to_a_firms_name_is_its_officers_country(ref):
    """C1: "Siemens Healthineers, a German medical technology company, ...": an indefinite
    description of nationality and trade right after a firm's name (a comma between) is that
    firm's, so its officer met in one of separate meetings takes it, whatever the other guest's
    country."""
    medical = (
        "Date: 2024-06-12\n\n"
        "Changsha Mayor Zhou Haibing met separately with Marco Bellini, Consul General of Italy in "
        "Guangzhou, and Ingrid Solheim, president of Siemens Healthineers China, on Tuesday.\n\n"
        "Meeting Solheim, Zhou said Siemens Healthineers, a German medical technology company, was "
        "welcome to expand its plant in Changsha.\n"
    )
    electronics = (
        "Date: 2024-06-12\n\n"
        "Xiamen Mayor Wu Guangming met respectively with Ambassador of Chile Pablo Rojas and Kenji "
        "Arai, president of Panasonic China, on Monday.\n\n"
        "Wu said Panasonic, a Japanese electronics maker, had invested in Xiamen for two decades.\n"
    )
    got = people(medical, ref)
    assert (got["Ingrid Solheim"]["side"], got["Ingrid Solheim"]["country"]) == ("guest", "DE")
    assert got["Marco Bellini"]["country"] == "IT"
    got = people(electronics, ref)
    assert (got["Kenji Arai"]["side"], got["Kenji Arai"]["country"]) == ("guest", "JP")
    assert got["Pablo Rojas"]["country"] == "CL"


def test_a_guest_met_separately_comes_from_the_place_opening_their_bodys_name(ref):
    """C2: "met separately with A, chairman of the Tainan Orchid Growers Association, and B, general
    manager of the Hsinchu Tea Producers Cooperative": each guest's own description names the place
    their body belongs to, so each comes from that place's country (one of separate meetings takes
    no other guest's country, but its own)."""
    taiwan = (
        "Date: 2024-08-14\n\n"
        "Zhangzhou Mayor Lin Bo met separately with Tsai Ming-hui, chairman of the Tainan Orchid "
        "Growers Association, and Kuo Li-ling, general manager of the Hsinchu Tea Producers "
        "Cooperative, on Tuesday.\n"
    )
    two_countries = (
        "Date: 2024-08-14\n\n"
        "Weihai Mayor Yan Jiande held separate talks on Monday with Park Ji-hoon, president of the "
        "Busan Fisheries Cooperative, and Sato Kenta, chairman of the Fukuoka Seafood Traders "
        "Association.\n"
    )
    got = people(taiwan, ref)
    assert (got["Tsai Ming-hui"]["side"], got["Tsai Ming-hui"]["country"]) == ("guest", "TW")
    assert (got["Kuo Li-ling"]["side"], got["Kuo Li-ling"]["country"]) == ("guest", "TW")
    got = people(two_countries, ref)
    assert (got["Sato Kenta"]["side"], got["Sato Kenta"]["country"]) == ("guest", "JP")
    assert got["Park Ji-hoon"]["country"] == "KR"


def test_the_subject_of_a_later_meeting_with_a_delegation_led_by_a_guest_hosts_it(ref):
    """S5: "Later the same day, Vice Mayor B met with a delegation led by the Mayor of Lyon, C": the
    subject of a later meeting's own verb is no head of the delegation the "led by" names, so B
    hosts that meeting at home with the lede's host (not the first guest's country)."""
    lyon = (
        "Published: Oct 16, 2024\n\n"
        "Hangzhou Mayor Yao Gaoyuan met with Portugal's Minister of Economy, Rui Carvalho, on Tuesday "
        "morning. Later the same day, Vice Mayor Sun Lihong met with a delegation led by the Mayor of "
        "Lyon, France, Claire Dubois-Martin.\n\n"
        "Meeting Dubois-Martin in the afternoon, Sun said Hangzhou and Lyon were both cities of silk.\n"
    )
    gdansk = (
        "Date: 2024-05-23\n\n"
        "Ningbo Party Secretary Peng Jiaxue received Swedish Ambassador Karin Lindahl on Wednesday. "
        "Later that day, Vice Mayor Li Guanding met with a business delegation led by the Mayor of "
        "Gdansk, Poland, Marta Kowalczyk-Nowak.\n\n"
        "Meeting Kowalczyk-Nowak, Li said Ningbo and Gdansk could work together on port logistics.\n"
    )
    for text, vice, mayor, nation in [
        (lyon, "Sun Lihong", "Claire Dubois-Martin", "FR"),
        (gdansk, "Li Guanding", "Marta Kowalczyk-Nowak", "PL"),
    ]:
        t = transform(docs(text), ref)
        rows = {r["person_name"]: r for r in t.participants.iter_rows(named=True)}
        assert (rows[vice]["side"], rows[vice]["country"]) == ("host", "CN")
        assert (rows[mayor]["side"], rows[mayor]["country"]) == ("guest", nation)
        assert rows[vice]["meeting_id"] == rows[mayor]["meeting_id"]


# Issue 15e (split 66, the other side's voice: docs/split66_coverage.md, "Session 15 (issue 15e)")


def test_the_leader_of_a_council_before_a_comma_apposition_is_its_leader(ref):
    """T1: "the Leader of <a council>, Councillor B" names the council's leader (titles.csv
    "leader of"); a bare "council leader" before a name stays untitled, as the gold has it."""
    visited = (
        "Date: 2024-05-10\n\n"
        "A delegation from Chengdu led by Vice Mayor Wang Lixin met the Leader of Leeds City Council, "
        "Councillor Thomas Harrow, at the Civic Hall on Tuesday.\n"
    )
    attended = (
        "Date: 2023-11-02\n\n"
        "Qingdao Vice Mayor Geng Hong met with Lord Mayor Alison Pryce of Bristol at the Mansion House "
        "on Wednesday. The Leader of Bristol City Council, Sir Colin Redfern, also attended.\n"
    )
    got = people(visited, ref)
    assert got["Thomas Harrow"]["title"] == "Leader"
    assert got["Thomas Harrow"]["side"] == "host"
    got = people(attended, ref)
    assert got["Colin Redfern"]["title"] == "Leader"
    assert got["Alison Pryce"]["title"] == "Lord Mayor"


def test_a_city_manager_and_a_chief_director_keep_their_offices(ref):
    """T5: standing offices missing from titles.csv ("City Manager", "Chief Director") are kept as
    named, not cut to a bare Director or left untitled."""
    city_manager = (
        "Date: 2024-03-08\n\n"
        "Mayor Thandi Mokoena of Pretoria received Vice Mayor Xu Jun of Nanjing on Thursday. The City "
        "Manager, Pieter Dlamini, was present.\n"
    )
    chief_director = (
        "Date: 2024-03-08\n\n"
        "Regional Minister Kwame Boateng received a Hubei delegation led by Vice Governor Zhao Min in "
        "Kumasi on Thursday. Chief Director Akosua Mensah also attended.\n"
    )
    got = people(city_manager, ref)
    assert got["Pieter Dlamini"]["title"] == "City Manager"
    got = people(chief_director, ref)
    assert got["Akosua Mensah"]["title"] == "Chief Director"


def test_a_region_named_in_an_offices_body_is_a_place_not_a_person(ref):
    """T1 / C3: a region missing from places.csv ("Region Västra Götaland") closing the body of an
    office before a comma apposition was read as a person and cut the office from the name."""
    chair = (
        "Date: 2024-09-12\n\n"
        "The Chair of the Regional Executive Board of Region Västra Götaland, Karin Ekdahl, received "
        "Vice Governor Lu Ping of Zhejiang in Gothenburg on Wednesday.\n"
    )
    board = (
        "Date: 2024-09-12\n\n"
        "Hubei Vice Governor Sun Wei met with Nils Berg, Chair of the Regional Development Committee "
        "of Västra Götaland, on Monday.\n"
    )
    for text, name in ((chair, "Karin Ekdahl"), (board, "Nils Berg")):
        got = people(text, ref)
        assert got[name]["title"] == "Chairman"
        assert got[name]["country"] == "SE"
        assert not any("Götaland" in n for n in got)


def test_a_leaders_trip_in_a_month_of_this_year_is_cited_not_attended(ref):
    """Mentioned: "Prime Minister C led a business delegation to China in June this year": a month
    "this year" (`other_time_marker`) dates another time, as "last June" does; C is only cited."""
    led = (
        "Published: Oct 15, 2023\n\n"
        "Chile's Ambassador to China, Rosa Vidal, called on the Mayor of Xi'an, Zhang Wei, on Tuesday.\n\n"
        "Prime Minister Tomas Larrain led a business delegation to China in June this year.\n"
    )
    visited = (
        "Published: Nov 20, 2024\n\n"
        "Hangzhou Mayor Yao Gaoyuan met with the Ambassador of Peru, Luis Quispe, on Monday.\n\n"
        "In March this year, President Ana Cardenas paid a state visit to China.\n"
    )
    got = people(led, ref)
    assert "Tomas Larrain" not in got
    assert got["Rosa Vidal"]["side"] == "guest"
    got = people(visited, ref)
    assert "Ana Cardenas" not in got
    assert got["Luis Quispe"]["side"] == "guest"


def test_a_host_city_missing_from_places_is_no_person_and_no_guest(ref):
    """C3: the host's own town ("in Ain Sokhna", on the Gulf of Suez), missing from places.csv, was
    read as a person leading a side, and the hosts took the corpus prior (CN) as their country."""
    offices = (
        "Date: 2022-05-25\n\n"
        "Hassan Mostafa, Chairman of the Red Sea Ports Authority, received on Monday a delegation from "
        "the Chinese city of Ningbo led by Vice Mayor Li Guanding, at the Authority's offices in Ain "
        "Sokhna.\n\nDeputy Chairman Mona Saleh also attended.\n"
    )
    received = (
        "Date: 2022-05-25\n\n"
        "Vice Mayor Li Guanding of Ningbo was received in Ain Sokhna on Tuesday by Hassan Mostafa, head "
        "of the port operator.\n"
    )
    got = people(offices, ref)
    assert "Ain Sokhna" not in got
    assert got["Hassan Mostafa"]["country"] == "EG"
    assert got["Mona Saleh"]["country"] == "EG"
    assert got["Li Guanding"]["country"] == "CN"
    got = people(received, ref)
    assert "Ain Sokhna" not in got
    assert got["Hassan Mostafa"]["country"] == "EG"


def test_a_nationality_word_opening_an_apposition_is_a_family_name(ref):
    """A one-word country or demonym ("Lao", a Macau family name) opening the apposition after an
    office's comma opens the name there however many words follow; it gives no country (Laos)."""
    led_by = (
        "Date: 2024-06-12\n\n"
        "A Macau delegation led by the President of the Macao Trade and Investment Promotion "
        "Institute (IPIM), Lao Chi Keong, was received on Tuesday at Porto City Hall by the Deputy "
        "Mayor, Rui Moreira Alves.\n"
    )
    subject = (
        "Date: 2024-06-12\n\n"
        "The Director of the Macao Economic Bureau, Lao Weng Kei, met the Deputy Mayor of Porto, Rui "
        "Moreira Alves, on Tuesday.\n"
    )
    got = people(led_by, ref)
    assert got["Lao Chi Keong"]["country"] == "MO"
    assert "Chi Keong" not in got
    got = people(subject, ref)
    assert got["Lao Weng Kei"]["title"] == "Director"
    assert got["Lao Weng Kei"]["country"] == "MO"


def test_a_phrase_with_two_values_of_one_category_keeps_the_first_in_its_file(tmp_path):
    """Of two countries sharing a demonym ("Congolese" for CD and CG), the first row of
    countries.csv wins, whatever else the reference holds (the vocabulary's sort is stable):
    twelve more cue rows once turned every Congolese guest of the bench corpus from CD to CG."""
    import shutil
    from pathlib import Path

    from flows.transform.reference import load_reference

    src = Path(__file__).resolve().parents[1] / "seeds" / "reference"
    seasons = ["spring", "summer", "autumn", "winter", "monsoon", "harvest", "rainy", "dry"]
    phrases = [f"in the {a} {b} this year" for a in ("early", "late") for b in seasons]
    got = set()
    for extra in range(len(phrases) + 1):
        dst = tmp_path / f"ref{extra}"
        shutil.copytree(src, dst)
        with open(dst / "cues.csv", "a", encoding="utf-8") as f:
            f.writelines(f"other_time_marker,{p}\n" for p in phrases[:extra])
        vocab = load_reference(dst).vocab
        got.add(tuple(vocab.filter(vocab["phrase"] == "congolese")["iso2"].to_list()))
    assert got == {("CD",)}
