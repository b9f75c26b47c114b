"""The data dictionary docs/warehouse.md, generated from the model contracts and sql/sources.yml.

The same YAML gives the warehouse's COMMENTs (flows/comments.py), so the file and what BI tools show
can't disagree. The output is deterministic (no dates), so a test can fail when the file is stale.
"""

from __future__ import annotations

import re
from pathlib import Path

from flows.contracts import Contract, load_sources
from flows.models import Model, ModelError, discover_models

HEADER = """\
# Warehouse data dictionary

<!-- Generated from sql/**/*.yml by `meetings docs` (or `make docs`). Do not edit by hand. -->

Query the `analytics` schema. Every model version is a view `analytics.<name>_v<N>`; the bare name
`analytics.<name>` is its latest version. A released version's columns never change: a change of
columns comes as a new version, and the old one stays until its deprecation date has passed and it
is removed. The descriptions below are also the warehouse's `COMMENT`s, so BI tools show them.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _anchor(title: str) -> str:
    """GitHub's heading anchor: lowercase, punctuation other than - and _ dropped, spaces to -."""
    return re.sub(r"[^a-z0-9 _-]", "", title.lower()).replace(" ", "-")


def _columns_table(contract: Contract) -> list[str]:
    lines = ["| column | type | description |", "| --- | --- | --- |"]
    lines += [f"| `{c.name}` | {_cell(c.data_type)} | {_cell(c.description)} |" for c in contract.columns]
    return lines


def _facts(contract: Contract, extra: list[str]) -> list[str]:
    lines = [f"- Grain: {contract.grain}"]
    if contract.unique_key:
        lines.append("- Unique key: " + ", ".join(f"`{k}`" for k in contract.unique_key))
    return lines + extra


def _model_section(versions: list[Model], root: Path) -> list[str]:
    latest = versions[-1]
    title = f"analytics.{latest.name}"
    listed = []
    for m in versions:
        status = "latest" if m.is_latest else f"superseded by v{latest.version}"
        if m.contract.deprecation_date:
            status += f", deprecated: may be removed after {m.contract.deprecation_date.isoformat()}"
        listed.append(f"`{m.view}` ({status})")
    lines = [f"### {title}", "", latest.contract.description, ""]
    lines += _facts(
        latest.contract,
        [
            "- Versions: " + ", ".join(listed),
            f"- SQL: `{latest.path.relative_to(root).as_posix()}`",
        ],
    )
    lines += ["", *_columns_table(latest.contract), ""]
    for old in reversed(versions[:-1]):
        extra = [f"- Superseded by `{latest.view}`"]
        if old.contract.deprecation_date:
            extra.append(f"- Deprecated: may be removed after {old.contract.deprecation_date.isoformat()}")
        extra.append(f"- SQL: `{old.path.relative_to(root).as_posix()}`")
        lines += [
            f"#### analytics.{old.view}",
            "",
            old.contract.description,
            "",
            *_facts(old.contract, extra),
            "",
            *_columns_table(old.contract),
            "",
        ]
    return lines


def render(sql_dir: Path) -> str:
    """The whole dictionary as Markdown text."""
    sql_dir = Path(sql_dir)
    root = sql_dir.parent
    models = discover_models(sql_dir)
    missing = [m.path.with_suffix(".yml").name for m in models if m.contract is None]
    if missing:
        raise ModelError("model(s) without a contract: " + ", ".join(missing))
    by_name: dict[str, list[Model]] = {}
    for model in models:
        by_name.setdefault(model.name, []).append(model)
    sources = load_sources(sql_dir)

    lines = [HEADER, "## Models", "", "| model | latest | grain |", "| --- | --- | --- |"]
    for name, versions in sorted(by_name.items()):
        title = f"analytics.{name}"
        lines.append(
            f"| [{title}](#{_anchor(title)}) | v{versions[-1].version} | {_cell(versions[-1].contract.grain)} |"
        )
    lines.append("")
    for _, versions in sorted(by_name.items()):
        lines += _model_section(sorted(versions, key=lambda m: m.version), root)
    if sources:
        lines += [
            "## Tables the pipeline writes",
            "",
            "`core` holds the loaded rows (replaced per article on every run), `meta` the bookkeeping of runs.",
            "Prefer the analytics models: these tables are not versioned.",
            "",
        ]
        for source in sorted(sources, key=lambda s: s.label):
            lines += [f"### {source.label}", "", source.description, ""]
            lines += [*_facts(source, []), "", *_columns_table(source), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def write(sql_dir: Path, output: Path) -> bool:
    """Write the dictionary; True when the file changed."""
    text = render(sql_dir)
    output = Path(output)
    if output.exists() and output.read_text(encoding="utf-8") == text:
        return False
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    return True


def is_current(sql_dir: Path, output: Path) -> bool:
    output = Path(output)
    return output.exists() and output.read_text(encoding="utf-8") == render(sql_dir)
