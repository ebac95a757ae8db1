"""Links between records: campaigns, models and profiles named by slug must exist."""
from __future__ import annotations

from collections.abc import Iterator

from ..load.conform import did_you_mean
from ..load.corpus import Corpus
from ..problems import Problem
from ..records import Record
from . import at, rule

_WHAT = {
    "campaigns": ("phong trào", "content/phong-trao/{}.md"),
    "models": ("mô hình, sáng kiến", "content/mo-hinh/{}.md"),
    "profiles": ("hồ sơ", "profiles/{}/index.md"),
}


def _check(record: Record, key: str, slugs: list[str], kind: str,
           known: dict[str, object]) -> Iterator[Problem]:
    what, pattern = _WHAT[kind]
    for i, slug in enumerate(slugs):
        if slug in known:
            continue
        guess = did_you_mean(slug, list(known))
        msg = f"Không tìm thấy {what} \"{slug}\" (cần tệp {pattern.format(slug)})."
        if guess:
            msg += f" Có phải ý bạn là `{guess}`?"
        yield at(record, (key, i), "lien-ket-hong", msg,
                 f"Dùng đúng tên tệp, không có phần .md, ví dụ: - {guess or next(iter(known), 'ten-tep')}")


@rule("lien-ket-hong")
def broken_links(corpus: Corpus) -> Iterator[Problem]:
    """Every campaign, model and profile named in a record exists.

    PASS: ``phong_trao: [thi-dua-chuyen-doi-so-2024]`` with content/phong-trao/thi-dua-chuyen-doi-so-2024.md present
    FAIL: ``phong_trao: [thi-dua-chuyen-doi-so]`` -> "Không tìm thấy phong trào …"
    """
    for p in corpus.profiles.values():
        yield from _check(p, "phong_trao", p.phong_trao, "campaigns", corpus.campaigns)
        yield from _check(p, "mo_hinh", p.mo_hinh, "models", corpus.models)
        yield from _check(p, "khong_trung_voi", p.khong_trung_voi, "profiles", corpus.profiles)
    for m in corpus.models.values():
        yield from _check(m, "tac_gia", m.tac_gia, "profiles", corpus.profiles)
        yield from _check(m, "phong_trao", m.phong_trao, "campaigns", corpus.campaigns)
    for s in corpus.stories.values():
        yield from _check(s, "ho_so", s.ho_so, "profiles", corpus.profiles)
        yield from _check(s, "phong_trao", s.phong_trao, "campaigns", corpus.campaigns)
        yield from _check(s, "mo_hinh", s.mo_hinh, "models", corpus.models)


@rule("tac-gia-khong-khop")
def model_authorship(corpus: Corpus) -> Iterator[Problem]:
    """A profile that lists a model must be among that model's authors.

    PASS: profile a lists ``mo_hinh: [m]`` and m lists ``tac_gia: [a]``
    FAIL: profile a lists ``mo_hinh: [m]`` but m's ``tac_gia`` omits a
    """
    for p in corpus.profiles.values():
        for i, slug in enumerate(p.mo_hinh):
            model = corpus.models.get(slug)
            if model and p.slug not in model.tac_gia:
                yield at(p, ("mo_hinh", i), "tac-gia-khong-khop",
                         f"Hồ sơ ghi là tác giả của \"{model.ten}\", nhưng tệp {model.file} "
                         f"không có \"{p.slug}\" trong `tac_gia`.",
                         f"Thêm \"- {p.slug}\" vào `tac_gia` của {model.file}, hoặc bỏ dòng này.")
