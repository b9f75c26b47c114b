"""HTML page -> the article body's text, paragraph breaks kept, page chrome dropped."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "menu",
    "form",
    "iframe",
    "svg",
]
BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "figcaption",
    "time",
    "dd",
    "dt",
}
# Class/id fragments that mark navigation and boilerplate in most CMS templates.
CHROME_HINTS = (
    "nav",
    "menu",
    "footer",
    "share",
    "breadcrumb",
    "sidebar",
    "related",
    "comment",
    "cookie",
    "social",
)


def html_to_text(html: str) -> str:
    tree = HTMLParser(html)
    tree.strip_tags(DROP_TAGS)
    for node in tree.css("[class], [id]"):
        hint = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
        if any(h in hint for h in CHROME_HINTS) and node.tag not in ("body", "html", "article", "main"):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return ""
    title = tree.css_first("title")
    blocks = [n.text(separator=" ", strip=True) for n in root.traverse() if n.tag in BLOCK_TAGS]
    blocks = [b for b in blocks if b]
    if not blocks:
        blocks = [line.strip() for line in root.text(separator="\n").split("\n") if line.strip()]
    if title is not None and root.css_first("h1") is None:
        head = title.text(strip=True)
        if head:
            blocks.insert(0, head)
    return "\n\n".join(blocks)
