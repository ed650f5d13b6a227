"""Article text and metadata from an HTML page.

The main text comes from trafilatura (boilerplate such as navigation, scripts, styles,
cookie banners and comments removed); when trafilatura finds nothing, the visible text of
the page body is used instead. Metadata: the title from ``og:title`` (else ``<title>``,
else the first ``<h1>``), the date from ``article:published_time`` and similar meta tags
(else the first ``<time datetime>``), the URL from ``og:url``/canonical link, the source
from ``og:site_name``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

__all__ = ["HtmlPage", "extract_html"]

_META_DATE = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article:modified_time",
)
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside",
              "form", "button", "svg", "iframe", "select")
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "blockquote", "tr", "pre", "dd", "dt", "figcaption", "main"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What was extracted from one HTML page (raw strings; the caller normalises)."""

    text: str
    title: str = ""
    date: str = ""
    url: str = ""
    source: str = ""


def _decode(data: bytes) -> str:
    """Decode HTML bytes: BOM, then the declared ``<meta charset>``, then detection."""
    from pipelines.readers.corpus import _bom_encoding, decode_bytes

    if _bom_encoding(data) is None:
        m = _CHARSET.search(data[:4096])
        if m:
            enc = m.group(1).decode("ascii", "replace")
            try:
                return data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(data)


def extract_html(data: bytes) -> HtmlPage:
    """Extract the article text and metadata of an HTML page given as bytes.

    Raises ``pipelines.readers.corpus._Undecodable`` when the bytes are not text.
    """
    text = _decode(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str with an XML declaration
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        tree = None
    title = date = url = source = ""
    if tree is not None:
        title, date, url, source = _metadata(tree)
    body = _trafilatura_text(text)
    if not body and tree is not None:
        body = _visible_text(tree)
    return HtmlPage(text=body, title=title, date=date, url=url, source=source)


def _meta(tree: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _metadata(tree: etree._Element) -> tuple[str, str, str, str]:
    meta = _meta(tree)
    title = meta.get("og:title") or meta.get("twitter:title") or ""
    if not title:
        node = tree.find(".//title")
        if node is not None and node.text_content().strip():
            title = node.text_content()
    if not title:
        h1 = tree.find(".//h1")
        if h1 is not None:
            title = h1.text_content()
    date = next((meta[k] for k in _META_DATE if meta.get(k)), "")
    if not date:
        for node in tree.iter("time"):
            date = (node.get("datetime") or "").strip()
            if date:
                break
    url = meta.get("og:url", "")
    if not url:
        for link in tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                url = link.get("href", "")
                break
    source = meta.get("og:site_name", "")
    return title.strip(), date, url.strip(), source.strip()


def _trafilatura_text(text: str) -> str:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - broken install (e.g. lxml_html_clean missing)
        return ""
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        result = trafilatura.extract(
            text, include_comments=False, include_tables=False, include_images=False,
            include_links=False, with_metadata=False, deduplicate=False,
        )
    except Exception:  # trafilatura may fail on odd markup; fall back to lxml
        return ""
    return result or ""


def _visible_text(tree: etree._Element) -> str:
    """The page body's visible text, one block per line, without scripts, menus, …"""
    body = tree.find(".//body")
    root = body if body is not None else tree
    for el in list(root.iter(*_DROP_TAGS)):
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
