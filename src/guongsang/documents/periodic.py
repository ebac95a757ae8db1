"""The periodic report to Ban Thi đua – Khen thưởng tỉnh as DOCX and PDF.

The figures and lists are those of :mod:`guongsang.reports.periodic` (same functions, same
counting rules); only the presentation differs.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from ..editor.scaffold import level_phrase
from ..load.corpus import Corpus
from ..reports import EXEMPLAR_STATUSES, Period, percent
from ..reports import periodic as source
from ..text import format_date
from .layout import Layout
from .model import Document, Letterhead, Signature, heading, para, table, title


def periodic_report(corpus: Corpus, today: date, period: Period, layout: Layout) -> Document:
    given = source.given_in(corpus, period)
    c = source.count(corpus, given)
    names = source._level_names(corpus)
    doc = Document(f"bao-cao-dinh-ky-{period.label}")
    doc.add(Letterhead(layout.parent, layout.unit.upper(),
                       f"Số: ……/BC-{layout.unit_code or '…'}", layout.place_date(today)))
    doc.add(title("BÁO CÁO", "Kết quả công tác thi đua, khen thưởng và gương điển hình tiên tiến "
                  + period.text))
    doc.add(para(f"Kính gửi: Sở Nội vụ tỉnh {layout.place} (Ban Thi đua – Khen thưởng).",
                 align="center", space_after=8))
    doc.add(para(source._intro(corpus, period), first_indent=True))
    doc.add(heading("I. KẾT QUẢ KHEN THƯỞNG"))
    if c.total:
        doc.add(para(
            f"Trong kỳ (tính theo ngày ký quyết định), đơn vị có {c.total} lượt khen thưởng: "
            f"{c.by_level['nha_nuoc']} lượt cấp {level_phrase(names['nha_nuoc'])}, "
            f"{c.by_level['tinh']} lượt cấp {level_phrase(names['tinh'])}, "
            f"{c.by_level['co_so']} lượt cấp {level_phrase(names['co_so'])}. "
            f"Tỉ lệ khen thưởng cấp tỉnh và cấp Nhà nước: {c.high}/{c.total} lượt "
            f"({percent(c.high, c.total)}).", first_indent=True))
    else:
        doc.add(para("Trong kỳ chưa có quyết định khen thưởng nào được ghi trong hồ sơ.",
                     first_indent=True))
    levels = source.LEVELS
    doc.add(para("1. Theo cấp khen thưởng", bold=True, align="left", keep_with_next=True))
    doc.add(table(["Cấp", "Số lượt", "Tỉ lệ"],
                  [[names[lv], c.by_level[lv], percent(c.by_level[lv], c.total)]
                   for lv in reversed(levels)] + [["Tổng cộng", c.total, percent(c.total, c.total)]],
                  [4, 2, 2], 11, ["left", "center", "center"]))
    heads = [names[lv] for lv in levels] + ["Tổng"]
    total_row = Counter({lv: c.by_level[lv] for lv in levels})
    doc.add(para("2. Theo đơn vị", bold=True, align="left", keep_with_next=True))
    doc.add(table(["Đơn vị", *heads],
                  [[name, *source._row(ct)] for name, ct in c.by_unit]
                  + [["Tổng cộng", *source._row(total_row)]],
                  [5, 1.4, 1.4, 1.4, 1.4], 11, ["left", "center", "center", "center", "center"]))
    doc.add(para("3. Theo lĩnh vực", bold=True, align="left", keep_with_next=True))
    doc.add(table(["Lĩnh vực", *heads], [[name, *source._row(ct)] for name, ct in c.by_field],
                  [5, 1.4, 1.4, 1.4, 1.4], 11, ["left", "center", "center", "center", "center"]))
    doc.add(para("Một hồ sơ có thể thuộc nhiều lĩnh vực nên tổng các dòng có thể lớn hơn tổng số "
                 "lượt khen thưởng.", italic=True, size=11))
    doc.add(heading("II. GƯƠNG ĐIỂN HÌNH TIÊU BIỂU, TIÊN TIẾN"))
    chosen = source.exemplars(corpus, period)
    for k, status in enumerate(EXEMPLAR_STATUSES, 1):
        group = [p for p in chosen if p.trang_thai == status]
        doc.add(para(f"{k}. {corpus.ref.label('trang_thai', status)} ({len(group)})", bold=True,
                     align="left", keep_with_next=True))
        if not group:
            doc.add(para("Không có.", align="left"))
        for i, p in enumerate(group, 1):
            head = f"{i}. {p.ho_ten} – {source._who(p, corpus)}."
            if p.ngay_cong_nhan:
                head += f" Công nhận ngày {format_date(p.ngay_cong_nhan)}."
            doc.add(para(head + (f" {p.tom_tat}" if p.tom_tat else ""), align="left",
                         space_before=2))
            items = [f"Thành tích – {t}" for t in source._achievements(p, period, corpus)]
            items += [f"Khen thưởng – {d}" for d in source._decisions(p, period, corpus)]
            for item in items or ["Trong kỳ chưa ghi nhận thành tích, khen thưởng mới."]:
                doc.add(para(f"– {item}", align="left", space_after=1, size=12))
    doc.add(Signature(layout.signer_title, layout.signer_name, recipients=layout.recipients))
    return doc
