"""Internal documents, generated from the records: DOCX to edit before signing, PDF to print.

One document model (:mod:`.model`: paragraphs, tables, the letterhead and the signature block)
is written twice, by :mod:`.docx` (python-docx) and by :mod:`.pdf` (HTML/CSS laid out by
WeasyPrint), so the two files of a document always hold the same text. The layout (A4, margins,
national heading, the unit, the signer) comes from ``data/mau-van-ban.yml`` (:mod:`.layout`).

Why WeasyPrint rather than LibreOffice headless for the PDF: it is a Python package installed
from the hashed pins like everything else (LibreOffice is a 300+ MB system install and several
seconds of start-up per run), it embeds the vendored Liberation Serif (``fonts/``) whatever fonts
the machine has, and a PDF comes out the same on every machine. The DOCX names Times New Roman,
the typeface official documents use; Liberation Serif has the same metrics, so the pages match.

The builders: :mod:`.council` (council pack, ballot sheet, minutes), :mod:`.achievement`
(báo cáo thành tích), :mod:`.periodic` (report to Ban Thi đua – Khen thưởng tỉnh).
"""
