"""Any file in source_texts/ builds safely: a bad input is reported by file name and reason, is left
out, and every other document is still built; `--strict` turns the report into a failure.

Pipeline-level tests (read_sources + process_corpus + site.build) cover each bad input on its own;
one corpus holding all of them is built with MkDocs, with and without --strict.
"""
from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

import pytest

from reformdocs import pipeline, site, sources
from reformdocs.decode import decode

from . import hostile
from .conftest import build_site

GOOD = "good.txt"
GBK_NAME = "改革.txt".encode("gbk")  # file-name bytes as a Chinese Windows system writes them  # an ordinary document every corpus below holds beside the bad input
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# file name -> (bytes, what the message must say)
BAD_TEXTS = {
    "empty.txt": (b"", "is empty"),
    "blank.txt": (" \n\t\r\n\u3000\u3000\n".encode("utf-8"), "holds only whitespace"),
    "image.txt": (hostile.png(), "is binary"),
    "undecodable.txt": (b"\x80\xff\x81\xfe" * 300, "cannot be decoded"),
    "utf16-junk.txt": (b"\xff\xfe" + bytes(b for i in range(1, 2000) for b in ((i * 7919) % 251, i % 0xD0)),
                       "byte-order mark but does not read as Chinese"),
    "gibberish.txt": (bytes(b for i in range(400) for b in (0x81 + i * 37 % 126, 0x80 + i * 53 % 127)),
                      "does not read as Chinese"),
    "only-controls.txt": (b"\x07" + b" " * 10 + b"\n", "holds no text once control characters are removed"),
}


def corpus_of(folder: Path, files: dict[str, bytes]) -> tuple[pipeline.Corpus, list]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, raw in {GOOD: hostile.seed_bytes(), **files}.items():
        (folder / name).write_bytes(raw)
    texts, problems = sources.read_sources(folder)
    return pipeline.process_corpus(texts, len(texts)), problems


def published(corpus: pipeline.Corpus) -> set[str]:
    return {d.source_name for d in corpus.documents}


@pytest.mark.parametrize("name", sorted(BAD_TEXTS))
def test_bad_text_is_reported_by_name_and_left_out(tmp_path, name):
    raw, reason = BAD_TEXTS[name]
    corpus, problems = corpus_of(tmp_path, {name: raw})
    assert problems == []
    assert [(p.file, reason in p.message, p.message.endswith("not published")) for p in corpus.problems] == [
        (name, True, True)], corpus.problems
    assert published(corpus) == {GOOD}


def test_nul_bytes_are_removed_and_audited_and_the_text_kept(tmp_path):
    good = hostile.seed_bytes().decode("utf-8")
    lines = good.split("\n")
    lines[2] = "\x00" + lines[2]
    lines[5] = lines[5][:4] + "\x00\x00" + lines[5][4:]
    raw = "\n".join(lines).encode("utf-8")
    decoded = decode(raw, "nul.txt")
    assert decoded.text == good.replace("\r\n", "\n")
    assert [(e.line, e.before) for e in decoded.edits] == [(3, "NUL"), (6, "NUL NUL")]
    corpus, _ = corpus_of(tmp_path, {"nul.txt": raw})
    doc = next(d for d in corpus.documents if d.source_name == "nul.txt")
    assert [(e.stage, e.line) for e in doc.audit if e.stage == "decode"] == [("decode", 3), ("decode", 6)]


def test_an_unusually_long_text_is_published_with_a_notice(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "LARGE_TEXT", len(hostile.seed_bytes()) - 1)
    corpus, problems = corpus_of(tmp_path, {"short.txt": hostile.tiny_text(1).encode()})
    assert problems == [] and corpus.problems == []
    assert published(corpus) == {GOOD, "short.txt"}
    assert [(n.file, "MB" in n.message and "check that it is a single document" in n.message)
            for n in corpus.notices] == [(GOOD, True)]


def test_the_same_text_under_two_names_is_published_once(tmp_path):
    corpus, _ = corpus_of(tmp_path, {"copy of good.txt": hostile.seed_bytes()})
    assert len(corpus.documents) == 1
    [problem] = corpus.problems
    # Sorted by name, "copy of good.txt" comes first and is the one published.
    assert problem.file == GOOD
    assert "same text as copy of good.txt" in problem.message


def test_two_sidecars_claiming_one_slug(tmp_path):
    (tmp_path / "a.yml").write_text("slug: shared-slug\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("slug: shared-slug\n", encoding="utf-8")
    corpus, _ = corpus_of(tmp_path, {"a.txt": hostile.tiny_text(1).encode(), "b.txt": hostile.tiny_text(2).encode()})
    assert [(p.file, p.message) for p in corpus.problems] == [
        ("b.txt", "claims slug 'shared-slug', already used by a.txt; not published")]
    assert {d.slug for d in corpus.documents} == {"shared-slug", "good"}


@pytest.mark.parametrize("sidecar, reason", [
    (b"title: [unclosed\nslug: a: b\n", "is not valid YAML"),
    ("title: 标题\n".encode("gbk"), "is not valid YAML"),
    (b"- a list\n- of things\n", "is not a mapping of fields"),
    (b"slug: ../../outside\n", "slug '../../outside' is not lowercase ASCII"),
    (b"slug: /etc/passwd\n", "is not lowercase ASCII"),
    (b'title: "\\ud800"\n', "title holds a lone surrogate"),
    (b'title: "\\0\\x07ok"\n', "title had 2 control character(s), removed"),
    # A C1 control made the page's front matter unparseable, and MkDocs then rendered it as
    # Markdown: the title's [x](javascript:...) became a live link.
    (b'title: "\\x81[x](javascript:alert(1))"\n', "title had 1 control character(s), removed"),
    (b"title: [a, b]\n", "title is not text (list)"),
    (b"date: 2013-13-45\n", "date '2013-13-45' is not a date"),
    (b"date: 2013-02-30\n", "date '2013-02-30' is not a date"),
    (b"date: !!timestamp 2013-13-45\n", "is not valid YAML"),
    ("date: 去年春天\n".encode(), "date '去年春天' is not a date"),
    (b"script: Latin\n", "script 'Latin' is not Hans or Hant"),
    (b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
     b"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
     b"title: *h\n", "title is not text (list)"),  # "billion laughs": 9^8 items if expanded
])
def test_bad_sidecar_is_reported_and_the_text_still_built(tmp_path, sidecar, reason):
    (tmp_path / "doc.yml").write_bytes(sidecar)
    corpus, problems = corpus_of(tmp_path, {"doc.txt": hostile.tiny_text(1).encode()})
    assert [(p.file, reason in p.message, "doc.yml" in p.message) for p in problems] == [("doc.txt", True, True)], problems
    assert published(corpus) == {GOOD, "doc.txt"}
    doc = next(d for d in corpus.documents if d.source_name == "doc.txt")
    assert doc.slug == "doc"  # made from the file name
    pages = site.build(corpus, {}).pages
    for value in (doc.meta.title, doc.meta.region):
        assert not any("\ud800" <= ch <= "\udfff" or ch < " " for ch in value)
    assert all(content.encode("utf-8") for content in pages.values())  # every page can be written


@pytest.mark.parametrize("written, date", [("2013-07-16", "2013-07-16"), ("2013-7-6", "2013-07-06"),
                                           ("2013年7月16日", "2013-07-16"), ("二〇一三年七月十六日", "2013-07-16"),
                                           ("2013-07", "2013-07"), ("2013", "2013")])
def test_sidecar_dates_are_read_in_any_usual_form_and_shown_as_iso(tmp_path, written, date):
    (tmp_path / "doc.yml").write_text(f"date: {written}\n", encoding="utf-8")
    corpus, problems = corpus_of(tmp_path, {"doc.txt": hostile.tiny_text(1).encode()})
    assert problems == []
    assert next(d for d in corpus.documents if d.source_name == "doc.txt").meta.date == date


@pytest.mark.parametrize("name", ["with spaces.txt", "改革文件.txt", "🚀 launch 🚀.txt", "..txt", "-dash-.txt",
                                  "UPPER Case.txt", "a.b.c.txt", " leading.txt"])
def test_any_file_name_gives_a_safe_slug_and_page_path(tmp_path, name):
    corpus, problems = corpus_of(tmp_path, {name: hostile.tiny_text(7).encode()})
    assert problems == [] and corpus.problems == []
    doc = next(d for d in corpus.documents if d.source_name == name)
    assert SLUG.match(doc.slug)
    built = site.build(corpus, {})
    assert f"documents/{doc.slug}.md" in built.pages
    for path in built.pages:
        assert posixpath.normpath(path) == path and not path.startswith(("/", "..")), path


def test_a_file_name_that_is_not_utf8_is_reported_and_published(tmp_path):
    """A GBK file name (a scrape saved on Windows) once crashed the build when the name reached
    the downloads; it is now published under a readable, writable name and reported."""
    corpus, problems = corpus_of(tmp_path, {os.fsdecode(GBK_NAME): hostile.tiny_text(3).encode()})
    shown = GBK_NAME.decode("utf-8", "backslashreplace")
    assert [(p.file, "file name is not UTF-8" in p.message) for p in problems] == [(shown, True)]
    assert published(corpus) == {GOOD, shown}
    for doc in corpus.documents:
        doc.source_name.encode("utf-8")
        assert SLUG.match(doc.slug)


def test_file_names_that_differ_only_in_non_ascii_get_distinct_slugs(tmp_path):
    corpus, _ = corpus_of(tmp_path, {"改革一.txt": hostile.tiny_text(1).encode(),
                                      "改革二.txt": hostile.tiny_text(2).encode()})
    assert corpus.problems == []
    assert len({d.slug for d in corpus.documents}) == 3


def test_symlinks_and_folders_are_not_read(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(hostile.tiny_text(9).encode())
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    (folder / "folder.txt").mkdir()
    corpus, problems = corpus_of(folder, {})
    assert sorted((p.file, p.message) for p in problems) == [
        ("folder.txt", "is not a regular file; skipped"), ("link.txt", "is not a regular file; skipped")]
    assert published(corpus) == {GOOD}


# -- the whole corpus of bad inputs through MkDocs ------------------------------------------------

@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad") / "source_texts"
    folder.mkdir()
    for name, (raw, _) in BAD_TEXTS.items():
        (folder / name).write_bytes(raw)
    (folder / GOOD).write_bytes(hostile.seed_bytes())
    (folder / "copy of good.txt").write_bytes(hostile.seed_bytes())
    (folder / "改革 文件 🚀.txt").write_bytes(hostile.tiny_text(1).encode())
    (folder / "nul.txt").write_bytes(hostile.tiny_text(2).encode().replace("。".encode(), "。\x00".encode()))
    (folder / "bad-yaml.txt").write_bytes(hostile.tiny_text(3).encode())
    (folder / "bad-yaml.yml").write_bytes(b"title: [unclosed\n")
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_bytes(hostile.tiny_text(ord(name)).encode())
        (folder / f"{name}.yml").write_bytes(b"slug: shared-slug\n")
    (folder / "escape.txt").write_bytes(hostile.tiny_text(4).encode())
    (folder / "escape.yml").write_bytes(b"slug: ../../../escaped\n")
    (folder / os.fsdecode(GBK_NAME)).write_bytes(hostile.tiny_text(5).encode())
    return folder


EXPECTED_WARNINGS = [(name, reason) for name, (_, reason) in BAD_TEXTS.items()] + [
    (GOOD, "is the same text as copy of good.txt"),
    ("bad-yaml.txt", "sidecar bad-yaml.yml is not valid YAML"),
    ("b.txt", "claims slug 'shared-slug', already used by a.txt"),
    ("escape.txt", "slug '../../../escaped' is not lowercase ASCII"),
    (GBK_NAME.decode("utf-8", "backslashreplace"), "file name is not UTF-8"),
]
BUILT_SLUGS = ["copy-of-good", "nul", "bad-yaml", "shared-slug", "escape"]


@pytest.fixture(scope="module")
def lenient_build(bad_corpus, tmp_path_factory):
    dest = tmp_path_factory.mktemp("bad-site") / "site"
    before = snapshot(bad_corpus.parent)
    result = build_site(dest, env={"REFORMDOCS_SOURCES": str(bad_corpus)}, strict=False)
    return dest, result, before


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


def warnings_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("WARNING") and "reformdocs:" in line]


def test_without_strict_the_site_builds_and_reports_every_bad_file(lenient_build, bad_corpus):
    dest, result, _ = lenient_build
    assert result.returncode == 0, result.stderr
    warned = warnings_of(result.stderr)
    for name, reason in EXPECTED_WARNINGS:
        assert any(f"{bad_corpus.name}/{name}: " in w and reason in w for w in warned), (name, reason, warned)
    assert len(warned) == len(EXPECTED_WARNINGS), warned


def test_every_good_document_is_built_in_both_editions(lenient_build):
    dest, _, _ = lenient_build
    built = sorted(p.parent.name for p in (dest / "documents").glob("*/index.html"))
    emoji = [s for s in built if s.startswith("doc-")]
    assert len(emoji) == 2  # 改革 文件 🚀.txt and the GBK name: slugs from a hash of the name
    assert sorted(set(built) - set(emoji)) == sorted(BUILT_SLUGS)
    assert sorted(p.parent.name for p in (dest / "zh-Hant" / "documents").glob("*/index.html")) == built


def test_nothing_is_written_outside_the_site_directory(lenient_build, bad_corpus):
    dest, _, before = lenient_build
    after = snapshot(bad_corpus.parent)
    changed = {k for k in set(before) ^ set(after) | {k for k in before if before[k] != after.get(k)}}
    assert {k for k in changed if not k.startswith(dest.name)} == set()
    assert not (dest.parent.parent / "escaped").exists()
    for path in dest.rglob("*"):
        assert path.resolve().is_relative_to(dest.resolve())


def test_strict_build_fails_with_the_warnings(bad_corpus, tmp_path):
    result = build_site(tmp_path / "site", env={"REFORMDOCS_SOURCES": str(bad_corpus)}, strict=True)
    assert result.returncode != 0
    assert "in strict mode" in result.stdout + result.stderr
    warned = warnings_of(result.stderr)
    assert any("image.txt: is binary" in w for w in warned)


def test_the_env_var_is_the_only_source_folder(tmp_path):
    """REFORMDOCS_SOURCES replaces source_texts/: none of the real documents leaks into the build."""
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "only.txt").write_bytes(hostile.tiny_text(5).encode())
    result = build_site(tmp_path / "site", env={"REFORMDOCS_SOURCES": str(folder)})
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "site" / "documents").iterdir()) == ["only"]


def test_env_var_unset_reads_source_texts(built_site):
    real = sorted(p.stem for p in hostile.SOURCES.glob("*.txt"))
    assert os.environ.get("REFORMDOCS_SOURCES") is None
    assert len(list((built_site / "documents").glob("*/index.html"))) == len(real)
