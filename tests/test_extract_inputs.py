"""flows/extract.py and flows/html_text.py on hostile inputs: formats, encodings, names, folders."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from flows.extract import decode_bytes, extract_files, list_inputs
from flows.html_text import html_to_text

PAGE = """<!doctype html><html><head><title>Mayor meets envoy | City News</title>
<meta property="article:published_time" content="2024-03-22T10:00:00+08:00">
<style>p { color: red }</style><script>var tracking = "Lu Jianhua met nobody";</script></head>
<body><header class="site-header"><a href="/">City News</a><ul><li>Home</li><li>World</li></ul></header>
<nav class="breadcrumbs">Home &gt; Metro</nav>
<div class="layout with-sidebar"><article>
<header><h1>Mayor meets envoy</h1><p class="byline">By Zhu Yiqing</p></header>
<p>Lu Jianhua met Fiona Pemberton from NZ in Shanghai on Thursday.</p>
<p>They discussed <b>trade</b> and<br>tourism.</p>
<div>A paragraph in a plain div.</div>
<div class="share-tools"><a>Share on WeChat</a></div>
<ul class="related-links"><li>Other story</li></ul>
<footer>Tags: trade, tourism</footer></article>
<aside>Most read: something else</aside></div>
<div id="cookie-banner">We use cookies</div>
<footer><p>Copyright 2024 City News</p></footer></body></html>"""


def test_html_keeps_the_article_body_and_its_paragraphs_only():
    assert html_to_text(PAGE) == (
        "date 2024-03-22\n\n"
        "Mayor meets envoy\n\n"
        "By Zhu Yiqing\n\n"
        "Lu Jianhua met Fiona Pemberton from NZ in Shanghai on Thursday.\n\n"
        "They discussed trade and\ntourism.\n\n"
        "A paragraph in a plain div."
    )


def test_html_without_article_element_drops_page_header_menus_and_footer():
    page = PAGE.replace("<article>", "<div>").replace("</article>", "</div>")
    text = html_to_text(page)
    assert text.startswith("date 2024-03-22\n\nMayor meets envoy\n\n")
    for chrome in ("City News", "Home", "Share", "Other story", "Tags:", "Most read", "cookies", "Copyright"):
        assert chrome not in text, chrome
    assert "A paragraph in a plain div." in text


def test_html_publication_line_outside_the_article_is_kept_as_the_date_line():
    page = PAGE.replace(
        '<meta property="article:published_time" content="2024-03-22T10:00:00+08:00">', ""
    ).replace('<nav class="breadcrumbs">', '<p class="published">Published on 22 March 2024</p><nav>')
    assert html_to_text(page).startswith("Published on 22 March 2024\n\nMayor meets envoy\n\n")


def test_html_edge_cases():
    assert html_to_text("<p>one</p><p>  </p><p>two</p>") == "one\n\ntwo"
    assert (
        html_to_text("<html><head><title>Only a title</title></head><body></body></html>") == "Only a title"
    )
    assert html_to_text("<div>" * 3000 + "deep text" + "</div>" * 3000) == "deep text"  # no recursion limit
    assert html_to_text("plain text, no tags") == "plain text, no tags"
    assert html_to_text("") == ""


@pytest.mark.parametrize(
    ("text", "encoding", "prefix"),
    [
        ("Größe 上海", "utf-8", codecs.BOM_UTF8),
        ("Größe 上海", "utf-16-le", codecs.BOM_UTF16_LE),
        ("Größe 上海", "utf-16-be", codecs.BOM_UTF16_BE),
        ("Größe", "utf-32-le", codecs.BOM_UTF32_LE),
        ("Café München", "latin-1", b""),  # short: the detector alone reads it as Arabic or Cyrillic
        ("Le maire a rencontré l'ambassadeur à l'hôtel de ville.", "latin-1", b""),
        ("The mayor’s “delegation” met the envoy — on trade…", "cp1252", b""),
        ("上海市长会见", "gbk", b""),
        ("上海市市长龚正会见了意大利驻华大使，双方就经贸合作交换了意见。", "gbk", b""),
        ("Shanghai Mayor Gong Zheng met 意大利驻华大使 on Friday.", "gbk", b""),
    ],
)
def test_encodings(text: str, encoding: str, prefix: bytes):
    assert decode_bytes(prefix + text.encode(encoding)) == text


def write(folder: Path, name: str, data: bytes | str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def test_every_bad_kind_is_a_reject_with_its_reason_and_never_stops_the_others(tmp_path: Path, monkeypatch):
    write(tmp_path, "good.txt", "date 2024-03-22\nHeadline\nLu Jianhua met Fiona Pemberton from NZ.\n")
    write(tmp_path, "scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary")
    write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, "misnamed.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "pdf as.md", b"%PDF-1.4 not really markdown")
    write(tmp_path, "nul.txt", b"abc\x00def\x00")
    write(tmp_path, "u16 no bom.txt", "no byte order mark".encode("utf-16-le"))
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.md", b" \n\t\r\n  ")
    write(tmp_path, "blank.html", "<html><body><script>x()</script><nav>Home</nav></body></html>")
    write(tmp_path, "big.txt", b"x" * 2048)
    write(tmp_path, "bad.json", '{"text": "unterminated')
    write(tmp_path, "list.json", '["a list", "not an object"]')
    write(tmp_path, "notext.json", json.dumps({"title": "no body", "date": "2024-03-22"}))
    write(tmp_path, "report.docx", b"PK\x03\x04 zipped")
    write(
        tmp_path,
        "records.jsonl",
        '{"text": "first record", "date": "2024-03-22", "url": "https://x/1", "title": "One"}\n'
        "{broken json\n"
        "\n"
        '"a string"\n'
        '{"body": "fourth record"}\n',
    )
    # A huge file is rejected from its size alone: it is never read.
    real_read = Path.read_bytes
    monkeypatch.setattr(
        Path,
        "read_bytes",
        lambda self: pytest.fail("read big.txt") if self.name == "big.txt" else real_read(self),
    )
    extracted = extract_files(list_inputs(tmp_path), max_bytes=1024)
    reasons = dict(extracted.rejects.select("source_file", "reason").rows())
    assert reasons == {
        "bad.json": "invalid JSON: Unterminated string starting at at line 1",
        "big.txt": "too large: 2048 bytes (limit 1024)",
        "blank.html": "empty: no article text in HTML",
        "blank.md": "empty",
        "empty.txt": "empty",
        "list.json": "JSON record is not an object",
        "misnamed.txt": "not text: PNG image",
        "notext.json": "JSON record has no text field (one of text, body, content, article, article_text)",
        "nul.txt": "not text: contains NUL bytes",
        "pdf as.md": "not text: PDF document",
        "photo.png": "unsupported format: .png",
        "records.jsonl#2": "invalid JSON on line 2: Expecting property name enclosed in double quotes",
        "records.jsonl#4": "JSON record is not an object",
        "report.docx": "unsupported format: .docx",
        "scan.pdf": "unsupported format: .pdf",
        "u16 no bom.txt": "not text: contains NUL bytes",
    }
    assert set(extracted.rejects["stage"]) == {"extract"}
    docs = extracted.documents.select("source_file", "text", "record_date", "url", "record_title").rows()
    assert docs == [
        (
            "good.txt",
            "date 2024-03-22\nHeadline\nLu Jianhua met Fiona Pemberton from NZ.\n",
            None,
            None,
            None,
        ),
        ("records.jsonl#1", "first record", "2024-03-22", "https://x/1", "One"),
        ("records.jsonl#5", "fourth record", None, None, None),
    ]
    # Every input is one source: an article or a reject.
    assert extracted.files_seen == 16
    assert extracted.sources.height == len(docs) + len(reasons) == 19
    assert extracted.sources.filter(extracted.sources["article_id"].is_null()).height == len(reasons)


def test_any_file_name_and_nested_folders(tmp_path: Path):
    write(tmp_path, "a b/c d/deep name.txt", "one")
    write(tmp_path, "Zürich/会见 上海.md", "two")
    write(tmp_path, "x'); DROP TABLE core.meetings;--.txt", "three")
    write(tmp_path, ".git/objects/hidden.txt", "not an input")
    write(tmp_path, ".DS_Store", b"\x00\x01")
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"  # a name that is not UTF-8 (Linux allows any bytes)
    with open(raw, "wb") as handle:
        handle.write(b"four")
    extracted = extract_files(list_inputs(tmp_path), max_bytes=1024)
    assert extracted.documents.select("source_file", "text").rows() == [
        ("Zürich/会见 上海.md", "two"),
        ("a b/c d/deep name.txt", "one"),
        ("caf\\xe9.txt", "four"),
        ("x'); DROP TABLE core.meetings;--.txt", "three"),
    ]
    assert extracted.rejects.height == 0


def test_unchanged_files_are_not_read_or_only_hashed(tmp_path: Path, monkeypatch):
    import flows.extract as extract

    write(tmp_path, "a.txt", "alpha")
    write(tmp_path, "b.jsonl", '{"text": "beta"}\n{"text": "gamma"}\n')
    write(tmp_path, "c.txt", "gamma")
    first = extract_files(list_inputs(tmp_path), max_bytes=1024)
    recorded = first.sources.unique("input_file", keep="first", maintain_order=True)
    known = {
        row["input_file"]: extract.KnownFile(row["file_hash"], row["file_size"], row["file_mtime_ns"])
        for row in recorded.iter_rows(named=True)
    }
    assert known["a.txt"].size == 5 and known["a.txt"].mtime_ns == (tmp_path / "a.txt").stat().st_mtime_ns
    write(tmp_path, "a.txt", "alpha, edited")
    stamp = known["c.txt"].mtime_ns + 5_000_000_000
    os.utime(tmp_path / "c.txt", ns=(stamp, stamp))  # touched: same bytes, newer mtime
    read, decoded = [], []
    real_read, real_decode = Path.read_bytes, extract.decode_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real_read(self))
    monkeypatch.setattr(extract, "decode_bytes", lambda data: decoded.append(data) or real_decode(data))
    second = extract_files(list_inputs(tmp_path), max_bytes=1024, known=known)
    assert read == ["a.txt", "c.txt"]  # b.jsonl: same size and mtime, not even opened
    assert decoded == [b"alpha, edited"]  # c.txt was hashed, not decoded
    assert second.skipped.rows() == [
        ("b.jsonl", known["b.jsonl"].file_hash, known["b.jsonl"].size, known["b.jsonl"].mtime_ns),
        ("c.txt", known["c.txt"].file_hash, 5, stamp),
    ]
    assert second.documents.select("source_file", "text").rows() == [("a.txt", "alpha, edited")]
    assert second.sources["source_file"].to_list() == ["a.txt"]
    # a warehouse from before sizes were recorded: every file is read and compared by hash
    old = {name: extract.KnownFile(k.file_hash) for name, k in known.items()}
    read.clear()
    third = extract_files(list_inputs(tmp_path), max_bytes=1024, known=old)
    assert read == ["a.txt", "b.jsonl", "c.txt"]
    assert third.skipped["input_file"].to_list() == ["b.jsonl", "c.txt"]
