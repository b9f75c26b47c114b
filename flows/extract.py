"""Extract: input files -> one row per candidate article, or one reject row with a reason.

Grain of `documents`: one row per article record (a text file, an HTML page, a JSON record or one
JSONL line). Grain of `rejects`: one row per input (file or JSONL line) that can't become an article.
Grain of `sources`: one row per input (a file, or a JSONL line) with its outcome: the article it
gives or its reject reason, and the hash of its file's bytes, which lets a later run skip a file that
has not changed (`known`: no decoding, no parsing, no transform). Grain of `skipped`: one row per
unchanged file. Reading bytes is a plain loop over files (I/O bound); everything after it works on
whole frames.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.html_text import html_to_text

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

TEXT_FIELDS = ("text", "body", "content", "article", "article_text")
DATE_FIELDS = (
    "date",
    "published_date",
    "published",
    "published_at",
    "pub_date",
    # RSS-style and schema.org spellings of a record's publication date
    "pubDate",
    "pubdate",
    "datePublished",
    "publishedAt",
    "publish_date",
)
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
SOURCE_SCHEMA = {
    "source_file": pl.String,  # the contract's source_file: path relative to the input, `#<line>` for JSONL
    "input_file": pl.String,  # the file it was read from
    "file_hash": pl.String,  # sha1 of the file's bytes (NULL when it was not read: too large, unsupported)
    "content_hash": pl.String,  # sha1 of the record's bytes (the file, or the JSONL line)
    "article_id": pl.String,  # NULL when rejected
    "stage": pl.String,  # reject stage, NULL for an article
    "reason": pl.String,  # reject reason, NULL for an article
    # The file's size and modification time when it was read: a file that still has both is not read
    # again (the check make and rsync use); any other file is read and compared by file_hash.
    "file_size": pl.Int64,
    "file_mtime_ns": pl.Int64,
}
SKIPPED_SCHEMA = {
    "input_file": pl.String,
    "file_hash": pl.String,
    "file_size": pl.Int64,
    "file_mtime_ns": pl.Int64,
}

# Legacy encodings tried when bytes are not UTF-8, in order of preference when the detector can't
# tell them apart (short texts): Western European first, then the CJK and Cyrillic ones scrapers
# meet. Latin-1 text decodes the same under cp1252 (a superset of its printable range); GBK under
# gb18030 (a superset).
LEGACY_ENCODINGS = ("cp1252", "gb18030", "big5", "shift_jis", "euc_kr", "cp1251")
UTF32_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"))


def _empty(schema: dict) -> pl.DataFrame:
    return pl.DataFrame(schema=schema)


@dataclass(frozen=True)
class Extracted:
    documents: pl.DataFrame
    rejects: pl.DataFrame
    files_seen: int  # files listed (a JSONL file counts once)
    sources: pl.DataFrame = field(default_factory=lambda: _empty(SOURCE_SCHEMA))
    skipped: pl.DataFrame = field(default_factory=lambda: _empty(SKIPPED_SCHEMA))


class Rejected(Exception):
    """An input that can't become an article; the message is the reject reason."""


def display_name(relative: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (Linux allows any) shown as \\xNN."""
    try:
        relative.encode("utf-8")
        return relative
    except UnicodeEncodeError:
        raw = os.fsencode(relative)
        return raw.decode("utf-8", errors="backslashreplace")


def list_inputs(input_path: Path) -> list[tuple[str, str]]:
    """(absolute path, path relative to the input) for every file, sorted for stable ids.

    Folders are searched recursively; hidden files and folders (`.git`, `.DS_Store`) are not inputs;
    symbolic links to folders are not followed (no loops). Walks with os.scandir and string paths:
    building pathlib objects for every step costs more than the listing itself at 100k files, and
    a million of them hold 650 MB for the whole run (plain strings: 200 MB).
    """
    input_path = Path(input_path)
    if input_path.is_file():
        return [(str(input_path), display_name(input_path.name))]
    if not input_path.exists():
        raise FileNotFoundError(f"input path does not exist: {input_path}")
    found: list[tuple[str, str]] = []
    pending = [(os.fspath(input_path), "")]
    while pending:
        folder, prefix = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                relative = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, relative + "/"))
                elif entry.is_file():
                    found.append((entry.path, relative))
    found.sort(key=lambda t: display_name(t[1]))
    return [(path, display_name(relative)) for path, relative in found]


def decode_bytes(data: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16/32 with BOM, else a detected legacy encoding."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
    for bom, encoding in UTF32_BOMS:  # before UTF-16: the UTF-32 LE BOM starts with the UTF-16 one
        if data.startswith(bom):
            return data.decode(encoding)
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
    text = _detect_legacy(data)
    if text is None:
        raise Rejected("not text: no text encoding fits")
    if _control_share(text) > 0.05:
        raise Rejected("not text: mostly control characters")
    return text


def _detect_legacy(data: bytes) -> str | None:
    """charset-normalizer's candidates among LEGACY_ENCODINGS (else any encoding), least chaotic
    first; ties, common in short texts, go to the decoding that mixes no scripts inside a word
    ("Cafй" is cp1251 misread), then to the order of LEGACY_ENCODINGS."""
    from charset_normalizer import from_bytes  # imported lazily: only legacy encodings need it

    matches = list(from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))) or list(from_bytes(data))
    if not matches:
        return None

    def rank(match) -> tuple:
        text = str(match)
        preference = (
            LEGACY_ENCODINGS.index(match.encoding)
            if match.encoding in LEGACY_ENCODINGS
            else len(LEGACY_ENCODINGS)
        )
        return (_mixed_script_words(text), round(match.chaos, 2), preference)

    return str(min(matches, key=rank))


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH"):
        return "CJK"  # Japanese mixes kanji and kana inside words
    return first


def _mixed_script_words(text: str) -> int:
    """Words whose letters come from more than one script: a sign of a wrong decoding."""
    mixed = 0
    for word in text[:20000].split():
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        mixed += len(scripts) > 1
    return mixed


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:4000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad / len(sample)


# C0/C1 control characters other than line breaks and tabs carry no text (and a NUL can't be stored).
_CONTROLS = {cp: None for cp in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}
_CONTROLS[0x85] = "\n"  # NEL is a line break


_HAS_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalise_text(text: str) -> str:
    """NFC, `\\n` line breaks, no BOM or control characters, no lone surrogates (JSON allows them)."""
    text = text.encode("utf-8", errors="replace").decode("utf-8")  # lone surrogates -> '?'
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    # str.translate walks every character in Python-level steps: only call it when there is work.
    return text.translate(_CONTROLS) if _HAS_CONTROL.search(text) else text


def article_id_for(text: str) -> str:
    """Stable article id: hash of the text with whitespace collapsed (same content, same id)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _first(record: dict, names: Iterable[str]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return normalise_text(value).strip() or None
    return None


_ESCAPED_BREAK = re.compile(r"\\r\\n|\\n|\\r")


def unescape_breaks(text: str) -> str:
    """A record's text escaped twice by its scraper keeps its line breaks as the two characters
    backslash and n ("...in Hangzhou.\\n\\nJiang said ..."): with no real line break in the text,
    those are its line breaks (and an escaped quote a quote), or its paragraphs run into one line."""
    if "\n" in text or ("\\n" not in text and "\\r" not in text):
        return text
    return _ESCAPED_BREAK.sub("\n", text).replace('\\"', '"').replace("\\t", " ")


def _record_row(record: object, source: str, digest: str) -> dict:
    if not isinstance(record, dict):
        raise Rejected("JSON record is not an object")
    text = _first(record, TEXT_FIELDS)
    if text is not None:
        text = unescape_breaks(text).strip() or None
    if text is None:
        raise Rejected(f"JSON record has no text field (one of {', '.join(TEXT_FIELDS)})")
    return {
        "article_id": article_id_for(text),
        "source_file": source,
        "text": text,
        "record_date": _first(record, DATE_FIELDS),
        "record_title": _first(record, TITLE_FIELDS),
        "url": _first(record, URL_FIELDS),
        "content_hash": digest,
    }


def _reject(source: str, reason: str) -> dict:
    return {"source_file": source, "stage": "extract", "reason": reason}


@dataclass(frozen=True)
class KnownFile:
    """What the last load recorded of a file: the hash of its bytes, and its size and modification
    time then (None in a warehouse written before they were recorded)."""

    file_hash: str
    size: int | None = None
    mtime_ns: int | None = None


def read_one(path: Path, relative: str, max_bytes: int, known: KnownFile | None = None) -> Iterator[dict]:
    """Yield document rows (DOCUMENT_SCHEMA keys), reject rows (with 'reason'), or one row with
    'skipped' when the file is unchanged since the last load: same size and modification time
    (not even read), or bytes that hash as before. Every row carries the file's size and mtime."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield _reject(relative, f"unsupported format: {suffix or '(no extension)'}")
        return
    stat = path.stat()
    seen = {"file_size": stat.st_size, "file_mtime_ns": stat.st_mtime_ns}
    if known is not None and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
        yield {"skipped": True, "file_hash": known.file_hash, **seen}
        return
    if stat.st_size > max_bytes:  # decided from the size alone: a huge file is never read into memory
        yield {**_reject(relative, f"too large: {stat.st_size} bytes (limit {max_bytes})"), **seen}
        return
    data = path.read_bytes()
    digest = hashlib.sha1(data).hexdigest()
    if known is not None and digest == known.file_hash:
        yield {"skipped": True, "file_hash": digest, **seen}
        return
    for row in _parse(data, suffix, relative, digest):
        yield {**row, "file_hash": digest, **seen}


def _parse(data: bytes, suffix: str, relative: str, digest: str) -> Iterator[dict]:
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
        yield _reject(relative, str(exc))
    except (UnicodeDecodeError, ValueError) as exc:
        yield _reject(relative, f"not text: {exc}")


def _read_jsonl(text: str, relative: str) -> Iterator[dict]:
    lines = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        lines += 1
        source = f"{relative}#{line_no}"
        digest = hashlib.sha1(line.encode("utf-8")).hexdigest()
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise Rejected(f"invalid JSON on line {line_no}: {exc.msg}") from exc
            except RecursionError as exc:
                raise Rejected(f"invalid JSON on line {line_no}: nested too deeply") from exc
            yield _record_row(record, source, digest)
        except Rejected as exc:
            yield _reject(source, str(exc))


def extract_files(
    files: Sequence[tuple[Path | str, str]], max_bytes: int, known: Mapping[str, KnownFile] | None = None
) -> Extracted:
    """Read a batch of files into documents, rejects and sources frames.

    known maps a file (path relative to the input) to what the last load recorded of it: such a
    file, if unchanged (read_one), is only listed in `skipped`. A file that fails in any way becomes
    a reject; it never stops the batch.
    """
    known = known or {}
    docs: list[dict] = []
    rejects: list[dict] = []
    sources: list[dict] = []
    skipped: list[dict] = []
    for path, relative in files:
        try:
            rows = list(read_one(Path(path), relative, max_bytes, known.get(relative)))
        except OSError as exc:
            rows = [_reject(relative, f"unreadable: {exc.strerror or exc}")]
        except Exception as exc:  # a bug on one hostile file must not lose the others
            rows = [_reject(relative, f"unreadable: {type(exc).__name__}: {exc}")]
        for row in rows:
            if row.get("skipped"):
                skipped.append(
                    {
                        "input_file": relative,
                        "file_hash": row["file_hash"],
                        "file_size": row["file_size"],
                        "file_mtime_ns": row["file_mtime_ns"],
                    }
                )
                continue
            (rejects if "reason" in row else docs).append(row)
            sources.append(
                {
                    "source_file": row["source_file"],
                    "input_file": relative,
                    "file_hash": row.get("file_hash"),
                    "content_hash": row.get("content_hash"),
                    "article_id": row.get("article_id"),
                    "stage": row.get("stage"),
                    "reason": row.get("reason"),
                    "file_size": row.get("file_size"),
                    "file_mtime_ns": row.get("file_mtime_ns"),
                }
            )
    return Extracted(
        documents=pl.DataFrame(docs, schema=DOCUMENT_SCHEMA),
        rejects=pl.DataFrame(rejects, schema=REJECT_SCHEMA),
        files_seen=len(files),
        sources=pl.DataFrame(sources, schema=SOURCE_SCHEMA),
        skipped=pl.DataFrame(skipped, schema=SKIPPED_SCHEMA),
    )
