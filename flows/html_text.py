"""HTML page -> the article body's text, paragraph breaks kept, page chrome dropped.

The body is the page's `<article>` (else `<main>`, else `<body>`). Scripts, styles, forms, navigation,
menus, headers and footers of the page, and blocks whose class, id or role names them as chrome
(share bars, breadcrumbs, sidebars, related links, cookie banners, comments) are dropped. Every block
element (paragraph, heading, list item, div, table cell, `<br>`) starts a new paragraph; paragraphs are
separated by a blank line, the shape the transform's line splitter expects. A publication date found in
the page's metadata is put first as a `date YYYY-MM-DD` marker line.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

# Never article text, wherever they are.
DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "menu",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
    "canvas",
    "object",
    "embed",
]
# Page chrome when outside the article; inside it a <header> holds the headline and date.
PAGE_CHROME_TAGS = ("header", "footer")
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
# Words in class/id values that mark navigation and boilerplate in most CMS templates, matched as
# whole tokens or token prefixes ("navbar", "comments"), never inside other words ("canvas").
CHROME_WORDS = (
    "nav",
    "menu",
    "footer",
    "breadcrumb",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "comment",
    "cookie",
    "newsletter",
    "subscribe",
    "copyright",
    "advert",
    "promo",
    "masthead",
    "toolbar",
    "pagination",
)
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
TOKEN_RE = re.compile(r"[a-z]+")
DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
DATE_LINE_SELECTOR = '[class*="publish"], [class*="date"], [id*="publish"], [id*="date"]'
DATE_META = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
)


def _is_chrome(node) -> bool:
    attrs = node.attributes
    if (attrs.get("role") or "").strip().lower() in CHROME_ROLES:
        return True
    tokens = TOKEN_RE.findall(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower())
    return any(token.startswith(word) for token in tokens for word in CHROME_WORDS)


def _holds_content(node) -> bool:
    """A chrome-looking wrapper that holds the article itself ("page-with-sidebar") is kept."""
    return node.css_first("article, main, h1") is not None


def _published_date(tree, root) -> str | None:
    for selector in DATE_META:
        node = tree.css_first(selector)
        match = node is not None and DATE_RE.search(node.attributes.get("content") or "")
        if match:
            return match.group(0)
    node = root.css_first("time[datetime]")
    match = node is not None and DATE_RE.search(node.attributes.get("datetime") or "")
    return match.group(0) if match else None


def _date_line(tree) -> str | None:
    """The text of a short element marked as the publication date (`<p class="published">Published
    on 6 March 2025</p>`, often outside the article element): the transform reads it as the page's
    date line, as on a text page."""
    for node in tree.css(DATE_LINE_SELECTOR):
        text = node.text(separator=" ", strip=True)
        if len(text) < 60 and YEAR_RE.search(text):
            return text
    return None


def _blocks(root, skip: set[int]) -> list[str]:
    """Text of every block in document order, `<br>` as a line break inside its block, nodes in
    skip (by mem_id) left out. An explicit stack: deep nesting can't overflow."""
    blocks: list[str] = []
    lines: list[str] = []
    words: list[str] = []

    def end_line() -> None:
        text = " ".join(" ".join(words).split())
        if text:
            lines.append(text)
        words.clear()

    def end_block() -> None:
        end_line()
        if lines:
            blocks.append("\n".join(lines))
        lines.clear()

    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            end_block()
            continue
        tag = node.tag
        if node.mem_id in skip:
            continue
        if tag == "-text":
            words.append(node.text_content or "")
        elif tag == "br":
            end_line()
        elif tag == "hr":
            end_block()
        else:
            if tag in BLOCK_TAGS:
                end_block()
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    end_block()
    return blocks


def html_to_text(html: str) -> str:
    tree = HTMLParser(html)
    title = tree.css_first("title")
    head = title.text(strip=True) if title is not None else ""
    tree.strip_tags(DROP_TAGS)
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return ""
    # Chrome is left out while walking, not removed from the tree: removing a node frees its
    # children, which may still be in the list being walked.
    skip = set()
    for node in tree.css("[class], [id], [role]"):
        if (
            node.tag not in ("html", "body", "article", "main")
            and _is_chrome(node)
            and not _holds_content(node)
        ):
            skip.add(node.mem_id)
    # A page-level header or footer (outside the article) is chrome; the article's own header is kept.
    for node in tree.css(", ".join(PAGE_CHROME_TAGS)):
        if (node.tag == "footer" or root.tag == "body") and not _holds_content(node):
            skip.add(node.mem_id)
    blocks = _blocks(root, skip)
    if head and root.css_first("h1") is None and (not blocks or blocks[0] != head):
        blocks.insert(0, head)
    date = _published_date(tree, root)
    if date and blocks:
        blocks.insert(0, f"date {date}")
    elif blocks and (line := _date_line(tree)) and line not in blocks:
        blocks.insert(0, line)
    return "\n\n".join(blocks)
