"""Column names and polars types of the tables the transform produces (the contract's tables plus
`articles`). The load stage and the GX suites rely on exactly these."""

from __future__ import annotations

import polars as pl

# One row per input article (an article with no meeting still has a row).
ARTICLES = {
    "article_id": pl.String,
    "source_file": pl.String,
    "headline": pl.String,
    "published_date": pl.Date,
    "url": pl.String,
    "content_hash": pl.String,
    "meeting_count": pl.Int32,
    "body": pl.String,
}

# One row per meeting reported in an article.
MEETINGS = {
    "meeting_id": pl.String,
    "article_id": pl.String,
    "source_file": pl.String,
    "headline": pl.String,
    "published_date": pl.Date,
    "meeting_date": pl.Date,
    "weekday": pl.String,
    "location": pl.String,
    "counterpart_countries": pl.List(pl.String),
    "counterpart_org": pl.String,
    "evidence": pl.String,
}

# One row per person taking part in a meeting.
PARTICIPANTS = {
    "meeting_id": pl.String,
    "source_file": pl.String,
    "person_name": pl.String,
    "title": pl.String,
    "organization": pl.String,
    "country": pl.String,
    "side": pl.String,
    "role": pl.String,
    "evidence": pl.String,
}

# One row per theme per meeting.
MEETING_THEMES = {
    "meeting_id": pl.String,
    "source_file": pl.String,
    "theme": pl.String,
    "raised_by": pl.String,
    "evidence": pl.String,
}

# One row per agreement or memorandum signed at or after a meeting.
AGREEMENTS = {
    "meeting_id": pl.String,
    "source_file": pl.String,
    "subject": pl.String,
    "evidence": pl.String,
}

SIDES = ["host", "guest"]
ROLES = ["lead", "member"]
RAISED_BY = ["host", "guest", "both", "unknown"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def empty(schema: dict) -> pl.DataFrame:
    return pl.DataFrame(schema=schema)


def conform(df: pl.DataFrame, schema: dict) -> pl.DataFrame:
    """Select exactly the schema's columns, in order, cast to their types."""
    return df.select([pl.col(name).cast(dtype) for name, dtype in schema.items()])
