"""Finding markup that came from input: the checks the escaping, fuzz and browser tests share.

A payload is foreign markup when it became an element or an attribute instead of text. Every
payload in `hostile` carries the marker ``pwned``, so the check is exact: the marker may appear in
text, and in no attribute except the few that only ever hold inert text (a meta description, a
heading id that the toc extension slugified to ``[\\w-]``).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

MARKER = "pwned"
URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc"}
SLUG = re.compile(r"^#?[\w-]+$")
# Elements a document page's article may hold (the theme's and our renderers'); none of them is
# made by Markdown emphasis, lists, rules, quotes or raw HTML in a scraped text.
ARTICLE_TAGS = {"article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "div", "span", "section",
                "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "br", "small", "code",
                "pre", "details", "summary", "nav", "abbr", "ul", "li", "button", "mark", "cite", "sup",
                "header", "footer"}


class Markup(HTMLParser):
    """Collects text, the tags inside <article>, and every place the payload marker escaped text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.article_tags: set[str] = set()
        self.violations: list[str] = []
        self._article = 0
        self._raw: str | None = None  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._article += 1
        if self._article:
            self.article_tags.add(tag)
        if tag in ("script", "style"):
            self._raw = tag
        attr = dict(attrs)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.violations.append(f"<{tag} {name}=…>: event handler attribute")
            if name in URL_ATTRS and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(
                    ("javascript:", "vbscript:", "data:text/html")):
                self.violations.append(f"<{tag} {name}={value!r}>: script URL")
            if MARKER in value:
                inert = (tag == "meta" and name == "content" and attr.get("name") == "description") or (
                    name in ("id", "href") and SLUG.match(value))
                if not inert:
                    self.violations.append(f"<{tag} {name}={value!r}>: input in an attribute")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self._raw = None

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data):
        if self._raw:
            if MARKER in data:
                self.violations.append(f"input inside <{self._raw}>: {data[:80]!r}")
        else:
            self.text.append(data)

    def handle_comment(self, data):
        if MARKER in data:
            self.violations.append(f"input became a comment: {data[:80]!r}")


def inspect(html_text: str) -> Markup:
    parser = Markup()
    parser.feed(html_text)
    parser.close()
    return parser


def problems(html_text: str) -> list[str]:
    """Everything in a page that shows input acting as markup ([] when all is text).

    The article's elements are checked on pages that show input (hand-written pages may use
    Markdown emphasis and lists); attributes, scripts and comments on every page.
    """
    found = inspect(html_text)
    extra = found.article_tags - ARTICLE_TAGS if MARKER in "".join(found.text) else set()
    return found.violations + [f"unexpected <{tag}> in the article" for tag in sorted(extra)]


def text_of(html_text: str) -> str:
    return "".join(inspect(html_text).text)
