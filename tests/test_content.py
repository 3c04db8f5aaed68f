"""The sanitising policy: two layers, each tested on its own and together."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from forum.content import ALLOWED_TAGS, clean_html, is_web_address, plain_text, render_markdown


class ElementCollector(HTMLParser):
    """Every element and attribute the browser would build from a piece of HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)


def elements(html: str) -> ElementCollector:
    collector = ElementCollector()
    collector.feed(html)
    return collector


def hrefs(html: str) -> list[str]:
    return [value or "" for _tag, name, value in elements(html).attributes if name == "href"]


def scheme_as_a_browser_reads_it(href: str) -> str:
    """Browsers drop tabs and newlines anywhere and trim controls and spaces at the ends."""
    cleaned = re.sub(r"[\t\n\r]", "", href).strip("".join(map(chr, range(0x21))))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


SAFE_SCHEMES = {"", "http", "https", "mailto"}  # "" is a link within this site


HOSTILE_MARKDOWN = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="#" onclick="alert(1)">click</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<form action="https://evil.example"><input name="password"></form>',
    '<button formaction="javascript:alert(1)">go</button>',
    '<p style="position:fixed;top:0">cover</p>',
    "<svg><script>alert(1)</script></svg>",
    '<svg onload="alert(1)"><circle r="5"/></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<object data='x.swf'></object><embed src='x.swf'>",
]


@pytest.mark.parametrize("source", HOSTILE_MARKDOWN)
def test_typed_html_is_shown_as_text_never_as_elements(source):
    html = render_markdown(source)
    found = elements(html)
    assert set(found.tags) <= {"p"}
    assert all(name not in ("onerror", "onclick", "onload", "style", "formaction", "src")
               for _tag, name, _value in found.attributes)  # fmt: skip


DANGEROUS_LINKS = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](java%09script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "<javascript:alert(1)>",
    "[x]( javascript:alert(1))",
    "[x](file:///etc/passwd)",
]


@pytest.mark.parametrize("source", DANGEROUS_LINKS)
def test_only_http_https_and_mailto_links_survive(source):
    for href in hrefs(render_markdown(source)):
        assert scheme_as_a_browser_reads_it(href) in SAFE_SCHEMES, href


# bleach's own published advisories, kept as regression tests for its layer alone.
BLEACH_ADVISORIES = [
    # Invisible and control characters inside a javascript: URL (bleach 2.1.3).
    '<a href="java\x01script:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav\tascript:alert(1)">x</a>',
    '<a href="&#14;javascript:alert(1)">x</a>',
    '<a href="javas&#x0A;cript:alert(1)">x</a>',
    # formaction on an allowed-looking element (bleach 3.1.1 era).
    '<button formaction="javascript:alert(1)">x</button>',
    '<input type="submit" formaction="javascript:alert(1)">',
    # Mutation XSS through noscript / math / svg parsing differences (bleach 3.1.2 / 3.3.0).
    '<noscript><a title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<math><style><img src=x onerror=alert(1)></style></math>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
]


@pytest.mark.parametrize("html", BLEACH_ADVISORIES)
def test_the_bleach_layer_alone_stops_known_advisories(html):
    found = elements(clean_html(html))
    assert set(found.tags) <= ALLOWED_TAGS
    for tag, name, value in found.attributes:
        assert name in ("href", "title", "rel", "start"), (tag, name)
        if name == "href":
            assert scheme_as_a_browser_reads_it(value) in SAFE_SCHEMES, value


def test_ordinary_markdown_keeps_its_meaning():
    source = (
        "I tried **baclofen** and *stretching*.\n\n"
        "- first\n- second\n\n"
        "1. one\n2. two\n\n"
        "> a quote from my neurologist\n\n"
        "`inline code` and\n\n```\nblock code\n```\n\n"
        "~~crossed out~~ and [a link](https://example.org/page)"
    )
    html = render_markdown(source)
    for fragment in (
        "<strong>baclofen</strong>", "<em>stretching</em>", "<ul>", "<li>first</li>",
        "<ol>", "<blockquote>", "<code>inline code</code>", "<pre><code>block code",
        "<s>crossed out</s>",
    ):  # fmt: skip
        assert fragment in html


def test_links_are_marked_as_user_content():
    html = render_markdown("[a link](https://example.org/page) and https://example.com/bare")
    found = elements(html)
    links = [dict((n, v) for t, n, v in found.attributes if t == "a")]
    assert found.tags.count("a") == 2
    assert 'rel="nofollow ugc noopener"' in html
    assert html.count('rel="nofollow ugc noopener"') == 2
    assert links


def test_headings_sit_below_the_page_headings():
    html = render_markdown("# Big\n\n## Smaller")
    assert "<h3>Big</h3>" in html and "<h4>Smaller</h4>" in html
    assert "<h1>" not in html and "<h2>" not in html


def test_images_become_plain_links_so_no_third_party_request_is_made():
    html = render_markdown("![a photo](https://tracker.example/pixel.png)")
    assert "<img" not in html
    assert 'href="https://tracker.example/pixel.png"' in html


def test_plain_text_strips_markup_and_shortens():
    text = plain_text("**Rest** helps. <b>typed</b> " + "word " * 50, limit=40)
    assert text.startswith("Rest helps. <b>typed</b>")
    assert len(text) <= 40 and text.endswith("…")


@pytest.mark.parametrize(
    ("url", "followable"),
    [
        ("https://example.org/guideline", True),
        ("HTTP://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("https://", False),  # no host
        ("https://example.org/a guide", False),  # a space: not one address
        ("http://[", False),  # no browser could open it
        ("example.org", False),
    ],
)
def test_only_web_addresses_of_a_host_are_links_readers_may_follow(url, followable):
    assert is_web_address(url) is followable
