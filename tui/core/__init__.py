"""The pure core of storyreader, one package per stage of its pipeline.

Bytes become articles, articles become sentences, sentences are aligned, a story's
alignments are summed up, and reports render the result::

    spans      Span: the character offsets every layer speaks
    text       what may be shown: the one safe-character rule, plain text, Markdown
               documents that map every displayed character to its source, find
    language   sentences, tokens, quotations, speakers, figures
    metadata   headline, outlet, agency, date, byline, URL, front matter
    reading    paths and bytes to articles: walking, decoding, file formats
    alignment  sentence units, the tiered alignment, the story index, word diffs,
               the comparison of two articles
    story      the story model (articles cut into units once, one comparison per
               pair) and the overview built on it: matrix, copy/figure/quote groups
    reports    what the headless commands print: listing, comparison, overview

A package imports only from packages above it in this list (``tests/core/
test_layers.py`` checks it). Nothing under ``tui.core`` imports Textual or Rich
(ruff's TID251 and ``tests/core/test_boundary.py``), so the CLI, the app and the
tests share one tested engine.
"""
