"""New internal records: a nomination filled from the command line, a meeting with its agenda.

Like :mod:`guongsang.editor.scaffold`, every field of the schema appears with its Vietnamese
explanation; here the fields the command already knows are filled in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..editor.scaffold import ScaffoldError, _describe, _example, scalar
from ..load.corpus import Corpus
from ..schema import MEETING, NOMINATION, Field
from ..text import format_date, slugify
from .load import Process
from .state import state


@dataclass(frozen=True)
class Created:
    path: Path
    slug: str


def _render(fields: tuple[Field, ...], corpus: Corpus, heading: str,
            values: dict[str, object], body: str) -> str:
    lines = ["---", f"# {heading} — mẫu sinh tự động bởi `guongsang new` từ src/guongsang/schema.py.",
             "# HỒ SƠ NỘI BỘ: không bao giờ được công bố. Ngày viết dd/mm/yyyy.",
             "# Trường không bắt buộc đang tắt: xoá \"# \" ở đầu các dòng ví dụ để dùng."]
    for f in fields:
        lines.append("")
        lines += [f"# {t}".rstrip() for t in _describe(f, corpus.ref, "")]
        if f.key in values:
            value = values[f.key]
            if isinstance(value, list):
                lines.append(f"{f.key}:")
                lines += [f"  - {scalar(v)}" for v in value]
            else:
                lines.append(f"{f.key}: {scalar(value)}" if value != "" else f"{f.key}:")
        elif f.required:
            lines.append(f"{f.key}:")
        else:
            lines.append("# Ví dụ (xoá \"# \" ở đầu các dòng dưới để dùng):")
            lines += [f"# {line}" for line in _example(f, corpus.ref)]
    lines.append("---")
    return "\n".join(lines) + "\n" + body


def _write(path: Path, text: str, rel: str) -> None:
    if path.exists():
        raise ScaffoldError(f"Đã có {rel}: không ghi đè.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def new_nomination(process: Process, profile: str, form: str, year: int, unit: str,
                   today: date) -> Created:
    corpus = process.corpus
    if profile not in corpus.profiles:
        raise ScaffoldError(f"Không có hồ sơ \"{profile}\" trong profiles/ (ghi tên thư mục hồ sơ).")
    if form not in corpus.ref.awards:
        raise ScaffoldError(f"Không có hình thức \"{form}\" trong data/danh-muc-khen-thuong.yml. "
                            "Các mã hợp lệ: " + ", ".join(corpus.ref.awards) + ".")
    choices = corpus.ref.choices("orgs")
    if unit not in choices:
        raise ScaffoldError(f"Không có đơn vị \"{unit}\" trong data/don-vi.yml. Các mã hợp lệ: "
                            + ", ".join(choices) + ".")
    slug = slugify(f"{year} {profile} {form}")
    path = process.paths.nominations / f"{slug}.md"
    p = corpus.profiles[profile]
    values: dict[str, object] = {"ho_so": profile, "hinh_thuc": form, "nam": year,
                                 "don_vi_de_nghi": unit, "ngay_de_nghi": format_date(today),
                                 "dong_y_de_nghi": False}
    body = (f"\nTóm tắt thành tích của {p.ho_ten} năm {year} (đưa vào báo cáo thành tích): việc "
            "làm cụ thể, kết quả có số liệu, sáng kiến đã áp dụng.\n")
    _write(path, _render(NOMINATION, corpus, "ĐỀ NGHỊ KHEN THƯỞNG", values, body),
           str(path))
    return Created(path, slug)


def new_meeting(process: Process, name: str, day: date, year: int) -> Created:
    """A meeting whose agenda holds every open nomination of ``year`` not yet reviewed."""
    slug = slugify(f"{day.isoformat()} {name}")
    path = process.paths.meetings / f"{slug}.md"
    agenda = [n.slug for n in sorted(process.nominations.values(), key=lambda n: n.slug)
              if n.nam == year and state(process, n) in ("de_xuat", "tham_dinh")]
    values: dict[str, object] = {"ten": name, "ngay": format_date(day), "nam": year,
                                 "hinh_thuc_bieu_quyet": "bo_phieu_kin", "de_nghi": agenda}
    _write(path, _render(MEETING, process.corpus, "CUỘC HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
                         values, ""), str(path))
    return Created(path, slug)
