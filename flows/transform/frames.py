"""Window helpers for frames sorted by a group key (rows of a group contiguous).

polars' `.over(key)` costs a group-by per expression, which dominates when there are tens of
thousands of small groups (sentences, articles); on contiguous groups the same results come from
whole-column operations masked at group boundaries.
"""

from __future__ import annotations

import polars as pl


def _key(key: str | list[str]) -> pl.Expr:
    return pl.col(key) if isinstance(key, str) else pl.struct(key)


def same_group(key: str | list[str], k: int) -> pl.Expr:
    """True where the row `k` rows away (shift k) is in the same group."""
    return (_key(key).shift(k) == _key(key)).fill_null(False)


def shift_in(expr: pl.Expr, k: int, key: str | list[str]) -> pl.Expr:
    """expr.shift(k).over(key), null across group boundaries."""
    return pl.when(same_group(key, k)).then(expr.shift(k))


def is_first(key: str | list[str]) -> pl.Expr:
    return ~same_group(key, 1)


def cum_sum_in(expr: pl.Expr, key: str | list[str]) -> pl.Expr:
    """expr.cum_sum().over(key)."""
    total = expr.cum_sum()
    base = pl.when(is_first(key)).then(total - expr).forward_fill()
    return total - base


def row_in(key: str | list[str]) -> pl.Expr:
    """Row number inside the group, from 0 (int_range(pl.len()).over(key))."""
    n = pl.int_range(pl.len(), dtype=pl.Int64)
    return n - pl.when(is_first(key)).then(n).forward_fill()


def sorted_by(df: pl.DataFrame, major: str, minor: str) -> pl.DataFrame:
    """df sorted by (major, minor), sorting only when it is not already: the stages hand tokens
    on in order, and sorting a wide token frame costs a gather of every column."""
    step_major = pl.col(major).diff()
    step_minor = pl.col(minor).diff()
    in_order = ((step_major > 0) | ((step_major == 0) & (step_minor >= 0))).fill_null(True).all()
    if df.height < 2 or df.select(in_order).item():
        return df
    return df.sort(major, minor, maintain_order=True)


def any_in(expr: pl.Expr, key: str | list[str]) -> pl.Expr:
    """expr.any().over(key): whether any row of the group is true (nulls count as false).
    `expr` is evaluated more than once: pass a column rather than a costly expression."""
    hits = cum_sum_in(expr.fill_null(False).cast(pl.Int64), key)
    return pl.when(~same_group(key, -1)).then(hits).backward_fill() > 0


def backward_fill_in(expr: pl.Expr, key: str | list[str]) -> pl.Expr:
    """expr.backward_fill().over(key): each null takes the next value of its own group."""
    filled_from = pl.when(expr.is_not_null()).then(_key(key)).backward_fill()
    return pl.when(filled_from == _key(key)).then(expr.backward_fill())
