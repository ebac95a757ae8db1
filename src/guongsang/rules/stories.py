"""Stories and news (tin bài): an address of their own, and nobody named without consent."""
from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..load.corpus import Corpus
from ..problems import Problem
from ..text import slugify
from . import at, rule


@rule("ten-tin-bai")
def story_names(corpus: Corpus) -> Iterator[Problem]:
    """A story's folder (or former folder) is not one of the names the listing pages use.

    PASS: ``stories/phat-dong-phong-trao-2026/index.md``
    FAIL: ``stories/trang/index.md`` -> tin-bai/trang/ holds the pages 2, 3… of the index
    """
    taken = ", ".join(f"\"{n}\"" for n in urls.STORY_LISTINGS)
    for s in corpus.stories.values():
        for path, name in [((), s.slug), *((("slug_cu", i), old) for i, old in enumerate(s.slug_cu))]:
            if name not in urls.STORY_LISTINGS:
                continue
            if path:
                hint = (f"Bỏ dòng này: địa chỉ {urls.STORIES}/{name}/ thuộc các trang danh sách, "
                        "không dẫn tới bài được.")
            else:
                title = slugify(s.tieu_de)
                better = title if title and title not in urls.STORY_LISTINGS else f"{name}-{s.year}"
                hint = f"Đổi tên thư mục theo tiêu đề bài, ví dụ: stories/{better}/"
            yield at(s, path, "ten-tin-bai",
                     f"Tên thư mục tin bài \"{name}\" trùng với phần dành cho các trang danh "
                     f"sách ({urls.STORIES}/{name}/…): các tên {taken} không dùng được.", hint)


@rule("tin-bai-ho-so-an")
def consent(corpus: Corpus) -> Iterator[Problem]:
    """A story names only people whose profile is published (consent given, not withdrawn).

    A story is about the people it links to: published while their profile is not, it would
    say in public what the person did not (or no longer) agree to publish.

    PASS: ``ho_so: [dang-thi-thuy]`` with ``dong_y_cong_bo: true`` in her profile
    FAIL: ``ho_so: [tran-van-an]`` whose profile has ``thu_hoi`` -> "chưa được công bố"
    """
    for s in corpus.stories.values():
        for i, slug in enumerate(s.ho_so):
            p = corpus.profiles.get(slug)
            if p is None or p.published:
                continue  # a missing profile is the broken-link rule's
            why = "đã rút khỏi trang" if p.thu_hoi is not None else "chưa đồng ý công bố"
            yield at(s, ("ho_so", i), "tin-bai-ho-so-an",
                     f"Bài viết nói về \"{p.ho_ten}\", nhưng hồ sơ {p.file} {why}: bài không được "
                     "đăng khi người trong bài chưa đồng ý.",
                     "Bỏ dòng này và mọi chỗ nhắc tới người đó trong bài, hoặc chờ hồ sơ có "
                     "dong_y_cong_bo: true.")
