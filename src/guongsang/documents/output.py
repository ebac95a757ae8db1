"""Render documents (DOCX and PDF) and write them into the internal reports folder.

Rendering is CPU-bound and each document independent, so a batch is spread over the machine's
cores (a council pack for 200 nominations is one long PDF and two shorter documents); the
largest jobs start first. One core, or a single job, renders in-process.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .docx import render_docx
from .layout import Layout
from .model import Document
from .pdf import render_pdf

FORMATS = ("docx", "pdf")
_COST = {"docx": 1, "pdf": 4}
"""Rough relative cost per block, to start the longest job first."""


def render(document: Document, layout: Layout, fmt: str) -> bytes:
    return render_docx(document, layout) if fmt == "docx" else render_pdf(document, layout)


def _job(args: tuple[Document, Layout, str]) -> bytes:
    return render(*args)


def render_all(documents: list[Document], layout: Layout,
               formats: tuple[str, ...] = FORMATS, jobs: int | None = None) -> dict[str, bytes]:
    """``{"<name>.<fmt>": bytes}`` for every document and format."""
    tasks = sorted(((d, fmt) for d in documents for fmt in formats),
                   key=lambda t: -len(t[0].blocks) * _COST[t[1]])
    jobs = min(jobs or os.cpu_count() or 1, len(tasks))
    if jobs <= 1:
        return {f"{d.name}.{fmt}": render(d, layout, fmt) for d, fmt in tasks}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(_job, [(d, layout, fmt) for d, fmt in tasks])
        return {f"{d.name}.{fmt}": data for (d, fmt), data in zip(tasks, results)}


def write_documents(documents: list[Document], out_dir: Path, layout: Layout,
                    formats: tuple[str, ...] = FORMATS) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    rendered = render_all(documents, layout, formats)
    written = []
    for d in documents:
        for fmt in formats:
            path = out_dir / f"{d.name}.{fmt}"
            path.write_bytes(rendered[f"{d.name}.{fmt}"])
            written.append(path)
    return written
