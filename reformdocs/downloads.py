"""Where the downloads live, and the links pages make to them.

Every download sits under ``downloads/`` at the site root, shared by both editions: a document's
files in ``downloads/documents/<slug>/``, the corpus data and the offline copy beside them. Names
come from slugs and edition tags only, so download URLs are as stable as page URLs.

The home page cannot know the offline copy's size when it is rendered (the copy contains the home
page), so it carries `OFFLINE_SLOT`, which `offline` fills after the build.
"""
from __future__ import annotations

import html

from .script import EDITIONS, edition_text
from .urls import LANG, relative

DIR = "downloads/"
OFFLINE_ZIP = DIR + "reformdocs-offline.zip"
DATA_FILES = ("corpus.jsonl", "catalogue.csv", "audit.json")
OFFLINE_SLOT = '<span class="offline-copy" data-offline-copy></span>'
SCRIPT_LABELS = {"Hans": "简", "Hant": "繁"}


def doc_file(slug: str, edition: str, ext: str) -> str:
    """Site path of a document's download, e.g. downloads/documents/x/x.zh-Hant.txt."""
    return f"{DIR}documents/{slug}/{slug}.{LANG[edition]}.{ext}"


def data_file(name: str) -> str:
    return DIR + name


def schema_file(name: str) -> str:
    """corpus.jsonl -> downloads/corpus.schema.json."""
    return DIR + name.rsplit(".", 1)[0] + ".schema.json"


def doc_links(slug: str, edition: str, here: str) -> str:
    """The download line of a document page at directory URL `here`."""
    def link(target: str, label: str) -> str:
        return f'<a href="{html.escape(relative(target, here))}" download>{label}</a>'

    txt = "/".join(link(doc_file(slug, e, "txt"), edition_text(SCRIPT_LABELS[e], edition, "Hans"))
                   for e in EDITIONS)
    label = edition_text("下载", edition, "Hans")
    return (f'<p class="doc-downloads">{label} Downloads: TXT {txt} · '
            f'{link(doc_file(slug, edition, "md"), "Markdown")} · '
            f'{link(doc_file(slug, edition, "html"), "HTML")}</p>')


def home_links(edition: str, here: str, data_page: str) -> str:
    """The home page's downloads line: the offline copy (filled in by `offline`) and the data page."""
    label = edition_text("数据下载 Data downloads", edition, "Hans")
    return (f'<p class="home-downloads">{OFFLINE_SLOT} · '
            f'<a href="{html.escape(relative(data_page, here))}">{html.escape(label)}</a></p>')
