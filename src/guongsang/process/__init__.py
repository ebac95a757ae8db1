"""The commendation process: nominations, the council's review and votes, decisions.

Internal records (``noi-bo/`` by default, or a private repository: :mod:`.config`) are read only
by ``guongsang check`` and the process commands, never by the site build. Module by module:
:mod:`.config` (where the records live), :mod:`.records` (typed records), :mod:`.council`
(quorum and vote thresholds from ``data/hoi-dong.yml``), :mod:`.load` (reading and checking the
shapes), :mod:`.state` (the state of a nomination, derived, never typed), :mod:`.eligibility`
(the one adapter to the legal condition engine), :mod:`.writeback` (a decision written into the
profile, so it is typed once), :mod:`.scaffold` (new nominations and meetings) and
:mod:`.comment` (the verdict posted on a pull request). The checks are in
:mod:`guongsang.rules.process`, the documents in :mod:`guongsang.documents`.
"""
