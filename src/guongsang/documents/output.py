"""Write documents to disk, each as DOCX and PDF, into the internal reports folder."""
from __future__ import annotations

from pathlib import Path

from .docx import render_docx
from .layout import Layout
from .model import Document
from .pdf import render_pdf

FORMATS = ("docx", "pdf")


def write_documents(documents: list[Document], out_dir: Path, layout: Layout,
                    formats: tuple[str, ...] = FORMATS) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for d in documents:
        for fmt in formats:
            data = render_docx(d, layout) if fmt == "docx" else render_pdf(d, layout)
            path = out_dir / f"{d.name}.{fmt}"
            path.write_bytes(data)
            written.append(path)
    return written
