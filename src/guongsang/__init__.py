"""Gương sáng: the engine-free core.

load -> validate -> model -> generate. Nothing here imports MkDocs; the adapter in
``hooks/`` hands MkDocs events to :mod:`guongsang.site.build`.
"""
from __future__ import annotations

__version__ = "0.1.0"
