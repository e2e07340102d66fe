"""Where every page lives. URLs are stable: they come from slugs and edition prefixes only.

Simplified pages sit at the site root, Traditional ones under ``zh-Hant/``; a page's counterpart in
the other edition has the same path after the prefix.
"""
from __future__ import annotations

import posixpath

PREFIX = {"Hans": "", "Hant": "zh-Hant/"}
LANG = {"Hans": "zh-Hans", "Hant": "zh-Hant"}


def src_path(path: str, edition: str) -> str:
    """The Markdown source path of a page, e.g. ('documents/x.md', 'Hant') -> 'zh-Hant/documents/x.md'."""
    return PREFIX[edition] + path


def url_of(src: str) -> str:
    """The directory URL MkDocs gives a Markdown source: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/'."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def doc_src(slug: str, edition: str) -> str:
    return src_path(f"documents/{slug}.md", edition)


def doc_url(slug: str, edition: str) -> str:
    return url_of(doc_src(slug, edition))


def edition_of(url: str) -> str:
    return "Hant" if url.startswith(PREFIX["Hant"]) else "Hans"


def counterpart(url: str) -> str:
    """The same page in the other edition."""
    if edition_of(url) == "Hant":
        return url[len(PREFIX["Hant"]):]
    return PREFIX["Hant"] + url


def relative(target: str, here: str) -> str:
    """A link from the page at directory URL `here` to the site path `target`."""
    rel = posixpath.relpath("/" + target, "/" + here)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel
