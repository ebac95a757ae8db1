"""HTML and JavaScript in every text field, and a built site scanned for anything unsafe.

The story bodies' vectors are in cases/html-body.yml; here every text field of every schema
(walked from schema.py, so a new field is covered the day it is added) receives markup, and a
site full of odd-but-allowed text (quotes, ampersands, braces, template syntax, Markdown
punctuation, a photo full of metadata) is built and scanned.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image

from guongsang.check import check
from guongsang.load.refdata import load_reference
from guongsang.load.yamlsrc import format_path
from guongsang.project import Project
from guongsang.schema import CAMPAIGN, MODEL, PROFILE, Field
from guongsang.site.checks import Site, broken_links, unsafe_markup

from ..conftest import ROOT, TODAY, make_repo
from ..sitebuild import mkdocs_build, site_repo

Path_ = tuple[str | int, ...]
PAYLOADS = ["<b>đậm</b>", "java&#x09;script:alert(1)", "Chữ { onclick=alert(1) }"]
# Content pages (models, campaigns) may also carry MkDocs' own page keys; these two reach the
# page's <title> and <meta name="description">.
PAGE_TEXT = (Field("title", "text", "Tiêu đề trang"), Field("description", "text", "Mô tả trang"))


def _map_keys(f: Field, ref) -> list[str]:
    if f.keys_ref == "standards":
        return [s.id for s in ref.standards]
    return [c.id for items in ref.criteria.values() for c in items]


def text_fields(fields: tuple[Field, ...], ref, prefix: Path_ = ()) -> Iterator[Path_]:
    """Path of every place a record holds free text, the first list item standing for all."""
    for f in fields:
        here = prefix + (f.key,)
        if f.type == "text":
            yield here
        elif f.type == "list" and f.item is not None and f.item.type == "text":
            yield here + (0,)
        elif f.type == "list" and f.item is not None and f.item.type == "object":
            yield from text_fields(f.item.fields, ref, here + (0,))
        elif f.type == "object":
            yield from text_fields(f.fields, ref, here)
        elif f.type == "map":
            yield here + (_map_keys(f, ref)[0],)


def record_with(fields: tuple[Field, ...], ref, payload: str) -> dict[str, Any]:
    """A record whose every text field holds ``payload`` (the same walk as
    :func:`text_fields`); other required values are the schema's own examples."""
    out: dict[str, Any] = {}
    for f in fields:
        value: Any = f.example if f.required else None
        if f.type == "text":
            value = payload
        elif f.type == "list" and f.item is not None and f.item.type == "text":
            value = [payload]
        elif f.type == "list" and f.item is not None and f.item.type == "object":
            value = [record_with(f.item.fields, ref, payload)]
        elif f.type == "object":
            value = record_with(f.fields, ref, payload)
        elif f.type == "map":
            value = {_map_keys(f, ref)[0]: payload}
        if value is not None:
            out[f.key] = value
    return out


def _file(data: dict[str, Any], body: str = "Nội dung.") -> str:
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n{body}\n"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_every_text_field_of_every_record_is_an_error(tmp_path: Path,
                                                                payload: str) -> None:
    ref, _ = load_reference(ROOT / "data", ROOT)
    records = {
        "profiles/nguyen-van-an/index.md": (PROFILE, ()),
        "content/mo-hinh/so-tay.md": (MODEL, PAGE_TEXT),
        "content/phong-trao/chuyen-doi-so.md": (CAMPAIGN, PAGE_TEXT),
    }
    files = {rel: _file(record_with(fields + extra, ref, payload))
             for rel, (fields, extra) in records.items()}
    root = make_repo(tmp_path / "repo", files)
    _, problems = check(Project(root=root), TODAY)
    for rel, (fields, extra) in records.items():
        expected = {format_path(p) for p in text_fields(fields + extra, ref)}
        flagged = {p.field for p in problems if p.file == rel and p.rule == "html-trong-truong"}
        assert len(expected) > 5
        assert flagged == expected, (rel, sorted(expected - flagged), sorted(flagged - expected))


def test_every_text_field_is_really_walked() -> None:
    ref, _ = load_reference(ROOT / "data", ROOT)
    paths = {format_path(p) for p in text_fields(PROFILE, ref)}
    assert {"ho_ten", "tom_tat", "khen_thuong[1].ly_do", "anh[1].mo_ta", "viec_tot[1].dia_diem",
            "thu_hoi.ly_do", "rieng_tu.ghi_chu", "slug_cu[1]", "tieu_chuan.chap_hanh"} <= paths


# -- a built site with odd but allowed text ----------------------------------------------------

ODD_SUMMARY = ("Người \"truyền lửa\" & 'kết nối' {{ config.site_name }} ${x} %s \\ "
               "[chữ](không-phải-liên-kết)")


def exif_jpeg() -> bytes:
    """A photo carrying GPS position, camera owner, a comment and an XMP packet."""
    img = Image.effect_noise((320, 240), 40).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "Hãng máy ảnh"
    exif[0x013B] = "Chủ máy: 0912 345 678"
    exif[0x8825] = {1: "N", 2: (11.0, 56.0, 30.0), 3: "E", 4: (108.0, 26.0, 40.0)}
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes(), comment=b"toa do nha rieng",
             xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">nha-rieng</x:xmpmeta>')
    return buf.getvalue()


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        key = a.get("name") or a.get("property")
        if tag == "meta" and key:
            self.meta[key] = a.get("content") or ""


def test_odd_but_allowed_text_builds_a_site_with_nothing_unsafe(tmp_path: Path) -> None:
    body = ("Chị làm việc ở *Phòng* **Xúc tiến** với `mã_nguồn`, <kbd>Ctrl</kbd> và "
            "<em>R&D</em>.\n\n"
            "| Năm | Kết quả |\n|---|---|\n| 2024 | 3 dự án \"lớn\" & nhỏ |\n\n"
            "Xem [báo](https://baolamdong.vn/) hoặc [câu chuyện](#cau-chuyen).\n")
    files = {
        "profiles/nguyen-van-an/index.md": "---\n" + yaml.safe_dump({
            "ho_ten": "Nguyễn Văn An", "loai": "ca_nhan", "don_vi": "phong-xuc-tien-dau-tu",
            "linh_vuc": ["xuc-tien-dau-tu"], "trang_thai": "nhan_to_moi",
            "ngay_cong_nhan": "15/01/2025", "tom_tat": ODD_SUMMARY,
            "chuc_vu": "Chuyên viên R&D (\"số 1\")", "dong_y_cong_bo": True,
            "anh": [{"tep": "chan-dung.jpg", "mo_ta": "Anh An cười \"rất tươi\" & vui",
                     "nguon": "Ảnh: © 'Trung tâm'"}],
            "rieng_tu": {"dien_thoai": "0912 345 678"},
        }, allow_unicode=True, sort_keys=False) + "---\n" + body,
        "profiles/nguyen-van-an/chan-dung.jpg": exif_jpeg(),
        "content/mo-hinh/mot-cua.md": "---\n" + yaml.safe_dump({
            "ten": "Mô hình \"một cửa\" & 'một đầu mối'", "loai": "mo_hinh",
            "tac_gia": ["nguyen-van-an"], "don_vi": "phong-xuc-tien-dau-tu", "nam": 2024,
            "hieu_qua": "Giảm 50% thời gian {{ page.title }}",
            "description": "Mô tả có \"ngoặc kép\" & dấu và",
        }, allow_unicode=True, sort_keys=False) + "---\nNội dung mô hình.\n",
    }
    root = site_repo(tmp_path / "repo", files)
    _, problems = check(Project(root=root), TODAY)
    assert [p.format_text() for p in problems if p.is_error] == []
    site_dir = mkdocs_build(root, strict=False)
    site = Site(site_dir, "https://guongsang.ttxt-lamdong.example/")
    assert [str(f) for f in unsafe_markup(site)] == []
    assert [str(f) for f in broken_links(site)] == []

    page = (site_dir / "ho-so" / "nguyen-van-an" / "index.html").read_text("utf-8")
    meta = _Meta()
    meta.feed(page)
    # Quotes and ampersands stay inside their attributes: the values read back exactly.
    assert meta.meta["description"] == ODD_SUMMARY
    assert meta.meta["og:description"] == ODD_SUMMARY
    assert "{{ config.site_name }}" in page  # shown as typed, never evaluated
    model = _Meta()
    model.feed((site_dir / "mo-hinh" / "mot-cua" / "index.html").read_text("utf-8"))
    assert model.meta["description"] == "Mô tả có \"ngoặc kép\" & dấu và"

    for path in site_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"0912 345 678" not in data and b"0912345678" not in data, path
            assert b"toa do nha rieng" not in data and b"nha-rieng" not in data, path
    images = [p for p in site_dir.rglob("*") if p.suffix in (".jpg", ".jpeg", ".png", ".webp")]
    assert images
    for path in images:
        with Image.open(path) as img:
            assert not img.getexif(), path
            assert not {"exif", "xmp", "comment", "icc_profile"} & set(img.info), path
