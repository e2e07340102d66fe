"""`python -m reformdocs clean`: files written, JSON format, exit status."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

from reformdocs import script

from .conftest import ROOT, SOURCES


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reformdocs", *args], cwd=ROOT, capture_output=True, text=True)


def norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", script.convert(text, "Hans"))


def test_cleans_the_seeds(tmp_path, acceptance):
    result = run("clean", *map(str, sorted(SOURCES.glob("*.txt"))), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name, expected in acceptance.items():
        stem = name[:-4]
        data = json.loads((tmp_path / f"{stem}.json").read_text("utf-8"))
        assert data["rejected"] is False and data["reason"] == ""
        for field in ("title", "doc_number", "issuer", "date"):
            if field in expected:
                assert norm(data[field]) == norm(str(expected[field])), (name, field)
        hans = norm((tmp_path / f"{stem}.zh-Hans.txt").read_text("utf-8"))
        hant = (tmp_path / f"{stem}.zh-Hant.txt").read_text("utf-8")
        for phrase in expected.get("body", []) + expected.get("joined", []):
            assert norm(phrase) in hans, (name, phrase)
        for phrase in expected.get("chrome", []):
            assert norm(phrase) not in hans, (name, phrase)
        assert norm(hant) == hans, name  # the two scripts carry the same text
        ids = [s["section"] for s in data["sections"]]
        assert len(ids) == len(set(ids))
        assert all({"stage", "rule", "kind", "before", "after", "line", "note"} <= e.keys() for e in data["audit"])
    traditional = (tmp_path / "001_006c4d63c36b7a44.zh-Hant.txt").read_text("utf-8")
    assert "並政發〔2013〕30號" in traditional and "(fā)" not in traditional


def test_rejected_text_exits_1_and_says_why(tmp_path):
    damaged = tmp_path / "damaged.txt"
    damaged.write_text("关于" + "??" * 200 + "的通知\n" + "?" * 300 + "。\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    shutil.copy(SOURCES / "003_08dfc49d6e2fc626.txt", good)
    result = run("clean", str(damaged), str(good), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "damaged.txt" in result.stderr and "encoding damage" in result.stderr
    data = json.loads((tmp_path / "out" / "damaged.json").read_text("utf-8"))
    assert data["rejected"] is True and "encoding damage" in data["reason"]
    assert not (tmp_path / "out" / "damaged.zh-Hans.txt").exists()
    assert json.loads((tmp_path / "out" / "good.json").read_text("utf-8"))["rejected"] is False


def test_usage_errors_exit_2(tmp_path):
    assert run("clean", "--out", str(tmp_path)).returncode == 2
    assert run("clean", str(tmp_path / "missing.txt"), "--out", str(tmp_path)).returncode == 2
    assert run("frobnicate").returncode == 2
