"""Photos for the web with Pillow: oriented, stripped of metadata, resized, cached.

Every published image is re-encoded from pixels, so EXIF (GPS above all), XMP and comments
never reach the site. Results are cached by the SHA-256 of the source bytes; a manifest per
source lets a rebuild with unchanged photos skip decoding entirely.
"""
from __future__ import annotations

import hashlib
import json
import os
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageOps

# Bump when the output of the pipeline changes, so old cache entries are not reused.
PIPELINE_VERSION = "1"
WIDTHS = (320, 640, 1280)
MAX_PIXELS = 40_000_000

decode_count = 0
"""How many images were decoded in this process (tests and the benchmark read it)."""


class ImageError(Exception):
    """A photo that cannot be published; the message is Vietnamese, for editors."""


@dataclass(frozen=True)
class Variant:
    file: str
    """File name inside the cache directory."""
    width: int
    height: int
    format: str
    """"webp" or "jpeg"."""


@dataclass(frozen=True)
class Processed:
    digest: str
    width: int
    height: int
    variants: tuple[Variant, ...]

    def by_format(self, fmt: str) -> list[Variant]:
        return sorted((v for v in self.variants if v.format == fmt), key=lambda v: v.width)

    def largest(self, fmt: str = "jpeg") -> Variant:
        return self.by_format(fmt)[-1]


class ImageCache:
    """Content-addressed store of derived images under ``cache_dir``."""

    def __init__(self, cache_dir: Path):
        self.dir = cache_dir / f"images-v{PIPELINE_VERSION}"
        self.dir.mkdir(parents=True, exist_ok=True)
        self._stat_file = self.dir / "stat-index.json"
        try:
            self._stat: dict[str, list] = json.loads(self._stat_file.read_text())
        except (OSError, ValueError):
            self._stat = {}
        self._dirty = False

    def digest(self, path: Path) -> str:
        """SHA-256 of the file, remembered by (size, mtime) so unchanged files are not reread."""
        st = path.stat()
        key = str(path.resolve())
        hit = self._stat.get(key)
        if hit and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
            return hit[2]
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        self._stat[key] = [st.st_size, st.st_mtime_ns, h.hexdigest()]
        self._dirty = True
        return h.hexdigest()

    def save_index(self) -> None:
        if self._dirty:
            tmp = self._stat_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(self._stat))
            os.replace(tmp, self._stat_file)
            self._dirty = False

    def path(self, name: str) -> Path:
        return self.dir / name

    def process(self, source: Path) -> Processed:
        digest = self.digest(source)
        manifest = self.dir / f"{digest}.json"
        if manifest.exists():
            try:
                data = json.loads(manifest.read_text())
                variants = tuple(Variant(**v) for v in data["variants"])
                if all((self.dir / v.file).exists() for v in variants):
                    return Processed(digest, data["width"], data["height"], variants)
            except (ValueError, KeyError, TypeError):
                pass  # a damaged manifest is rebuilt below
        result = self._derive(source, digest)
        tmp = manifest.with_suffix(".tmp")
        tmp.write_text(json.dumps({"width": result.width, "height": result.height,
                                   "variants": [asdict(v) for v in result.variants]}))
        os.replace(tmp, manifest)
        return result

    def _derive(self, source: Path, digest: str) -> Processed:
        global decode_count
        img = open_image(source)
        decode_count += 1
        w, h = img.size
        variants: list[Variant] = []
        widths = [x for x in WIDTHS if x < w] + [min(w, WIDTHS[-1])]
        for width in sorted(set(widths)):
            height = max(1, round(h * width / w))
            resized = img if width == w else img.resize((width, height), Image.Resampling.LANCZOS)
            for fmt, ext, opts in (("webp", "webp", {"quality": 80, "method": 4}),
                                   ("jpeg", "jpg", {"quality": 84, "optimize": True,
                                                    "progressive": True})):
                name = f"{digest[:20]}-{width}.{ext}"
                # No exif=, no icc_profile=, no comment: a clean file by construction.
                resized.save(self.dir / name, fmt.upper(), **opts)
                variants.append(Variant(name, width, height, fmt))
        return Processed(digest, w, h, tuple(variants))


def open_image(source: Path) -> Image.Image:
    """Decode, apply EXIF orientation, convert to RGB. Raises :class:`ImageError`."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as raw:
                if raw.size[0] * raw.size[1] > MAX_PIXELS:
                    raise ImageError(f"Ảnh {raw.size[0]}×{raw.size[1]} vượt giới hạn 40 megapixel.")
                raw.load()
                img = ImageOps.exif_transpose(raw)
                if img.mode in ("RGBA", "LA", "P"):
                    rgba = img.convert("RGBA")
                    background = Image.new("RGB", rgba.size, (255, 255, 255))
                    background.paste(rgba, mask=rgba.getchannel("A"))
                    return background
                return img.convert("RGB")
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise ImageError("Ảnh quá lớn, có thể là tệp lỗi hoặc độc hại.") from err
    except (OSError, SyntaxError, ValueError) as err:
        raise ImageError("Không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải ảnh).") from err
