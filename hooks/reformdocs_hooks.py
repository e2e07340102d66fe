"""MkDocs hooks: each build event hands data to the reformdocs package and back.

No cleaning, parsing or rendering happens here; moving to another host means rewriting this file
only.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.structure.files import File

from reformdocs import editions, export, offline, pipeline, search, site, sources

log = logging.getLogger("mkdocs.hooks.reformdocs")
SOURCE_DIR = "source_texts"
SEARCH_JS = "assets/search/search.js"
SOURCE_ENV = "REFORMDOCS_SOURCES"  # another folder of source texts (tests build temporary corpora)
_built: dict = {}  # "site": site.Site, "corpus": pipeline.Corpus


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _sources(config) -> Path:
    return Path(os.environ.get(SOURCE_ENV) or _root(config) / SOURCE_DIR)


def _progress(done: int, total: int) -> None:
    step = max(1, total // 10)
    if done == total or done % step == 0:
        log.info("reformdocs: processed %d/%d source texts", done, total)


def on_config(config):
    # Run the pipeline over every source text; bad input is a warning, never a stop.
    folder = _sources(config)
    texts, problems = sources.read_sources(folder)
    corpus = pipeline.process_corpus(texts, len(texts), _progress)
    for problem in problems + corpus.problems:
        log.warning("reformdocs: %s/%s", folder.name, problem)
    for notice in corpus.notices:
        log.info("reformdocs: %s/%s", folder.name, notice)
    # Hand-written pages get a twin in the Traditional edition.
    docs_dir = Path(config.docs_dir)
    handwritten = {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8")
                   for p in sorted(docs_dir.rglob("*.md"))}
    # One build date for everything: cite-this-section access dates, the offline copy, and the
    # sitemaps, which MkDocs dates by SOURCE_DATE_EPOCH or else the clock. Set from the latest
    # commit, it makes two builds of one commit identical on any day.
    built = _built["date"] = offline.build_date(_root(config))
    os.environ["SOURCE_DATE_EPOCH"] = str(built)
    # Cite-this-section references carry absolute URLs.
    _built["site"] = site.build(corpus, handwritten, config.site_url or "", offline.day(built))
    _built["corpus"] = corpus
    config.nav = _built["site"].nav
    return config


def on_files(files, config):
    # Add the generated pages: they exist only in the build, never as committed Markdown.
    for src, content in _built["site"].pages.items():
        if files.get_file_from_path(src) is None:
            files.append(File.generated(config, src, content=content))
    # The search client; its index is written after the build (on_post_build).
    files.append(File.generated(config, SEARCH_JS, abs_src_path=str(search.CLIENT_JS)))
    return files


def on_env(env, config, files):
    # Templates place each page in its edition (lang, hreflang, header switch) by the package's URL rules.
    env.filters.update(editions.FILTERS)
    env.globals.update(editions.GLOBALS)
    return env


def on_post_page(output, page, config):
    # Every page without the templates' indentation; a document page gets its body (site.finish).
    return _built["site"].finish(page.file.src_uri, output)


def on_post_build(config):
    # Downloads (each document's files, the corpus as data), the search index, and last the
    # offline copy: it zips what is in site_dir, so anything written after the build goes above it.
    export.write(_built["corpus"], Path(config.site_dir))
    search.write_index(search.build_index(search.corpus_sections(_built["corpus"].documents)),
                       Path(config.site_dir) / "search")
    offline.write(Path(config.site_dir), _built["date"])


def on_serve(server, config, builder):
    # `make serve`: editing a source text or sidecar rebuilds the site.
    server.watch(str(_sources(config)))
    return server
