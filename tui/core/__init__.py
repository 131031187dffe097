"""The pure core of storyreader: loading, sentences, alignment and reports.

Nothing under ``tui.core`` imports Textual or Rich (ruff's TID251 enforces it and
``tests/core/test_boundary.py`` checks it), so the CLI, the app and the tests all
share one tested engine. Import from the submodules: ``tui.core.loading``,
``tui.core.sentences``, ``tui.core.align``.
"""
