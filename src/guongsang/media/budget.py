"""The source photo budget: how large a photo may be when it enters the repository.

Every photo an editor commits stays in git history for good, and every clone and CI checkout
downloads it. The site never publishes anything wider than the largest variant
(:data:`~guongsang.media.images.WIDTHS`), so a source photo larger than that plus some headroom
only costs bytes. The budget is data (``anh_goc`` in ``data/site.yml``); the defaults below are
derived from the largest published variant, so they follow it if it ever changes.

``data/site.yml``::

    anh_goc:
      dung_luong_toi_da_kb: 1400   # above this many KB (1 KB = 1024 bytes): a warning
      canh_dai_toi_da: 2560        # above this long edge in pixels: a warning
      he_so_loi: 3                 # this many times either limit: an error
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..text import format_count
from .images import WIDTHS

HEADROOM = 2
"""The long edge a source may have, as a multiple of the largest published width: enough to
publish every size sharp from any crop or orientation (a 3:4 portrait 2560 px tall is 1920 px
wide, over the 1280 published), and room for a larger variant later."""
DEFAULT_LONG_EDGE = HEADROOM * WIDTHS[-1]
BYTES_PER_PIXEL = 0.3
"""An upper estimate of what a detailed photo takes as a JPEG of quality 90 once shrunk to the
long edge (a 4000×3000 phone-like photo of 4.4 MB measured 0.14 bytes a pixel at 2560×1920):
the shrink command then keeps quality 90 for practically every photo."""
DEFAULT_KB = round(DEFAULT_LONG_EDGE * DEFAULT_LONG_EDGE * 3 / 4 * BYTES_PER_PIXEL / 1024 / 100) * 100
"""A 4:3 photo at the long-edge limit, rounded to 100 KB: 2560×1920 → 1,400 KB."""
DEFAULT_ERROR_FACTOR = 3
"""A phone's 4000×3000 photo of 3–5 MB warns; a 12 MB scan or a 10,000 px panorama is refused."""


@dataclass(frozen=True)
class PhotoBudget:
    """The largest source photo the repository accepts without a warning."""

    max_kb: int = DEFAULT_KB
    """Bytes, in KB of 1024 bytes (what file managers show)."""
    max_long_edge: int = DEFAULT_LONG_EDGE
    """Pixels along the longer side."""
    error_factor: float = DEFAULT_ERROR_FACTOR
    """Past this many times either limit the photo is an error, not a warning."""

    @property
    def max_bytes(self) -> int:
        return self.max_kb * 1024

    def over(self, size: int, long_edge: int) -> float:
        """How many times over the budget a photo is (≤ 1 means within it)."""
        return max(size / self.max_bytes, long_edge / self.max_long_edge)

    def describe(self) -> str:
        """The limits in the editors' words, e.g. "1,4 MB và cạnh dài 2.560 điểm ảnh"."""
        return f"{format_bytes(self.max_bytes)} và cạnh dài {format_count(self.max_long_edge)} điểm ảnh"


def format_bytes(n: int) -> str:
    """A file size as a file manager shows it, in Vietnamese: "850 KB", "3,2 MB"."""
    if n < 1024 * 1024:
        return f"{format_count(max(1 if n else 0, round(n / 1024)))} KB"
    return f"{n / 1024 / 1024:.1f}".replace(".", ",") + " MB"


_KEYS = {"dung_luong_toi_da_kb": ("max_kb", 50, 100_000),
         "canh_dai_toi_da": ("max_long_edge", WIDTHS[-1], 20_000),
         "he_so_loi": ("error_factor", 1.5, 100)}
"""YAML key → (field, smallest and largest accepted value). The smallest long edge is the
largest published width: a budget below it would ask editors to blur the site."""


def read_budget(data: object, fail: Callable[[tuple, str, str], None]) -> PhotoBudget:
    """The budget from the ``anh_goc`` mapping of site.yml (``None``: the defaults).

    A wrong value is reported through ``fail(path, message, hint)`` and its default is used.
    """
    if data is None:
        return PhotoBudget()
    if not isinstance(data, dict):
        fail(("anh_goc",), "`anh_goc` phải là một nhóm trường.",
             f"Ví dụ: anh_goc: {{dung_luong_toi_da_kb: {DEFAULT_KB}, "
             f"canh_dai_toi_da: {DEFAULT_LONG_EDGE}, he_so_loi: {DEFAULT_ERROR_FACTOR}}}")
        return PhotoBudget()
    values: dict[str, float] = {}
    for key, raw in data.items():
        if key not in _KEYS:
            fail(("anh_goc", key), f"Trường `{key}` không có trong `anh_goc`.",
                 "Các trường dùng được: " + ", ".join(_KEYS) + ".")
            continue
        name, low, high = _KEYS[key]
        number = raw if isinstance(raw, (int, float)) and not isinstance(raw, bool) else None
        if number is None or not low <= number <= high:
            fail(("anh_goc", key), f"`{key}` phải là một số từ {_num(low)} đến {_num(high)}, "
                 f"đang ghi \"{raw}\".", f"Ví dụ: {key}: {_num(getattr(PhotoBudget(), name))}")
            continue
        values[name] = number if name == "error_factor" else int(number)
    return PhotoBudget(**values)  # type: ignore[arg-type]


def _num(value: float) -> str:
    return format_count(int(value)) if float(value).is_integer() else str(value).replace(".", ",")
