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


def len_in(key: str | list[str]) -> pl.Expr:
    """The number of rows of the group (pl.len().over(key))."""
    return pl.when(~same_group(key, -1)).then(row_in(key) + 1).backward_fill()


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


def scatter_rows(df: pl.DataFrame, rows: pl.Series, values: pl.DataFrame) -> pl.DataFrame:
    """df with the columns of `values` replaced at row indices `rows` (one value row per index)."""
    if rows.len() == 0:
        return df
    return df.with_columns(df.get_column(c).scatter(rows, values.get_column(c)) for c in values.columns)


def in_groups_with(df: pl.DataFrame, key: str, hit: pl.Expr, rule, columns: list[str]) -> pl.DataFrame:
    """`rule(df)` run only on the groups of `key` (contiguous) where `hit` holds on some row, the
    other rows keeping their `columns`. For a rule that changes only `columns`, only inside such
    groups, reading nothing outside the group of the row it changes and keeping the rows and their
    order: the result is the same as `rule(df)`, and the rule's windows run on a few groups instead of
    the whole token frame."""
    keys = df.filter(hit).get_column(key).unique()
    if keys.len() == 0:
        return df
    part = df.with_row_index("_row").filter(pl.col(key).is_in(keys.implode()))
    done = rule(part.drop("_row"))
    return scatter_rows(df, part.get_column("_row"), done.select(columns))


def _sentence_rows(t: pl.DataFrame) -> pl.DataFrame | None:
    """(sid, _first, _n): each sentence's first row index and number of tokens, for a token frame
    sorted by sid with pos numbering each sentence's tokens from 0 (the frame as the stages hand it
    on); None for any other frame. Read from whole-column differences and the last row of each
    sentence, without a window."""
    if t.height == 0:
        return None
    step = pl.col("sid").cast(pl.Int64).diff()
    p = pl.col("pos").cast(pl.Int64)
    in_order = pl.when(step.is_null() | (step > 0)).then(p == 0).otherwise((step == 0) & (p.diff() == 1))
    if not t.select(in_order.all()).item():
        return None
    last = (pl.col("sid") != pl.col("sid").shift(-1)).fill_null(True)
    return t.select(
        "sid", (pl.int_range(pl.len(), dtype=pl.Int64) - p).alias("_first"), (p + 1).alias("_n")
    ).filter(last)


def tokens_at(
    t: pl.DataFrame, where: pl.DataFrame, pos: str, shifts: dict[int, dict[str, str]]
) -> pl.DataFrame:
    """`where` (sid, `pos`, ...) with, for each offset d of `shifts` and each alias: column of
    shifts[d], the column's value at the token at position `pos` + d of the same sentence (null
    where there is none): what a left join of `where` on (sid, pos - d) of the token frame gives.

    The token frame as the stages hand it on (sorted by sid, pos numbering each sentence's tokens
    from 0) is read by row index: a gather per column instead of a join back to the whole token
    frame per offset. Any other frame is joined."""
    rows = _sentence_rows(t)
    if rows is None:
        for d, cols in shifts.items():
            where = where.join(
                t.select(
                    "sid", (pl.col("pos") - d).alias(pos), *[pl.col(c).alias(a) for a, c in cols.items()]
                ),
                on=["sid", pos],
                how="left",
                maintain_order="left",
            )
        return where
    base = where.select("sid", pos).join(rows, on="sid", how="left", maintain_order="left")
    out = []
    for d, cols in shifts.items():
        at = pl.col(pos).cast(pl.Int64) + d
        idx = base.select(pl.when((at >= 0) & (at < pl.col("_n"))).then(pl.col("_first") + at)).to_series()
        out += [t.get_column(c).gather(idx).alias(a) for a, c in cols.items()]
    return where.with_columns(out)


def join_on_tokens(t: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """`t.join(rows, on=["sid", "pos"], how="left", maintain_order="left")` for `rows` holding
    each (sid, pos) once: on the token frame as the stages hand it on (sorted by sid, pos numbering
    each sentence's tokens from 0) the values are written at their row indices, with no join."""
    values = [c for c in rows.columns if c not in ("sid", "pos")]
    first = None if set(values) & set(t.columns) else _sentence_rows(t)
    if first is None:
        return t.join(rows, on=["sid", "pos"], how="left", maintain_order="left")
    at = rows.join(first, on="sid", how="inner", maintain_order="left")
    if not at.select(((pl.col("pos") >= 0) & (pl.col("pos") < pl.col("_n"))).all()).item():
        return t.join(rows, on=["sid", "pos"], how="left", maintain_order="left")
    idx = at.select(pl.col("_first") + pl.col("pos").cast(pl.Int64)).to_series()
    return t.with_columns(
        pl.repeat(None, t.height, dtype=rows.schema[c], eager=True).alias(c).scatter(idx, at.get_column(c))
        for c in values
    )


def can_match(frame: pl.DataFrame, column: str | pl.Expr, needle: str) -> bool:
    """Whether some row of `column` matches `needle`, a cheap regex that every match of a costly one
    needs (a dash and a space for a dateline, a bracket opening the line for a bracketed note).

    polars compiles a pattern even for an empty column and keeps only a few dozen compiled per
    thread, so a pattern of Unicode classes under a counted repeat (`[\\p{L} ]{1,40}`, 5-20 ms to
    compile) is compiled again on every call of the transform; on the short articles of the tests a
    stage skips it when no row can match. The caller puts in an expression equal to the costly
    one's result on such rows (the needle's own `contains` for a `contains`: False, null on null).
    `column`: a column's name or an expression of the frame's columns."""
    text = pl.col(column) if isinstance(column, str) else column
    return frame.height > 0 and bool(frame.select(text.str.contains(needle).any()).item())
