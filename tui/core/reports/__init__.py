"""What the headless commands print: JSON for scripts, tables and text for people.

`records` is the one JSON shape of an article; `listing`, `comparison` and
`overview` render what ``storyreader list``, ``compare`` and ``overview`` print.
"""
