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
PIPELINE_VERSION = "4"
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


PAGE_COLOUR = (255, 255, 255)
"""Background of the site's pages (Material's default light scheme, ``#fff``): a transparent
photo is flattened onto it, so it looks as it would on the page."""


def open_image(source: Path, draft: bool = False) -> Image.Image:
    """Decode, apply EXIF orientation, convert to RGB. Raises :class:`ImageError`.

    ``draft`` lets a JPEG decode at reduced scale: every byte of the picture is still read
    (a truncated file fails the same way), four to eight times faster, for a check that needs
    the verdict and not the pixels.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source, formats=FORMATS) as raw:
                if raw.size[0] * raw.size[1] > MAX_PIXELS:
                    raise ImageError(f"Ảnh {raw.size[0]}×{raw.size[1]} vượt giới hạn 40 megapixel.")
                if getattr(raw, "n_frames", 1) > 1:
                    raw.seek(0)  # an animation (APNG, WebP) or a phone's MPO: its first picture
                if draft and raw.format in ("JPEG", "MPO"):
                    raw.draft(raw.mode, (max(1, raw.size[0] // 8), max(1, raw.size[1] // 8)))
                raw.load()
                img = ImageOps.exif_transpose(raw)
                out = to_rgb(_to_srgb(img))
                # Pillow carries info (EXIF, XMP, ICC, JPEG comment) into save(); drop it all.
                out.info.clear()
                return out
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise ImageError("Ảnh quá lớn, có thể là tệp lỗi hoặc độc hại.") from err
    except (OSError, SyntaxError, ValueError, EOFError, KeyError, TypeError) as err:
        named = format_name(source)
        if named:
            raise ImageError(unsupported(named)[0]) from err
        raise ImageError("Không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải ảnh).") from err


def to_rgb(img: Image.Image, background: tuple[int, int, int] = PAGE_COLOUR) -> Image.Image:
    """Any mode Pillow opens as 8-bit RGB with the same tones, transparency flattened onto
    ``background``: 1, L, LA, La, P and PA (palette transparency included), RGB and RGBA (and
    their ``transparency`` colour), RGBa, CMYK, YCbCr, LAB, HSV, and the wide modes I;16*,
    I and F, which Pillow's own ``convert`` clips (a 16-bit grayscale photo came out white)."""
    if img.mode.startswith("I") or img.mode == "F":
        img = _wide_to_l(img)
    elif img.mode == "La":  # premultiplied: Pillow converts only RGBa from it
        lum, alpha = img.split()
        img = Image.merge("RGBa", (lum, lum, lum, alpha))
    elif img.mode == "LAB":
        img = ImageCms.applyTransform(img, ImageCms.buildTransform(
            ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB"), "LAB", "RGB"))
    if img.mode in ("RGBA", "LA", "La", "RGBa", "PA") or "transparency" in img.info:
        rgba = img.convert("RGBA")
        out = Image.new("RGB", rgba.size, background)
        out.paste(rgba, mask=rgba.getchannel("A"))
        return out
    return img.convert("RGB")


def _wide_to_l(img: Image.Image) -> Image.Image:
    """An integer or float grayscale image scaled to 0–255 by the range its mode implies:
    16 bits for I;16*, and for I and F the range the pixels use (0–1, 0–255 or 0–65535;
    anything else is stretched from its darkest to its lightest pixel)."""
    if img.mode.startswith("I;16"):
        img, low, high = img.convert("I"), 0.0, 65535.0
    else:
        lo, hi = img.getextrema()  # type: ignore[misc]
        if img.mode == "F" and lo >= 0 and hi <= 1:
            low, high = 0.0, 1.0
        elif lo >= 0 and hi <= 255:
            low, high = 0.0, 255.0
        elif lo >= 0 and hi <= 65535:
            low, high = 0.0, 65535.0
        else:
            low, high = float(lo), float(hi) if hi > lo else float(lo) + 1
    scale = 255.0 / (high - low)
    return img.point(lambda v: (v - low) * scale + 0.5).convert("L")


# First bytes of formats people send as photos, named so an editor knows what they have.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"GIF8", "GIF"), (0, b"BM", "BMP"), (0, b"8BPS", "PSD (Photoshop)"),
    (0, b"%PDF", "PDF"), (0, b"II*\x00", "TIFF"), (0, b"MM\x00*", "TIFF"),
    (0, b"\xff\x0a", "JPEG XL"), (0, b"\x00\x00\x00\x0cJXL ", "JPEG XL"),
    (0, b"\x00\x00\x00\x0cjP  ", "JPEG 2000"), (0, b"\xffO\xffQ", "JPEG 2000"),
    (0, b"\x00\x00\x01\x00", "ICO"), (0, b"PK\x03\x04", "ZIP (hoặc tệp Word, Excel)"),
    (0, b"\xd0\xcf\x11\xe0", "tệp Office cũ"), (0, b"FUJIFILMCCD-RAW", "RAF (ảnh RAW)"),
)
_BRANDS = {b"heic": "HEIC (ảnh iPhone)", b"heix": "HEIC (ảnh iPhone)", b"hevc": "HEIC",
           b"heim": "HEIC", b"heis": "HEIC", b"mif1": "HEIF", b"msf1": "HEIF",
           b"avif": "AVIF", b"avis": "AVIF", b"crx ": "CR3 (ảnh RAW Canon)",
           b"qt  ": "MOV (video)", b"isom": "MP4 (video)", b"mp41": "MP4 (video)",
           b"mp42": "MP4 (video)", b"M4V ": "M4V (video)", b"3gp4": "3GP (video)"}
_SUFFIXES = {".heic": "HEIC (ảnh iPhone)", ".heif": "HEIF", ".avif": "AVIF", ".gif": "GIF",
             ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP", ".psd": "PSD (Photoshop)",
             ".svg": "SVG", ".pdf": "PDF", ".jxl": "JPEG XL", ".jp2": "JPEG 2000",
             ".dng": "DNG (ảnh RAW)", ".cr2": "CR2 (ảnh RAW Canon)", ".cr3": "CR3 (ảnh RAW Canon)",
             ".nef": "NEF (ảnh RAW Nikon)", ".arw": "ARW (ảnh RAW Sony)", ".raf": "RAF (ảnh RAW)",
             ".mov": "MOV (video)", ".mp4": "MP4 (video)", ".ico": "ICO"}
_NOT_PICTURES = ("PDF", "ZIP", "tệp Office", "HTML", "MOV", "MP4", "M4V", "3GP")
UNSUPPORTED_HINT = "Mở ảnh bằng trình xem ảnh rồi xuất (Export) hoặc lưu lại dạng .jpg."
_IPHONE_HINT = (UNSUPPORTED_HINT + " Trên iPhone: Cài đặt → Camera → Định dạng → Tương thích "
                "nhất, để máy chụp ảnh JPEG.")


def is_picture(name: str) -> bool:
    """Whether a named format is a kind of picture (HEIC, TIFF…), not a document or a video."""
    return bool(name) and not name.startswith(_NOT_PICTURES)


def unsupported(name: str) -> tuple[str, str]:
    """Message and hint for a file of the named format that is not JPEG, PNG or WebP."""
    if not is_picture(name):
        return (f"Tệp là {name}, không phải ảnh.",
                "Chọn đúng tệp ảnh (.jpg, .png hoặc .webp) rồi sửa tên tệp ở đây.")
    return (f"Ảnh có định dạng {name}, không được hỗ trợ.",
            _IPHONE_HINT if name.startswith(("HEIC", "HEIF")) else UNSUPPORTED_HINT)


def format_name(source: Path) -> str:
    """The name of a known format that is not JPEG, PNG or WebP, from the file's first bytes
    (its suffix may lie); "" when the bytes say nothing known."""
    try:
        with source.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return ""
    return sniff(head)


def sniff(head: bytes) -> str:
    """:func:`format_name` for the first bytes of a file."""
    for offset, magic, name in _MAGIC:
        if head[offset:offset + len(magic)] == magic:
            return name
    if head[4:8] == b"ftyp":
        return _BRANDS.get(head[8:12], "")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<svg", b"<?xml")):
        return "SVG"
    if text.startswith((b"<!doctype html", b"<html")):
        return "HTML (trang web)"
    return ""


def suffix_name(name: str) -> str:
    """The format a file name's suffix stands for, when it is one people send by mistake."""
    return _SUFFIXES.get(Path(name).suffix.lower(), "")


def verify(cache: ImageCache | None, source: Path) -> str:
    """"" when ``source`` decodes the way the build will decode it, else the editor's message.

    With a cache, a photo the build already processed (or this check already decoded) is not
    decoded again: its content hash says it is the same file.
    """
    marker = None
    if cache is not None:
        digest = cache.digest(source)
        if (cache.dir / f"{digest}.json").exists() or (cache.dir / f"{digest}.ok").exists():
            return ""
        marker = cache.dir / f"{digest}.ok"
    try:
        open_image(source, draft=True)
    except ImageError as err:
        return str(err)
    if marker is not None:
        marker.touch()
    return ""


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
