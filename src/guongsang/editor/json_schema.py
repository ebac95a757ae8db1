"""JSON Schema (draft-07) of each record kind, generated from :mod:`guongsang.schema`.

The schemas are an editor aid (completion, hover text, red underlines) and a contract for other
tools; ``guongsang check`` stays the authority. They are generated, never edited by hand:
``guongsang schema`` rewrites ``schemas/*.schema.json`` and a test fails when the committed files
differ from a fresh generation.

The schemas declare draft-07 and use only its keywords (no ``$defs``, ``prefixItems`` or
``unevaluatedProperties``): that is the draft the editor tools know by default. The front matter
of a Markdown record is checked while typing by remark-lint-frontmatter-schema (``.remarkrc.mjs``,
VS Code extension ``unifiedjs.vscode-remark``), whose ajv validator refuses a schema that declares
draft 2020-12; the Red Hat YAML language server also works with draft-07 semantics.
``enumDescriptions`` is VS Code's annotation for the label of each allowed value; validators ignore
it. Values the check treats as absent (an optional key written with nothing after the colon) are
allowed as ``null`` so that the schema does not flag what the check accepts.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..load.conform import DECISION_RE, is_year
from ..load.refdata import ReferenceData
from ..schema import PAGE_META_KEYS, PROCESS_SCHEMAS, SCHEMAS, Field
from .scaffold import choices_of, evidence_statuses, map_keys, source_of

DRAFT = "http://json-schema.org/draft-07/schema#"
FILES = {"profile": "ho-so.schema.json", "model": "mo-hinh.schema.json",
         "campaign": "phong-trao.schema.json", "story": "tin-bai.schema.json",
         "nomination": "de-nghi.schema.json", "meeting": "hop-hoi-dong.schema.json"}
GLOBS = {"profile": "profiles/*/index.md", "model": "content/mo-hinh/*.md",
         "campaign": "content/phong-trao/*.md", "story": "stories/*/index.md",
         "nomination": "noi-bo/de-nghi/*.md", "meeting": "noi-bo/hop-hoi-dong/*.md"}
TITLES = {"profile": "Hồ sơ gương điển hình", "model": "Mô hình, sáng kiến",
          "campaign": "Phong trào thi đua", "story": "Tin bài",
          "nomination": "Đề nghị khen thưởng (hồ sơ nội bộ)",
          "meeting": "Cuộc họp Hội đồng Thi đua – Khen thưởng (hồ sơ nội bộ)"}
ALL_SCHEMAS = {**SCHEMAS, **PROCESS_SCHEMAS}
"""Public records and the internal records of the process (nominations, meetings): the
internal ones get a schema for editors' tools too, never a collection in the web form."""
INTERNAL_NOTE = (" Hồ sơ nội bộ: không bao giờ công bố; thư mục có thể là một kho riêng "
                 "(noi_bo trong data/site.yml).")

# dd/mm/yyyy (day and month may have one digit) or yyyy-mm-dd, as text.parse_date accepts.
DATE_PATTERN = (r"^\s*((0?[1-9]|[12][0-9]|3[01])/(0?[1-9]|1[0-2])/[0-9]{4}"
                r"|[0-9]{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01]))\s*$")

_PAGE_META = {
    "title": ({"type": "string"}, "Tiêu đề trang (MkDocs), nếu muốn khác tên."),
    "description": ({"type": "string"}, "Mô tả trang cho công cụ tìm kiếm (MkDocs)."),
    "hide": ({"type": "array", "items": {"type": "string"}},
             "Ẩn phần giao diện (Material): navigation, toc, footer…"),
}
assert set(_PAGE_META) == PAGE_META_KEYS, "describe every page meta key"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema["type"]
    schema["type"] = [kind, "null"]
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
        schema["enumDescriptions"] = [*schema["enumDescriptions"], "(để trống)"]
    return schema


def _description(f: Field, ref: ReferenceData) -> str:
    text = f.label.rstrip(".")
    parts = [text + ("" if text.endswith("…") else ".")]
    parts.append("Bắt buộc." if f.required else "Không bắt buộc.")
    if f.private:
        parts.append("Riêng tư: không bao giờ công bố.")
    if f.type == "date" and "dd/mm/yyyy" not in f.label:
        parts.append("Ngày dạng dd/mm/yyyy.")
    if f.type == "map" and f.keys_ref == "standards":
        parts.append("Phải đủ mọi tiêu chuẩn khi trạng thái là "
                     + ", ".join(evidence_statuses(ref)) + ".")
    return " ".join(parts)


def field_schema(f: Field, ref: ReferenceData) -> dict[str, Any]:
    """Schema of one field; optional fields also accept null (the check ignores them)."""
    out: dict[str, Any] = {}
    if f.type == "text":
        out["type"] = "string"
        if f.required:
            out["minLength"] = 1
        if f.max_len:
            out["maxLength"] = f.max_len
        if f.pattern == "decision":
            out["pattern"] = DECISION_RE.pattern
        if f.ref:
            choices = choices_of(ref, f)
            out["enum"] = [key for key, _ in choices]
            out["enumDescriptions"] = [name for _, name in choices]
    elif f.type == "int":
        out["type"] = "integer"
        if is_year(f):  # the same earliest year as the check (data/site.yml, gioi_han_nam)
            out["minimum"] = ref.site.bounds.earliest(f.key)
        elif f.minimum is not None:
            out["minimum"] = f.minimum
    elif f.type == "bool":
        out["type"] = "boolean"
    elif f.type == "date":
        out["type"] = "string"
        out["pattern"] = DATE_PATTERN
    elif f.type == "list":
        assert f.item is not None
        out["type"] = "array"
        item = field_schema(replace(f.item, required=True), ref)
        item.pop("description", None)
        out["items"] = item
        if f.required:
            out["minItems"] = 1
    elif f.type == "object":
        out.update(object_schema(f.fields, ref))
    elif f.type == "map":
        out["type"] = "object"
        out["properties"] = {
            key: {"type": "string", "minLength": 1, "description": name}
            for key, name in map_keys(ref, f)}
        out["additionalProperties"] = False
    else:  # pragma: no cover - schema.py declares only the types above
        raise ValueError(f.type)
    desc = _description(f, ref)
    for target, text in ((f, "Mã trong"), (f.item, "Mỗi mục là một mã trong")):
        source = source_of(target) if target is not None and target.ref else ""
        if source and source.split(" ")[0].rstrip(",") not in f.label:
            desc += f" {text} {source}."
    head = {"description": desc}
    if f.example is not None:
        head["examples"] = [f.example]
    out = {**head, **out}
    return out if f.required else _nullable(out)


def object_schema(fields: tuple[Field, ...], ref: ReferenceData) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.key: field_schema(f, ref) for f in fields},
        "required": [f.key for f in fields if f.required],
        "additionalProperties": False,
    }


def generate(kind: str, ref: ReferenceData) -> dict[str, Any]:
    """The JSON Schema of a record kind (``profile``, ``model``, ``campaign``, ``nomination``,
    ``meeting``)."""
    body = object_schema(ALL_SCHEMAS[kind], ref)
    if kind in ("model", "campaign"):  # pages of content/: the engine's page settings too
        for key in sorted(PAGE_META_KEYS):
            shape, text = _PAGE_META[key]
            body["properties"][key] = _nullable({"description": text, **shape})
    return {
        "$schema": DRAFT,
        "title": TITLES[kind],
        "description": (f"Phần front matter (giữa hai dòng ---) của {GLOBS[kind]}. "
                        "Kiểm tra đầy đủ: lệnh `guongsang check`."
                        + (INTERNAL_NOTE if kind in PROCESS_SCHEMAS else "")),
        "$comment": ("Sinh tự động từ src/guongsang/schema.py và data/*.yml bằng lệnh "
                     "`guongsang schema`. Không sửa tay."),
        **body,
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def expected_files(ref: ReferenceData) -> dict[str, str]:
    """File name (in ``schemas/``) -> text, for every record kind."""
    return {FILES[kind]: render(generate(kind, ref)) for kind in ALL_SCHEMAS}


def write(out_dir: Path, ref: ReferenceData) -> list[Path]:
    """Write every schema whose text changed; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in expected_files(ref).items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            written.append(path)
    return written


def stale(out_dir: Path, ref: ReferenceData) -> list[str]:
    """Names of schema files missing or different from a fresh generation."""
    return [name for name, text in expected_files(ref).items()
            if not (out_dir / name).exists()
            or (out_dir / name).read_text(encoding="utf-8") != text]
