"""Validate: the transform's tables against the Great Expectations suites in expectations/.

One suite per table (expectations/<table>.json, suite name = table name). GX 1.x has no polars
engine, so each frame is validated as an Arrow-backed pandas frame. Checks that span columns or
tables (meeting date vs published date, foreign keys) are computed first as boolean columns, so
every rule stays a plain column expectation that GX can report row by row.

Grain of `Validation.results`: one row per expectation per suite (suite, expectation, success,
details as JSON).
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

SUITES = ("articles", "meetings", "participants", "meeting_themes")

RESULT_SCHEMA = {"suite": pl.String, "expectation": pl.String, "success": pl.Boolean, "details": pl.String}

# Columns that identify a row in failure messages, per table.
ROW_KEYS = {
    "articles": ["article_id", "source_file"],
    "meetings": ["meeting_id", "source_file"],
    "participants": ["meeting_id", "person_name", "source_file"],
    "meeting_themes": ["meeting_id", "theme", "source_file"],
}
# Derived check column -> the source columns worth showing when it fails.
DERIVED_SOURCES = {
    "meeting_date_not_after_published": ["meeting_date", "published_date"],
    "article_id_in_articles": ["article_id"],
    "counterpart_countries_valid": ["counterpart_countries"],
    "meeting_id_in_meetings": ["meeting_id"],
    "meeting_count_matches_meetings": ["meeting_count"],
}


class SuiteError(ValueError):
    """A suite file that GX would silently run only in part (unknown or invalid expectations)."""


@dataclass(frozen=True)
class Failure:
    suite: str
    expectation: str
    unexpected_count: int | None
    element_count: int | None
    sample_values: list[Any]
    sample_rows: pl.DataFrame
    error: str | None = None

    def summary(self) -> str:
        if self.error:
            return f"{self.suite}: {self.expectation} (error: {self.error})"
        # A derived check column only holds False: its failing rows say more than its values.
        derived = any(column in self.expectation for column in DERIVED_SOURCES)
        values = "" if derived else ", ".join(dict.fromkeys(repr(v) for v in self.sample_values[:3]))
        counts = (
            f"{self.unexpected_count} of {self.element_count} rows"
            if self.unexpected_count is not None
            else ""
        )
        example = f", e.g. {values}" if values else ""
        return f"{self.suite}: {self.expectation} ({counts}{example})"


class ValidationFailed(Exception):
    """Raised when any expectation fails; the message names each one and shows a few failing rows."""

    def __init__(self, failures: list[Failure], results: pl.DataFrame):
        self.failures = failures
        self.results = results
        super().__init__(self._message())

    def __reduce__(self):  # picklable despite the custom signature (Prefect may copy exceptions)
        return (type(self), (self.failures, self.results))

    def _message(self) -> str:
        head = (
            f"data validation failed: {len(self.failures)} expectation(s) failed: "
            + "; ".join(f.summary() for f in self.failures)
            + "."
        )
        blocks = [head]
        for f in self.failures:
            if f.sample_rows.height:
                with pl.Config(
                    tbl_rows=10,
                    fmt_str_lengths=60,
                    tbl_hide_dataframe_shape=True,
                    tbl_hide_column_data_types=True,
                ):
                    blocks.append(f"{f.suite} / {f.expectation}, failing rows:\n{f.sample_rows}")
        return "\n\n".join(blocks)


@dataclass(frozen=True)
class Validation:
    results: pl.DataFrame
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def raise_if_failed(self) -> None:
        if self.failures:
            raise ValidationFailed(self.failures, self.results)


def load_suite_specs(expectations_dir: Path) -> dict[str, dict]:
    """The suite JSON documents, by table name; every table in SUITES must have one."""
    specs = {}
    for name in SUITES:
        path = Path(expectations_dir) / f"{name}.json"
        with path.open(encoding="utf-8") as f:
            specs[name] = json.load(f)
    return specs


def add_check_columns(tables) -> dict[str, pl.DataFrame]:
    """The frames to validate: each table plus the derived boolean columns its suite checks."""
    meetings = tables.meetings
    meeting_ids = meetings.get_column("meeting_id").unique()
    article_ids = tables.articles.get_column("article_id").unique()
    per_article = meetings.group_by("article_id").agg(pl.len().alias("_meetings"))
    articles = (
        tables.articles.join(per_article, on="article_id", how="left")
        .with_columns(
            (pl.col("meeting_count").fill_null(-1) == pl.col("_meetings").fill_null(0)).alias(
                "meeting_count_matches_meetings"
            )
        )
        .drop("_meetings")
    )
    return {
        "articles": articles,
        "meetings": meetings.with_columns(
            # Unknown dates can't contradict each other: only a pair of known dates can fail.
            (
                pl.col("meeting_date").is_null()
                | pl.col("published_date").is_null()
                | (pl.col("meeting_date") <= pl.col("published_date"))
            ).alias("meeting_date_not_after_published"),
            pl.col("article_id").is_in(article_ids.implode()).alias("article_id_in_articles"),
            pl.col("counterpart_countries")
            .list.eval(pl.element().str.contains(r"^[A-Z]{2}$").fill_null(False))
            .list.all()
            .fill_null(False)
            .alias("counterpart_countries_valid"),
        ),
        "participants": tables.participants.with_columns(
            pl.col("meeting_id").is_in(meeting_ids.implode()).fill_null(False).alias("meeting_id_in_meetings")
        ),
        "meeting_themes": tables.meeting_themes.with_columns(
            pl.col("meeting_id").is_in(meeting_ids.implode()).fill_null(False).alias("meeting_id_in_meetings")
        ),
    }


def _quiet_gx_loggers() -> None:
    """GX pins some of its loggers at INFO (e.g. a line per ephemeral context): keep warnings only."""
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("great_expectations"):
            logging.getLogger(name).setLevel(logging.WARNING)


def expectation_label(expectation_type: str, kwargs: dict) -> str:
    """'expect_column_values_to_be_in_set(side)': type plus the column(s) it checks."""
    columns = kwargs.get("column") or ", ".join(kwargs.get("column_list") or [])
    return f"{expectation_type}({columns})"


def validate_tables(
    tables, expectations_dir: Path, sample_size: int = 5, data_docs_dir: Path | None = None
) -> Validation:
    """Run every suite on its table in one ephemeral GX context; never raises on failed data.

    With `data_docs_dir`, GX Data Docs of these results are built there (flows/data_docs.py)."""
    runner = SuiteRunner(expectations_dir, sample_size)
    validation = runner.run(tables)
    if data_docs_dir is not None:
        runner.build_data_docs(data_docs_dir)
    return validation


class SuiteRunner:
    """The GX context, suites and validation definitions, set up once and run on batch after batch.

    Setting up costs far more than validating a batch, so a run streamed in batches builds this
    once; `combine_validations` then merges the batches' results into one row per expectation.
    """

    def __init__(self, expectations_dir: Path, sample_size: int = 5) -> None:
        import great_expectations as gx  # imported lazily: slow, and only this stage needs it
        from great_expectations.data_context.types.base import ProgressBarsConfig

        _quiet_gx_loggers()
        self.sample_size = sample_size
        specs = load_suite_specs(expectations_dir)
        self.context = context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False)
        source = context.data_sources.add_pandas("tables")
        self.definitions: dict[str, Any] = {}
        self.sizes: dict[str, int] = {}
        for name in SUITES:
            spec = specs[name]
            suite = gx.ExpectationSuite(**spec)
            # GX drops an unknown expectation type with only a log line: refuse to run a partial suite.
            if len(suite.expectations) != len(spec.get("expectations", [])):
                raise SuiteError(
                    f"{name}.json: {len(spec.get('expectations', []))} expectations in the file but GX loaded "
                    f"{len(suite.expectations)}; check the expectation types"
                )
            suite = context.suites.add(suite)
            batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(f"{name}_all")
            self.definitions[name] = context.validation_definitions.add(
                gx.ValidationDefinition(name=f"{name}_validation", data=batch, suite=suite)
            )
            self.sizes[name] = len(suite.expectations)

    def run(self, tables) -> Validation:
        """Validate one set of tables; never raises on failed data."""
        sample_size = self.sample_size
        frames = add_check_columns(tables)
        rows: list[dict] = []
        failures: list[Failure] = []
        for name in SUITES:
            expected = self.sizes[name]
            frame = frames[name]
            result = self.definitions[name].run(
                batch_parameters={"dataframe": frame.to_pandas(use_pyarrow_extension_array=True)},
                result_format={"result_format": "SUMMARY", "partial_unexpected_count": sample_size},
            )
            if len(result.results) != expected:
                raise SuiteError(f"{name}: GX returned {len(result.results)} results for {expected}")
            for res in result.results:
                row, failure = _result_row(name, res, frame, sample_size)
                rows.append(row)
                if failure is not None:
                    failures.append(failure)
        return Validation(results=pl.DataFrame(rows, schema=RESULT_SCHEMA), failures=failures)

    def build_data_docs(self, target: Path) -> None:
        """GX Data Docs of every validation this runner ran (flows/data_docs.py)."""
        from flows.data_docs import build

        build(self.context, target)


def combine_validations(parts: list[Validation], sample_size: int = 5) -> Validation:
    """One Validation for a run validated batch by batch: one row per expectation, as if its tables
    had been validated at once (counts summed, percentages recomputed, the first failing samples)."""
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return Validation(results=pl.DataFrame(schema=RESULT_SCHEMA))
    rows = []
    for i, first in enumerate(parts[0].results.iter_rows(named=True)):
        same = [p.results.row(i, named=True) for p in parts]
        details = _merge_details([json.loads(r["details"]) for r in same], sample_size)
        rows.append(
            {
                "suite": first["suite"],
                "expectation": first["expectation"],
                "success": all(r["success"] for r in same),
                "details": json.dumps(details, default=str, sort_keys=True),
            }
        )
    results = pl.DataFrame(rows, schema=RESULT_SCHEMA)
    totals = {(r["suite"], r["expectation"]): json.loads(r["details"]) for r in rows}
    failures: dict[tuple[str, str], list[Failure]] = {}
    for part in parts:
        for f in part.failures:
            failures.setdefault((f.suite, f.expectation), []).append(f)
    merged = []
    for key, fs in failures.items():
        total = totals[key]
        merged.append(
            Failure(
                suite=key[0],
                expectation=key[1],
                unexpected_count=total["unexpected_count"],
                element_count=total["element_count"],
                sample_values=[v for f in fs for v in f.sample_values][:sample_size],
                sample_rows=pl.concat([f.sample_rows for f in fs], how="diagonal_relaxed").head(sample_size),
                error=next((f.error for f in fs if f.error), None),
            )
        )
    order = {key: n for n, key in enumerate(totals)}
    merged.sort(key=lambda f: order[(f.suite, f.expectation)])
    return Validation(results=results, failures=merged)


def _merge_details(parts: list[dict], sample_size: int) -> dict:
    """GX's SUMMARY numbers of one expectation over several batches, as GX computes them."""

    def total(key: str) -> int | None:
        values = [p.get(key) for p in parts]
        return None if any(v is None for v in values) else sum(values)

    elements = total("element_count") or 0
    unexpected = total("unexpected_count")
    missing = total("missing_count")
    percent = None
    if unexpected is not None and elements > 0:
        if missing is None:
            percent = unexpected / elements * 100
        elif elements - missing > 0:
            percent = unexpected / (elements - missing) * 100
    merged = {
        **parts[0],
        "element_count": elements,
        "unexpected_count": unexpected,
        "unexpected_percent": percent,
        "observed_value": next(
            (p["observed_value"] for p in reversed(parts) if p.get("observed_value") is not None), None
        ),
        "failing_values": [v for p in parts for v in p.get("failing_values") or []][:sample_size],
    }
    if "missing_count" in parts[0]:
        merged["missing_count"] = missing
    errors = [p["error"] for p in parts if p.get("error")]
    if errors:
        merged["error"] = errors[0]
    return merged


def _result_row(suite: str, res, frame: pl.DataFrame, sample_size: int) -> tuple[dict, Failure | None]:
    config = res.expectation_config
    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
    label = expectation_label(config.type, kwargs)
    result = res.result or {}
    exception = res.exception_info or {}
    error = exception.get("exception_message") if exception.get("raised_exception") else None
    samples = _jsonable(result.get("partial_unexpected_list") or [])[:sample_size]
    details = {
        "kwargs": kwargs,
        "element_count": result.get("element_count"),
        "unexpected_count": result.get("unexpected_count"),
        "unexpected_percent": result.get("unexpected_percent"),
        "missing_count": result.get("missing_count"),
        "observed_value": _jsonable(result.get("observed_value")),
        "failing_values": samples,
    }
    if error:
        details["error"] = error
    row = {
        "suite": suite,
        "expectation": label,
        "success": bool(res.success),
        "details": json.dumps(details, default=str, sort_keys=True),
    }
    if res.success:
        return row, None
    indexes = [int(i) for i in (result.get("partial_unexpected_index_list") or [])][:sample_size]
    return row, Failure(
        suite=suite,
        expectation=label,
        unexpected_count=result.get("unexpected_count"),
        element_count=result.get("element_count"),
        sample_values=samples,
        sample_rows=_failing_rows(suite, frame, kwargs, indexes),
        error=error,
    )


def _failing_rows(suite: str, frame: pl.DataFrame, kwargs: dict, indexes: list[int]) -> pl.DataFrame:
    """The key columns and checked columns of a few failing rows (pandas index = row position)."""
    checked = [kwargs["column"]] if "column" in kwargs else list(kwargs.get("column_list") or [])
    shown = list(ROW_KEYS[suite])
    for column in checked:
        shown += [*DERIVED_SOURCES.get(column, []), column]
    shown = [c for c in dict.fromkeys(shown) if c in frame.columns]
    valid = [i for i in indexes if 0 <= i < frame.height]
    if not valid or not shown:
        return frame.select(shown).clear() if shown else pl.DataFrame()
    return frame.select(shown)[valid]


def _jsonable(value: Any) -> Any:
    """GX results hold pandas/NumPy scalars and NA markers; make them plain JSON values."""
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value
    try:
        import pandas as pd

        if pd.isna(value) is True:
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        try:
            return value.item()
        except (ValueError, AttributeError):
            pass
    return str(value)
