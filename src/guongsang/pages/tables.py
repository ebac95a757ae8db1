"""Data tables of generated pages, readable on a phone.

Every generated table goes through :func:`table`, so all of them behave the same on a narrow
screen (``overrides/assets/css/tables.css``):

* ``stack=True`` (lists of records: awards, honour rolls, replications): below 45em each row
  becomes a block of "label: value" lines, labelled from the column headers (``data-label``),
  so nothing is cut off at the right edge and nothing needs sideways scrolling;
* ``stack=False`` (grids of numbers: statistics): the table keeps its shape and its wrapper
  scrolls sideways, with a shadow at the edge that still hides columns (the visible cue).

The wrapper is the only scrolling box: Material's script wraps bare tables in a scrolling
``.md-typeset__scrollwrap`` of its own, which the stylesheet keeps from scrolling inside ours
(two nested scroll regions meant two Tab stops with the same name; see reader.js).
It registers no generator. Cells are HTML already (escape values with :func:`~guongsang.html.esc`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..html import attrs, esc


@dataclass(frozen=True)
class Row:
    """One body row: its cells (HTML) and, optionally, an anchor id."""

    cells: Sequence[str]
    id: str | None = None


def table(css: str, columns: Sequence[str], rows: Sequence[Row | Sequence[str]], *,
          stack: bool = True, row_header: bool = False, caption: str = "",
          table_id: str | None = None) -> str:
    """A ``<div class="gs-table …"><table>…</table></div>`` block on one line.

    ``columns`` are the header texts (plain text, escaped here); with ``row_header`` the first
    cell of each row is a ``<th scope="row">``. The class goes on the wrapper: Material styles
    bare tables only.
    """
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    body = []
    for row in rows:
        if not isinstance(row, Row):
            row = Row(tuple(row))
        cells = []
        for i, cell in enumerate(row.cells):
            name = "th" if row_header and i == 0 else "td"
            extra = ' scope="row"' if name == "th" else ""
            if stack and i < len(columns):  # the label a stacked cell shows before its value
                extra += f' data-label="{esc(columns[i])}"'
            cells.append(f"<{name}{extra}>{cell}</{name}>")
        body.append(f'<tr{" " + attrs(id=row.id) if row.id else ""}>{"".join(cells)}</tr>')
    classes = " ".join(x for x in ("gs-table", "gs-stack" if stack else "gs-scroll", css) if x)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    tid = f' id="{esc(table_id)}"' if table_id else ""
    return (f'<div class="{esc(classes)}"><table{tid}>{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")
