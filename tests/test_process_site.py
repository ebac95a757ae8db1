"""Nothing of the internal records (nominations, votes, meetings, documents) reaches the site.

Tested on a real build of the shipped sample, whose internal folder ``noi-bo/`` holds a whole
period of nominations and a council meeting: every file of ``site/`` is searched, the search
index fragments (gzip) and the feed included, for values that exist only in those records.
"""
from __future__ import annotations

from pathlib import Path

from guongsang.check import check
from guongsang.process.check import check_process
from guongsang.project import Project

from .conftest import ROOT, TODAY
from .test_sample_site import _texts


def _internal_values() -> list[str]:
    """Values written only in the internal records: member names, votes, reasons, bodies."""
    project = Project(root=ROOT)
    corpus, _ = check(project, TODAY)
    process, _ = check_process(project, corpus)
    public = b"\n".join(p.read_bytes() for d in ("profiles", "content", "data")
                        for p in (ROOT / d).rglob("*") if p.is_file())
    values: set[str] = set()
    for m in process.meetings.values():
        values.update(x.ho_ten for x in m.thanh_vien)
        values.update([m.ten, m.ket_luan, m.body.strip(), m.slug])
    for n in process.nominations.values():
        values.add(n.slug)
        values.add(n.body.strip())
        if n.khong_dat:
            values.add(n.khong_dat.ly_do)
        if n.trinh_cap_tren:
            values.add(n.trinh_cap_tren.so_to_trinh)
    # A member who also has a public profile is public by that profile, not by the meeting.
    return sorted(v for v in values if len(v) >= 8 and v.encode() not in public)


def test_the_sample_has_internal_values_to_look_for() -> None:
    values = _internal_values()
    assert "Võ Thành Nhân" in values and "45/TTr-TTXT" in values
    assert "2026-au-thanh-tung-lao-dong-tien-tien" in values
    assert any(v.startswith("Không đạt tỷ lệ phiếu đồng ý") for v in values)
    assert len(values) >= 25


def test_no_internal_value_reaches_the_site_search_index_or_feed(sample_site: Path) -> None:
    """`guongsang build` as `make build` runs it: neither the staged folder it materialises
    (what the engine reads) nor the site holds an internal value."""
    values = [v.encode() for v in _internal_values()]
    stage = sample_site.parent / "build"
    staged = list(_texts(stage))
    assert any(p.name == "index.md" for p, _ in staged), "the stage was not written"
    assert [(p.relative_to(stage).as_posix(), v.decode()) for p, data in staged
            for v in values if v in data] == []
    files = list(_texts(sample_site))
    assert any("pagefind" in p.as_posix() for p, _ in files), "the search index was not built"
    assert any(p.name.endswith(".xml") and b"<rss" in d or b"<feed" in d for p, d in files)
    leaks = [(p.relative_to(sample_site).as_posix(), v.decode()) for p, data in files
             for v in values if v in data]
    assert leaks == []
    assert not (sample_site / "noi-bo").exists()
    assert not any("de-nghi" in p.as_posix() or "hop-hoi-dong" in p.as_posix() for p, _ in files)
