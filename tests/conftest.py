"""Shared fixtures: the real source texts, their acceptance data, and one built site per session."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_texts"
ACCEPTANCE = ROOT.parent / "shared" / "acceptance" / "seeds.yml"


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml", env: dict | None = None,
               strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` into `dest`; returns the finished process (output captured).

    Never with ``-q``: it silences warnings before MkDocs counts them, so ``--strict`` would pass.
    """
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(dest)]
    args.append("--strict" if strict else "--no-strict")  # mkdocs.yml says strict: true
    return subprocess.run(args, cwd=config.parent, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once from the real source texts with --strict."""
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    assert result.returncode == 0, result.stderr
    return dest


@pytest.fixture(scope="session")
def acceptance() -> dict:
    return yaml.safe_load(ACCEPTANCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_names() -> list[str]:
    return sorted(p.name for p in SOURCES.glob("*.txt"))
