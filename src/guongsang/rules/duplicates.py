"""The same slug or the same person must not appear twice."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..load.corpus import SLUG_RE, Corpus
from ..problems import Problem, Severity
from ..project import Project
from ..records import Record
from ..text import fold, identity_key, slugify
from . import at, rule


@rule("trung-dia-chi")
def duplicate_slugs(corpus: Corpus) -> Iterator[Problem]:
    """A former slug (``slug_cu``) must not be another record's current or former slug (profiles
    among profiles, stories among stories: each kind has its own part of the site).

    PASS: ``slug_cu: [nguyen-thi-an-cu]`` used once
    FAIL: ``slug_cu: [tran-van-duc]`` while profiles/tran-van-duc/ exists
    """
    project = corpus.project or Project(root=Path("."))
    for records, label, folder in (
            (corpus.profiles, "hồ sơ", project.profiles_dir),
            (corpus.stories, "tin bài", project.stories_dir)):
        yield from _former_slugs(records, label, folder)


def _former_slugs(records: Mapping[str, Record], label: str, folder: str) -> Iterator[Problem]:
    owners: dict[str, str] = {slug: slug for slug in records}
    for p in records.values():
        for i, old in enumerate(getattr(p, "slug_cu", [])):
            if not SLUG_RE.match(old):
                # The redirect page is written at <section>/<old>/: "../" or "/" would put it
                # anywhere in the site.
                yield at(p, ("slug_cu", i), "ten-tep",
                         f"Địa chỉ cũ \"{old}\" phải là tên thư mục cũ: viết thường, không dấu, "
                         "nối bằng dấu gạch ngang.",
                         f"Ghi đúng tên thư mục cũ của {label}, ví dụ: "
                         f"{slugify(old) or 'nguyen-thi-an-cu'}")
            elif old == p.slug:
                yield at(p, ("slug_cu", i), "trung-dia-chi",
                         f"Địa chỉ cũ \"{old}\" trùng với địa chỉ hiện tại của chính {label} này.",
                         "Xoá dòng này: chỉ ghi tên thư mục *trước khi* đổi.")
            elif old in owners:
                other = owners[old]
                yield at(p, ("slug_cu", i), "trung-dia-chi",
                         f"Địa chỉ cũ \"{old}\" đã được dùng bởi {label} {folder}/{other}/.",
                         f"Mỗi địa chỉ chỉ dẫn tới một {label}; bỏ dòng này hoặc kiểm tra lại.")
            else:
                owners[old] = p.slug


@rule("trung-nguoi")
def duplicate_people(corpus: Corpus) -> Iterator[Problem]:
    """The same person (same name, same unit) must have one profile.

    Names are compared ignoring tone placement and i/y ("Hoà" = "Hòa", "Kỹ" = "Kĩ"): an error.
    Names equal once every diacritic is dropped ("Hoa" vs "Hòa") are only a warning.
    PASS: "Nguyễn Thị Hoà" in two different units
    FAIL: "Nguyễn Thị Hoà" and "Nguyễn Thị Hòa" both in phong-xuc-tien-du-lich
    """
    strict: dict[tuple[str, str], list[str]] = defaultdict(list)
    loose: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in corpus.profiles.values():
        strict[(identity_key(p.ho_ten), p.don_vi)].append(p.slug)
        loose[(fold(p.ho_ten), p.don_vi)].append(p.slug)
    reported: set[frozenset[str]] = set()
    for groups, severity in ((strict, Severity.ERROR), (loose, Severity.WARNING)):
        for slugs in groups.values():
            for later in slugs[1:]:
                first = slugs[0]
                pair = frozenset((first, later))
                p, q = corpus.profiles[later], corpus.profiles[first]
                if pair in reported or first in p.khong_trung_voi or later in q.khong_trung_voi:
                    continue
                reported.add(pair)
                how = "trùng tên" if severity is Severity.ERROR else "gần trùng tên (chỉ khác dấu)"
                yield at(p, ("ho_ten",), "trung-nguoi",
                         f"\"{p.ho_ten}\" {how} với \"{q.ho_ten}\" (profiles/{first}/) "
                         "trong cùng đơn vị: có thể một người có hai hồ sơ.",
                         "Gộp hai hồ sơ làm một; nếu đúng là hai người khác nhau, thêm vào hồ sơ này:"
                         f"\n      khong_trung_voi:\n        - {first}", severity)
