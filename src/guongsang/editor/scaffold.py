"""New records for editors: a front matter skeleton written from :mod:`guongsang.schema`.

Every field of the record kind appears, each under a Vietnamese ``#`` comment that says what goes
there, whether it is required, which values the reference data allows, and an example. Required
fields are present with an empty value (``guongsang check`` then names each one still to fill);
optional fields are commented out with an example value, so an untouched skeleton with its required
fields filled passes the check, and using an optional field means deleting the ``# `` in front of
its lines. Nothing here is hand-written per field: a new field in ``schema.py`` shows up here.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..load.refdata import ReferenceData
from ..project import Project
from ..schema import KIND_LABELS, SCHEMAS, Field
from ..text import slugify

KIND_ALIASES = {
    "profile": "profile", "ho-so": "profile",
    "model": "model", "mo-hinh": "model",
    "campaign": "campaign", "phong-trao": "campaign",
    "story": "story", "tin-bai": "story",
}
"""Command-line names of the record kinds (English as in the code, Vietnamese as in the URLs)."""

_TITLES = {
    "profile": "HỒ SƠ GƯƠNG ĐIỂN HÌNH",
    "model": "MÔ HÌNH, SÁNG KIẾN",
    "campaign": "PHONG TRÀO THI ĐUA",
    "story": "TIN BÀI",
}
_NAME_KEY = {"profile": "ho_ten", "model": "ten", "campaign": "ten", "story": "tieu_de"}

_REF_SOURCES = {
    "units": "data/don-vi.yml",
    "orgs": "data/don-vi.yml (chỉ đơn vị của Trung tâm)",
    "fields": "data/linh-vuc.yml",
    "awards": "data/danh-muc-khen-thuong.yml",
}
_LINK_SOURCES = {
    "profiles": "tên thư mục hồ sơ trong profiles/",
    "models": "tên tệp trong content/mo-hinh/, không có đuôi .md",
    "campaigns": "tên tệp trong content/phong-trao/, không có đuôi .md",
    "nominations": "tên tệp trong noi-bo/de-nghi/, không có đuôi .md",
}
_TYPE_HINTS = {
    "int": "một số",
    "bool": "true (có) hoặc false (không)",
    "date": "ngày dạng dd/mm/yyyy",
}


class ScaffoldError(Exception):
    """A new record cannot be created; the message is for editors (Vietnamese)."""


@dataclass(frozen=True)
class NewRecord:
    kind: str
    slug: str
    path: Path
    """Where the record was written."""


def record_path(project: Project, kind: str, slug: str) -> Path:
    """Where a record of ``kind`` with ``slug`` lives."""
    if kind in ("profile", "story"):
        folder = project.profiles_dir if kind == "profile" else project.stories_dir
        return project.path(folder) / slug / "index.md"
    directory = project.models_dir if kind == "model" else project.campaigns_dir
    return project.path(directory) / f"{slug}.md"


def scalar(value: Any) -> str:
    """One YAML value on one line, quoted only when YAML needs it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def level_phrase(label: str) -> str:
    """Level label after "cấp": "cấp tỉnh", "cấp cơ sở", but "cấp Nhà nước" (a proper noun)."""
    return label if label.startswith("Nhà nước") else label[:1].lower() + label[1:]


def choices_of(ref: ReferenceData, f: Field) -> list[tuple[str, str]]:
    """(id, label) pairs allowed for a reference field."""
    if f.ref == "units":
        return [(u.id, u.ten) for u in ref.units.values()]
    if f.ref == "orgs":
        return [(u.id, u.ten) for u in ref.units.values() if u.loai != "ben_ngoai"]
    if f.ref == "fields":
        return [(t.id, t.ten) for t in ref.fields.values()]
    if f.ref == "awards":
        levels = {k: level_phrase(t.ten) for k, t in ref.vocab.get("cap_khen_thuong", {}).items()}
        return [(a.id, f"{a.ten} (cấp {levels.get(a.cap, a.cap)})") for a in ref.awards.values()]
    if f.ref.startswith("vocab:"):
        return [(t.id, t.ten) for t in ref.vocab.get(f.ref[6:], {}).values()]
    return []


def source_of(f: Field) -> str:
    if f.ref.startswith("vocab:"):
        return f"data/tu-vung.yml, mục {f.ref[6:]}"
    return _REF_SOURCES.get(f.ref, "")


def map_keys(ref: ReferenceData, f: Field) -> list[tuple[str, str]]:
    if f.keys_ref == "standards":
        return [(s.id, s.ten) for s in ref.standards]
    if f.keys_ref == "criteria":
        return [(c.id, f"{ref.units[org].ten if org in ref.units else org}: {c.ten}")
                for org, items in ref.criteria.items() for c in items]
    return []


def evidence_statuses(ref: ReferenceData) -> list[str]:
    return [t.id for t in ref.vocab.get("trang_thai", {}).values() if t.extra.get("can_minh_chung")]


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:]
    return text if text.endswith(("…", ".")) else text + "."


def _describe(f: Field, ref: ReferenceData, indent: str, nested: bool = False,
              private_parent: bool = False) -> list[str]:
    """Comment lines (without the leading ``#``) describing ``f``."""
    c = indent
    head = [f"{f.key}:"] if nested else []
    head.append(_sentence(f.label))
    head.append("BẮT BUỘC." if f.required else "Không bắt buộc.")
    if f.type in _TYPE_HINTS and _TYPE_HINTS[f.type][-10:] not in f.label:
        head.append(f"Ghi {_TYPE_HINTS[f.type]}.")
    if f.max_len and "tối đa" not in f.label.lower():
        head.append(f"Tối đa {f.max_len} ký tự.")
    lines = [c + " ".join(head)]
    if f.private and not private_parent:
        lines.append(f"{c}RIÊNG TƯ: chỉ lưu trong kho, không bao giờ hiện trên trang "
                     "hay trong báo cáo.")
    if f.pattern == "decision":
        lines.append(f"{c}Dạng số/QĐ-cơ quan ban hành, chữ Đ có gạch ngang, không có dấu cách.")
    item = f.item if f.type == "list" and f.item is not None else None
    target = item if item is not None and item.type == "text" else f
    if item is not None and item.type == "text":
        lines.append(f"{c}Một hoặc nhiều mục, mỗi mục một dòng bắt đầu bằng \"  - \".")
    if target.ref:
        lines.append(f"{c}Chọn mã (id) trong {source_of(target)}:")
        lines += [f"{c}  {key} — {name}" for key, name in choices_of(ref, target)]
    if target.link:
        lines.append(f"{c}Ghi {_LINK_SOURCES[target.link]}.")
    if f.type == "map":
        if f.keys_ref == "standards":
            statuses = ", ".join(evidence_statuses(ref))
            lines.append(f"{c}Phải có đủ mọi tiêu chuẩn khi trang_thai là {statuses}.")
        else:
            lines.append(f"{c}Chỉ ghi tiêu chí của đoàn thể ở don_vi_de_xuat; phải có đủ khi "
                         "trạng thái cần minh chứng.")
        lines.append(f"{c}Các mục (mỗi mục: mã: việc làm cụ thể, có số liệu, năm):")
        lines += [f"{c}  {key} — {name}" for key, name in map_keys(ref, f)]
    sub = item.fields if item is not None and item.type == "object" else f.fields
    if sub:
        lines.append(f"{c}{'Mỗi mục gồm' if item is not None else 'Gồm'}:")
        for s in sub:
            lines += _describe(s, ref, indent + "  ", True, f.private or private_parent)
    return lines


def _example_value(f: Field, ref: ReferenceData) -> Any:
    if f.example is not None:
        return f.example
    if f.ref:
        choices = choices_of(ref, f)
        return choices[0][0] if choices else ""
    return {"bool": False, "int": 2024}.get(f.type, "")


def _example(f: Field, ref: ReferenceData, indent: str = "") -> list[str]:
    """YAML lines (not yet commented) showing ``f`` filled with its example."""
    item = f.item if f.type == "list" else None
    if item is not None and item.type == "object":
        out = [f"{indent}{f.key}:"]
        # An optional text without an example has no value that fits every case: not shown.
        shown = [s for s in item.fields
                 if s.required or s.example is not None or s.ref or s.type != "text"]
        for i, s in enumerate(shown):
            lead = "  - " if i == 0 else "    "
            out += _example_in(s, ref, indent + lead, indent + "    ")
        return out
    if item is not None:
        values = f.example if isinstance(f.example, list) else [_example_value(item, ref)]
        return [f"{indent}{f.key}:"] + [f"{indent}  - {scalar(v)}" for v in values]
    if f.type == "object":
        out = [f"{indent}{f.key}:"]
        for s in f.fields:
            out += _example(s, ref, indent + "  ")
        return out
    if f.type == "map":
        out = [f"{indent}{f.key}:"]
        first = next(iter(f.example.values())) if isinstance(f.example, dict) else ""
        for i, (key, _) in enumerate(map_keys(ref, f)):
            if f.keys_ref == "criteria" and i >= 2:
                break  # one organisation's criteria are enough to show the shape
            text = first if i == 0 and first else "Việc làm cụ thể, có số liệu và năm."
            out.append(f"{indent}  {key}: {scalar(text)}")
        return out
    return [f"{indent}{f.key}: {scalar(_example_value(f, ref))}"]


def _example_in(f: Field, ref: ReferenceData, first: str, rest: str) -> list[str]:
    """Example of a field inside a list item: the first line carries the ``- `` marker."""
    lines = _example(f, ref, rest)
    return [first + lines[0][len(rest):], *lines[1:]]


def _empty(f: Field) -> str:
    """The line of a required field waiting to be filled."""
    if f.type == "bool":
        return f"{f.key}: false"
    return f"{f.key}:"


def front_matter(kind: str, ref: ReferenceData, name: str = "") -> str:
    """The commented front matter of a new record (between the two ``---`` lines, included)."""
    fields = SCHEMAS[kind]
    lines = [
        "---",
        f"# {_TITLES[kind]} — mẫu sinh tự động bởi lệnh `guongsang new` từ src/guongsang/schema.py.",
        "# Dòng bắt đầu bằng # là lời hướng dẫn: không hiện trên trang, có thể giữ hoặc xoá.",
        "# Trường BẮT BUỘC đã có sẵn tên trường: điền giá trị ngay sau dấu hai chấm.",
        "# Trường không bắt buộc đang tắt: muốn dùng thì xoá \"# \" ở đầu các dòng ví dụ",
        "# của trường đó (giữ nguyên khoảng trắng phía sau) rồi sửa giá trị ví dụ.",
        "# Ngày viết dd/mm/yyyy. Hướng dẫn đầy đủ: HUONG-DAN-BIEN-TAP.md",
    ]
    for f in fields:
        lines.append("")
        lines += [f"# {text}".rstrip() for text in _describe(f, ref, "")]
        if f.required:
            if f.key == _NAME_KEY[kind] and name:
                lines.append(f"{f.key}: {scalar(name)}")
                continue
            if f.type == "bool":
                lines.append("# Để false cho tới khi chắc chắn, rồi mới đổi thành true.")
            elif f.type == "list":
                lines.append("# Ví dụ:")
                lines += [f"#   {line}" for line in _example(f, ref)]
            else:
                lines.append(f"# Ví dụ: {_example(f, ref)[0]}")
            lines.append(_empty(f))
        else:
            lines.append("# Ví dụ (xoá \"# \" ở đầu các dòng dưới để dùng):")
            lines += [f"# {line}" for line in _example(f, ref)]
    lines.append("---")
    return "\n".join(lines) + "\n"


def body(kind: str, name: str) -> str:
    """Placeholder Markdown under the front matter, for the editor to replace."""
    who = name or "người (tập thể, gia đình) trong hồ sơ"
    if kind == "profile":
        return (f"\nViết câu chuyện về {who} ở đây: việc làm cụ thể, kết quả có số liệu, "
                "tác động tới đồng nghiệp và người dân. Dùng `## Tiêu đề` để chia mục.\n")
    if kind == "story":
        return ("\nViết bài ở đây: mở đầu bằng sự việc (ai, làm gì, ở đâu, khi nào), rồi kể "
                "chi tiết, có số liệu và lời kể của người trong cuộc. Dùng `## Tiêu đề` để chia "
                "mục. Ảnh bìa để cùng thư mục với tệp này.\n")
    if kind == "model":
        return ("\nMô tả mô hình, sáng kiến ở đây: vấn đề cần giải quyết, cách làm, "
                "kết quả có số liệu, điều kiện để nơi khác nhân rộng.\n")
    return ("\nMô tả phong trào ở đây: mục đích, đối tượng, cách tham gia, "
            "các mốc thời gian và kết quả.\n")


def render(kind: str, ref: ReferenceData, name: str = "") -> str:
    """Whole text of a new record file."""
    return front_matter(kind, ref, name) + body(kind, name)


def create(project: Project, ref: ReferenceData, kind: str, name: str) -> NewRecord:
    """Write a new record; refuses an empty slug or an existing record."""
    kind = KIND_ALIASES.get(kind, kind)
    name = " ".join(name.split())
    slug = slugify(name)
    if not slug:
        raise ScaffoldError(f"Tên \"{name}\" không tạo được địa chỉ trang: cần có chữ cái hoặc số.")
    path = record_path(project, kind, slug)
    rel = project.rel(path)
    if path.exists() and kind != "profile":
        raise ScaffoldError(f"Đã có {rel}: không ghi đè {KIND_LABELS[kind]} đang có. Đặt tên "
                            "khác, hoặc mở tệp đó để sửa.")
    if path.exists():
        raise ScaffoldError(
            f"Đã có {rel}: không ghi đè hồ sơ đang có. Nếu là người khác trùng tên, "
            f"hãy đặt tên thư mục khác (ví dụ thêm đơn vị: {slug}-xuc-tien) rồi tạo bằng tay, "
            "và ghi `khong_trung_voi` trong cả hai hồ sơ.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as fh:
        fh.write(render(kind, ref, name))
    return NewRecord(kind, slug, path)
