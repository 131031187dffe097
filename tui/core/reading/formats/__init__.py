"""File formats: each reader turns one file's bytes into articles, or problems.

A reader takes a `RawFile` (the bytes as read, perhaps cut at the size limit) and
returns a list of `Article` and `Problem`, each naming the file. Readers never
raise for bad input: whatever is wrong with the bytes becomes a `Problem`.
"""
