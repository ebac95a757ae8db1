"""Reading: files to typed records.

``yamlsrc`` reads UTF-8 text and YAML with the line of every value; ``refdata`` turns
``data/*.yml`` into reference objects; ``conform`` checks a record's front matter against the
declarations of :mod:`guongsang.schema`; ``corpus`` walks a repository and returns every record
with every problem found on the way.
"""
