"""Files for editors generated from :mod:`guongsang.schema` and the checks' code: JSON Schemas
(``json_schema``), record scaffolds and templates (``scaffold``) and the rule table of the editor
guide (``ruledocs``)."""
