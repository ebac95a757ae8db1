"""Read YAML and Markdown front matter while remembering where every value came from.

PyYAML forgets line numbers and silently keeps the last of two equal keys; editors need both
the real line of a mistake and a duplicate-key error, so documents are composed into nodes
first, walked for lines and duplicates, then constructed as usual (safe types only).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from ..problems import Problem
from ..text import find_invisible, format_count, nfc, strip_invisible

Path_ = tuple[str | int, ...]


@dataclass
class Source:
    """One parsed file: its data, where each key sits, and its Markdown body."""

    file: str
    """Project-relative path."""
    data: dict[str, Any]
    lines: dict[Path_, int] = field(default_factory=dict)
    """Real 1-based line of each key or list item, by path (list indexes from 0)."""
    body: str = ""
    body_line: int = 1
    """Line of the file where the body starts."""

    def line_of(self, path: Path_) -> int:
        """Line of ``path`` or, when it is absent (a missing key), of its nearest parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def key_name(key: Any) -> str:
    """A mapping key as an editor wrote it: ``true``/``false``/``null``, not Python's names."""
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def _key_of(node: yaml.Node) -> str:
    """:func:`key_name` of the value a key node will be constructed into."""
    if not isinstance(node, yaml.ScalarNode):
        return str(node)
    if node.tag == "tag:yaml.org,2002:null":
        return "null"
    if node.tag == "tag:yaml.org,2002:bool":
        return key_name(yaml.constructor.SafeConstructor.bool_values[node.value.lower()])
    return node.value


# Records nest four levels deep at most (khen_thuong[2].dieu_kien…); far deeper nesting is a
# paste accident or an attack, and every later walk of the data would recurse as deep.
MAX_DEPTH = 32


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


def _walk(node: yaml.Node, path: Path_, offset: int, lines: dict[Path_, int],
          dupes: list[tuple[Path_, int, int]]) -> None:
    if len(path) > MAX_DEPTH:
        raise _TooDeep(node.start_mark.line + 1 + offset)
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _key_of(key_node)
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                dupes.append((path + (key,), line, seen[key]))
            seen[key] = line
            lines[path + (key,)] = line
            _walk(value_node, path + (key,), offset, lines, dupes)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1 + offset
            _walk(item, path + (i,), offset, lines, dupes)


def _normalise(value: Any) -> Any:
    """NFC every string, recursively (keys too)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {(_normalise(k)): _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return value


class _Lenient:
    """Constructor rules of both loaders: nothing a record holds can make constructing fail.

    PyYAML's resolvers take ``ngay: 2024-02-30`` for a date and ``so: 0x_`` for a number, then
    its constructors raise plain Python errors (``day is out of range for month``): a traceback
    in the middle of a check. Such a value is kept as the text it was written as, so the schema
    check reports it on its line with the field's own message. A date with a time of day
    (``2024-01-05 10:00``) is kept as text too: records hold days, and Python cannot compare a
    date-with-time with a day.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, TypeError, KeyError, OverflowError, IndexError):
            if not isinstance(node, yaml.ScalarNode):
                raise
            self.recursive_objects.pop(node, None)  # type: ignore[attr-defined]
            return node.value

    def construct_day(self, node: yaml.ScalarNode) -> Any:
        value = yaml.constructor.SafeConstructor.construct_yaml_timestamp(self, node)  # type: ignore[arg-type]
        return node.value if isinstance(value, datetime) else value


class _NoAliasLoader(_Lenient, yaml.SafeLoader):
    """SafeLoader that refuses anchors (``&name``), aliases (``*name``) and tags (``!!int``).

    Records never need them. Aliases are how a few hundred bytes of YAML expand to gigabytes
    ("billion laughs") or loop forever (an alias inside its own anchor); a tag names a Python
    type to build (``!!python/object``, which SafeLoader refuses in English) or forces a
    conversion that fails (``!!int abc``). The check runs on parser events, before any node is
    built or expanded.
    """

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(None, None, _ANCHOR, event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None and isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            raise yaml.composer.ComposerError(None, None, _TAG + _shown_tag(tag),
                                              event.start_mark)
        return super().compose_node(parent, index)  # type: ignore[no-untyped-call]


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _Lenient.construct_day)
_ANCHOR = "anchor or alias"
_TAG = "explicit tag "


def _shown_tag(tag: str) -> str:
    """A tag as the editor typed it: ``tag:yaml.org,2002:int`` -> ``!!int``."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _yaml_error(file: str, err: yaml.YAMLError, offset: int) -> Problem:
    raw = f"{getattr(err, 'context', '') or ''} {getattr(err, 'problem', '') or ''}".strip()
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if "quoted scalar" in raw and getattr(err, "context_mark", None):
        # An unclosed quote is found at the end of the file; the line to fix is the opening one.
        mark = err.context_mark  # type: ignore[attr-defined]
    line = mark.line + 1 + offset if mark else offset + 1
    message, hint = _explain_yaml(raw)
    return Problem(file, line, "", "yaml-cu-phap", message, hint)


def _explain_yaml(raw: str) -> tuple[str, str]:
    """Turn PyYAML's English into something an editor can act on (never quoted: editors read
    Vietnamese, and PyYAML's words would only confuse them)."""
    if raw.startswith(_TAG):
        tag = raw[len(_TAG):]
        return ((f"Không dùng thẻ YAML (`{tag[:40]}`): giá trị chỉ là chữ, số, ngày, true/false "
                "hoặc danh sách, viết thẳng ra."),
                ("Xoá phần bắt đầu bằng dấu ! ở dòng này; nếu giá trị thật sự bắt đầu bằng !, "
                'đặt nó trong ngoặc kép, ví dụ: ly_do: "!Đột xuất"'))
    if _ANCHOR in raw or "scanning an alias" in raw or "scanning an anchor" in raw:
        return (("Không dùng ký hiệu & (neo) và * (bí danh) của YAML: mỗi giá trị phải "
                "được viết ra đầy đủ."),
                ('Viết thẳng giá trị; nếu giá trị bắt đầu bằng & hoặc *, đặt nó trong ngoặc kép, '
                'ví dụ: ly_do: "*Đột xuất* cứu người bị nạn"'))
    if "unhashable key" in raw:
        return ("Tên trường phải là một chữ, không phải một danh sách hay một nhóm.",
                "Mỗi dòng viết dạng `ten_truong: giá trị`, ví dụ: ho_ten: Nguyễn Văn An")
    if "'\\t'" in raw or "\\t" in raw:
        return ("Dòng này có ký tự Tab; YAML chỉ chấp nhận dấu cách để thụt đầu dòng.",
                "Thay mỗi Tab bằng 2 dấu cách, ví dụ:\n      khen_thuong:\n        - nam: 2024")
    if "escape" in raw:
        return (("Trong ngoặc kép, dấu \\ mở đầu một ký tự đặc biệt, nên giá trị này không đọc "
                "được (thường là đường dẫn kiểu C:\\…)."),
                ("Dùng ngoặc đơn thay cho ngoặc kép, ví dụ: nguon: 'Ảnh: C:\\Anh\\hoi-nghi.jpg', "
                "hoặc viết \\\\ thay cho \\."))
    if "quoted scalar" in raw:
        return ("Có dấu ngoặc kép hoặc ngoặc đơn được mở nhưng không được đóng.",
                'Đóng ngoặc ở cuối giá trị, ví dụ: ho_ten: "Nguyễn Văn An"')
    if "mapping values are not allowed" in raw:
        return (("Giá trị có dấu hai chấm (:) nhưng không được đặt trong ngoặc kép, "
                "hoặc thụt lề sai."),
                'Đặt giá trị trong ngoặc kép, ví dụ: ly_do: "Hoàn thành xuất sắc: dự án A"')
    if "expected ':'" in raw or "could not find expected" in raw:
        return ("Thiếu dấu hai chấm sau tên trường, hoặc thụt lề không đều.",
                "Mỗi dòng viết dạng `ten_truong: giá trị`, thụt lề bằng dấu cách đều nhau.")
    if "but found '<scalar>'" in raw:
        return ("Có chữ nằm sau dấu ngoặc kép đóng, hoặc một giá trị bị tách làm hai phần.",
                ('Đặt cả giá trị trong một cặp ngoặc kép, ví dụ: ten: "Phong trào \'Chung tay\' '
                'giai đoạn 2021–2025"'))
    if m := re.search(r"found character '(.)' that cannot start any token", raw):
        return ((f"Giá trị bắt đầu bằng ký tự {m.group(1)}, mà YAML không cho đứng đầu một "
                "giá trị."),
                f'Đặt cả giá trị trong ngoặc kép, ví dụ: ghi_chu: "{m.group(1)}Trung tâm"')
    if "flow sequence" in raw or "flow mapping" in raw:
        return ("Có dấu [ hoặc { được mở nhưng không được đóng.",
                "Đóng ngoặc trên cùng dòng, ví dụ: linh_vuc: [xuc-tien-dau-tu, du-lich]")
    if "another document" in raw:
        return ("Tệp có một dòng `---` ở giữa, chia tệp thành hai phần; YAML chỉ đọc một phần.",
                "Xoá dòng `---` thừa.")
    if "block end" in raw or "indentation" in raw or "block mapping" in raw:
        return ("Thụt lề không đều: các trường cùng cấp phải thẳng cột.",
                ("Dùng cùng số dấu cách cho các trường cùng cấp, ví dụ:\n"
                "      - nam: 2024\n        hinh_thuc: lao-dong-tien-tien"))
    return ("Phần YAML ở dòng này không đọc được (sai cú pháp).",
            "Kiểm tra dấu hai chấm, dấu ngoặc và thụt lề ở dòng này và dòng ngay trên.")


_CSafe = getattr(yaml, "CSafeLoader", None)
if _CSafe is not None:
    class _CLoader(_Lenient, _CSafe):  # type: ignore[misc, valid-type]
        """libyaml's parser with the same lenient constructors."""

    _CLoader.add_constructor("tag:yaml.org,2002:timestamp", _Lenient.construct_day)
else:  # pragma: no cover - PyYAML built without libyaml
    _CLoader = None  # type: ignore[assignment, misc]
# Texts libyaml must not see: anchors, aliases and tags (& * !), and tabs, which it accepts in
# places where PyYAML, and so the editors' messages, say no. An anchor, alias or tag can only
# start a node (after a line start, a space or a flow bracket/comma), so the "&" inside a URL's
# query does not send a whole file to the slow parser.
_SLOW_ONLY = re.compile(r"(?:^|[\s\[{,])[&*!]|\t", re.MULTILINE)


def _compose(text: str) -> tuple[yaml.SafeLoader, yaml.Node | None]:
    """A loader and the node tree of ``text``.

    libyaml's parser composes seven times faster than PyYAML's and gives the same nodes and
    lines; it is used when ``text`` parses cleanly and holds no ``&``, ``*`` or tab at all.
    Anything else goes to PyYAML's own parser, whose checks and error messages the rest of
    this module is written for (a fuzz of 20,000 damaged profiles found no difference).
    """
    if _CLoader is not None and not _SLOW_ONLY.search(text):
        fast = _CLoader(text)
        try:
            return fast, fast.get_single_node()
        except yaml.YAMLError:
            fast.dispose()
    loader = _NoAliasLoader(text)
    return loader, loader.get_single_node()


def parse_yaml(text: str, file: str, offset: int = 0) -> tuple[Any, dict[Path_, int], list[Problem]]:
    """Parse one YAML document; returns (data, lines, problems). ``offset`` shifts lines."""
    problems: list[Problem] = []
    lines: dict[Path_, int] = {}
    try:
        loader, node = _compose(text)
        try:
            if node is None:
                return None, lines, problems
            dupes: list[tuple[Path_, int, int]] = []
            _walk(node, (), offset, lines, dupes)
            for path, line, first in dupes:
                problems.append(Problem(
                    file, line, format_path(path), "khoa-trung",
                    f"Trường `{path[-1]}` được khai báo hai lần (lần đầu ở dòng {first}); "
                    "YAML sẽ âm thầm bỏ giá trị đầu.",
                    "Giữ một dòng duy nhất cho mỗi trường; gộp nội dung nếu cần."))
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as err:
        # A control character (NUL, BEL…) pasted from Word or a PDF; PyYAML gives no line.
        line = text.count("\n", 0, err.position) + 1 + offset
        char = err.character
        code = char if isinstance(char, int) else ord(str(char)[:1] or "?")
        return None, {}, [Problem(file, line, "", "yaml-cu-phap",
                                  f"Dòng này có ký tự điều khiển không in được (mã U+{code:04X}), "
                                  "thường do chép từ Word hoặc PDF.",
                                  "Gõ lại đoạn chữ ở dòng này (hoặc xoá ký tự lạ) rồi lưu tệp.")]
    except yaml.YAMLError as err:
        return None, {}, [_yaml_error(file, err, offset)]
    except (_TooDeep, RecursionError) as err:
        line = err.line if isinstance(err, _TooDeep) else offset + 1
        return None, {}, [Problem(file, line, "", "yaml-cu-phap",
                                  f"Dữ liệu lồng nhau quá {MAX_DEPTH} tầng (nhiều dấu [ hoặc {{ "
                                  "mở liền nhau, hoặc thụt lề quá sâu).",
                                  "Mỗi trường chỉ lồng vài tầng, ví dụ:\n      khen_thuong:\n"
                                  "        - nam: 2024")]
    return _normalise(data), lines, problems


_BOUNDARY = re.compile(r"^-{3}\s*$", re.MULTILINE)


def parse_markdown(text: str, file: str, max_front_matter: int = 0,
                   front_matter: bool = True) -> tuple[Source | None, list[Problem]]:
    """Split front matter from body (python-frontmatter) and parse it with line numbers.

    A front matter longer than ``max_front_matter`` characters (when given) is refused
    unparsed: PyYAML reads a couple of megabytes a second, so a pasted document would stall
    every build. With ``front_matter=False`` a file without one is all body (a plain page);
    a front matter that is opened must still be closed and valid.
    """
    text = nfc(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    handler = frontmatter.YAMLHandler()
    if not front_matter and not text.startswith("---"):
        return Source(file, {}, {(): 1}, text, 1), []
    if not handler.detect(text) or not text.startswith("---"):
        return None, [Problem(
            file, 1, "", "thieu-front-matter",
            "Tệp không bắt đầu bằng phần thông tin (front matter) giữa hai dòng `---`.",
            "Dòng đầu tiên của tệp phải là `---`, tiếp theo là các trường, rồi một dòng `---`, "
            "ví dụ:\n      ---\n      ho_ten: Nguyễn Văn An\n      ---")]
    try:
        fm, body = handler.split(text)
    except ValueError:
        return None, [Problem(file, 1, "", "thieu-front-matter",
                              "Phần front matter mở bằng `---` nhưng không có dòng `---` đóng lại.",
                              "Thêm một dòng `---` sau trường cuối cùng.")]
    if max_front_matter and len(fm) > max_front_matter:
        return None, [Problem(file, 1, "", "noi-dung-qua-dai",
                              f"Phần thông tin (front matter) dài {format_count(len(fm))} ký tự, "
                              f"vượt giới hạn {format_count(max_front_matter)} ký tự; tệp không "
                              "được đọc.",
                              "Kiểm tra xem có dán nhầm cả một tài liệu vào giữa hai dòng `---` "
                              "không; phần thông tin chỉ gồm các trường ngắn.")]
    # python-frontmatter keeps the newline after the opening `---` in ``fm``, so line 1 of
    # ``fm`` is the `---` line itself and no offset is needed.
    data, lines, problems = parse_yaml(fm, file, offset=0)
    body_start = text.count("\n", 0, len(text) - len(body)) + 1
    if problems and data is None:
        return None, problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.append(Problem(file, 2, "", "yaml-cu-phap",
                                "Front matter phải là các cặp `ten_truong: giá trị`.",
                                "Ví dụ:\n      ho_ten: Nguyễn Văn An"))
        return None, problems
    lines.setdefault((), 1)
    return Source(file, data, lines, body, body_start), problems


def read_utf8(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """The text of a UTF-8 file, or the problem that stops it being read (never an exception)."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(rel, 0, "", "doc-tep", f"Không đọc được tệp ({err.strerror}).")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(rel, line, "", "ma-hoa",
                              "Tệp không phải UTF-8 (có thể lưu từ Word hoặc mã TCVN3/VNI).",
                              "Mở tệp bằng VS Code, chọn “Save with Encoding” → UTF-8.")]


def load_yaml_file(text: str, file: str) -> tuple[Source | None, list[Problem]]:
    text = nfc(text.lstrip("\ufeff").replace("\r\n", "\n"))
    data, lines, problems = parse_yaml(text, file)
    if data is None and problems:
        return None, problems
    lines.setdefault((), 1)
    return Source(file, data if data is not None else {}, lines), problems


def refuse_invisible(src: Source) -> list[Problem]:
    """Invisible characters anywhere in a data file (keys and values): one error each, and the
    characters are removed from ``src.data`` so that none reaches a page even so.

    Data files are few, edited by staff and shown on every page (the site's name, the units),
    so they get the strict rule everywhere; records have a rule per field (see conform).
    """
    problems: list[Problem] = []

    def clean(value: Any, path: Path_) -> Any:
        if isinstance(value, str):
            found = find_invisible(value)
            if found:
                problems.append(_invisible_problem(src, path, found, "giá trị"))
                return strip_invisible(value)
            return value
        if isinstance(value, list):
            return [clean(v, path + (i,)) for i, v in enumerate(value)]
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                name = key_name(k)
                if isinstance(k, str) and (found := find_invisible(k)):
                    problems.append(_invisible_problem(src, path + (k,), found, "tên trường"))
                    k = strip_invisible(k)
                out[k] = clean(v, path + (name,))
            return out
        return value

    src.data = clean(src.data, ())
    return problems


def _invisible_problem(src: Source, path: Path_, found: list, what: str) -> Problem:
    first = found[0]
    more = f" (và {len(found) - 1} ký tự vô hình khác)" if len(found) > 1 else ""
    return Problem(src.file, src.line_of(path), format_path(path), "ky-tu-an",
                   f"Có {first.label} ở vị trí thứ {first.index + 1} của {what}{more}; tệp dữ "
                   "liệu không nhận ký tự vô hình.",
                   "Gõ lại giá trị này rồi lưu tệp (VS Code tô sáng các ký tự vô hình).")


def format_path(path: Path_) -> str:
    """``("khen_thuong", 1, "nam")`` -> ``khen_thuong[2].nam`` (items count from 1 for editors).

    Keys are shown without invisible characters: a bidi control in a key would reorder the
    line of the report it is printed in (the key itself is reported by the check).
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            name = strip_invisible(str(part))
            out += f".{name}" if out else name
    return out
