"""The web form's configuration (Decap CMS ``config.yml``), generated from :mod:`guongsang.schema`.

Like the JSON Schemas, the form is never written by hand: every field of a record kind becomes
a form field in the order the schema declares it, with the same required flags, lengths and
decision-number pattern as the checks and the messages the checks use
(:mod:`guongsang.load.conform`). Choices (units, fields, award forms, vocabularies) come from the
reference data in ``data/``, so the form offers exactly the values the check accepts.
``guongsang schema`` rewrites ``quan-tri/config.yml``; a test fails when it is stale.

A new record kind needs one row in :data:`KINDS` (its collection name, folder and path) next to
its declaration in ``schema.py``; everything else follows. The reference data files get a
"file" collection each, whose fields are read from the data itself (:func:`data_fields`), so a
reshaped catalogue shows up in the form after ``guongsang schema``.

The configuration keeps to options that Decap CMS and Sveltia CMS both read, so that a later
switch is small. The Decap-only ones, to revisit then: ``format`` (the record formats registered
by ``quan-tri/guongsang-cms.js``, which keep untouched fields byte for byte so that a one-field
edit is a one-line diff), ``media_processing``, ``backend.preview_context`` and ``publish``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..load.conform import DATE_SHAPE, DECISION_EXAMPLE, DECISION_RE, DECISION_SHAPE, max_len_rule
from ..load.refdata import DATA_FILES, ReferenceData
from ..load.yamlsrc import load_yaml_file
from ..project import Project
from ..schema import KIND_LABELS, SCHEMAS, Field
from .json_schema import DATE_PATTERN
from .pr_result import CONTEXT as CHECK_STATUS
from .scaffold import choices_of, map_keys

CONFIG = "quan-tri/config.yml"
"""Where the generated configuration lives (and is published, beside the admin page)."""

RECORD_FORMAT = "guongsang-md"
"""Front matter + Markdown, written by guongsang-cms.js so that untouched fields keep their text."""
DATA_FORMAT = "guongsang-yml"
"""A data file; a top-level list is shown to the form as the field ``danh_sach``."""
LIST_KEY = "danh_sach"


@dataclass(frozen=True)
class Kind:
    """How one record kind of ``schema.py`` is stored, for the form."""

    kind: str
    """Key in :data:`guongsang.schema.SCHEMAS`."""
    name: str
    """Collection name (appears in the form's addresses: ``#/collections/<name>``)."""
    folder: str
    """Name of the :class:`~guongsang.project.Project` attribute holding its folder."""
    path: str = "{{slug}}"
    """File path inside the folder, without ``.md``."""
    label: str = ""
    label_singular: str = ""
    photos_beside: bool = False
    """Photos are uploaded into the record's own folder (profiles, stories)."""


KINDS: tuple[Kind, ...] = (
    Kind("profile", "ho-so", "profiles_dir", "{{slug}}/index", "Hồ sơ gương điển hình",
         "hồ sơ", photos_beside=True),
    Kind("model", "mo-hinh", "models_dir", label="Mô hình, sáng kiến",
         label_singular="mô hình, sáng kiến"),
    Kind("campaign", "phong-trao", "campaigns_dir", label="Phong trào thi đua",
         label_singular="phong trào"),
    Kind("story", "tin-bai", "stories_dir", "{{slug}}/index", "Tin bài", "tin bài",
         photos_beside=True),
)
"""One row per record kind. A kind declared in schema.py without a row here fails a test."""

DATA_LABELS = {
    "units": "Đơn vị", "fields": "Lĩnh vực", "vocab": "Bộ giá trị (từ vựng)",
    "awards": "Danh mục khen thưởng", "legal": "Văn bản pháp lý",
    "standards": "Tiêu chuẩn chung", "criteria": "Tiêu chí của đoàn thể",
    "site": "Thông tin của trang",
}
"""Labels of the reference data files (keys of :data:`guongsang.load.refdata.DATA_FILES`)."""

DATA_KEY_LABELS = {
    "id": "Mã, viết thường không dấu", "ten": "Tên", "loai": "Loại", "mo_ta": "Mô tả",
    "ghi_chu": "Ghi chú", "xac_nhan": "Đã đối chiếu với văn bản gốc", "co_quan": "Cơ quan",
    "can_cu": "Căn cứ pháp lý (mã văn bản)", "doi_tuong": "Đối tượng", "cap": "Cấp",
    "so_hieu": "Số hiệu văn bản", "hieu_luc_tu": "Hiệu lực từ (dd/mm/yyyy)",
    "hieu_luc_den": "Hiệu lực đến (dd/mm/yyyy)", "dieu_kien": "Điều kiện", "kieu": "Kiểu",
    "hinh_thuc": "Danh hiệu, hình thức", "so_nam": "Số năm", "so_lan": "Số lần",
    "pham_vi": "Phạm vi", "muc_do": "Mức độ", "ap_dung_tu": "Áp dụng từ (dd/mm/yyyy)",
    "ap_dung_den": "Áp dụng đến (dd/mm/yyyy)", "can_minh_chung": "Cần minh chứng",
    "dat_chuan": "Tính là hoàn thành tốt trở lên", "ten_ngan": "Tên ngắn",
    "co_quan_viet_tat": "Tên viết tắt của cơ quan", "dia_danh": "Địa danh",
    "url": "Địa chỉ của trang", "logo": "Biểu trưng", "ban_quyen": "Dòng bản quyền",
    "ke_hoach": "Kế hoạch", "quan_tri": "Biểu mẫu biên tập", "kho": "Kho GitHub",
    "nhanh": "Nhánh xuất bản", "dang_nhap": "Dịch vụ đăng nhập",
    "duong_dan_dang_nhap": "Đường dẫn đăng nhập",
    "muc_tieu": "Mục tiêu của kế hoạch",
    "ty_le_khen_thuong_cap_cao": "Mục tiêu về tỷ lệ khen thưởng cấp tỉnh, cấp Nhà nước",
    "doan_the_co_tieu_chi": "Mục tiêu về đoàn thể có tiêu chí riêng",
    "du_lieu_mau": "Trang đang dùng dữ liệu mẫu", "noi_bat": "Gương nổi bật trên trang chủ",
    "de_cu": "Nơi nhận đề cử", "email": "Hộp thư",
}
"""Words for the keys of data/*.yml, whose shapes are read from the data itself; the key follows
in brackets (staff who also edit the files see both). An unknown key shows as itself."""


def data_label(key: str) -> str:
    return f"{DATA_KEY_LABELS[key]} ({key})" if key in DATA_KEY_LABELS else key


# Text fields edited in a multi-line box rather than a one-line input.
_LONG_TEXT = {"noi_dung", "ly_do", "hieu_qua", "tom_tat", "ghi_chu", "mo_ta", "chu_thich"}
# Words in a schema label that speak of YAML files; the form offers a list instead.
_FILE_TALK = re.compile(r"\s*\((id |tên tệp|tên thư mục|data/|mỗi mục|true/false|tối đa )[^)]*\)")
PRIVATE_LABEL = "🔒 NỘI BỘ"
PRIVATE_HINT = "Chỉ lưu trong kho để tổ chức theo dõi, không bao giờ hiện trên trang."


@dataclass(frozen=True)
class AdminSettings:
    """``quan_tri`` in data/site.yml: where the form saves and how editors sign in."""

    repo: str
    branch: str
    auth_url: str
    auth_path: str

    @classmethod
    def of(cls, ref: ReferenceData) -> AdminSettings:
        s = ref.site.quan_tri
        return cls(repo=s.get("kho", "chu-so-huu/ten-kho"), branch=s.get("nhanh", "main"),
                   auth_url=s.get("dang_nhap", "").rstrip("/"),
                   auth_path=s.get("duong_dan_dang_nhap", "auth").strip("/"))


def form_label(f: Field) -> str:
    """The schema label without the words meant for people writing YAML."""
    label = _FILE_TALK.sub("", f.label)
    if f.ref or (f.item is not None and f.item.ref):
        label = label.split(":")[0]  # "Loại hồ sơ: ca_nhan, tap_the…" -> the choices show them
    return label.strip()


def _hint(f: Field) -> str:
    parts = []
    if f.type == "date":
        parts.append(f"{DATE_SHAPE}, ví dụ {f.example or '05/01/2025'}.")
    if f.pattern == "decision":
        parts.append(f"Dạng số/QĐ-cơ quan ban hành, ví dụ {DECISION_EXAMPLE}.")
    if f.max_len:
        parts.append(max_len_rule(f.max_len).capitalize() + ".")
    if f.private:
        parts.append(PRIVATE_HINT)
    return " ".join(parts)


def _pattern(f: Field) -> list[str] | None:
    """``[regex, message]`` for Decap's ``pattern``; the message repeats the check's words."""
    if f.pattern == "decision":
        return [DECISION_RE.pattern, f"Số quyết định {DECISION_SHAPE}. Ví dụ: {DECISION_EXAMPLE}."]
    if f.type == "date":
        return [DATE_PATTERN, f"{DATE_SHAPE}, ví dụ {f.example or '05/01/2025'}."]
    if f.max_len:
        return [rf"^[\s\S]{{0,{f.max_len}}}$",
                f"{form_label(f)}: {max_len_rule(f.max_len)}."]
    return None


def _options(ref: ReferenceData, f: Field) -> list[dict[str, str]]:
    return [{"label": f"{name}" if name else key, "value": key} for key, name in choices_of(ref, f)]


def _relation(kind: str, f: Field) -> dict[str, Any]:
    target = next(k for k in KINDS if k.kind == _LINK_KINDS[f.link])
    name_key = _name_key(target.kind)
    return {"widget": "relation", "collection": target.name, "value_field": "{{slug}}",
            "search_fields": [name_key], "display_fields": [name_key]}


_LINK_KINDS = {"profiles": "profile", "models": "model", "campaigns": "campaign"}


def _name_key(kind: str) -> str:
    """The field that names a record (first required text field: ``ho_ten``, ``ten``)."""
    return next(f.key for f in SCHEMAS[kind] if f.type == "text" and f.required)


def field_config(f: Field, ref: ReferenceData, kind: str, private: bool = False) -> dict[str, Any]:
    """One form field for ``f`` (recursively for lists and groups)."""
    private = private or f.private
    out: dict[str, Any] = {"name": f.key, "label": form_label(f)}
    if private and f.private:
        out["label"] = f"{PRIVATE_LABEL} – {out['label']}"
    if f.type == "text" and f.ref:
        out.update(widget="select", options=_options(ref, f))
    elif f.type == "text" and f.link:
        out.update(_relation(kind, f))
    elif f.type == "text" and f.key == "tep" and any(k.kind == kind and k.photos_beside
                                                     for k in KINDS):
        out.update(widget="image", choose_url=False)
    elif f.type in ("text", "date"):
        out["widget"] = "text" if f.key in _LONG_TEXT else "string"
    elif f.type == "int":
        out.update(widget="number", value_type="int")
        if f.minimum is not None:
            out["min"] = f.minimum
    elif f.type == "bool":
        out["widget"] = "boolean"
        if f.required:
            out["default"] = False  # consent and the like: given by ticking, never assumed
    elif f.type == "list":
        assert f.item is not None
        item = f.item
        if item.type == "object":
            out.update(widget="list", label_singular=_singular(form_label(f)),
                       summary=_summary(item), collapsed=True,
                       fields=[field_config(c, ref, kind, private) for c in item.fields])
        elif item.ref:
            out.update(widget="select", multiple=True, options=_options(ref, item))
        elif item.link:
            out.update(_relation(kind, item), multiple=True)
        else:
            out.update(widget="list", field={"name": "muc", "label": form_label(f),
                                             "widget": "string"})
        if f.required:
            out["min"] = 1
    elif f.type == "object":
        children = [field_config(c, ref, kind, private) for c in f.fields]
        if not f.required:
            # Decap would demand the required keys of an optional group left empty; the check
            # asks for them once the group is used, and the hint says so.
            needed = [c for c in children if c.get("required", True)]
            for c in needed:
                c["required"] = False
            if needed:
                out["hint"] = ("Nếu điền mục này thì phải điền đủ: "
                               + ", ".join(c["label"] for c in needed) + ".")
        out.update(widget="object", collapsed=not f.required, fields=children)
    elif f.type == "map":
        out.update(widget="object", collapsed=True, fields=[
            {"name": key, "label": name, "widget": "text", "required": False}
            for key, name in map_keys(ref, f)])
    else:  # pragma: no cover - schema.py declares only the types above
        raise ValueError(f.type)
    if not f.required:
        out["required"] = False
    pattern = _pattern(f) if f.type in ("text", "date") and not f.ref else None
    if pattern:
        out["pattern"] = pattern
    hint = " ".join(h for h in (out.get("hint", ""), _hint(f)) if h)
    if hint:
        out["hint"] = hint
    return out


def _singular(label: str) -> str:
    """"Ảnh (tệp nằm trong…)" -> "ảnh": the word on the list's "Thêm …" button."""
    head = label.split(" (")[0]
    return head[:1].lower() + head[1:]


def _summary(item: Field) -> str:
    """List items collapse to their first two fields ("Lao động tiên tiến – 2024")."""
    keys = [c.key for c in item.fields if c.type != "bool"][:2]
    return " – ".join(f"{{{{fields.{k}}}}}" for k in keys)


def record_collection(k: Kind, ref: ReferenceData, project: Project) -> dict[str, Any]:
    name_key = _name_key(k.kind)
    out: dict[str, Any] = {
        "name": k.name, "label": k.label or KIND_LABELS[k.kind],
        "label_singular": k.label_singular or KIND_LABELS[k.kind],
        "folder": getattr(project, k.folder), "path": k.path,
        "extension": "md", "format": RECORD_FORMAT, "create": True,
        # Editors save and mark ready; reviewers merge the pull request on GitHub once the
        # checks pass (branch protection), so the form shows no "publish" button.
        "publish": False,
        "identifier_field": name_key, "slug": f"{{{{{name_key}}}}}",
        "summary": f"{{{{{name_key}}}}}", "sortable_fields": [name_key],
        "editor": {"preview": False},
    }
    if k.photos_beside:
        out["media_folder"] = ""
        out["public_folder"] = ""
    fields = [field_config(f, ref, k.kind) for f in SCHEMAS[k.kind]]
    fields.append({"name": "body", "label": "Nội dung bài viết", "widget": "markdown",
                   "required": False, "buttons": ["bold", "italic", "link", "heading-two",
                                                  "heading-three", "quote", "bulleted-list",
                                                  "numbered-list"],
                   "editor_components": [], "modes": ["rich_text"]})
    out["fields"] = fields
    return out


# -- reference data: fields read from the data itself -------------------------------------------

def data_fields(value: Any, name: str, label: str) -> dict[str, Any]:
    """A form field able to hold ``value`` (the union of keys for a list of groups)."""
    out: dict[str, Any] = {"name": name, "label": label, "required": False}
    if isinstance(value, bool):
        out["widget"] = "boolean"
    elif isinstance(value, int):
        out.update(widget="number", value_type="int")
    elif isinstance(value, dict):
        out.update(widget="object", fields=[data_fields(v, str(k), data_label(str(k)))
                                            for k, v in value.items()])
    elif isinstance(value, list):
        groups = [v for v in value if isinstance(v, dict)]
        if groups:
            merged: dict[str, Any] = {}
            for g in groups:
                for k, v in g.items():
                    if k not in merged or merged[k] in (None, "", []):
                        merged[str(k)] = v
            first = list(merged)[:2]
            out.update(widget="list", collapsed=True,
                       summary=" – ".join(f"{{{{fields.{k}}}}}" for k in first),
                       fields=[data_fields(v, k, data_label(k)) for k, v in merged.items()])
        else:
            out.update(widget="list", field={"name": "muc", "label": label, "widget": "string"})
    else:
        long = isinstance(value, str) and len(value) > 80
        out["widget"] = "text" if long else "string"
    return out


def data_collection(project: Project) -> dict[str, Any]:
    files = []
    data_dir = project.path(project.data_dir)
    for key, file in DATA_FILES.items():
        path = data_dir / file
        source, _ = load_yaml_file(path.read_text(encoding="utf-8"), file) \
            if path.is_file() else (None, None)
        data = source.data if source is not None else None
        if isinstance(data, list):
            fields = [data_fields(data, LIST_KEY, DATA_LABELS.get(key, file))]
        elif isinstance(data, dict):
            fields = [data_fields(v, str(k), data_label(str(k))) for k, v in data.items()]
        else:
            continue
        files.append({"name": Path(file).stem, "label": DATA_LABELS.get(key, file),
                      "file": f"{project.data_dir}/{file}", "fields": fields})
    return {"name": "du-lieu", "label": "Dữ liệu tham chiếu", "format": DATA_FORMAT,
            "publish": False,
            "extension": "yml", "editor": {"preview": False},
            "description": "Dành cho người quản trị danh mục. Mỗi thay đổi được kiểm tra như "
                           "hồ sơ trước khi hợp nhất.",
            "files": files}


# -- the whole configuration -------------------------------------------------------------------

def generate(project: Project, ref: ReferenceData) -> dict[str, Any]:
    """The form's configuration (a plain dict, dumped as YAML by :func:`render`)."""
    s = AdminSettings.of(ref)
    backend: dict[str, Any] = {"name": "github", "repo": s.repo, "branch": s.branch,
                               "squash_merges": True, "cms_label_prefix": "bieu-mau/",
                               # The editor's toolbar shows this commit status (pr.yml posts it).
                               "preview_context": CHECK_STATUS}
    if s.auth_url:
        backend.update(base_url=s.auth_url, auth_endpoint=s.auth_path)
    backend["commit_messages"] = {
        "create": "Thêm {{path}} (biểu mẫu)",
        "update": "Sửa {{path}} (biểu mẫu)",
        "delete": "Xoá {{path}} (biểu mẫu)",
        "uploadMedia": "Tải lên “{{path}}” (biểu mẫu)",
        "deleteMedia": "Xoá “{{path}}” (biểu mẫu)",
        "openAuthoring": "{{message}}",
    }
    return {
        "backend": backend,
        # Used only when the page is opened on 127.0.0.1 or localhost (`npx decap-server`).
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "locale": "vi",
        "site_url": ref.site.url,
        "display_url": ref.site.url,
        "show_preview_links": False,
        # Uploads outside a record would be committed straight to the main branch, bypassing
        # the pull request: photos go into each profile's or story's own folder (collection
        # setting below) and the global media button is hidden by guongsang-cms.js.
        "media_folder": project.profiles_dir,
        "public_folder": "",
        "media_processing": {"enabled": True, "quality": 85, "strip_metadata": True},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [*(record_collection(k, ref, project) for k in KINDS),
                        data_collection(project)],
    }


HEADER = ("# Cấu hình biểu mẫu biên tập /quan-tri/ (Decap CMS).\n"
          "# Sinh tự động từ src/guongsang/schema.py và data/*.yml bằng lệnh `guongsang schema`.\n"
          "# Không sửa tay: sửa schema.py hoặc data/ rồi chạy lại lệnh.\n")


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, no aliases."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render(config: dict[str, Any]) -> str:
    return HEADER + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                              width=100, default_flow_style=False)


def expected_files(project: Project, ref: ReferenceData) -> dict[Path, str]:
    return {project.path(CONFIG): render(generate(project, ref))}
