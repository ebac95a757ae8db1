"""Write a :class:`~.model.Document` as HTML and lay it out as a PDF with WeasyPrint.

The fonts are the vendored Liberation Serif files (``fonts/``), declared with ``@font-face`` and
embedded (subset) in every PDF; no system font is ever used, so every Vietnamese letter renders
the same on every machine.
"""
from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path

from .layout import Layout
from .model import Document, Letterhead, NationalHeading, PageBreak, Para, Signature, Table

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "GS Serif"
_FACES = (("Regular", 400, "normal"), ("Bold", 700, "normal"), ("Italic", 400, "italic"),
          ("BoldItalic", 700, "italic"))


def _css(layout: Layout) -> str:
    top, bottom, left, right = layout.margins_mm
    faces = "\n".join(
        f"@font-face {{ font-family: '{FAMILY}'; font-weight: {w}; font-style: {s}; "
        f"src: url('{(FONT_DIR / f'LiberationSerif-{name}.ttf').as_uri()}'); }}"
        for name, w, s in _FACES)
    return f"""{faces}
@page {{ size: A4; margin: {top}mm {right}mm {bottom}mm {left}mm;
         @bottom-center {{ content: counter(page); font: 10pt '{FAMILY}'; }} }}
html {{ font-family: '{FAMILY}'; font-size: {layout.size}pt; line-height: 1.3; }}
body {{ margin: 0; }}
p {{ margin: 0; }}
.left {{ text-align: left; }} .center {{ text-align: center; }} .right {{ text-align: right; }}
.justify {{ text-align: justify; }}
.keep {{ break-after: avoid; }}
.indent {{ text-indent: 10mm; }}
table {{ border-collapse: collapse; width: 100%; margin: 2pt 0 6pt; table-layout: fixed; }}
table.grid th, table.grid td {{ border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: top; }}
table.grid th {{ font-weight: bold; text-align: center; }}
table.grid thead {{ display: table-header-group; }}
table.grid tr {{ break-inside: avoid; }}
table.plain td {{ vertical-align: top; text-align: center; padding: 0; }}
.head {{ font-size: {layout.size - 1}pt; }}
.rule {{ display: inline-block; border-top: 0.8pt solid #000; width: 5em; height: 0; }}
.rule-long {{ display: inline-block; border-top: 0.8pt solid #000; width: 14em; height: 0; }}
.sign td {{ height: 4cm; }}
.break {{ break-after: page; }}
"""


def _para(b: Para, layout: Layout) -> str:
    classes = [b.align] + (["keep"] if b.keep_with_next else []) + (["indent"] if b.first_indent else [])
    style = f"margin-top:{b.space_before}pt;margin-bottom:{b.space_after}pt;"
    if b.size and b.size != layout.size:
        style += f"font-size:{b.size}pt;"
    inner = "".join(_run(r.text, r.bold, r.italic) for r in b.runs) or "&nbsp;"
    return f'<p class="{" ".join(classes)}" style="{style}">{inner}</p>'


def _run(text: str, bold: bool, italic: bool) -> str:
    out = escape(text)
    if bold:
        out = f"<b>{out}</b>"
    if italic:
        out = f"<i>{out}</i>"
    return out


def _table(b: Table) -> str:
    total = sum(b.widths) or 1
    cols = "".join(f'<col style="width:{100 * w / total:.2f}%">' for w in b.widths)
    head = "".join(f"<th>{escape(h)}</th>" for h in b.header)
    rows = "".join(
        "<tr>" + "".join(f'<td class="{b.column_align(i)}">'
                         f'{"<br>".join(escape(line) for line in c.split(chr(10)))}</td>'
                         for i, c in enumerate(r)) + "</tr>" for r in b.rows)
    return (f'<table class="grid" style="font-size:{b.size}pt"><colgroup>{cols}</colgroup>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def to_html(document: Document, layout: Layout) -> str:
    parts: list[str] = []
    for b in document.blocks:
        if isinstance(b, Para):
            parts.append(_para(b, layout))
        elif isinstance(b, Table):
            parts.append(_table(b))
        elif isinstance(b, Letterhead):
            left = (f"<p>{escape(b.parent)}</p>" if b.parent else "") + \
                f'<p><b>{escape(b.unit)}</b></p><p><span class="rule"></span></p>' + \
                (f"<p>{escape(b.number)}</p>" if b.number else "")
            right = (f"<p><b>{escape(layout.national)}</b></p><p><b>{escape(layout.motto)}</b></p>"
                     f'<p><span class="rule-long"></span></p><p><i>{escape(b.place_date)}</i></p>')
            parts.append(f'<table class="plain head"><tr><td style="width:40%">{left}</td>'
                         f'<td style="width:60%">{right}</td></tr></table>')
        elif isinstance(b, NationalHeading):
            parts.append(f'<div class="head center"><p><b>{escape(layout.national)}</b></p>'
                         f'<p><b>{escape(layout.motto)}</b></p>'
                         f'<p><span class="rule-long"></span></p></div>')
            if b.place_date:
                parts.append(f'<p class="right head"><i>{escape(b.place_date)}</i></p>')
        elif isinstance(b, Signature):
            if b.left_title:
                left = (f"<p><b>{escape(b.left_title)}</b></p><p><i>{escape(b.left_note)}</i></p>"
                        f'<p style="margin-top:2.6cm"><b>{escape(b.left_name)}</b></p>')
            elif b.recipients:
                left = '<p class="left"><b><i>Nơi nhận:</i></b></p>' + "".join(
                    f'<p class="left" style="font-size:{layout.size - 2}pt">- {escape(r)};</p>'
                    for r in b.recipients)
            else:
                left = ""
            right = (f"<p><b>{escape(b.title)}</b></p><p><i>{escape(b.note)}</i></p>"
                     f'<p style="margin-top:2.6cm"><b>{escape(b.name)}</b></p>')
            parts.append(f'<table class="plain" style="margin-top:10pt;break-inside:avoid"><tr>'
                         f'<td style="width:50%">{left}</td><td style="width:50%">{right}</td>'
                         "</tr></table>")
        elif isinstance(b, PageBreak):
            parts.append('<div class="break"></div>')
    title = escape(document.name)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{_css(layout)}</style></head><body>{''.join(parts)}</body></html>")


@cache
def _weasyprint():
    """WeasyPrint's HTML class and one font configuration, imported on first use only.

    Importing WeasyPrint sets Pillow's global ``ImageFile.LOAD_TRUNCATED_IMAGES`` to True, which
    would make the photo checks accept truncated JPEGs in the same process; the flag is put back.
    """
    from PIL import ImageFile
    saved = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        from weasyprint import HTML
        from weasyprint.text.fonts import FontConfiguration
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = saved
    return HTML, FontConfiguration()


def render_pdf(document: Document, layout: Layout) -> bytes:
    html_class, fonts = _weasyprint()
    html = html_class(string=to_html(document, layout), base_url=str(FONT_DIR))
    return html.write_pdf(font_config=fonts)
