"""Transform: documents frame -> normalised tables, vectorised over a whole batch with polars."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from flows.transform import schema


@dataclass
class Tables:
    articles: pl.DataFrame
    meetings: pl.DataFrame
    participants: pl.DataFrame
    meeting_themes: pl.DataFrame
    agreements: pl.DataFrame

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name).height for name in self.__dataclass_fields__}


def transform(documents: pl.DataFrame, reference) -> Tables:  # replaced by the real pipeline below
    from flows.transform.pipeline import run_transform

    return run_transform(documents, reference)


__all__ = ["Tables", "schema", "transform"]
