"""Extract: input files -> one row per candidate article, or one reject row with a reason.

Grain of `documents`: one row per article record (a text file, an HTML page, a JSON record or one
JSONL line). Grain of `rejects`: one row per input (file or JSONL line) that can't become an article.
Reading bytes is a plain loop over files (I/O bound); everything after it works on whole frames.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from flows.html_text import html_to_text

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

TEXT_FIELDS = ("text", "body", "content", "article", "article_text")
DATE_FIELDS = ("date", "published_date", "published", "published_at", "pub_date")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url")

# Magic numbers of common binary formats that scrapers leave in input folders.
BINARY_MAGIC = (
    (b"%PDF", "not text: PDF document"),
    (b"\x89PNG", "not text: PNG image"),
    (b"\xff\xd8\xff", "not text: JPEG image"),
    (b"GIF8", "not text: GIF image"),
    (b"PK\x03\x04", "not text: ZIP archive"),
    (b"\x1f\x8b", "not text: gzip archive"),
)

DOCUMENT_SCHEMA = {
    "article_id": pl.String,
    "source_file": pl.String,
    "text": pl.String,
    "record_date": pl.String,
    "record_title": pl.String,
    "url": pl.String,
    "content_hash": pl.String,
}
REJECT_SCHEMA = {"source_file": pl.String, "stage": pl.String, "reason": pl.String}


@dataclass(frozen=True)
class Extracted:
    documents: pl.DataFrame
    rejects: pl.DataFrame
    files_seen: int


class Rejected(Exception):
    """An input that can't become an article; the message is the reject reason."""


def list_inputs(input_path: Path) -> list[tuple[Path, str]]:
    """(absolute path, path relative to the input) for every file, sorted for stable ids."""
    input_path = Path(input_path)
    if input_path.is_file():
        return [(input_path, input_path.name)]
    if not input_path.exists():
        raise FileNotFoundError(f"input path does not exist: {input_path}")
    files = [p for p in input_path.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return sorted(((p, p.relative_to(input_path).as_posix()) for p in files), key=lambda t: t[1])


def decode_bytes(data: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected legacy encoding."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for magic, reason in BINARY_MAGIC:
        if data.startswith(magic):
            raise Rejected(reason)
    if b"\x00" in data:
        raise Rejected("not text: contains NUL bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported lazily: only legacy encodings need it

    best = from_bytes(data).best()
    if best is None:
        raise Rejected("not text: no text encoding fits")
    text = str(best)
    if _control_share(text) > 0.05:
        raise Rejected("not text: mostly control characters")
    return text


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:4000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad / len(sample)


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def article_id_for(text: str) -> str:
    """Stable article id: hash of the text with whitespace collapsed (same content, same id)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _first(record: dict, names: Iterable[str]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _record_row(record: object, source: str, digest: str) -> dict:
    if not isinstance(record, dict):
        raise Rejected("JSON record is not an object")
    text = _first(record, TEXT_FIELDS)
    if text is None:
        raise Rejected(f"JSON record has no text field (one of {', '.join(TEXT_FIELDS)})")
    text = normalise_text(text)
    return {
        "article_id": article_id_for(text),
        "source_file": source,
        "text": text,
        "record_date": _first(record, DATE_FIELDS),
        "record_title": _first(record, TITLE_FIELDS),
        "url": _first(record, URL_FIELDS),
        "content_hash": digest,
    }


def read_one(path: Path, relative: str, max_bytes: int) -> Iterator[dict]:
    """Yield document rows (dicts with DOCUMENT_SCHEMA keys) or reject rows (with 'reason')."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield {"source_file": relative, "stage": "extract", "reason": f"unsupported format: {suffix}"}
        return
    size = path.stat().st_size
    if size > max_bytes:  # decided from the size alone: a huge file is never read into memory
        yield {
            "source_file": relative,
            "stage": "extract",
            "reason": f"too large: {size} bytes (limit {max_bytes})",
        }
        return
    data = path.read_bytes()
    digest = hashlib.sha1(data).hexdigest()
    try:
        if not data.strip():
            raise Rejected("empty")
        text = normalise_text(decode_bytes(data))
        if not text.strip():
            raise Rejected("empty")
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(text, relative)
            return
        if suffix in JSON_SUFFIXES:
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                raise Rejected(f"invalid JSON: {exc.msg} at line {exc.lineno}") from exc
            yield _record_row(record, relative, digest)
            return
        if suffix in HTML_SUFFIXES:
            text = html_to_text(text)
            if not text.strip():
                raise Rejected("empty: no article text in HTML")
        yield {
            "article_id": article_id_for(text),
            "source_file": relative,
            "text": text,
            "record_date": None,
            "record_title": None,
            "url": None,
            "content_hash": digest,
        }
    except Rejected as exc:
        yield {"source_file": relative, "stage": "extract", "reason": str(exc)}
    except (UnicodeDecodeError, ValueError) as exc:
        yield {"source_file": relative, "stage": "extract", "reason": f"not text: {exc}"}


def _read_jsonl(text: str, relative: str) -> Iterator[dict]:
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{relative}#{line_no}"
        digest = hashlib.sha1(line.encode("utf-8")).hexdigest()
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise Rejected(f"invalid JSON on line {line_no}: {exc.msg}") from exc
            yield _record_row(record, source, digest)
        except Rejected as exc:
            yield {"source_file": source, "stage": "extract", "reason": str(exc)}


def extract_files(files: list[tuple[Path, str]], max_bytes: int) -> Extracted:
    """Read a batch of files into a documents frame and a rejects frame."""
    docs: list[dict] = []
    rejects: list[dict] = []
    for path, relative in files:
        try:
            for row in read_one(path, relative, max_bytes):
                (rejects if "reason" in row else docs).append(row)
        except OSError as exc:
            rejects.append({"source_file": relative, "stage": "extract", "reason": f"unreadable: {exc}"})
    return Extracted(
        documents=pl.DataFrame(docs, schema=DOCUMENT_SCHEMA),
        rejects=pl.DataFrame(rejects, schema=REJECT_SCHEMA),
        files_seen=len(files),
    )
