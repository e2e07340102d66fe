"""The two editions as the theme sees them: a page's edition, language and counterpart.

The templates (``overrides/main.html``, ``partials/alternate.html``, ``partials/language.html``)
get these as Jinja filters and globals (hooks: ``on_env``), so ``<html lang>``, the hreflang links,
the header switch, the theme's strings and the site's name follow the same URL and script rules as
the pages themselves (`urls`, `script`), with no path logic in templates. What happens in the
reader's browser (the remembered edition) is ``docs/javascripts/editions.js``.
"""
from __future__ import annotations

from functools import lru_cache

from .script import EDITIONS, edition_text
from .site import EDITION_NAMES
from .urls import LANG, PREFIX, counterpart, edition_of


def in_edition(url: str, edition: str) -> str:
    """The page at site path `url` in `edition` (itself when it is already there)."""
    return url if edition_of(url) == edition else counterpart(url)


def lang_of(url: str) -> str:
    """The BCP 47 language of the page at `url`: zh-Hans or zh-Hant."""
    return LANG[edition_of(url)]


@lru_cache(maxsize=4096)  # the theme's few hundred strings, asked for on every page
def _in_script(text: str, edition: str) -> str:
    return edition_text(text, edition, edition)


def in_script_of(text, url: str) -> str:
    """A theme string in the script of the page at `url`: stray characters of the other script
    replaced (Material's zh-Hant strings say 找到 1 个…), its own valid forms kept."""
    return _in_script(str(text), edition_of(url))


class EditionConfig:
    """The site's config as the templates of one edition's page see it: the site name in that
    edition's script, the logo's home page that edition's (Material links the first home page),
    everything else the config itself (read-only; only the small `extra` mapping is copied)."""

    __slots__ = ("_config", "site_name", "extra")

    def __init__(self, config, url: str):
        self._config = config
        self.site_name = in_script_of(config["site_name"], url)
        self.extra = {**config["extra"], "homepage": in_edition("", edition_of(url))}

    def __getattr__(self, name):
        return getattr(self._config, name)

    def __getitem__(self, key):
        return getattr(self, key) if key in self.__slots__[1:] else self._config[key]


FILTERS = {"edition": edition_of, "in_edition": in_edition, "edition_lang": lang_of,
           "in_script_of": in_script_of, "edition_config": EditionConfig}
GLOBALS = {
    # `editions[0]` is the x-default: the Simplified edition at the site root.
    "editions": [{"code": e, "lang": LANG[e], "name": EDITION_NAMES[e]} for e in EDITIONS],
    # For editions.js, which tells the edition of a link's target by its path below the site root.
    "edition_prefixes": {LANG[e]: PREFIX[e] for e in EDITIONS},
}
