"""Paths and bytes to articles: walking folders, reading files, decoding, formats.

`loading` finds and reads files and never raises past a `Problem`; `decoding` turns
bytes into text; `formats` holds one reader per file format, all ending in
`formats.raw.build_article`. `articles` and `problems` are what comes out.
"""
