"""Small articles for transform unit tests: documents frames and participants by name."""

from __future__ import annotations

import polars as pl

from flows.extract import DOCUMENT_SCHEMA, article_id_for
from flows.transform import transform


def docs(*texts: str, record_date: str | None = None) -> pl.DataFrame:
    """One extracted document per text, as the extract stage hands them on."""
    rows = [
        {
            "article_id": article_id_for(t),
            "source_file": f"a{i}.txt",
            "text": t,
            "record_date": record_date,
            "record_title": None,
            "url": None,
            "content_hash": str(i),
        }
        for i, t in enumerate(texts)
    ]
    return pl.DataFrame(rows, schema=DOCUMENT_SCHEMA)


def people(text: str, ref) -> dict[str, dict]:
    """The participants the whole transform finds in one article, by name."""
    t = transform(docs(text), ref)
    return {r["person_name"]: r for r in t.participants.iter_rows(named=True)}


def described(description: str, ref, before: bool = False) -> dict:
    """The row of Nadia Orlov, described before or after her name, meeting a Guangdong host (the
    title tests' one sentence)."""
    who = f"{description} Nadia Orlov" if before else f"Nadia Orlov, {description},"
    got = people(
        f"Date: 2025-03-14\n\nGovernor Tan Weiping of Guangdong met {who} in Guangzhou on Wednesday.", ref
    )
    assert "Tan Weiping" in got
    return got["Nadia Orlov"]
