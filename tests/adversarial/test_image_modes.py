"""Every pixel format a phone, a scanner or an editing program produces is published with its
tones, transparency flattened onto the page colour, an animation by its first frame.

Each test compares output pixels with the source: a 16-bit grayscale PNG once came out almost
white, because Pillow's own conversion clips 16-bit values at 255.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from guongsang.media.images import PAGE_COLOUR, ImageCache, open_image, to_rgb

from . import payloads as P


def _opened(tmp_path: Path, data: bytes, name: str = "anh.png") -> Image.Image:
    path = tmp_path / name
    path.write_bytes(data)
    return open_image(path)


def _row(img: Image.Image, y: int = 0) -> list[tuple[int, int, int]]:
    return [img.getpixel((x, y)) for x in range(img.width)]  # type: ignore[misc]


def _over_page(value: int, alpha: int, page: int = PAGE_COLOUR[0]) -> int:
    return round(value * alpha / 255 + page * (255 - alpha) / 255)


def _close(got: list[tuple[int, ...]], want: list[tuple[int, ...]], tolerance: int = 1) -> bool:
    return len(got) == len(want) and all(
        abs(a - b) <= tolerance for g, w in zip(got, want) for a, b in zip(g, w))


K = [v // 257 for v in P.GREY16]  # the 8-bit tones the 16-bit ones stand for


def test_sixteen_bit_grayscale_keeps_its_tones(tmp_path: Path) -> None:
    img = _opened(tmp_path, P.png_grey16())
    assert _row(img) == [(k, k, k) for k in K] == _row(img, 1)


def test_sixteen_bit_grayscale_with_alpha_is_flattened_onto_the_page(tmp_path: Path) -> None:
    alphas = [255, 255, 192, 128, 64, 16, 1, 0]
    img = _opened(tmp_path, P.png_grey_alpha16())
    want = [(_over_page(k, a),) * 3 for k, a in zip(K, alphas)]
    assert _close(_row(img), want)
    assert _row(img)[-1] == PAGE_COLOUR  # fully transparent: the page shows through


def test_sixteen_bit_rgb_keeps_its_colours(tmp_path: Path) -> None:
    img = _opened(tmp_path, P.png_rgb16())
    assert _row(img) == [(k, 255 - k, 128) for k in K]


def test_sixteen_bit_rgba_is_flattened_onto_the_page(tmp_path: Path) -> None:
    img = _opened(tmp_path, P.png_rgba16())
    want = [(_over_page(k, 128), _over_page(255 - k, 128), _over_page(128, 128)) for k in K]
    assert _close(_row(img), want)


def test_palette_transparency_shows_the_page_colour(tmp_path: Path) -> None:
    img = _opened(tmp_path, P.png_palette_transparent())
    assert _row(img) == [(255, 0, 0), (0, 255, 0), PAGE_COLOUR, (0, 0, 255)]


def test_grayscale_with_alpha_is_flattened(tmp_path: Path) -> None:
    img = _opened(tmp_path, P.png_la())
    assert _close(_row(img), [(100, 100, 100), (_over_page(100, 128),) * 3])


def test_cmyk_jpeg_is_converted_to_rgb(tmp_path: Path) -> None:
    cmyk = Image.new("CMYK", (32, 16))
    cmyk.paste((255, 0, 0, 0), (0, 0, 16, 16))   # cyan
    cmyk.paste((0, 0, 0, 255), (16, 0, 32, 16))  # black
    buf = io.BytesIO()
    cmyk.save(buf, "JPEG", quality=100)
    img = _opened(tmp_path, buf.getvalue(), "in.jpg")
    assert _close([img.getpixel((8, 8)), img.getpixel((24, 8))],  # type: ignore[list-item]
                  [(0, 255, 255), (0, 0, 0)], tolerance=4)


@pytest.mark.parametrize(("payload", "first"), [(P.apng, (255, 0, 0)),
                                                (P.webp_animated, (0, 255, 0))],
                         ids=["apng", "animated-webp"])
def test_an_animation_is_published_by_its_first_frame(tmp_path: Path, payload, first) -> None:
    img = _opened(tmp_path, payload(), "hoat-hinh.webp" if payload is P.webp_animated else "a.png")
    assert img.size == (4, 4)
    assert {img.getpixel((x, y)) for x in range(4) for y in range(4)} == {first}


# -- modes no allowed file format carries, but Pillow may hand over: checked on the function ---

def _one(mode: str, value: object, **info: object) -> Image.Image:
    img = Image.new(mode, (1, 1), value)  # type: ignore[arg-type]
    img.info.update(info)
    return img


@pytest.mark.parametrize(("img", "want"), [
    (_one("I;16", 32896), (128, 128, 128)),
    (_one("I;16B", 65535), (255, 255, 255)),
    (_one("I", 16448), (64, 64, 64)),       # 16-bit values in a 32-bit image
    (_one("I", 200), (200, 200, 200)),      # 8-bit values in a 32-bit image
    (_one("F", 0.5), (128, 128, 128)),      # 0–1 floats
    (_one("F", 64.0), (64, 64, 64)),        # 0–255 floats
    (_one("F", 49344.0), (192, 192, 192)),  # 0–65535 floats
    (_one("1", 1), (255, 255, 255)),
    (_one("L", 7, transparency=7), PAGE_COLOUR),
    (_one("RGB", (1, 2, 3), transparency=(1, 2, 3)), PAGE_COLOUR),
    (_one("RGBA", (0, 0, 0, 0)), PAGE_COLOUR),
    (_one("RGBa", (50, 50, 50, 128)), (177, 177, 177)),  # premultiplied: 100 at half alpha
    (_one("La", (50, 128)), (177, 177, 177)),
    (_one("CMYK", (0, 255, 255, 0)), (255, 0, 0)),
    (_one("YCbCr", (76, 85, 255)), (254, 0, 0)),
    (_one("HSV", (0, 255, 255)), (255, 0, 0)),
], ids=["I;16", "I;16B", "I-16bit", "I-8bit", "F-unit", "F-byte", "F-16bit", "1", "L+trns",
        "RGB+trns", "RGBA-clear", "RGBa", "La", "CMYK", "YCbCr", "HSV"])
def test_every_mode_converts_with_its_tones(img: Image.Image, want: tuple[int, int, int]) -> None:
    out = to_rgb(img)
    assert out.mode == "RGB"
    assert _close([out.getpixel((0, 0))], [want])  # type: ignore[list-item]


def test_a_stretched_range_maps_darkest_to_black_and_lightest_to_white() -> None:
    img = Image.new("I", (2, 1))
    img.putdata([-1000, 100_000])
    assert _row(to_rgb(img)) == [(0, 0, 0), (255, 255, 255)]


def test_the_published_variants_of_a_16_bit_photo_keep_its_tones(tmp_path: Path) -> None:
    """Through the whole pipeline (resize, JPEG and WebP): not the near-white of old."""
    grey = Image.new("I;16", (400, 300), 16448)  # tone 64 of 255
    source = tmp_path / "quet.png"
    grey.save(source, "PNG")
    cache = ImageCache(tmp_path / "cache")
    done = cache.process(source)
    for variant in done.variants:
        with Image.open(cache.path(variant.file)) as out:
            tones = out.convert("L").getextrema()
        assert tones[0] >= 60 and tones[1] <= 68, (variant.file, tones)
