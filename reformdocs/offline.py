"""The offline copy: the built site as one zip that works unzipped, from the file system.

Under ``file://`` a browser does not turn a directory URL into its ``index.html``, so every
relative link to a directory (``../``, ``documents/x/#s2``) is rewritten to name the file
(``../index.html``, ``documents/x/index.html#s2``). Nothing else changes: the theme's assets are
local, and the site loads nothing from the network (``theme.font: false``). One pass over the
built files, each read once: linear in the size of the site.

Everything sits in one folder, `FOLDER`. The zip is byte-for-byte reproducible: entries in sorted
order, every timestamp the build date, fixed permissions, no extra fields. The build date is
``SOURCE_DATE_EPOCH`` when set, else the date of the latest git commit. The sitemaps (they carry the day of the build) and the 404 page (its
links are absolute) are left out: they mean nothing offline.

The home page holds a slot (`downloads.OFFLINE_SLOT`): on the site it becomes the link to the
zip with its size and date; inside the zip, where a link to the zip itself could not work, it
says that this is the offline copy and when it was built.
"""
from __future__ import annotations

import html
import os
import posixpath
import re
import subprocess
import time
import zipfile
from pathlib import Path

from .downloads import OFFLINE_SLOT, OFFLINE_ZIP

FOLDER = "reformdocs-offline/"  # every entry is inside it: unzipping makes one folder, not a spill
LEFT_OUT = {"sitemap.xml", "sitemap.xml.gz", "404.html"}  # 404.html: absolute links, never shown offline
EPOCH_1980 = 315532800  # the earliest time a zip entry can carry
# A URL attribute whose value is relative (no scheme, not absolute, not only a fragment/query).
URL_ATTR = re.compile(r'\b(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\?)([^"?#]*)([^"]*)"')
LINK_TEXT = {"Hans": ("离线版 Offline copy", "本站的离线版 This is the offline copy of the site"),
             "Hant": ("離線版 Offline copy", "本站的離線版 This is the offline copy of the site")}


def build_date(root: Path, environ=os.environ) -> int:
    """Seconds since the epoch: SOURCE_DATE_EPOCH, else the latest commit's date, else 1980-01-01."""
    if environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return max(int(environ["SOURCE_DATE_EPOCH"]), EPOCH_1980)
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                             text=True, check=True).stdout.strip()
        return max(int(out), EPOCH_1980)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return EPOCH_1980


def day(epoch: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(epoch))


def file_links(page: str) -> str:
    """Every relative link to a directory in an HTML page made to name its index.html."""
    def fix(match: re.Match) -> str:
        attr, path, rest = match.groups()
        if path in (".", "..") or path.endswith(("/.", "/..")):
            path += "/"
        if path.endswith("/"):
            path += "index.html"
        return f'{attr}="{path}{rest}"'
    return URL_ATTR.sub(fix, page)


def size_label(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} kB"


def edition_of_page(rel: str) -> str:
    return "Hant" if rel.startswith("zh-Hant/") else "Hans"


def offline_slot(rel: str, epoch: int) -> str:
    """What the home page's slot says inside the zip."""
    return f'<span class="offline-copy">{LINK_TEXT[edition_of_page(rel)][1]} ({day(epoch)})</span>'


def site_slot(rel: str, size: int, epoch: int) -> str:
    """What the home page's slot says on the site: the link to the zip, its size and date."""
    href = html.escape(posixpath.relpath(OFFLINE_ZIP, posixpath.dirname(rel) or "."))
    return (f'<span class="offline-copy"><a href="{href}" download>{LINK_TEXT[edition_of_page(rel)][0]}</a> '
            f'(ZIP, {size_label(size)}, {day(epoch)})</span>')


def entry(name: str, epoch: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=time.gmtime(epoch)[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # unix, so the permissions below are read
    info.external_attr = 0o100644 << 16
    return info


def write(site_dir: Path, epoch: int) -> Path:
    """Zip the built site into `site_dir`/downloads/, then fill the site's home page slots."""
    target = site_dir / OFFLINE_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    with_slot = []
    with zipfile.ZipFile(partial, "w") as zf:
        for rel in files:
            if rel in LEFT_OUT or rel in (OFFLINE_ZIP, OFFLINE_ZIP + ".part"):
                continue
            data = (site_dir / rel).read_bytes()
            if rel.endswith(".html"):
                page = data.decode("utf-8")
                if OFFLINE_SLOT in page:
                    with_slot.append(rel)
                    page = page.replace(OFFLINE_SLOT, offline_slot(rel, epoch))
                data = file_links(page).encode("utf-8")
            zf.writestr(entry(FOLDER + rel, epoch), data)
    partial.replace(target)
    size = target.stat().st_size
    for rel in with_slot:
        path = site_dir / rel
        path.write_text(path.read_text("utf-8").replace(OFFLINE_SLOT, site_slot(rel, size, epoch)),
                        encoding="utf-8", newline="")
    return target
