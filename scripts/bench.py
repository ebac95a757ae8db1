#!/usr/bin/env python3
"""Build benchmark: Gương sáng against plain MkDocs + Material on the same content.

    python scripts/bench.py                      # 500, 2,000, 5,000, 10,000 profiles + serve
    python scripts/bench.py --sizes 500,2000     # some sizes only
    python scripts/bench.py --sizes 10000 --no-serve
    python scripts/bench.py --serve-only         # only the `mkdocs serve` latency at 1,000

For each size N, with the Python running this script:

1. ``scripts/synthetic.py`` writes a valid repository of N profiles (plus models, campaigns and
   photos) under ``.bench/n<N>/site`` (its image cache is kept between runs);
2. the baseline is written beside it: a plain MkDocs + Material project with one Markdown page
   per record (the same story, the same facts as tables, the same photo; out of the nav with
   ``not_in_nav``), with Material's default search plugin on, as a user would pick it;
3. each project is built once to warm up (our image cache, the file cache; our first build is
   reported as "cold" when the image cache was empty), then both are built ``--repeat`` times,
   alternately, and the fastest build of each is reported: load from other work on the
   machine only ever adds time.

Every build runs as its own process, measured by a small wrapper process (this script with
``_measure``): wall time, CPU time (user + system, of the build and its children: less
sensitive than wall time to other load on the machine), the peak memory of the whole process
tree (RSS summed over the tree, sampled every 20 ms; Pagefind runs beside Python during the
post-build step) and ``ru_maxrss`` of the largest single process. A probe hook added to the
generated repository's mkdocs.yml (not to the project's) records when each build phase starts
and ends, and how many images the build decoded or drew (``guongsang.media.images.decode_count``
and ``render_count``). Our "build" row is the full build less the post-build steps (Pagefind
indexing and the sitemap check); "build + search" is the whole build.

Published bytes are split by kind (pages, photos, share images, search index, avatars, theme)
and divided by the number of profiles; from the largest size measured, the benchmark projects
the profile count at which the site reaches GitHub Pages' 1 GB, counting every photo as distinct
(the synthetic repository hard-links a small pool). The repository's own bytes per profile (the
record and its source photos) are projected to 1,000 and 10,000 profiles for photos as
generated, shrunk to the budget of data/site.yml, and straight from a phone (issue #17).

Results are printed as a table when each size finishes and kept in ``.bench/results.json``, so
sizes can be run separately (each command is limited in time) and the targets are judged on
everything measured so far. The benchmark prints figures; it is not a timed test.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

DEFAULT_SIZES = (500, 2000, 5000, 10000)
SERVE_SIZE = 1000
TARGETS = {"ratio_5000": 1.5, "growth": 2.2, "memory_mb": 2048, "serve_s": 4.0,
           "beyond_kb": 40}

PROBE = '''"""Benchmark probe (written by scripts/bench.py): phase times and image counters."""
import json
import os
import resource
import time

from mkdocs.plugins import CombinedEvent, event_priority

_t = {"import": time.perf_counter()}


def _mark(key):
    _t[key] = time.perf_counter()


@event_priority(100)
def _files_first(files, config):
    _mark("files_start")


@event_priority(-100)
def _files_last(files, config):
    _mark("files_end")


@event_priority(100)
def _post_first(config):
    _mark("post_start")


@event_priority(-100)
def _post_last(config):
    _mark("post_end")
    out = os.environ.get("BENCH_PROBE_OUT")
    if not out:
        return
    try:
        from guongsang.media import images
        counts = {"decoded": images.decode_count, "rendered": images.render_count}
    except ImportError:
        counts = {}
    with open(out, "w") as fh:
        json.dump({"t": _t, "counts": counts,
                   "maxrss_self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}, fh)


# Two handlers per event, first and last of all hooks (a module cannot define a name twice).
on_files = CombinedEvent(_files_first, _files_last)
on_post_build = CombinedEvent(_post_first, _post_last)
'''


# --- measuring one process -------------------------------------------------------------------

def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory of ``root_pid`` and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode(errors="replace")
            fields = stat[stat.rindex(")") + 2:].split()
            pid, ppid = int(entry), int(fields[1])
            rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
            children.setdefault(ppid, []).append(pid)
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measure_child(out: Path, cmd: list[str], cwd: Path, log: Path) -> None:
    """Run ``cmd`` (in this fresh process, so rusage covers this build only); write figures."""
    peak = 0
    done = threading.Event()
    with log.open("wb") as fh:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=fh, stderr=subprocess.STDOUT)

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss_kb(proc.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    out.write_text(json.dumps({"code": code, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
                               "maxrss_kb": ru.ru_maxrss, "tree_peak_kb": peak}))


def run_measured(name: str, cmd: list[str], cwd: Path, workdir: Path,
                 env: dict[str, str]) -> dict[str, Any]:
    """One build in its own measuring process; figures plus what the probe recorded."""
    logs = workdir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    figures, probe, log = logs / f"{name}.json", logs / f"{name}.probe.json", logs / f"{name}.log"
    probe.unlink(missing_ok=True)
    env = {**env, "BENCH_PROBE_OUT": str(probe)}
    subprocess.run([sys.executable, __file__, "_measure", str(figures), str(cwd), str(log),
                    "--", *cmd], env=env, check=True)
    result = json.loads(figures.read_text())
    if result["code"] != 0:
        tail = log.read_text(errors="replace").splitlines()[-30:]
        raise SystemExit(f"bench: {name} failed (exit {result['code']}), see {log}:\n"
                         + "\n".join(tail))
    if probe.exists():
        result["probe"] = json.loads(probe.read_text())
    return result


KINDS = ("pages", "photos", "share", "search", "avatars", "theme")
"""How published bytes are split: pages (HTML and the other generated files: feed, sitemap,
gallery data), photos (every size of the profiles' photos), share images, the search index
(Pagefind's, or Material's search_index.json for the baseline), initials avatars, and the theme
(Material's and our CSS, JavaScript, fonts, logo: a fixed cost)."""
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


def _kind(rel: str) -> str:
    if rel.startswith(("pagefind/", "search/")):
        return "search"
    if rel.startswith("assets/og/"):
        return "share"
    if rel.startswith("assets/anh/chu-cai/"):
        return "avatars"
    if rel.startswith("assets/anh/") or (not rel.startswith("assets/")
                                         and Path(rel).suffix.lower() in IMAGE_SUFFIXES):
        return "photos"
    return "theme" if rel.startswith("assets/") else "pages"


def site_stats(site: Path) -> dict[str, Any]:
    pages = size = 0
    split = dict.fromkeys(KINDS, 0)
    folders: collections.Counter[str] = collections.Counter()
    photo_ids: set[str] = set()
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        st = path.stat().st_size
        size += st
        rel = path.relative_to(site).as_posix()
        kind = _kind(rel)
        split[kind] += st
        if kind == "pages":  # which pages weigh: profiles, the directory, the gallery…
            folders[rel.split("/")[0] if "/" in rel else "(root)"] += st
        if kind == "photos":
            # Our variants are named <digest>-<width>; the baseline copies one file per record.
            photo_ids.add(path.name.split("-")[0] if rel.startswith("assets/") else rel)
        if path.suffix == ".html":
            pages += 1
    return {"pages": pages, "bytes": size, "search_bytes": split["search"], "split": split,
            "distinct_photos": len(photo_ids), "page_folders": dict(folders.most_common(6))}


PAGES_LIMIT = 10**9
"""GitHub Pages publishes sites of at most 1 GB."""


def bytes_per_profile(stats: dict[str, Any], profiles: int, photos: int) -> dict[str, float]:
    """Published bytes per profile by kind, and the size at which the site reaches 1 GB.

    ``photos`` is the number of profile photos in the repository; published photo bytes are
    counted per distinct photo, so a pool hard-linked into many profiles is not mistaken for
    cheap photos.
    """
    split = stats["split"]
    per = {k: split[k] / profiles for k in KINDS if k not in ("photos", "theme")}
    per_photo = split["photos"] / max(1, stats["distinct_photos"])
    beyond = sum(per.values())
    with_photos = beyond + per_photo * photos / profiles
    return {**per, "beyond_photos": beyond, "per_photo": per_photo,
            "photos_per_profile": photos / profiles, "with_photos": with_photos,
            "profiles_at_1gb": (PAGES_LIMIT - split["theme"]) / with_photos}


# --- the two projects --------------------------------------------------------------------------

def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "0"
    # The synthetic content is dated up to synthetic.AS_OF; pin "today" no earlier than that.
    from synthetic import AS_OF
    env.setdefault("GUONGSANG_TODAY", max(date.today(), AS_OF).isoformat())
    return env


def prepare_ours(corpus, target: Path, photo_cache: Path) -> None:
    import synthetic

    synthetic.write_repo(corpus, target, photo_cache)
    (target / "hooks" / "bench_probe.py").write_text(PROBE, encoding="utf-8")
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    new = re.sub(r"(hooks:\n(?:  - .*\n)+)", r"\1  - hooks/bench_probe.py\n", text, count=1)
    assert new != text, "mkdocs.yml has no hooks list to extend"
    config.write_text(new, encoding="utf-8")


BASELINE_CONFIG = """\
site_name: Gương sáng (baseline)
site_url: https://example.org/
docs_dir: docs
site_dir: site
use_directory_urls: true
strict: true
theme:
  name: material
  language: vi
  font: false
  features: [navigation.sections, navigation.top]
hooks:
  - bench_probe.py
markdown_extensions: [attr_list, tables, admonition, toc]
# What a user would pick: Material's own search (lunr), on by default.
plugins:
  - search
not_in_nav: |
  /ho-so/**
  /mo-hinh/*.md
  /phong-trao/*.md
nav:
  - Trang chủ: index.md
"""


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(head: tuple[str, str], rows: list[tuple[str, Any]]) -> str:
    out = [f"| {head[0]} | {head[1]} |", "| --- | --- |"]
    out += [f"| {_cell(k)} | {_cell(v)} |" for k, v in rows if v not in (None, "", [], {})]
    return "\n".join(out)


def baseline_page(record) -> str:
    """The Markdown page plain MkDocs gets for one record: same text, facts as tables."""
    d = record.data
    title = d.get("ho_ten") or d.get("ten")
    parts = [f"# {title}"]
    if d.get("tom_tat"):
        parts.append(f"*{d['tom_tat']}*")
    if record.photo is not None:
        photo = d["anh"][0]
        parts.append(f"![{photo['mo_ta']}](chan-dung.jpg)\n\n{photo['chu_thich']} — {photo['nguon']}")
    simple = [(k, ", ".join(v) if isinstance(v, list) else v) for k, v in d.items()
              if not isinstance(v, (dict, list)) or (v and all(isinstance(x, str) for x in v))]
    parts.append(_table(("Trường", "Giá trị"), simple))
    parts.append("## Câu chuyện\n\n" + record.body.replace("\n### ", "\n#### "))
    for key, heading in (("tieu_chuan", "Tiêu chuẩn đã đạt"), ("tieu_chi_doan_the", "Tiêu chí")):
        if d.get(key):
            parts.append(f"## {heading}\n\n" + _table(("Tiêu chuẩn", "Minh chứng"),
                                                      list(d[key].items())))
    for key, heading in (("thanh_tich", "Thành tích"), ("khen_thuong", "Khen thưởng"),
                         ("viec_tot", "Người tốt, việc tốt"), ("theo_doi", "Theo dõi")):
        items = d.get(key)
        if items:
            cols = list(dict.fromkeys(k for item in items for k in item))
            lines = ["| " + " | ".join(cols) + " |", "|" + " --- |" * len(cols)]
            lines += ["| " + " | ".join(_cell(item.get(c, "")) for c in cols) + " |"
                      for item in items]
            parts.append(f"## {heading}\n\n" + "\n".join(lines))
    return "\n\n".join(parts) + "\n"


def prepare_baseline(corpus, target: Path, photo_cache: Path) -> int:
    """Write the plain MkDocs project; returns the number of record pages."""
    import synthetic

    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    docs.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    (target / "bench_probe.py").write_text(PROBE, encoding="utf-8")
    (docs / "index.md").write_text("# Gương sáng\n\nTrang đối chứng của phép đo hiệu năng.\n",
                                   encoding="utf-8")
    pool = synthetic.photo_pool(photo_cache, {r.photo for r in corpus.profiles
                                              if r.photo is not None})
    count = 0
    for r in [*corpus.profiles, *corpus.models, *corpus.campaigns]:
        kind, slug = (("ho-so", r.rel.split("/")[1]) if r.rel.startswith("profiles/")
                      else (r.rel.split("/")[1], r.rel.rsplit("/", 1)[1][:-3]))
        folder = docs / kind / slug
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(baseline_page(r), encoding="utf-8")
        if r.photo is not None:
            os.link(pool[r.photo], folder / "chan-dung.jpg")
        count += 1
    return count


# --- the repository (issue #17) ----------------------------------------------------------------

def repo_stats(repo: Path) -> dict[str, Any]:
    """Bytes of the records and of the source photos in the generated repository."""
    records = [p.stat().st_size for p in (repo / "profiles").glob("*/index.md")]
    photos = [p for p in (repo / "profiles").glob("*/*") if p.suffix.lower() in IMAGE_SUFFIXES]
    distinct = {p.stat().st_ino: p.stat().st_size for p in photos}  # hard-linked pool
    return {"profiles": len(records), "record_bytes": sum(records), "photos": len(photos),
            "photo_bytes_each": sum(distinct.values()) / max(1, len(distinct))}


def photo_scenarios(work: Path) -> dict[str, float]:
    """Bytes of one source photo: a phone's as taken, and after `guongsang shrink` with the
    budget of data/site.yml (the shrunk size is measured, not assumed)."""
    import synthetic

    sys.path.insert(0, str(ROOT / "src"))
    from guongsang.load.refdata import load_reference
    from guongsang.media.shrink import shrink

    budget = load_reference(ROOT / "data", ROOT)[0].site.anh_goc
    path = work / "phone.jpg"
    work.mkdir(parents=True, exist_ok=True)
    path.write_bytes(synthetic.phone_photo())
    raw = path.stat().st_size
    done = shrink(path, budget)
    return {"phone": raw, "shrunk": done.after, "budget": budget.max_bytes}


def repo_projection(stats: dict[str, Any], scenarios: dict[str, float],
                    photos_each: int = 2) -> list[tuple[str, float, float, float, float]]:
    """(label, bytes a photo, a profile, 1,000 profiles, 10,000 profiles) per photo scenario,
    with ``photos_each`` distinct photos a profile (the issue's province: two each)."""
    record = stats["record_bytes"] / max(1, stats["profiles"])
    rows = [("as generated by the benchmark", stats["photo_bytes_each"]),
            ("a phone photo after `guongsang shrink`", scenarios["shrunk"]),
            ("at the budget's limit", scenarios["budget"]),
            ("straight from a phone (no budget)", scenarios["phone"])]
    out = []
    for label, photo in rows:
        each = record + photos_each * photo
        out.append((label, photo, each, 1000 * each, 10000 * each))
    return out


def repo_report(stats: dict[str, Any], scenarios: dict[str, float]) -> str:
    """The repository projection of issue #17, as printed."""
    mb = 1024 * 1024
    record = stats["record_bytes"] / max(1, stats["profiles"])
    title = (f"\nRepository size (issue #17): {_kb(record)} of record a profile (measured on "
             f"{stats['profiles']:,} generated profiles; git packs text about 3×, photos not at "
             "all), two distinct photos a profile:")
    head = (f"  {'photos':40} {'a photo':>9} {'a profile':>10} {'1,000 profiles':>15} "
            f"{'10,000 profiles':>16}")
    lines = [title, head]
    for label, photo, each, k1, k10 in repo_projection(stats, scenarios):
        lines.append(f"  {label:40} {photo / mb:7.2f} MB {each / mb:8.2f} MB {k1 / 2**30:12.2f} GB "
                     f"{k10 / 2**30:13.1f} GB")
    return "\n".join(lines)


# --- one size ----------------------------------------------------------------------------------

def bench_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    import synthetic

    work = args.work / f"n{n}"
    env = _env()
    t0 = time.perf_counter()
    corpus = synthetic.generate(n, args.seed)
    ours_dir, base_dir = work / "site", work / "baseline"
    prepare_ours(corpus, ours_dir, args.photo_cache)
    record_pages = prepare_baseline(corpus, base_dir, args.photo_cache)
    gen_s = time.perf_counter() - t0
    print(f"\n[{_now()}] N={n}: generated {len(corpus.profiles)} profiles, "
          f"{len(corpus.models)} models, {len(corpus.campaigns)} campaigns, "
          f"{sum(r.photo is not None for r in corpus.profiles)} photos in {gen_s:.1f} s",
          flush=True)

    build = [sys.executable, "-m", "mkdocs", "build", "-q"]
    cache_empty = not any((ours_dir / ".cache").glob("guongsang/*/*"))
    results: dict[str, Any] = {"n": n, "record_pages": record_pages,
                               "when": datetime.now().isoformat(timespec="seconds")}
    print(f"[{_now()}] N={n}: warm-up builds "
          f"({'cold image cache' if cache_empty else 'image cache already warm'})", flush=True)
    first = run_measured("ours-warmup", build, ours_dir, work, env)
    results["ours_first"] = {**first, "cold": cache_empty}
    run_measured("baseline-warmup", build, base_dir, work, env)
    # Measured builds alternate (ours, baseline, ours, baseline…) and the fastest of each is
    # kept: other work on the machine only ever adds time, so the minimum is the best estimate.
    runs: dict[str, list[dict[str, Any]]] = {"ours": [], "baseline": []}
    for i in range(args.repeat):
        for name, folder in (("ours", ours_dir), ("baseline", base_dir)):
            print(f"[{_now()}] N={n}: measured build {i + 1}/{args.repeat}: {name}", flush=True)
            runs[name].append(run_measured(f"{name}-{i + 1}", build, folder, work, env))
    photos = sum(r.photo is not None for r in corpus.profiles)
    for name, folder in (("ours", ours_dir), ("baseline", base_dir)):
        best = min(runs[name], key=lambda r: r["wall"])
        best.update(site_stats(folder / "site"))
        best["per_profile"] = bytes_per_profile(best, len(corpus.profiles), photos)
        best["walls"] = [round(r["wall"], 2) for r in runs[name]]
        best["cpus"] = [round(r["cpu"], 2) for r in runs[name]]
        results[name] = best
    results["repo"] = repo_stats(ours_dir)
    return results


def _now() -> str:
    return datetime.now().strftime("%H:%M:%S")


def _phases(r: dict[str, Any]) -> dict[str, float]:
    """Seconds spent in our generation (on_files) and in the post-build steps."""
    t = r.get("probe", {}).get("t", {})
    if not {"files_start", "files_end", "post_start", "post_end"} <= t.keys():
        return {}
    return {"generate": t["files_end"] - t["files_start"],
            "render": t["post_start"] - t["files_end"],
            "post": t["post_end"] - t["post_start"]}


def rows_for(res: dict[str, Any]) -> list[list[str]]:
    ours, base = res["ours"], res["baseline"]
    ph = _phases(ours)
    post = ph.get("post", 0.0)
    mb = 1024 * 1024

    def row(label: str, wall: float, cpu: float | None, pages: int, peak_kb: int | None,
            size: int | None, ratio_to: float | None) -> list[str]:
        return [str(res["n"]), label, f"{wall:.1f}", f"{cpu:.1f}" if cpu is not None else "–",
                f"{1000 * wall / pages:.1f}" if pages else "–", str(pages),
                f"{peak_kb / 1024:.0f}" if peak_kb else "–",
                f"{size / mb:.1f}" if size is not None else "–",
                f"{wall / ratio_to:.2f}×" if ratio_to else "–"]

    out = [
        row("ours: build + search", ours["wall"], ours["cpu"], ours["pages"],
            ours["tree_peak_kb"], ours["bytes"], base["wall"]),
        row("ours: build (no post-build)", ours["wall"] - post, None, ours["pages"], None,
            ours["bytes"] - ours["search_bytes"], base["wall"]),
        row("baseline: MkDocs + Material", base["wall"], base["cpu"], base["pages"],
            base["tree_peak_kb"], base["bytes"], None),
    ]
    first = res.get("ours_first")
    if first and first.get("cold"):
        out.append(row("ours: cold image cache", first["wall"], first["cpu"], ours["pages"],
                       first["tree_peak_kb"], None, base["wall"]))
    return out


HEAD = ["N", "build", "wall s", "CPU s", "ms/page", "pages", "peak MB", "output MB", "vs base"]


def format_table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEAD, *rows]) for i in range(len(HEAD))]
    line = lambda r: "  ".join(c.rjust(w) if i not in (1,) else c.ljust(w)
                               for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([line(HEAD), line(["-" * w for w in widths]), *map(line, rows)])


def _kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def bytes_report(res: dict[str, Any]) -> str:
    """Published bytes per profile, ours and the baseline's, and the 1 GB projection."""
    lines = [f"N={res['n']}: published bytes per profile (photos counted as distinct files):"]
    for name in ("ours", "baseline"):
        per = res[name].get("per_profile")
        if not per:
            continue
        lines.append(
            f"  {name:8}: pages {_kb(per['pages'])}, share images {_kb(per['share'])}, "
            f"search index {_kb(per['search'])}, avatars {_kb(per['avatars'])} = "
            f"{_kb(per['beyond_photos'])} beyond photos; photos {_kb(per['per_photo'])} per "
            f"photo × {per['photos_per_profile']:.2f} a profile; 1 GB at "
            f"{per['profiles_at_1gb']:,.0f} profiles")
        folders = res[name].get("page_folders") or {}
        n = res["n"]
        if folders and name == "ours":
            lines.append("            pages by folder: " + ", ".join(
                f"{k}/ {_kb(v / n)}" for k, v in folders.items()))
    return "\n".join(lines)


def details(res: dict[str, Any]) -> str:
    ours = res["ours"]
    ph = _phases(ours)
    counts = ours.get("probe", {}).get("counts", {})
    parts = [f"N={res['n']}: our phases " + ", ".join(f"{k} {v:.1f} s" for k, v in ph.items()),
             (f"images decoded/drawn in the measured rebuild: {counts.get('decoded', '?')}"
              f"/{counts.get('rendered', '?')}"),
             (f"largest process {ours['maxrss_kb'] / 1024:.0f} MB (tree peak "
              f"{ours['tree_peak_kb'] / 1024:.0f} MB)"),
             f"search index {ours['search_bytes'] / 2**20:.1f} MB",
             f"walls ours {ours.get('walls')} baseline {res['baseline'].get('walls')}"]
    first = res.get("ours_first")
    if first:
        fc = first.get("probe", {}).get("counts", {})
        parts.append(f"warm-up build ({'cold' if first.get('cold') else 'warm'} cache) "
                     f"{first['wall']:.1f} s, decoded/drawn {fc.get('decoded', '?')}"
                     f"/{fc.get('rendered', '?')}")
    return "; ".join(parts)


# --- serve latency -------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def bench_serve(n: int, args: argparse.Namespace, dirty: bool, edits: int = 3) -> dict[str, Any]:
    """Seconds from saving an edited profile to `mkdocs serve` showing it (loopback only)."""
    import synthetic

    work = args.work / f"serve{n}"
    corpus = synthetic.generate(n, args.seed)
    prepare_ours(corpus, work / "site", args.photo_cache)
    repo = work / "site"
    env = _env()
    env.pop("BENCH_PROBE_OUT", None)
    target = next(r for r in corpus.profiles if r.data["loai"] == "ca_nhan")
    slug = target.rel.split("/")[1]
    path = repo / target.rel
    port = _free_port()
    url = f"http://127.0.0.1:{port}/ho-so/{slug}/"
    log = (work / f"serve{'-dirty' if dirty else ''}.log").open("wb")
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    if dirty:
        # As `make serve` runs it: the hook plans the incremental rebuild (and silences MkDocs'
        # --dirty warning, which strict mode would otherwise turn into an abort).
        cmd += ["--dirty"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    latencies: list[float] = []
    try:
        first = target.data["ho_ten"]
        while (page := _get(url)) is None or first not in page:
            if proc.poll() is not None or time.perf_counter() - start > 1800:
                raise SystemExit(f"bench: mkdocs serve did not start, see {log.name}")
            time.sleep(0.2)
        startup = time.perf_counter() - start
        time.sleep(2)  # let the watcher settle after the first build
        original = path.read_text(encoding="utf-8")
        # Syllables found in no generated name, so the new name stays unique.
        for i, extra in enumerate(["Sương", "Khuê", "Thoa", "Diệp", "Cúc"][:edits]):
            new_name = f"{first} {extra}"
            text = original.replace(f'ho_ten: "{first}"', f'ho_ten: "{new_name}"', 1)
            assert text != original
            saved = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            while (page := _get(url)) is None or new_name not in page:
                if time.perf_counter() - saved > 120:
                    raise SystemExit(f"bench: edit {i + 1} not shown after 120 s")
                time.sleep(0.25)  # the server shares a GIL with the build: poll gently
            latencies.append(time.perf_counter() - saved)
            time.sleep(3)  # the next edit starts from a quiet server
    finally:
        _stop(proc)
        log.close()
    return {"n": n, "dirty": dirty, "startup": startup, "latencies": latencies}


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server this script started (its own process group), gently first."""
    for sig, wait in ((signal.SIGINT, 20), (signal.SIGKILL, None)):
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


# --- results and targets ---------------------------------------------------------------------

def load_results(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def save_results(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    os.replace(tmp, path)


def verdicts(results: dict[str, Any]) -> list[str]:
    sizes = results.get("sizes", {})
    out: list[str] = []

    def ok(good: bool) -> str:
        return "met" if good else "MISSED"

    if "5000" in sizes:
        r = sizes["5000"]
        full = r["ours"]["wall"] / r["baseline"]["wall"]
        post = _phases(r["ours"]).get("post", 0.0)
        build = (r["ours"]["wall"] - post) / r["baseline"]["wall"]
        cpu = r["ours"]["cpu"] / r["baseline"]["cpu"]
        out.append(f"full build ≤ {TARGETS['ratio_5000']}× baseline at 5,000 (warm cache): "
                   f"{full:.2f}× with search, {build:.2f}× without — "
                   f"{ok(full <= TARGETS['ratio_5000'])} (with search), "
                   f"{ok(build <= TARGETS['ratio_5000'])} (without); CPU time {cpu:.2f}× "
                   "with search (a steadier figure when the machine is busy)")
    if "5000" in sizes and "10000" in sizes:
        a, b = sizes["5000"]["ours"], sizes["10000"]["ours"]
        g, gc = b["wall"] / a["wall"], b["cpu"] / a["cpu"]
        out.append(f"linear growth t(10,000)/t(5,000) ≤ {TARGETS['growth']}: {g:.2f} wall, "
                   f"{gc:.2f} CPU — {ok(g <= TARGETS['growth'])}")
    measured = [(int(n), r["ours"]["per_profile"]) for n, r in sizes.items()
                if r["ours"].get("per_profile")]
    if measured:
        n, per = max(measured)
        beyond = per["beyond_photos"] / 1024
        out.append(f"≤ {TARGETS['beyond_kb']} KB published per profile beyond its photos "
                   f"(N={n:,}): {beyond:.1f} KB — {ok(beyond <= TARGETS['beyond_kb'])}; the site "
                   f"reaches GitHub Pages' 1 GB at {per['profiles_at_1gb']:,.0f} profiles "
                   f"({per['photos_per_profile']:.2f} distinct photos a profile, "
                   f"{per['per_photo'] / 1024:.0f} KB published per photo)")
    decoded = {n: r["ours"].get("probe", {}).get("counts", {}).get("decoded")
               for n, r in sizes.items()}
    if decoded:
        out.append("a rebuild with unchanged photos decodes no image: "
                   + ", ".join(f"N={n}: {d}" for n, d in sorted(decoded.items(), key=_num))
                   + f" — {ok(all(d == 0 for d in decoded.values()))}")
    if "10000" in sizes:
        peak = sizes["10000"]["ours"]["tree_peak_kb"] / 1024
        out.append(f"peak memory ≤ 2 GB at 10,000: {peak:.0f} MB — "
                   f"{ok(peak <= TARGETS['memory_mb'])}")
    # `make serve` is `mkdocs serve --dirty` (the incremental preview): that is the target.
    # Plain `mkdocs serve` rebuilds every page on each save; its figure is for information.
    for key, label, target in (("serve_dirty", "`make serve` = `mkdocs serve --dirty`", True),
                               ("serve", "plain `mkdocs serve`, for information", False)):
        s = results.get(key)
        if s:
            worst = max(s["latencies"])
            verdict = ok(worst <= TARGETS["serve_s"]) if target else "no target"
            out.append(f"{label} shows an edit ≤ 4 s at {s['n']:,}: "
                       + ", ".join(f"{x:.1f}" for x in s["latencies"])
                       + f" s (first build {s['startup']:.0f} s) — {verdict}")
    return out


def _num(item: tuple[str, Any]) -> int:
    return int(item[0])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_measure":
        out, cwd, log, sep, *cmd = argv[1:]
        assert sep == "--"
        measure_child(Path(out), cmd, Path(cwd), Path(log))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="numbers of profiles, comma-separated (default: %(default)s)")
    parser.add_argument("--serve-size", type=int, default=SERVE_SIZE)
    parser.add_argument("--no-serve", action="store_true", help="skip the serve latency")
    parser.add_argument("--serve-only", action="store_true")
    parser.add_argument("--serve-modes", default="default,dirty",
                        help="`mkdocs serve` variants to time: default, dirty (--dirty)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2,
                        help="measured builds of each project per size, the fastest kept")
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument("--photo-cache", type=Path, default=None,
                        help="pool of generated photos (default: <work>/photos)")
    parser.add_argument("--fresh", action="store_true",
                        help="forget earlier results in <work>/results.json")
    args = parser.parse_args(argv)
    args.work = args.work.resolve()
    args.photo_cache = (args.photo_cache or args.work / "photos").resolve()
    results_path = args.work / "results.json"
    results = {} if args.fresh else load_results(results_path)
    results.setdefault("sizes", {})
    import material
    import mkdocs
    print(f"Python {sys.version.split()[0]}, MkDocs {mkdocs.__version__}, Material "
          f"{getattr(material, '__version__', '?')}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)

    sizes = [] if args.serve_only else [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    rows: list[list[str]] = []
    for n in sizes:
        res = bench_size(n, args)
        results["sizes"][str(n)] = res
        save_results(results_path, results)
        rows += rows_for(res)
        print("\n" + format_table(rows), flush=True)
        print(details(res), flush=True)
        print(bytes_report(res), flush=True)
    if not args.no_serve:
        for dirty, key in ((False, "serve"), (True, "serve_dirty")):
            if ("dirty" if dirty else "default") not in args.serve_modes.split(","):
                continue
            print(f"\n[{_now()}] mkdocs serve{' --dirty' if dirty else ''} at "
                  f"{args.serve_size:,} profiles…", flush=True)
            results[key] = bench_serve(args.serve_size, args, dirty)
            save_results(results_path, results)
            s = results[key]
            print(f"first build {s['startup']:.1f} s; edit shown after "
                  + ", ".join(f"{x:.2f}" for x in s["latencies"])
                  + f" s (median {statistics.median(s['latencies']):.2f} s)", flush=True)

    every = [r for _, r in sorted(results["sizes"].items(), key=_num)]
    if every:
        print("\nAll sizes measured so far (each row's baseline from the same run):")
        print(format_table([row for r in every for row in rows_for(r)]))
        for r in every:
            if r["ours"].get("per_profile"):
                print(bytes_report(r))
        largest = next((r for r in reversed(every) if r.get("repo")), None)
        if largest:
            try:
                if not results.get("photo_scenarios"):
                    results["photo_scenarios"] = photo_scenarios(args.work / "photo-budget")
                    save_results(results_path, results)
                print(repo_report(largest["repo"], results["photo_scenarios"]))
            except (ImportError, AttributeError) as err:  # a version without the budget
                print(f"\nRepository projection skipped: {err}")
    print("\nTargets:")
    for line in verdicts(results):
        print(f"- {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
