"""Member and reviewer text: Markdown in, safe HTML out, once, when it is saved.

Two independent layers, so no single library is our only defence:
1. markdown-it-py with raw HTML off: any HTML a person types is shown as text.
2. bleach's allowlist over what Markdown produced: only these tags, attributes and schemes.
bleach and markdown-it-py are imported here and nowhere else; replacing either is a one-file change.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

import bleach
from bleach.linkifier import Linker
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "strong", "em", "s", "del", "ul", "ol", "li", "a",
        "blockquote", "code", "pre", "hr", "h3", "h4", "h5", "h6",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "ol": ["start"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

# Headings inside a post sit below the page's own h1 and h2.
HEADING_OFFSET = 2


def _markdown() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "typographer": False})
    parser.enable("strikethrough")
    # An image would load a third-party URL into the page; its Markdown stays as a plain link.
    parser.disable("image")
    return parser


MARKDOWN = _markdown()


def _set_link_rel(attrs: dict, new: bool = False) -> dict:
    """Every link, written or auto-linked, is marked as user content nobody vouches for."""
    attrs[(None, "rel")] = LINK_REL
    return attrs


LINKER = Linker(callbacks=[_set_link_rel], skip_tags={"pre", "code"}, parse_email=False)


def render_markdown(source: str) -> str:
    """Markdown -> HTML that is safe to show to everyone. Called once, on save."""
    tokens = MARKDOWN.parse(source)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1]) + HEADING_OFFSET
            token.tag = f"h{min(level, 6)}"
    return clean_html(MARKDOWN.renderer.render(tokens, MARKDOWN.options, {}))


def clean_html(html: str) -> str:
    """The second layer: keep only allow-listed tags, attributes and URL schemes."""
    cleaned = bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return LINKER.linkify(cleaned)


def plain_text(source: str, limit: int | None = None) -> str:
    """Markdown -> plain text, for meta descriptions and excerpts."""
    text = text_of_html(render_markdown(source))
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def text_of_html(safe_html: str) -> str:
    """Stored safe HTML -> its words, whitespace collapsed: for matching what a page says
    without parsing Markdown again on read."""
    # bleach returns escaped HTML; templates escape again, so hand them real characters.
    text = html.unescape(bleach.clean(safe_html, tags=set(), strip=True))
    return " ".join(text.split())


# Links people give outside Markdown (a reference, a source): web pages only, since anything else
# (javascript:, data:) could run in a reader's browser.
WEB_SCHEMES = frozenset({"http", "https"})


def is_web_address(url: str) -> bool:
    """Whether URL is an http(s) address of some host, without spaces: a link readers may
    follow."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[" and other addresses no browser could open
        return False
    return (
        parts.scheme.lower() in WEB_SCHEMES
        and bool(parts.netloc)
        and not any(character.isspace() for character in url)
    )


def stored_html(html: str) -> Markup:
    """The one place where stored, already-sanitised HTML is marked safe for templates."""
    return Markup(html)
