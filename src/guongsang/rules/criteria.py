"""The plan's general standards and each mass organisation's own criteria."""
from __future__ import annotations

from collections.abc import Iterator

from ..load.corpus import Corpus
from ..problems import Problem
from . import at, rule


def needs_evidence(corpus: Corpus, status: str) -> bool:
    term = corpus.ref.vocab.get("trang_thai", {}).get(status)
    return bool(term and term.extra.get("can_minh_chung"))


@rule("thieu-minh-chung")
def evidence(corpus: Corpus) -> Iterator[Problem]:
    """An exemplar carries evidence for every general standard and its organisation's criteria.

    PASS: ``trang_thai: dien_hinh_tien_tien`` with ``tieu_chuan`` holding chap_hanh,
          hoan_thanh_nhiem_vu, sang_tao and doan_ket
    FAIL: the same without ``doan_ket`` -> "Thiếu minh chứng cho tiêu chuẩn …"
    """
    for p in corpus.profiles.values():
        status_label = corpus.ref.label("trang_thai", p.trang_thai)
        if needs_evidence(corpus, p.trang_thai):
            for std in corpus.ref.standards:
                if not p.tieu_chuan.get(std.id):
                    yield at(p, ("tieu_chuan", std.id), "thieu-minh-chung",
                             f"Hồ sơ \"{status_label}\" thiếu minh chứng cho tiêu chuẩn "
                             f"\"{std.ten}\" (`{std.id}`).",
                             f"Thêm vào mục tieu_chuan, ví dụ:\n      tieu_chuan:\n"
                             f"        {std.id}: <việc làm cụ thể, có số liệu, năm>")
        own = corpus.ref.criteria.get(p.don_vi_de_xuat, [])
        own_ids = {c.id for c in own}
        if needs_evidence(corpus, p.trang_thai):
            org = corpus.ref.units.get(p.don_vi_de_xuat)
            for c in own:
                if not p.tieu_chi_doan_the.get(c.id):
                    yield at(p, ("tieu_chi_doan_the", c.id), "thieu-minh-chung",
                             f"Hồ sơ do {org.ten if org else p.don_vi_de_xuat} đề xuất thiếu minh "
                             f"chứng cho tiêu chí \"{c.ten}\" (`{c.id}`).",
                             f"Thêm vào mục tieu_chi_doan_the, ví dụ:\n      tieu_chi_doan_the:\n"
                             f"        {c.id}: <việc làm cụ thể>")
        for key in p.tieu_chi_doan_the:
            if key not in own_ids:
                owner = next((o for o, items in corpus.ref.criteria.items()
                              if key in {c.id for c in items}), "")
                yield at(p, ("tieu_chi_doan_the", key), "tieu-chi-sai-doan-the",
                         f"Tiêu chí `{key}` thuộc {corpus.ref.units[owner].ten if owner in corpus.ref.units else owner}, "
                         f"không phải của đơn vị đề xuất hồ sơ này "
                         f"(`don_vi_de_xuat: {p.don_vi_de_xuat or 'chưa ghi'}`).",
                         "Sửa `don_vi_de_xuat` hoặc dùng tiêu chí của đúng đoàn thể đề xuất.")
