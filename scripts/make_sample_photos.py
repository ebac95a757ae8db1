"""Draw the illustrative photos of the sample profiles (profiles/<slug>/*.jpg, *.png).

The pictures are deliberately *not* photographs: a soft sky gradient, pine hills and flowers
of Lâm Đồng, and flat silhouettes (one person, a group, a family). They only stand in for real
photos so the site can be built and tested without anybody's picture.

Everything is seeded, so the script is idempotent: running it again produces the same bytes
and rewrites nothing. ``--check`` only reports files that are missing or out of date (exit 1).

One file is special on purpose: ``profiles/dang-thi-thuy/chan-dung.jpg`` carries EXIF with a
GPS position near Đà Lạt, a camera Make/Model and Orientation=6 (pixels stored sideways), so
tests can prove that the site strips EXIF and applies the orientation before publishing.

Usage:  python scripts/make_sample_photos.py [--check]
"""
from __future__ import annotations

import io
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
JPEG_QUALITY = 80
MAX_BYTES = 120_000

RGB = tuple[int, int, int]

# Sky palettes (top, bottom): dawn over Langbiang, clear noon, misty afternoon, dusk.
SKIES: list[tuple[RGB, RGB]] = [
    ((250, 214, 165), (214, 236, 242)),
    ((150, 198, 234), (226, 240, 247)),
    ((196, 214, 224), (238, 236, 228)),
    ((236, 178, 160), (246, 226, 200)),
    ((176, 206, 226), (242, 232, 214)),
]
# Hill layers from far to near.
HILLS: list[RGB] = [(150, 176, 178), (112, 150, 130), (78, 122, 96), (52, 96, 72)]
PINE = (34, 72, 54)
# Dã quỳ (yellow), mai anh đào (pink), phượng tím (purple), cẩm tú cầu (blue).
FLOWERS: list[RGB] = [(246, 196, 48), (240, 150, 180), (150, 110, 190), (120, 150, 220)]
FIGURE_COLOURS: list[RGB] = [(44, 62, 80), (70, 58, 92), (38, 70, 96), (88, 60, 60), (50, 80, 70)]


@dataclass(frozen=True)
class Spec:
    """One picture to draw."""

    slug: str
    """Profile folder under profiles/."""
    name: str
    """File name inside the folder; the suffix chooses JPEG or PNG."""
    scene: str
    """portrait | group | family | meeting | landscape"""
    size: tuple[int, int]
    """Width and height as the picture should *look* (after orientation)."""
    seed: int
    people: int = 1
    exif_gps: bool = False
    """Store EXIF (GPS, Make/Model, Orientation=6) with the pixels rotated accordingly."""


SPECS: list[Spec] = [
    Spec("le-minh-duc", "chan-dung.jpg", "portrait", (960, 1200), 101),
    Spec("le-minh-duc", "hoi-nghi-xuc-tien.jpg", "meeting", (1280, 800), 102, people=6),
    Spec("le-minh-duc", "khao-sat-du-an.jpg", "landscape", (1200, 800), 103, people=2),
    Spec("dang-thi-thuy", "chan-dung.jpg", "portrait", (900, 1200), 201, exif_gps=True),
    Spec("nguyen-thi-hoa", "chan-dung.jpg", "portrait", (960, 1200), 301),
    Spec("phan-van-hoa", "chan-dung.png", "portrait", (800, 1000), 401),
    Spec("ung-thi-my-duyen", "chan-dung.jpg", "portrait", (900, 1125), 501),
    Spec("ho-thi-thanh-tam", "chan-dung.jpg", "portrait", (960, 1200), 601),
    Spec("ho-thi-thanh-tam", "tiep-doan-doanh-nghiep.jpg", "meeting", (1200, 800), 602, people=5),
    Spec("mai-thi-phuong", "chan-dung.jpg", "portrait", (900, 1200), 701),
    Spec("trinh-quoc-bao", "chan-dung.jpg", "portrait", (960, 1200), 801),
    Spec("phong-xuc-tien-du-lich", "tap-the.jpg", "group", (1400, 900), 901, people=7),
    Spec("chi-doan-thanh-nien-trung-tam", "tap-the.jpg", "group", (1400, 860), 1001, people=9),
    Spec("chi-doan-thanh-nien-trung-tam", "tinh-nguyen.jpg", "landscape", (1200, 800), 1002,
         people=4),
    Spec("to-bien-tap-ban-tin-xuc-tien", "tap-the.jpg", "group", (1280, 820), 1101, people=4),
    Spec("gia-dinh-anh-luong-van-son", "gia-dinh.jpg", "family", (1280, 860), 1201, people=4),
]


# -- drawing ------------------------------------------------------------------------------------

def gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    """Vertical gradient from ``top`` to ``bottom``."""
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def ridge(rng: random.Random, w: int, base: float, amp: float,
          step: int = 40) -> list[tuple[float, float]]:
    """Points of a hill line: a sum of two gentle waves plus a little noise."""
    f1, f2 = rng.uniform(1.0, 2.2), rng.uniform(2.5, 4.5)
    p1, p2 = rng.uniform(0, math.tau), rng.uniform(0, math.tau)
    pts = []
    for x in range(-step, w + 2 * step, step):
        t = x / w
        wave = 0.65 * math.sin(f1 * math.pi * t + p1) + 0.35 * math.sin(f2 * math.pi * t + p2)
        y = base - amp * wave
        pts.append((x, y + rng.uniform(-amp * 0.05, amp * 0.05)))
    return pts


def height_at(pts: list[tuple[float, float]], x: float) -> float:
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if x0 <= x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return pts[-1][1]


def pine(draw: ImageDraw.ImageDraw, x: float, ground: float, h: float, colour: RGB) -> None:
    """A stylised pine (thông ba lá): three stacked triangles on a thin trunk."""
    w = h * 0.42
    draw.rectangle((x - h * 0.03, ground - h * 0.18, x + h * 0.03, ground), fill=(70, 52, 40))
    for i in range(3):
        top = ground - h + i * h * 0.26
        half = w * (0.55 + 0.22 * i) / 2
        foot = top + h * 0.42
        draw.polygon([(x, top), (x - half, foot), (x + half, foot)], fill=colour)


def landscape(img: Image.Image, rng: random.Random, horizon: float) -> list[tuple[float, float]]:
    """Sun, layered pine hills and a flower meadow; returns the nearest ridge line."""
    w, h = img.size
    glow = Image.new("L", img.size, 0)
    gd = ImageDraw.Draw(glow)
    sx, sy, r = rng.uniform(0.15, 0.85) * w, horizon * rng.uniform(0.25, 0.55), w * 0.06
    gd.ellipse((sx - r, sy - r, sx + r, sy + r), fill=200)
    glow = glow.filter(ImageFilter.GaussianBlur(r * 0.6))
    img.paste(Image.new("RGB", img.size, (255, 246, 220)), (0, 0), glow)

    draw = ImageDraw.Draw(img)
    near: list[tuple[float, float]] = []
    layers = len(HILLS)
    for i, colour in enumerate(HILLS):
        base = horizon + (h - horizon) * (i / layers) * 0.55
        pts = ridge(rng, w, base, h * (0.09 - 0.012 * i))
        draw.polygon(pts + [(w + 80, h), (-80, h)], fill=colour)
        if i >= 1:  # pines on the nearer ridges, larger when nearer
            for _ in range(rng.randint(6, 14)):
                x = rng.uniform(0, w)
                tree: RGB = (tuple(max(0, c - 10 * i) for c in PINE)  # type: ignore[assignment]
                             if i > 1 else colour_mix(PINE, colour))
                size = h * (0.05 + 0.03 * i) * rng.uniform(0.7, 1.2)
                pine(draw, x, height_at(pts, x) + 4, size, tree)
        near = pts
    # Flowers in the foreground meadow.
    for _ in range(int(w * 0.12)):
        x = rng.uniform(0, w)
        y = rng.uniform(height_at(near, x) + h * 0.04, h)
        r = rng.uniform(2.5, 6.5) * (0.6 + 0.8 * y / h)
        colour = rng.choice(FLOWERS)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        draw.ellipse((x - r * 0.35, y - r * 0.35, x + r * 0.35, y + r * 0.35), fill=(250, 236, 170))
    return near


def colour_mix(a: RGB, b: RGB, t: float = 0.5) -> RGB:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def figure(layer: Image.Image, cx: float, ground: float, height: float, colour: RGB,
           child: bool = False) -> None:
    """A flat head-and-shoulders silhouette whose head top is ``height`` above ``ground``."""
    draw = ImageDraw.Draw(layer)
    d = height * (0.3 if child else 0.26)  # head height
    top = ground - height
    fill = colour + (250,)
    edge = colour_mix(colour, (255, 255, 255), 0.3) + (255,)
    shoulders = d * (1.9 if child else 2.35)
    torso = (cx - shoulders / 2, top + d * 1.12, cx + shoulders / 2, ground + height)
    draw.rounded_rectangle(torso, radius=d * 0.75, fill=fill, outline=edge, width=3)
    draw.rectangle((cx - d * 0.17, top + d * 0.8, cx + d * 0.17, top + d * 1.2), fill=fill)
    draw.ellipse((cx - d * 0.4, top, cx + d * 0.4, top + d), fill=fill, outline=edge, width=3)


def people_row(img: Image.Image, rng: random.Random, n: int, ground: float, tallest: float,
               span: tuple[float, float], family: bool = False) -> None:
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    w = img.size[0]
    left, right = span[0] * w, span[1] * w
    gap = (right - left) / max(n, 1)
    order = list(range(n))
    # Back row first so the front row overlaps it.
    for k in sorted(order, key=lambda k: k % 2 == 0):
        child = family and k >= 2
        height = tallest * (0.62 if child else rng.uniform(0.9, 1.0))
        row_ground = ground - (tallest * 0.08 if (k % 2 and n > 4) else 0)
        cx = left + gap * (k + 0.5) + rng.uniform(-gap * 0.08, gap * 0.08)
        figure(layer, cx, row_ground, height, rng.choice(FIGURE_COLOURS), child=child)
    img.paste(layer, (0, 0), layer)


def draw_scene(spec: Spec) -> Image.Image:
    rng = random.Random(spec.seed)
    w, h = spec.size
    top, bottom = SKIES[spec.seed % len(SKIES)]
    img = gradient(spec.size, top, bottom)
    if spec.scene == "meeting":
        # A hall: wall gradient, a banner, a long table and participants seen from behind it.
        draw = ImageDraw.Draw(img)
        banner = (w * 0.1, h * 0.08, w * 0.9, h * 0.3)
        draw.rounded_rectangle(banner, radius=18, fill=(170, 40, 46))
        for i in range(3):
            y = h * (0.13 + 0.05 * i)
            draw.rounded_rectangle((w * 0.2, y, w * (0.8 - 0.1 * i), y + h * 0.022), radius=6,
                                   fill=(246, 220, 160))
        # A pine-hill picture hung on the wall, for the Lâm Đồng touch.
        frame = Image.new("RGB", (int(w * 0.22), int(h * 0.2)))
        frame.paste(gradient(frame.size, *SKIES[(spec.seed + 1) % len(SKIES)]))
        landscape(frame, rng, frame.size[1] * 0.45)
        img.paste(frame, (int(w * 0.04), int(h * 0.36)))
        img.paste(frame.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (int(w * 0.74), int(h * 0.36)))
        people_row(img, rng, spec.people, h * 0.78, h * 0.42, (0.08, 0.92))
        draw = ImageDraw.Draw(img)
        draw.rectangle((0, h * 0.72, w, h), fill=(120, 84, 60))
        draw.rectangle((0, h * 0.72, w, h * 0.74), fill=(150, 110, 80))
        for i in range(spec.people):
            x = w * (0.08 + 0.84 * (i + 0.5) / spec.people)
            draw.rectangle((x - 14, h * 0.69, x + 14, h * 0.72), fill=(235, 235, 225))
    else:
        horizon = h * {"portrait": 0.55, "landscape": 0.42}.get(spec.scene, 0.5)
        near = landscape(img, rng, horizon)
        if spec.scene == "portrait":
            layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
            cx = w * rng.uniform(0.45, 0.55)
            figure(layer, cx, h * 0.72, h * 0.46, rng.choice(FIGURE_COLOURS))
            img.paste(layer, (0, 0), layer)
        elif spec.scene in ("group", "family"):
            span = (0.06, 0.94) if spec.scene == "group" else (0.2, 0.8)
            people_row(img, rng, spec.people, h * 0.9, h * 0.55, span,
                       family=spec.scene == "family")
        elif spec.scene == "landscape" and spec.people:
            ground = height_at(near, w * 0.5) + h * 0.35
            people_row(img, rng, spec.people, ground, h * 0.3, (0.55, 0.9))
    return img.filter(ImageFilter.SMOOTH)


# -- encoding -----------------------------------------------------------------------------------

def sample_exif() -> Image.Exif:
    """Camera, orientation and a made-up position by Hồ Xuân Hương, Đà Lạt."""
    exif = Image.Exif()
    exif[0x010F] = "GuongSang Sample Camera"  # Make (EXIF text is ASCII)
    exif[0x0110] = "GS-Sample 1"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x0131] = "make_sample_photos.py"  # Software
    gps = exif.get_ifd(0x8825)
    gps[0x0000] = b"\x02\x03\x00\x00"  # GPSVersionID
    gps[0x0001] = "N"
    gps[0x0002] = (11.0, 56.0, 30.5)  # 11°56'30.5" N
    gps[0x0003] = "E"
    gps[0x0004] = (108.0, 26.0, 40.2)  # 108°26'40.2" E
    gps[0x0005] = b"\x00"  # above sea level
    gps[0x0006] = 1500.0
    return exif


def encode(spec: Spec) -> bytes:
    img = draw_scene(spec)
    out = io.BytesIO()
    if spec.name.lower().endswith(".png"):
        img.quantize(colors=96, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            out, "PNG", optimize=True)
    elif spec.exif_gps:
        # Orientation 6 means "rotate 90° clockwise to display": store the pixels turned the
        # other way, so a viewer that honours the tag shows the picture upright.
        img.rotate(90, expand=True).save(out, "JPEG", quality=JPEG_QUALITY, exif=sample_exif())
    else:
        img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = too_big = 0
    for spec in SPECS:
        target = PROFILES / spec.slug / spec.name
        rel = target.relative_to(ROOT)
        data = encode(spec)
        if len(data) > MAX_BYTES:
            print(f"quá lớn ({len(data)} byte > {MAX_BYTES}): {rel}", file=sys.stderr)
            too_big += 1
        if target.is_file() and target.read_bytes() == data:
            continue
        stale += 1
        if check:
            print(f"cần tạo lại: {rel}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"đã ghi {rel} ({len(data) // 1024} KB)")
    return 1 if too_big or (check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
