"""The document model both writers read: a list of blocks, nothing format-specific."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    align: str = "justify"
    """left | center | right | justify"""
    size: float | None = None
    """Points; None = the body size of the layout."""
    first_indent: bool = False
    space_before: float = 0
    space_after: float = 4
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def para(text: str, *, bold: bool = False, italic: bool = False, **kw: object) -> Para:
    return Para((Run(text, bold, italic),), **kw)  # type: ignore[arg-type]


def title(text: str, sub: str = "") -> list[Para]:
    """A centred bold document title, with an optional line under it (trích yếu)."""
    out = [para(text, bold=True, align="center", size=14, space_before=10, space_after=2,
                keep_with_next=True)]
    if sub:
        out.append(para(sub, bold=True, align="center", space_after=10, keep_with_next=True))
    return out


def heading(text: str) -> Para:
    return para(text, bold=True, align="left", space_before=8, space_after=4, keep_with_next=True)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    """Relative column widths."""
    size: float = 11
    align: tuple[str, ...] = ()
    """Per column: left | center | right (default left)."""

    def column_align(self, i: int) -> str:
        return self.align[i] if i < len(self.align) else "left"


def table(header: list[str], rows: list[list[object]], widths: list[float], size: float = 11,
          align: list[str] | None = None) -> Table:
    return Table(tuple(header), tuple(tuple(str(c) for c in r) for r in rows), tuple(widths),
                 size, tuple(align or ()))


@dataclass(frozen=True)
class Letterhead:
    """The two columns at the top of an official document (Nghị định 30/2020, Phụ lục I)."""

    parent: str
    """Cơ quan chủ quản, upper case ("UBND TỈNH LÂM ĐỒNG"); may be empty."""
    unit: str
    """The issuing unit, upper case."""
    number: str
    """"Số: …/BC-TTXT"; empty for forms that carry no number."""
    place_date: str
    """"Lâm Đồng, ngày 17 tháng 11 năm 2026"."""


@dataclass(frozen=True)
class NationalHeading:
    """Quốc hiệu and tiêu ngữ alone, centred (forms filled by a person, e.g. báo cáo thành tích)."""

    place_date: str = ""


@dataclass(frozen=True)
class Signature:
    """Signature block: recipients on the left (optional), the signer's title and name on the
    right, with room to sign."""

    title: str
    name: str = ""
    note: str = "(Ký, ghi rõ họ tên, đóng dấu)"
    recipients: tuple[str, ...] = ()
    left_title: str = ""
    """A second signer on the left instead of recipients (e.g. "XÁC NHẬN CỦA THỦ TRƯỞNG")."""
    left_note: str = ""
    left_name: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Para | Table | Letterhead | NationalHeading | Signature | PageBreak


@dataclass
class Document:
    """One document; ``name`` is the file name without extension."""

    name: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block | list[Para]) -> None:
        for b in blocks:
            if isinstance(b, list):
                self.blocks.extend(b)
            else:
                self.blocks.append(b)

    def text(self) -> str:
        """All the words, for tests and search: every writer must show exactly these."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Para):
                out.append(b.text)
            elif isinstance(b, Table):
                out.extend([" ".join(b.header), *(" ".join(r) for r in b.rows)])
            elif isinstance(b, Letterhead):
                out.extend([b.parent, b.unit, b.number, b.place_date])
            elif isinstance(b, Signature):
                out.extend([b.title, b.name, *b.recipients, b.left_title, b.left_name])
        return "\n".join(t for t in out if t)
