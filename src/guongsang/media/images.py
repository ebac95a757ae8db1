"""Photos for the web with Pillow: oriented, stripped of metadata, resized, cached.

Every published image is re-encoded from pixels, so EXIF (GPS above all), XMP, ICC profiles
and comments never reach the site. Results are cached by the SHA-256 of the source bytes; a
manifest per source lets a rebuild with unchanged photos skip decoding entirely.

Images drawn by the site itself (initials avatars, share images) use the same cache directory
through :meth:`ImageCache.rendered`, keyed by a hash of everything that goes into them.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

# Bump when the output of the pipeline changes, so old cache entries are not reused.
PIPELINE_VERSION = "3"
WIDTHS = (320, 640, 1280)
"""WebP widths derived from every photo (never wider than the photo itself)."""
CARD_WIDTH = WIDTHS[0]
"""Cards show a profile's first photo in a 4rem square: at most ~120 CSS px, 240 device pixels
on a 2× screen, so the 320 variant. No other layout is that small."""
PAGE_MIN_WIDTH = 640
"""Photos on a profile page are never narrower than ~360 device pixels on any screen the layout
targets (a phone at 100vw is ≥ 720 device pixels at 2×; the hero is 20rem on a desktop), so
their ``srcset`` starts at the 640 variant and the 320 one is published for cards only."""
FALLBACK_WIDTH = 640
"""The one JPEG of each photo, for the ``<img src>`` that browsers without WebP (and crawlers)
read. Every browser that reads ``srcset`` with ``<picture>`` today also reads WebP, so a JPEG
per width would be bytes nobody downloads."""
MAX_PIXELS = 40_000_000
FORMATS = ("JPEG", "PNG", "WEBP")
"""What the photo rule accepts (the JPEG opener also reads phones' MPO files); any other format
is refused before its decoder runs."""

decode_count = 0
"""How many images were decoded in this process (tests and the benchmark read it)."""
render_count = 0
"""How many images were drawn (avatars, share images) in this process."""


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

    def largest(self, fmt: str = "webp") -> Variant:
        return self.by_format(fmt)[-1]

    def fallback(self) -> Variant:
        """The JPEG for ``<img src>``."""
        return self.by_format("jpeg")[0]

    def card(self) -> Variant:
        """The WebP a card shows."""
        return self.by_format("webp")[0]

    def page(self) -> list[Variant]:
        """The WebP widths a profile page lists in ``srcset`` (see :data:`PAGE_MIN_WIDTH`)."""
        webp = self.by_format("webp")
        return [v for v in webp if v.width >= PAGE_MIN_WIDTH] or webp[-1:]

    def published(self, in_cards: bool) -> list[Variant]:
        """What the site publishes of this photo: the page widths and the fallback, plus the
        card's variant when the photo is shown on cards (a profile's first photo)."""
        out = [*self.page(), self.fallback()]
        if in_cards and self.card() not in out:
            out.append(self.card())
        return out


class ImageCache:
    """Content-addressed store of derived images under ``cache_dir``."""

    def __init__(self, cache_dir: Path):
        self.root = cache_dir
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

    def rendered_path(self, kind: str, key: object, ext: str) -> Path:
        """Where the drawn image for ``key`` (JSON-able: every input of the drawing) lives."""
        digest = hashlib.sha256(json.dumps([kind, key], ensure_ascii=False, sort_keys=True,
                                           default=str).encode()).hexdigest()
        return self.root / kind / f"{digest[:24]}.{ext}"

    def rendered(self, kind: str, key: object, ext: str,
                 draw: Callable[[], Image.Image], **save: object) -> Path:
        """A drawn image, cached by the hash of ``key``; ``draw`` runs only on a miss."""
        global render_count
        path = self.rendered_path(kind, key, ext)
        if not path.exists():
            save_image(draw(), path, **save)
            render_count += 1
        return path

    def open_variant(self, variant: Variant) -> Image.Image:
        """Decode one cached variant (already oriented and clean), e.g. to draw a share image."""
        global decode_count
        decode_count += 1
        with Image.open(self.dir / variant.file) as img:
            return img.convert("RGB")

    def _derive(self, source: Path, digest: str) -> Processed:
        global decode_count
        img = open_image(source)
        decode_count += 1
        w, h = img.size
        variants: list[Variant] = []
        webp = {x for x in WIDTHS if x < w} | {min(w, WIDTHS[-1])}
        jpeg = min(w, FALLBACK_WIDTH)
        for width in sorted(webp | {jpeg}):
            height = max(1, round(h * width / w))
            resized = img if width == w else img.resize((width, height), Image.Resampling.LANCZOS)
            for fmt, ext, opts in ENCODINGS:
                if width not in (webp if fmt == "webp" else {jpeg}):
                    continue
                name = f"{digest[:20]}-{width}.{ext}"
                # open_image() emptied .info, and no exif=/icc_profile=/xmp= is passed here.
                resized.save(self.dir / name, fmt.upper(), **opts)
                variants.append(Variant(name, width, height, fmt))
        return Processed(digest, w, h, tuple(variants))


ENCODINGS = (("webp", "webp", {"quality": 80, "method": 4}),
             ("jpeg", "jpg", {"quality": 84, "optimize": True, "progressive": True}))
"""Format, file extension and encoder options of the published variants."""


def save_image(img: Image.Image, path: Path, **save: object) -> None:
    """Write ``img`` without any metadata, atomically (a stopped build leaves no broken file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    img.info.clear()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    fmt = {".jpg": "JPEG", ".png": "PNG", ".webp": "WEBP"}[path.suffix]
    img.save(tmp, fmt, **save)
    os.replace(tmp, path)


def open_image(source: Path) -> Image.Image:
    """Decode, apply EXIF orientation, convert to RGB. Raises :class:`ImageError`."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source, formats=FORMATS) as raw:
                if raw.size[0] * raw.size[1] > MAX_PIXELS:
                    raise ImageError(f"Ảnh {raw.size[0]}×{raw.size[1]} vượt giới hạn 40 megapixel.")
                raw.load()
                img = ImageOps.exif_transpose(raw)
                img = _to_srgb(img)
                if img.mode in ("RGBA", "LA", "P", "PA") or "transparency" in img.info:
                    rgba = img.convert("RGBA")
                    out = Image.new("RGB", rgba.size, (255, 255, 255))
                    out.paste(rgba, mask=rgba.getchannel("A"))
                else:
                    out = img.convert("RGB")
                # Pillow carries info (EXIF, XMP, ICC, JPEG comment) into save(); drop it all.
                out.info.clear()
                return out
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise ImageError("Ảnh quá lớn, có thể là tệp lỗi hoặc độc hại.") from err
    except (OSError, SyntaxError, ValueError, EOFError) as err:
        raise ImageError("Không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải ảnh).") from err


_SRGB = None


def _to_srgb(img: Image.Image) -> Image.Image:
    """Convert pixels from an embedded colour profile (e.g. a phone's Display P3) to sRGB.

    The profile itself is then dropped with the rest of the metadata; without converting first,
    colours of wide-gamut photos would look washed out. A broken profile is ignored.
    """
    global _SRGB
    icc = img.info.get("icc_profile")
    if not icc or img.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return img
    try:
        if _SRGB is None:
            _SRGB = ImageCms.createProfile("sRGB")
        mode = "RGBA" if img.mode == "RGBA" else "RGB"
        out = ImageCms.profileToProfile(img, ImageCms.ImageCmsProfile(io.BytesIO(icc)), _SRGB,
                                        outputMode=mode)
        return out if out is not None else img
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return img
