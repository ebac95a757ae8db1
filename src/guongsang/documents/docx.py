"""Write a :class:`~.model.Document` as an editable DOCX (python-docx)."""
from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .layout import Layout
from .model import Document, Letterhead, NationalHeading, PageBreak, Para, Run, Signature, Table

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _all_scripts(rpr, font: str) -> None:
    """Word picks the font per script; name it for all of them (and drop theme fonts) so no
    part of a Vietnamese word falls back to another typeface."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def _font(run, layout: Layout, size: float | None = None) -> None:
    run.font.name = layout.font
    _all_scripts(run._element.get_or_add_rPr(), layout.font)
    if size:
        run.font.size = Pt(size)


def _runs(p, runs: tuple[Run, ...], layout: Layout, size: float | None) -> None:
    for r in runs:
        run = p.add_run(r.text)
        run.bold, run.italic = r.bold or None, r.italic or None
        _font(run, layout, size)


def _para(container, block: Para, layout: Layout):
    p = container.add_paragraph()
    p.alignment = _ALIGN[block.align]
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(block.space_before), Pt(block.space_after)
    fmt.keep_with_next = block.keep_with_next or None
    if block.first_indent:
        fmt.first_line_indent = Mm(10)
    _runs(p, block.runs, layout, block.size or layout.size)
    return p


RULE = "\u00a0" * 14
"""A short line under the unit's name: underlined no-break spaces (NĐ 30/2020: a third to a
half of the name's length, centred)."""


def _cell_text(cell, lines: list[tuple[str, bool, bool]], layout: Layout, size: float,
               align: str = "center") -> None:
    cell.paragraphs[0].text = ""
    for i, (text, bold, italic) in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.alignment = _ALIGN[align]
        p.paragraph_format.space_after = Pt(0)
        _runs(p, (Run(text, bold, italic),), layout, size)
        if text == RULE or text == layout.motto:
            p.runs[-1].underline = True  # the motto is underlined over its own length


def _grid(table, widths) -> None:
    """Column widths in the table grid, which LibreOffice follows (Word reads the cells')."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _two_columns(doc, left: list[tuple[str, bool, bool]], right: list[tuple[str, bool, bool]],
                 layout: Layout, widths: tuple[float, float] = (0.4, 0.6)) -> None:
    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    usable = 210 - layout.margins_mm[2] - layout.margins_mm[3]
    sizes = [Mm(usable * share) for share in widths]
    _grid(t, sizes)
    for cell, size, lines in zip(t.rows[0].cells, sizes, (left, right)):
        cell.width = size
        _cell_text(cell, lines, layout, layout.size - 1)


def _table(doc, block: Table, layout: Layout) -> None:
    t = doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    usable = 210 - layout.margins_mm[2] - layout.margins_mm[3]
    total = sum(block.widths) or 1
    widths = [Mm(usable * w / total) for w in block.widths]
    _grid(t, widths)
    # Each ``table.rows[i]`` and ``row.cells`` rebuilds its list: walk them once (a 200-row
    # table would otherwise cost seconds).
    rows = list(t.rows)
    for r, (row_obj, values) in enumerate(zip(rows, [block.header, *block.rows])):
        for i, (cell, text) in enumerate(zip(row_obj.cells, values)):
            lines = [(text, True, False)] if r == 0 else \
                [(line, False, False) for line in text.split("\n")]
            _cell_text(cell, lines, layout, block.size, "center" if r == 0 else block.column_align(i))
            if i < len(widths):
                cell.width = widths[i]
    # Repeat the header row on every page of a long table.
    trpr = rows[0]._tr.get_or_add_trPr()
    head = OxmlElement("w:tblHeader")
    head.set(qn("w:val"), "true")
    trpr.append(head)
    spacer = doc.add_paragraph()
    spacer.paragraph_format.space_after = Pt(2)


def render_docx(document: Document, layout: Layout) -> bytes:
    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = layout.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = layout.font, Pt(layout.size)
    _all_scripts(normal.element.get_or_add_rPr(), layout.font)
    # The template's document defaults name theme fonts (Calibri…); empty paragraphs and table
    # styles fall back to them, so they are replaced as well.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for rpr in defaults.iter(qn("w:rPr")):
            _all_scripts(rpr, layout.font)
    doc.core_properties.title = document.name
    doc.core_properties.author = layout.unit
    for block in document.blocks:
        if isinstance(block, Para):
            _para(doc, block, layout)
        elif isinstance(block, Table):
            _table(doc, block, layout)
        elif isinstance(block, Letterhead):
            left_lines = [(block.parent, False, False)] if block.parent else []
            left_lines += [(block.unit, True, False), (RULE, False, False)]
            if block.number:
                left_lines.append((block.number, False, False))
            right_lines = [(layout.national, True, False), (layout.motto, True, False),
                           ("", False, False), (block.place_date, False, True)]
            _two_columns(doc, left_lines, right_lines, layout)
        elif isinstance(block, NationalHeading):
            for text, bold, italic, align in ((layout.national, True, False, "center"),
                                              (layout.motto, True, False, "center"),
                                              (block.place_date, False, True, "right")):
                if text:
                    _para(doc, Para((Run(text, bold, italic),), align, layout.size - 1, False, 0, 2),
                          layout)
        elif isinstance(block, Signature):
            right = [(block.title, True, False), (block.note, False, True), ("", False, False),
                     ("", False, False), ("", False, False), (block.name, True, False)]
            if block.left_title:
                left = [(block.left_title, True, False), (block.left_note, False, True),
                        ("", False, False), ("", False, False), ("", False, False),
                        (block.left_name, True, False)]
            elif block.recipients:
                left = [("Nơi nhận:", True, True), *((f"- {r};", False, False)
                                                   for r in block.recipients)]
            else:
                left = [("", False, False)]
            _two_columns(doc, left, right, layout, (0.5, 0.5))
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
