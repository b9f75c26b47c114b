"""GX Data Docs of the last run: static HTML (an index, one page per suite's validation result and
per suite) built offline from the validate stage's GX context into a folder beside the warehouse.

The folder is replaced whole on every run (built aside, then swapped in), so it always shows one
run: the last one that reached validation, whether it passed or not.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

# The ephemeral context already has a site called `local_site`; ours must have another name.
SITE_NAME = "meetings_data_docs"


def build(context, target: Path) -> Path:
    """Render every validation result of `context` into `target`; returns its index.html."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = target.with_name(f"{target.name}.building-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    context.add_data_docs_site(
        site_name=SITE_NAME,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(fresh)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    try:
        context.build_data_docs(site_names=[SITE_NAME])
        _swap_in(fresh, target)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return target / "index.html"


def _swap_in(fresh: Path, target: Path) -> None:
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(old)
