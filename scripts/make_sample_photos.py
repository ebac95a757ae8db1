"""Draw the illustrative photos of the sample profiles (profiles/<slug>/*.jpg, *.png) and the
covers of the sample stories (stories/<slug>/anh-bia.jpg).

The pictures are deliberately *not* photographs, and nobody's face: flat, faceless figures in
the places of Lâm Đồng (pine hills, Hồ Xuân Hương, the hillside houses of Đà Lạt, a flower
market, an office, a meeting hall). To look like a real site's photos they differ in what a
photo would: the scene, the framing (a figure off-centre, half or three-quarter length, near
or far), and the people — height, build, hair or hat (nón lá, cap, bun), clothes (áo dài,
shirt, jacket) and what they hold (a camera, a flag, a box, a folder) — so no group is a row
of identical silhouettes.

Everything is seeded, so the script is idempotent: running it again produces the same bytes
and rewrites nothing. ``--check`` only reports files that are missing or out of date (exit 1).

One file is special on purpose: ``profiles/dang-thi-thuy/chan-dung.jpg`` carries EXIF with a
GPS position near Đà Lạt, a camera Make/Model and Orientation=6 (pixels stored sideways), so
tests can prove that the site strips EXIF and applies the orientation before publishing.

Usage:  python scripts/make_sample_photos.py [--check]
"""
from __future__ import annotations

import io
import itertools
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
STORIES = ROOT / "stories"
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
    place: str = "hills"
    """Where: hills | lake | town | office | market (ignored by meeting)."""
    exif_gps: bool = False
    """Store EXIF (GPS, Make/Model, Orientation=6) with the pixels rotated accordingly."""
    story: bool = False
    """A story's cover: ``slug`` is a folder under stories/."""

    @property
    def target(self) -> Path:
        return (STORIES if self.story else PROFILES) / self.slug / self.name


SPECS: list[Spec] = [
    Spec("le-minh-duc", "chan-dung.jpg", "portrait", (960, 1200), 101, place="office"),
    Spec("le-minh-duc", "hoi-nghi-xuc-tien.jpg", "meeting", (1280, 800), 102, people=6),
    Spec("le-minh-duc", "khao-sat-du-an.jpg", "work", (1200, 800), 103, people=2),
    Spec("dang-thi-thuy", "chan-dung.jpg", "portrait", (900, 1200), 201, place="lake",
         exif_gps=True),
    Spec("nguyen-thi-hoa", "chan-dung.jpg", "portrait", (960, 1200), 301, place="town"),
    Spec("phan-van-hoa", "chan-dung.png", "portrait", (800, 1000), 401, place="office"),
    Spec("ung-thi-my-duyen", "chan-dung.jpg", "portrait", (900, 1125), 501, place="hills"),
    Spec("ho-thi-thanh-tam", "chan-dung.jpg", "portrait", (960, 1200), 601, place="market"),
    Spec("ho-thi-thanh-tam", "tiep-doan-doanh-nghiep.jpg", "meeting", (1200, 800), 602, people=5),
    Spec("mai-thi-phuong", "chan-dung.jpg", "portrait", (900, 1200), 701, place="town"),
    Spec("trinh-quoc-bao", "chan-dung.jpg", "portrait", (960, 1200), 801, place="lake"),
    Spec("phong-xuc-tien-du-lich", "tap-the.jpg", "group", (1400, 900), 901, people=7,
         place="lake"),
    Spec("chi-doan-thanh-nien-trung-tam", "tap-the.jpg", "group", (1400, 860), 1001, people=9),
    Spec("chi-doan-thanh-nien-trung-tam", "tinh-nguyen.jpg", "work", (1200, 800), 1002,
         people=4, place="lake"),
    Spec("to-bien-tap-ban-tin-xuc-tien", "tap-the.jpg", "group", (1280, 820), 1101, people=4,
         place="office"),
    Spec("gia-dinh-anh-luong-van-son", "gia-dinh.jpg", "family", (1280, 860), 1201, people=4),
    # Story covers: wide (16:9 or 3:2), each a different scene.
    Spec("phat-dong-moi-vien-chuc-mot-viec-tot", "anh-bia.jpg", "meeting", (1280, 720), 2001,
         people=8, story=True),
    Spec("tong-ket-thi-dua-chuyen-doi-so", "anh-bia.jpg", "group", (1280, 720), 2002,
         people=10, place="office", story=True),
    Spec("so-tay-nha-dau-tu-dien-tu-ve-xa-lac-duong", "anh-bia.jpg", "work", (1280, 720), 2003,
         people=3, place="hills", story=True),
    Spec("phien-cho-nong-san-truc-tuyen-lan-toa", "anh-bia.jpg", "work", (1280, 720), 2004,
         people=4, place="market", story=True),
    Spec("nguoi-o-lai-den-khi-gia-dinh-toi", "anh-bia.jpg", "work", (1280, 720), 2005,
         people=2, place="hills", story=True),
    Spec("dua-da-lat-den-ban-be-bang-video-ngan", "anh-bia.jpg", "work", (1200, 800), 2006,
         people=2, place="lake", story=True),
    Spec("thu-bay-xanh-tu-chi-doan-den-cong-doan", "anh-bia.jpg", "work", (1280, 720), 2007,
         people=5, place="town", story=True),
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
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
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


HAIR: list[RGB] = [(34, 28, 26), (52, 38, 30), (24, 24, 30), (70, 50, 36)]
SKIN: list[RGB] = [(214, 170, 130), (198, 150, 112), (226, 184, 146), (180, 132, 96)]
CLOTHES: list[RGB] = [(44, 62, 80), (178, 48, 52), (36, 110, 140), (236, 236, 228),
                      (92, 120, 60), (120, 70, 130), (210, 160, 50), (60, 60, 70)]
STYLES = ("short", "long", "bun", "non_la", "cap", "short", "long")
OUTFITS = ("shirt", "jacket", "ao_dai", "shirt", "vest")
PROPS = (None, None, "camera", "folder", "flag", "box", "bag")


@dataclass(frozen=True)
class Look:
    """How one figure looks: no two in a picture are drawn alike (a face is never drawn)."""

    skin: RGB
    hair: RGB
    clothes: RGB
    style: str
    outfit: str
    prop: str | None
    build: float
    """Shoulder width relative to the head."""


def look(rng: random.Random, prop: bool = True) -> Look:
    return Look(rng.choice(SKIN), rng.choice(HAIR), rng.choice(CLOTHES), rng.choice(STYLES),
                rng.choice(OUTFITS), rng.choice(PROPS) if prop else None,
                rng.uniform(2.0, 2.7))


def figure(layer: Image.Image, cx: float, ground: float, height: float, who: Look,
           child: bool = False, legs: bool = False) -> None:
    """A faceless person whose head top is ``height`` above ``ground`` (the picture's lower
    edge cuts the body for a half-length portrait; ``legs`` draws a whole standing figure)."""
    draw = ImageDraw.Draw(layer)
    d = height * (0.3 if child else 0.22) * (0.8 if legs else 1)  # head height
    top = ground - height
    skin, cloth = who.skin + (255,), who.clothes + (255,)
    dark = colour_mix(who.clothes, (0, 0, 0), 0.25) + (255,)
    hair = who.hair + (255,)
    shoulders = d * (1.7 if child else who.build)
    neck_y, chest_y = top + d * 0.95, top + d * 1.2
    body_end = top + d * (3.6 if legs else 9)
    # Body: a tunic that flares below the waist for áo dài, a straighter shirt or jacket.
    flare = shoulders * (0.75 if who.outfit == "ao_dai" else 0.55)
    hem = (min(top + d * (4.6 if who.outfit == "ao_dai" else 3.4), ground - height * 0.25)
           if legs else body_end)
    draw.polygon([(cx - shoulders / 2, chest_y), (cx + shoulders / 2, chest_y),
                  (cx + flare, hem), (cx - flare, hem)], fill=cloth)
    draw.ellipse((cx - shoulders / 2, chest_y - d * 0.25, cx + shoulders / 2, chest_y + d * 0.5),
                 fill=cloth)
    if who.outfit in ("jacket", "vest"):  # an open front, so the shirt shows
        draw.polygon([(cx - d * 0.22, chest_y), (cx + d * 0.22, chest_y), (cx, chest_y + d * 1.2)],
                     fill=(240, 240, 236, 255))
        draw.line([(cx, chest_y + d * 1.2), (cx, hem)], fill=dark, width=max(2, int(d * 0.05)))
    # Arms along the body; one raised when holding a flag.
    arm = d * 0.32
    for side in (-1, 1):
        x = cx + side * (shoulders / 2 - arm * 0.2)
        draw.rounded_rectangle((x - arm / 2, chest_y, x + arm / 2, chest_y + d * 2.3),
                               radius=arm / 2, fill=dark)
    if legs:
        for side in (-1, 1):
            x = cx + side * flare * 0.4
            draw.rounded_rectangle((x - d * 0.17, hem - d * 0.1, x + d * 0.17, ground),
                                   radius=d * 0.1, fill=(50, 50, 58, 255))
    # Neck and head (no face: skin only), then hair or a hat.
    draw.rectangle((cx - d * 0.15, top + d * 0.7, cx + d * 0.15, neck_y + d * 0.3), fill=skin)
    draw.ellipse((cx - d * 0.38, top, cx + d * 0.38, top + d), fill=skin)
    if who.style == "non_la":  # the conical hat
        draw.polygon([(cx, top - d * 0.55), (cx - d * 0.95, top + d * 0.3),
                      (cx + d * 0.95, top + d * 0.3)], fill=(226, 204, 150, 255))
    elif who.style == "cap":
        draw.chord((cx - d * 0.42, top - d * 0.08, cx + d * 0.42, top + d * 0.6), 180, 360,
                   fill=cloth)
        draw.rectangle((cx, top + d * 0.22, cx + d * 0.6, top + d * 0.3), fill=cloth)
    else:
        draw.chord((cx - d * 0.42, top - d * 0.06, cx + d * 0.42, top + d * 0.7), 180, 360,
                   fill=hair)
        if who.style == "long":
            draw.rounded_rectangle((cx - d * 0.44, top + d * 0.2, cx + d * 0.44, top + d * 1.5),
                                   radius=d * 0.3, fill=hair)
            draw.ellipse((cx - d * 0.34, top + d * 0.12, cx + d * 0.34, top + d), fill=skin)
        elif who.style == "bun":
            draw.ellipse((cx - d * 0.2, top - d * 0.32, cx + d * 0.2, top + d * 0.05), fill=hair)
    prop_of(draw, who.prop, cx, chest_y, d, shoulders)


def prop_of(draw: ImageDraw.ImageDraw, prop: str | None, cx: float, chest: float, d: float,
            shoulders: float) -> None:
    """What a figure holds in front of it."""
    if prop == "camera":
        draw.rounded_rectangle((cx - d * 0.4, chest + d * 0.6, cx + d * 0.4, chest + d * 1.1),
                               radius=d * 0.08, fill=(30, 30, 34, 255))
        draw.ellipse((cx - d * 0.16, chest + d * 0.64, cx + d * 0.16, chest + d * 0.96),
                     fill=(90, 110, 130, 255))
    elif prop == "folder":
        draw.rectangle((cx + d * 0.1, chest + d * 1.0, cx + d * 0.9, chest + d * 2.0),
                       fill=(40, 90, 170, 255))
    elif prop == "box":
        draw.rectangle((cx - d * 0.7, chest + d * 1.2, cx + d * 0.7, chest + d * 2.2),
                       fill=(196, 150, 96, 255), outline=(150, 110, 70, 255), width=3)
    elif prop == "bag":
        draw.rounded_rectangle((cx + shoulders / 2 - d * 0.1, chest + d * 1.4,
                                cx + shoulders / 2 + d * 0.5, chest + d * 2.1),
                               radius=d * 0.1, fill=(120, 70, 40, 255))
    elif prop == "flag":
        pole = cx + shoulders / 2 + d * 0.1
        draw.line([(pole, chest - d * 2.2), (pole, chest + d * 2.0)], fill=(90, 90, 90, 255),
                  width=max(2, int(d * 0.06)))
        draw.rectangle((pole, chest - d * 2.2, pole + d * 1.1, chest - d * 1.45),
                       fill=(200, 30, 36, 255))
        draw.regular_polygon((pole + d * 0.55, chest - d * 1.82, d * 0.2), 5, rotation=54,
                             fill=(250, 214, 40, 255))


def people(img: Image.Image, rng: random.Random, n: int, ground: float, tallest: float,
           span: tuple[float, float], family: bool = False, legs: bool = False) -> None:
    """``n`` different people across ``span``: two staggered rows from five on, uneven gaps,
    different heights (children in a family), the back row drawn first."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    w = img.size[0]
    left, right = span[0] * w, span[1] * w
    gap = (right - left) / max(n, 1)
    slots = [left + gap * (k + 0.5) + rng.uniform(-gap * 0.18, gap * 0.18) for k in range(n)]
    rows = [k % 2 == 1 and n > 4 for k in range(n)]  # True: back row
    for k in sorted(range(n), key=lambda k: not rows[k]):
        child = family and k >= 2
        scale = (0.58 if child else rng.uniform(0.84, 1.0)) * (0.9 if rows[k] else 1.0)
        row_ground = ground - (tallest * 0.1 if rows[k] else 0)
        figure(layer, slots[k], row_ground, tallest * scale, look(rng, prop=not child),
               child=child, legs=legs)
    img.paste(layer, (0, 0), layer)


def lake(img: Image.Image, rng: random.Random, level: float) -> None:
    """Hồ Xuân Hương: water below ``level`` with a blurred reflection of the sky and hills."""
    w, h = img.size
    above = img.crop((0, int(max(0, 2 * level - h)), w, int(level)))
    mirror = above.transpose(Image.Transpose.FLIP_TOP_BOTTOM).filter(ImageFilter.GaussianBlur(6))
    water = Image.blend(mirror.resize((w, h - int(level))), Image.new("RGB", (w, h - int(level)),
                        (70, 120, 150)), 0.45)
    img.paste(water, (0, int(level)))
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        y = rng.uniform(level + 6, h)
        x = rng.uniform(0, w)
        draw.line([(x, y), (x + rng.uniform(20, 90), y)], fill=(220, 236, 240), width=2)


HOUSE_COLOURS: list[RGB] = [(236, 214, 160), (214, 120, 100), (240, 236, 224), (170, 200, 190),
                            (230, 180, 120), (200, 170, 210)]


def hillside_town(img: Image.Image, rng: random.Random, horizon: float) -> None:
    """The houses of Đà Lạt stacked up a hill, with red and blue roofs."""
    w, h = img.size
    draw = ImageDraw.Draw(img)
    hill = ridge(rng, w, horizon, h * 0.08)
    draw.polygon(hill + [(w + 80, h), (-80, h)], fill=(96, 140, 110))
    for row in range(6):
        y0 = horizon + row * h * 0.07
        x = rng.uniform(-40, 0)
        while x < w:
            bw, bh = rng.uniform(w * 0.04, w * 0.08), rng.uniform(h * 0.05, h * 0.09)
            base = max(height_at(hill, x + bw / 2), y0) + row * 6
            draw.rectangle((x, base - bh, x + bw, base), fill=rng.choice(HOUSE_COLOURS))
            roof = rng.choice([(170, 60, 50), (60, 90, 140), (120, 60, 50)])
            draw.polygon([(x - 4, base - bh), (x + bw / 2, base - bh - bh * 0.5),
                          (x + bw + 4, base - bh)], fill=roof)
            for wx in range(2):
                draw.rectangle((x + bw * (0.2 + 0.4 * wx), base - bh * 0.7,
                                x + bw * (0.35 + 0.4 * wx), base - bh * 0.45), fill=(60, 70, 80))
            x += bw + rng.uniform(4, w * 0.03)


def office(img: Image.Image, rng: random.Random) -> None:
    """A room: a wall, a wide window on pine hills, a desk with a laptop and plants."""
    w, h = img.size
    img.paste(gradient(img.size, (232, 226, 214), (210, 204, 190)))
    view = Image.new("RGB", (int(w * 0.56), int(h * 0.42)))
    view.paste(gradient(view.size, *SKIES[rng.randrange(len(SKIES))]))
    landscape(view, rng, view.size[1] * 0.5)
    img.paste(view, (int(w * 0.36), int(h * 0.1)))
    draw = ImageDraw.Draw(img)
    x0, y0 = int(w * 0.36), int(h * 0.1)
    draw.rectangle((x0, y0, x0 + view.size[0], y0 + view.size[1]), outline=(250, 250, 246),
                   width=int(w * 0.012))
    draw.line([(x0 + view.size[0] / 2, y0), (x0 + view.size[0] / 2, y0 + view.size[1])],
              fill=(250, 250, 246), width=int(w * 0.008))
    for i in range(3):  # a shelf of folders on the left wall
        draw.rectangle((w * 0.05, h * (0.2 + 0.12 * i), w * 0.28, h * (0.22 + 0.12 * i)),
                       fill=(150, 110, 80))
        for j in range(6):
            draw.rectangle((w * (0.06 + 0.035 * j), h * (0.12 + 0.12 * i),
                            w * (0.085 + 0.035 * j), h * (0.2 + 0.12 * i)),
                           fill=rng.choice(CLOTHES))


def desk(img: Image.Image, top: float) -> None:
    w, h = img.size
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, top, w, h), fill=(150, 108, 72))
    draw.rectangle((0, top, w, top + h * 0.015), fill=(176, 130, 90))
    draw.polygon([(w * 0.6, top), (w * 0.78, top), (w * 0.8, top - h * 0.12),
                  (w * 0.62, top - h * 0.12)], fill=(60, 64, 72))
    draw.ellipse((w * 0.12, top - h * 0.1, w * 0.2, top), fill=(60, 120, 70))
    draw.rectangle((w * 0.14, top - h * 0.03, w * 0.18, top), fill=(170, 90, 60))


def market(img: Image.Image, rng: random.Random, ground: float) -> None:
    """Stalls of a farm-produce market: striped awnings and crates of vegetables and flowers."""
    w, h = img.size
    draw = ImageDraw.Draw(img)
    x = 0.0
    while x < w:
        sw = rng.uniform(w * 0.22, w * 0.34)
        colour = rng.choice([(200, 60, 50), (40, 110, 170), (230, 170, 40), (60, 140, 90)])
        for i in range(6):
            draw.rectangle((x + sw * i / 6, ground - h * 0.42, x + sw * (i + 1) / 6,
                            ground - h * 0.34), fill=colour if i % 2 else (246, 240, 226))
        draw.rectangle((x + 6, ground - h * 0.34, x + 14, ground), fill=(110, 80, 60))
        draw.rectangle((x + 8, ground - h * 0.12, x + sw - 8, ground - h * 0.04),
                       fill=(150, 108, 72))
        for _ in range(int(sw / 14)):
            cx, r = rng.uniform(x + 14, x + sw - 14), rng.uniform(6, 12)
            draw.ellipse((cx - r, ground - h * 0.12 - r, cx + r, ground - h * 0.12 + r),
                         fill=rng.choice(FLOWERS + [(120, 170, 60), (220, 90, 40)]))
        x += sw + rng.uniform(6, 20)


def background(img: Image.Image, rng: random.Random, place: str, horizon: float) -> None:
    if place == "lake":
        landscape(img, rng, horizon * 0.8)
        lake(img, rng, horizon)
        # The near shore, where people stand: grass and a path along the water.
        w, h = img.size
        draw = ImageDraw.Draw(img)
        shore = ridge(rng, w, h * 0.8, h * 0.015)
        draw.polygon(shore + [(w + 80, h), (-80, h)], fill=(92, 138, 86))
        draw.polygon([(p[0], p[1] + h * 0.05) for p in shore] + [(w + 80, h), (-80, h)],
                     fill=(196, 178, 140))
    elif place == "town":
        hillside_town(img, rng, horizon * 0.7)
    elif place == "office":
        office(img, rng)
    elif place == "market":
        market(img, rng, img.size[1] * 0.78)
    else:
        landscape(img, rng, horizon)


def draw_scene(spec: Spec) -> Image.Image:
    rng = random.Random(spec.seed)
    w, h = spec.size
    top, bottom = SKIES[spec.seed % len(SKIES)]
    img = gradient(spec.size, top, bottom)
    if spec.scene == "meeting":
        meeting(img, rng, spec.people)
    elif spec.scene == "portrait":
        background(img, rng, spec.place, h * 0.5)
        layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
        # Off-centre (a third of the way in) and at a distance the seed chooses.
        cx = w * (rng.choice((0.34, 0.66)) + rng.uniform(-0.04, 0.04))
        height = h * rng.uniform(0.5, 0.62)
        figure(layer, cx, h * 1.02, height, look(rng))
        img.paste(layer, (0, 0), layer)
        if spec.place == "office":
            desk(img, h * 0.86)
    elif spec.scene in ("group", "family"):
        background(img, rng, spec.place, h * 0.42)
        span = (0.05, 0.95) if spec.scene == "group" else (0.18, 0.82)
        people(img, rng, spec.people, h * 0.96, h * 0.62, span, family=spec.scene == "family",
               legs=spec.scene == "family")
    else:  # people at work in a wide view: small, whole figures, away from the centre
        background(img, rng, spec.place, h * 0.42)
        left = rng.choice((0.08, 0.5))
        people(img, rng, spec.people, h * 0.93, h * 0.42, (left, left + 0.42), legs=True)
    return img.filter(ImageFilter.SMOOTH)


def meeting(img: Image.Image, rng: random.Random, n: int) -> None:
    """A hall: a banner, pictures of pine hills, a long table and different participants."""
    w, h = img.size
    draw = ImageDraw.Draw(img)
    banner = (w * 0.1, h * 0.08, w * 0.9, h * 0.3)
    draw.rounded_rectangle(banner, radius=18, fill=(170, 40, 46))
    for i in range(3):
        y = h * (0.13 + 0.05 * i)
        draw.rounded_rectangle((w * 0.2, y, w * (0.8 - 0.1 * i), y + h * 0.022), radius=6,
                               fill=(246, 220, 160))
    frame = Image.new("RGB", (int(w * 0.22), int(h * 0.2)))
    frame.paste(gradient(frame.size, *SKIES[rng.randrange(len(SKIES))]))
    landscape(frame, rng, frame.size[1] * 0.45)
    img.paste(frame, (int(w * 0.04), int(h * 0.36)))
    img.paste(frame.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (int(w * 0.74), int(h * 0.36)))
    people(img, rng, n, h * 0.95, h * 0.5, (0.08, 0.92))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, h * 0.72, w, h), fill=(120, 84, 60))
    draw.rectangle((0, h * 0.72, w, h * 0.74), fill=(150, 110, 80))
    for i in range(n):
        x = w * (0.08 + 0.84 * (i + 0.5) / n) + rng.uniform(-12, 12)
        draw.rectangle((x - 14, h * 0.69, x + 14, h * 0.72), fill=(235, 235, 225))
        draw.rectangle((x + 22, h * 0.7, x + 30, h * 0.72), fill=(60, 110, 170))


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
        target = spec.target
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
