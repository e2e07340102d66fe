"""Same input, same output: two builds give byte-identical sites, and permalinks do not move.

What legitimately varies between two builds is only the build date (sitemap lastmod, the offline
zip's entry times and date label); both honour SOURCE_DATE_EPOCH, the reproducible-builds
convention, so with it pinned every file must match, with no exclusions. Without it, the build is
dated by its latest commit, so two builds of one commit match on any day. The two builds also run
with different PYTHONHASHSEEDs, so output that follows set or dict-of-str order cannot hide.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from . import pin_anchors
from .conftest import ROOT, build_site

EPOCH = "1700000000"


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    """Both builds at once: they read the same tree even while someone edits the working copy."""
    dests = [tmp_path_factory.mktemp(f"det{seed}") / f"site-{seed}" for seed in (1, 2)]  # different paths too
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda seed, dest: build_site(
            dest, env={"SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": str(seed)}), (1, 2), dests))
    for result in results:
        assert result.returncode == 0, result.stderr
    return dests[0], dests[1]


def test_two_builds_are_byte_identical(two_builds):
    first, second = (files_of(site) for site in two_builds)
    assert len(first) > 50
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_without_source_date_epoch_the_build_is_dated_by_its_commit(tmp_path, monkeypatch):
    """The sitemaps, which MkDocs dates by the clock unless told, carry the latest commit's day."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    for name in ("docs", "hooks", "overrides", "source_texts"):
        (project / name).symlink_to(ROOT / name)
    env = {**os.environ, "GIT_COMMITTER_DATE": "2001-02-03T04:05:06Z"}
    for args in (["init", "-q"], ["add", "mkdocs.yml"],
                 ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "x"]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = build_site(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text("utf-8")
    assert set(re.findall("<lastmod>([^<]+)</lastmod>", sitemap)) == {"2001-02-03"}


def test_no_build_path_leaks_into_the_site(two_builds):
    for site in two_builds:
        for name, data in files_of(site).items():
            assert site.name.encode() not in data, name


def test_pinned_anchors_match_the_pipeline():
    pinned = json.loads(pin_anchors.PINNED.read_text("utf-8"))
    assert pin_anchors.anchors() == pinned, (
        "section ids moved: if that is intended, run `python -m tests.pin_anchors` and say why")


@pytest.mark.parametrize("prefix", ["", "zh-Hant"])
def test_pinned_anchors_are_the_published_ones(built_site, prefix):
    """Every pinned id is a heading on the page, in order, in both editions."""
    pinned = json.loads(pin_anchors.PINNED.read_text("utf-8"))
    assert pinned and all(pinned.values())
    for slug, ids in pinned.items():
        page = (built_site / prefix / "documents" / slug / "index.html").read_text("utf-8")
        headings = re.findall(r'<h[2-6][^>]*\bid="(s[0-9][0-9_-]*)"', page)
        assert headings == ids, slug
