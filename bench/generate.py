"""Seeded synthetic corpus for the benchmark: N meeting reports in the shapes real pages take.

Every article is built from its own random stream (seed, index), so article i is the same text in
a 1k, 10k or 1M corpus, and `--start` writes further new articles (the "100 new" case). Vocabulary
comes from seeds/reference/*.csv (countries, demonyms, places, titles, organisations, theme
phrases); person names are random syllable names. Shapes follow docs/upstream/PHENOMENA.md: page
headers in several date styles, headline, standfirst and photo caption repeating the lede, host- or
guest-first ledes, titles before/after/around names, two hosts, separate meetings, delegations led
by someone, attendees, video calls, quoted leaders who are not participants, boilerplate, signed
agreements, bylines, footers, menus, repeated paragraphs, text cut off at the end; a share of
articles report no meeting. Files are ~2.5 KB, mostly .txt, some .html/.md/.json, a few empty ones
(rejects), 1,000 per folder.

    python bench/generate.py --articles 100000 --out /tmp/meetings-bench/corpus-100000
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "seeds" / "reference"
FILES_PER_FOLDER = 1000
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]
MONTHS += ["October", "November", "December"]

CN_SYLLABLES = (  # noqa: SIM905  (a list literal would be 45 lines)
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie "
    "Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu"
).split()
CN_GIVEN = (  # noqa: SIM905
    "Jian Hua Ming Wei Qiang Lei Jun Yong Jie Tao Ping Gang Hui Xin Bin Yan Hong Fang Ling Na Jing Xiu "
    "Zheng Kun Guang Chun Rong Feng Hai Bo Yi Zhi Qing Shan Kai Heng Rui Yun Dong"
).split()
ONSETS = "b c d f g h k l m n p r s t v z br dr gr kr st tr sh ch th".split()  # noqa: SIM905
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
CODAS = ["", "", "n", "r", "s", "l", "m", "t", "nd", "rk", "ll", "ss"]


@dataclass(frozen=True)
class Vocab:
    countries: list[tuple[str, str, str]]  # iso2, name, demonym
    cn_cities: list[str]
    cn_provinces: list[str]
    foreign_places: list[tuple[str, str]]  # name, iso2 (cities and states)
    companies: list[str]
    intl_orgs: list[str]
    theme_phrases: dict[str, list[str]]


def _rows(name: str) -> list[dict]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_vocab() -> Vocab:
    countries = [
        (r["iso2"], r["name"], (r["demonyms"] or r["name"]).split("|")[0])
        for r in _rows("countries.csv")
        if r["iso2"] not in {"CN", "HK", "MO", "TW"} and r["demonyms"] and r["demonyms"] != r["name"]
    ]
    places = _rows("places.csv")
    themes: dict[str, list[str]] = {}
    for r in _rows("theme_keywords.csv"):
        themes.setdefault(r["theme"], []).append(r["phrase"])
    orgs = _rows("organizations.csv")
    return Vocab(
        countries=countries,
        cn_cities=[p["name"] for p in places if p["iso2"] == "CN" and p["kind"] == "city"],
        cn_provinces=[p["name"] for p in places if p["iso2"] == "CN" and p["kind"] == "province"],
        foreign_places=[(p["name"], p["iso2"]) for p in places if p["iso2"] not in {"CN", ""}],
        companies=[o["name"] for o in orgs if o["kind"] == "company"],
        intl_orgs=[o["name"] for o in orgs if o["kind"] == "intl_org"],
        theme_phrases=themes,
    )


class Article:
    """One synthetic report, built from its own random stream."""

    def __init__(self, vocab: Vocab, rng: random.Random):
        self.v, self.r = vocab, rng
        self.published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 3900))
        back = rng.choice([0, 1, 1, 2, 3, 4])
        self.meeting_day = self.published - dt.timedelta(days=back)
        self.city = rng.choice(vocab.cn_cities)
        self.province = rng.choice(vocab.cn_provinces)
        iso2, self.country, self.demonym = rng.choice(vocab.countries)
        self.iso2 = iso2
        self.host = self.cn_name()
        self.host2 = self.cn_name()
        self.guest = self.foreign_name()
        self.guest2 = self.foreign_name()
        self.member = self.foreign_name()
        self.host_member = self.cn_name()
        self.themes = rng.sample(sorted(vocab.theme_phrases), k=rng.randint(1, 4))
        self.headline = rng.choice(
            [f"{self.host} meets {self.guest}", f"{self.city} hosts {self.demonym} guests"]
        )

    # --- names and phrases -------------------------------------------------------------------
    def cn_name(self) -> str:
        given = self.r.choice(CN_GIVEN) + (self.r.choice(CN_GIVEN).lower() if self.r.random() < 0.6 else "")
        return f"{self.r.choice(CN_SYLLABLES)} {given}"

    def _word(self) -> str:
        parts = [self.r.choice(ONSETS) + self.r.choice(VOWELS) for _ in range(self.r.randint(1, 3))]
        return ("".join(parts) + self.r.choice(CODAS)).capitalize()

    def foreign_name(self) -> str:
        return f"{self._word()} {self._word()}"

    def surname(self, name: str) -> str:
        return name.split()[-1] if name.split()[0] not in CN_SYLLABLES else name.split()[0]

    def phrase(self, theme: str) -> str:
        return self.r.choice(self.v.theme_phrases[theme])

    def when(self) -> str:
        back = (self.published - self.meeting_day).days
        style = self.r.random()
        if back == 0 and style < 0.3:
            return self.r.choice(["this afternoon", "today", "on " + WEEKDAYS[self.meeting_day.weekday()]])
        if back == 1 and style < 0.3:
            return "yesterday"
        if style < 0.8:
            return f"on {WEEKDAYS[self.meeting_day.weekday()]}"
        return f"on {MONTHS[self.meeting_day.month - 1]} {self.meeting_day.day}"

    # --- page parts --------------------------------------------------------------------------
    def header(self) -> list[str]:
        p, r = self.published, self.r
        style = r.randrange(8)
        if style == 0:
            return [f"{' ' if r.random() < 0.5 else ''}date {p:%Y-%m-%d} ", "News / Metro"]
        if style == 1:
            return [f"date {p:%Y-%m-%d}"]
        if style == 2:
            return [
                "Home > News > Provincial Affairs",
                f"{r.randint(7, 22):02d}:{r.randint(0, 59):02d} UTC+8, {p:%Y-%m-%d}",
            ]
        if style == 3:
            return [f"Date: {p:%Y-%m-%d}"]
        if style == 4:
            return [f"Published: {p:%b} {p.day}, {p.year}"]
        if style == 5:
            return [f"{p.year}年{p.month}月{p.day}日"]
        if style == 6:
            return [
                "News Metro Business Finance Sport Culture Opinion",
                f"Updated: {p:%Y-%m-%d} {r.randint(8, 20)}:00",
            ]
        return []  # no date: published_date and relative dates stay unknown

    def guest_with_title(self) -> tuple[str, str]:
        """(phrase naming the guest with a title in one of the orders seen, short title)."""
        r, g = self.r, self.guest
        kind = r.randrange(7)
        if kind == 0:
            return f"{self.demonym} Ambassador to China {g}", "ambassador"
        if kind == 1:
            return f"{g}, {self.country} ambassador to China", "ambassador"
        if kind == 2:
            place, _ = r.choice(
                [p for p in self.v.foreign_places if p[1] == self.iso2] or [(self.country, "")]
            )
            return f"the mayor of {place}, {self.country}, {g}", "mayor"
        if kind == 3:
            return f"{self.demonym} Consul General in {self.city} {g}", "consul general"
        if kind == 4:
            org = r.choice(self.v.intl_orgs)
            return f"Managing Director of the {org}, {g}", "managing director"
        if kind == 5:
            company = r.choice(self.v.companies)
            return f"{company} CEO {g}", "CEO"
        return f"{self.demonym} Minister of Trade {g}", "minister"

    def host_with_title(self) -> str:
        if self.r.random() < 0.7:
            return f"{self.city} Mayor {self.host}"
        return f"{self.province} Party Secretary {self.host}"

    def lede(self) -> str:
        r, when = self.r, self.when()
        guest, _ = self.guest_with_title()
        host = self.host_with_title()
        kind = r.randrange(7)
        if kind == 0:
            return f"{host} met with {guest} and his delegation {when}."
        if kind == 1:
            return f"{guest} met with {host} in {self.city} {when}."
        if kind == 2:
            return f"{guest} was received by {host} {when}."
        if kind == 3:
            return (
                f"{self.city} Party Secretary {self.host2} and Mayor {self.host} met with a delegation "
                f"led by {guest} {when}."
            )
        if kind == 4:
            other = self.foreign_name()
            return (
                f"{host} met separately with {guest} and {self.demonym} Consul General {other} "
                f"in {self.city} {when}."
            )
        if kind == 5:
            return f"{host} held talks by video link with {guest} {when}."
        return f"{guest} met and was hosted to lunch by {host} {when}."

    def speech(self, who: str) -> str:
        """A paragraph of two or three sentences attributed to `who`, naming fields of cooperation."""
        r, name = self.r, self.surname(who)
        openers = [
            f"{name} said",
            f"{name} noted that",
            f"{name} added that",
            f"{name} expressed the hope that",
            f"{name} pointed out that",
            f"According to {name},",
        ]
        claims = [
            "the two sides should strengthen cooperation in {a} and deepen exchanges in {b}",
            f"{self.city} welcomes more {self.demonym} companies and hopes to expand {{a}}",
            "both sides have broad common interests and a solid foundation for {a}",
            f"{self.country} regards {self.city} as a crucial partner in {{a}} and {{b}}",
            "there is great potential for joint projects in {a}, especially {b}",
            "the two places could learn from each other in {a}",
            "new platforms for {a} would benefit enterprises and residents alike",
        ]
        sentences = []
        for _ in range(r.randint(2, 3)):
            a, b = self.phrase(r.choice(self.themes)), self.phrase(r.choice(self.themes))
            sentences.append(f"{r.choice(openers)} {r.choice(claims).format(a=a, b=b)}.")
        return " ".join(sentences)

    def boilerplate(self) -> str:
        r = self.r
        return r.choice(
            [
                f"Currently, {self.city} is accelerating the construction of a socialist modern "
                "international metropolis with global influence and the five centers.",
                f"President Xi Jinping pointed out that opening-up is a hallmark of the city, the mayor "
                f"said, recalling a visit to {self.city} in {r.randint(2005, 2014)}.",
                f"The city has a long history and a vibrant economy, and received {r.randint(2, 90)} "
                "million visitors last year despite the COVID-19 pandemic.",
                "Friendship between the peoples of the two countries has deep roots, and cooperation "
                "has achieved positive results in recent years.",
                f"{self.country} is one of {self.city}'s {r.randint(5, 30)} largest trading partners, "
                f"with bilateral trade reaching {r.randint(2, 900)} million US dollars last year.",
                f"The delegation will also visit {r.choice(self.v.cn_cities)} on "
                f"{r.choice(WEEKDAYS)} before returning home.",
                f"{self.city} and {self.country} have held {r.randint(2, 40)} rounds of talks since "
                f"{r.randint(1980, 2015)}, and the two sides described the relationship as pragmatic.",
            ]
        )

    def text(self) -> str:
        r = self.r
        lede = self.lede()
        lede = lede[0].upper() + lede[1:]
        lines = self.header()
        lines.append(self.headline)
        lines.append("")
        if r.random() < 0.4:
            lines += [lede, ""]  # standfirst repeating the lede
        if r.random() < 0.3:
            lines += [f"{self.host}, right, meets {self.guest} in {self.city}.", "Ti Gong", ""]
        lines += [lede, ""]
        body = [self.speech(self.host), self.speech(self.guest), self.boilerplate()]
        if r.random() < 0.5:
            body.append(f"{self.demonym} Consul General {self.member} also attended the meeting.")
        if r.random() < 0.3:
            body.append(f"{self.guest} was accompanied by {self.member}, {self.country} trade commissioner.")
        if r.random() < 0.3:
            body.append(f"Vice Mayor {self.host_member} was present.")
        if r.random() < 0.25:
            subject = self.phrase(r.choice(self.themes))
            body.append(
                f"After the meeting, the two sides signed a memorandum of understanding on {subject}."
            )
        target = r.randint(1900, 3100)
        while sum(len(b) + 2 for b in body) + len("\n".join(lines)) < target:
            body.insert(
                r.randint(1, len(body)),
                r.choice([self.speech(self.guest), self.speech(self.host), self.boilerplate()]),
            )
        if r.random() < 0.1:
            i = r.randrange(len(body))
            body.insert(i, body[i])  # a paragraph printed twice
        lines += [p + "\n" for p in body]
        tail = r.random()
        if tail < 0.4:
            lines.append(f"Source: SHINE Editor: {self.cn_name()}")
        elif tail < 0.6:
            lines.append("Tags: diplomacy exchanges city news")
        text = "\n".join(lines).rstrip() + "\n"
        if r.random() < 0.05:
            text = text[: -r.randint(20, 200)]  # cut off mid-sentence or mid-word
        return text

    def no_meeting_text(self) -> str:
        """A page of the same sites with no meeting (notices, events): an article with no meeting rows."""
        lines = [*self.header(), f"{self.city} announces new measures", ""]
        topics = [
            f"The {self.city} municipal government announced new rules on {self.phrase(r)} this week."
            for r in self.themes
        ]
        while sum(len(t) for t in topics) < self.r.randint(1800, 2800):
            topics.append(self.boilerplate())
        return "\n".join(lines + topics) + "\n"


def render(index: int, seed: int, vocab: Vocab) -> tuple[str, bytes]:
    """(file suffix, file bytes) of article `index` of the corpus with `seed`."""
    rng = random.Random(f"{seed}:{index}")
    article = Article(vocab, rng)
    text = article.no_meeting_text() if rng.random() < 0.1 else article.text()
    shape = rng.random()
    if shape < 0.001:
        return ".txt", b""  # an empty file: a reject
    if shape < 0.05:
        paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
        page = f"<html><head><title>News</title></head><body><nav>Home News</nav><article>\n{paras}</article></body></html>\n"
        return ".html", page.encode("utf-8")
    if shape < 0.08:
        body = text.partition("\n\n")[2]  # a scraper's record: header and headline in their own fields
        record = {"title": article.headline, "date": article.published.isoformat(), "text": body}
        return ".json", json.dumps(record, ensure_ascii=False).encode("utf-8")
    if shape < 0.12:
        return ".md", text.encode("utf-8")
    return ".txt", text.encode("utf-8")


def file_path(out: Path, index: int, suffix: str) -> Path:
    return out / f"part-{index // FILES_PER_FOLDER:04d}" / f"article-{index:07d}{suffix}"


def generate(out: Path, articles: int, seed: int = 7, start: int = 0) -> int:
    """Write articles start .. start+articles-1 under out; returns bytes written."""
    vocab = load_vocab()
    written = 0
    made: set[Path] = set()
    for index in range(start, start + articles):
        suffix, data = render(index, seed, vocab)
        path = file_path(out, index, suffix)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data)
        written += len(data)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=int, default=0, help="index of the first article (for new articles)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    written = generate(args.out, args.articles, args.seed, args.start)
    print(
        f"wrote {args.articles} articles ({written / 1e6:.1f} MB) to {args.out} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
