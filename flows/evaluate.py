"""Scores of extracted tables against hand-written gold files (docs/upstream/GOLD_FORMAT.md).

Evaluation is offline bookkeeping, not the hot path: it walks articles one by one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

FIELDS = ("title", "country", "side", "role")


def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive, word order ignored."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(sorted(re.findall(r"[a-z0-9]+", text)))


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_ok: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    mentioned_as_participant: int = 0
    pub_ok: int = 0
    pub_n: int = 0
    mdate_ok: int = 0
    mdate_n: int = 0
    cc_ok: int = 0
    cc_n: int = 0
    th_tp: int = 0
    th_fp: int = 0
    th_fn: int = 0
    misses: list = field(default_factory=list)

    def summary(self) -> dict:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        p, r = ratio(self.tp, self.tp + self.fp), ratio(self.tp, self.tp + self.fn)
        tp_, tr_ = ratio(self.th_tp, self.th_tp + self.th_fp), ratio(self.th_tp, self.th_tp + self.th_fn)
        return {
            "participants": {
                "precision": p,
                "recall": r,
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                **{f"{k}_accuracy": ratio(v, self.tp) for k, v in self.field_ok.items()},
                "mentioned_output_as_participant": self.mentioned_as_participant,
            },
            "published_date_accuracy": ratio(self.pub_ok, self.pub_n),
            "meeting_date_accuracy": ratio(self.mdate_ok, self.mdate_n),
            "counterpart_countries_accuracy": ratio(self.cc_ok, self.cc_n),
            "themes": {
                "precision": tp_,
                "recall": tr_,
                "f1": round(2 * tp_ * tr_ / (tp_ + tr_), 4) if tp_ + tr_ else 0.0,
            },
        }


def _overlap(gold_m: dict, pred_m: dict) -> int:
    g = {name_key(p["name"]) for p in gold_m.get("participants", [])}
    q = {name_key(p["person_name"]) for p in pred_m["participants"]}
    return len(g & q)


def _pair_meetings(gold: list[dict], pred: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Greedy pairing by shared participants, then by order."""
    pairs, used = [], set()
    for g in gold:
        best, best_i = -1, None
        for i, p in enumerate(pred):
            if i in used:
                continue
            score = _overlap(g, p)
            if score > best:
                best, best_i = score, i
        if best_i is not None and (best > 0 or len(gold) == 1 or best_i == len(pairs)):
            used.add(best_i)
            pairs.append((g, pred[best_i]))
        else:
            pairs.append((g, None))
    pairs.extend((None, p) for i, p in enumerate(pred) if i not in used)
    return pairs


def _as_date(value) -> str | None:
    return None if value is None else str(value)


def score(tables: dict[str, pl.DataFrame], gold_dir: Path) -> Scores:
    """tables: meetings, participants, meeting_themes, articles (warehouse or in-memory frames)."""
    s = Scores()
    arts = tables["articles"]
    meetings = tables["meetings"]
    parts = tables["participants"]
    themes = tables["meeting_themes"]
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        stem = gold_file.stem
        src_match = arts.filter(pl.col("source_file").str.replace(r"\.[^.]+$", "") == stem)
        if src_match.height == 0:
            s.misses.append((stem, "article", "missing from output"))
            continue
        source = src_match["source_file"][0]
        pub = src_match["published_date"][0]
        s.pub_n += 1
        if _as_date(pub) == gold.get("published_date"):
            s.pub_ok += 1
        else:
            s.misses.append((source, "published_date", f"got {pub}, want {gold.get('published_date')}"))
        pm = meetings.filter(pl.col("source_file") == source).sort("meeting_id")
        pred = []
        for row in pm.iter_rows(named=True):
            pp = parts.filter(pl.col("meeting_id") == row["meeting_id"]).to_dicts()
            th = set(themes.filter(pl.col("meeting_id") == row["meeting_id"])["theme"].to_list())
            pred.append({**row, "participants": pp, "themes": th})
        mentioned = {name_key(n) for n in gold.get("mentioned_not_participants", [])}
        for p in pred:
            for person in p["participants"]:
                if name_key(person["person_name"]) in mentioned:
                    s.mentioned_as_participant += 1
                    s.misses.append((source, "mentioned-only output", person["person_name"]))
        for g, p in _pair_meetings(gold.get("meetings", []), pred):
            _score_meeting(s, source, g, p)
    return s


def _score_meeting(s: Scores, source: str, g: dict | None, p: dict | None) -> None:
    gp = {name_key(x["name"]): x for x in (g or {}).get("participants", [])}
    pp = {name_key(x["person_name"]): x for x in (p or {}).get("participants", [])}
    for k, gx in gp.items():
        if k not in pp:
            s.fn += 1
            s.misses.append((source, "missed participant", gx["name"]))
            continue
        s.tp += 1
        px = pp[k]
        for f in FIELDS:
            if (px.get(f) or None) == (gx.get(f) or None):
                s.field_ok[f] += 1
            else:
                s.misses.append((source, f"wrong {f}", f"{gx['name']}: got {px.get(f)}, want {gx.get(f)}"))
    for k, px in pp.items():
        if k not in gp:
            s.fp += 1
            s.misses.append((source, "extra participant", px["person_name"]))
    if g is None or p is None:
        if g is None:
            s.misses.append((source, "extra meeting", p["evidence"][:80]))
            s.th_fp += len(p["themes"])
        else:
            s.misses.append(
                (source, "missed meeting", ", ".join(x["name"] for x in g.get("participants", [])))
            )
            s.th_fn += len(g.get("themes", []))
            s.mdate_n += 1
            s.cc_n += 1
        return
    s.mdate_n += 1
    if _as_date(p["meeting_date"]) == g.get("meeting_date"):
        s.mdate_ok += 1
    else:
        s.misses.append((source, "meeting_date", f"got {p['meeting_date']}, want {g.get('meeting_date')}"))
    s.cc_n += 1
    if sorted(p["counterpart_countries"] or []) == sorted(g.get("counterpart_countries") or []):
        s.cc_ok += 1
    else:
        s.misses.append(
            (
                source,
                "counterpart_countries",
                f"got {p['counterpart_countries']}, want {g.get('counterpart_countries')}",
            )
        )
    gt, pt = set(g.get("themes", [])), p["themes"]
    s.th_tp += len(gt & pt)
    s.th_fp += len(pt - gt)
    s.th_fn += len(gt - pt)
    for t in sorted(pt - gt):
        s.misses.append((source, "extra theme", t))
    for t in sorted(gt - pt):
        s.misses.append((source, "missed theme", t))


def report(s: Scores, show_misses: bool = True) -> str:
    lines = [json.dumps(s.summary(), indent=2)]
    if show_misses:
        lines.append(f"\n{len(s.misses)} misses:")
        lines.extend(f"  {src}: {kind}: {detail}" for src, kind, detail in s.misses)
    return "\n".join(lines)


def tables_from_warehouse(warehouse: Path) -> dict[str, pl.DataFrame]:
    """The latest analytics models plus core.articles, read from a published warehouse file."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {
            "articles": con.sql("select source_file, published_date from core.articles").pl(),
            "meetings": con.sql("select * from analytics.meetings").pl(),
            "participants": con.sql("select * from analytics.participants").pl(),
            "meeting_themes": con.sql("select * from analytics.meeting_themes").pl(),
        }
    finally:
        con.close()


def evaluate_folder(input_dir: Path, gold_dir: Path, json_path: Path | None = None) -> Scores:
    """Run the real flow on `input_dir` into a temporary warehouse, then score it."""
    import tempfile

    from flows.pipeline import meetings_etl

    with tempfile.TemporaryDirectory(prefix="meetings-eval-") as tmp:
        warehouse = Path(tmp) / "eval.duckdb"
        meetings_etl(input_path=str(input_dir), warehouse=str(warehouse))
        scores = score(tables_from_warehouse(warehouse), Path(gold_dir))
    if json_path is not None:
        payload = {
            "scores": scores.summary(),
            "misses": [{"file": f, "kind": k, "detail": d} for f, k, d in scores.misses],
        }
        Path(json_path).write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return scores
