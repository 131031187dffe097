"""Which sentences of two articles share content, and how literally.

`units` cuts an article into comparable sentences once; `tiers` decides how two
sentences are related (copy, edit, quote, paraphrase); `align` links two articles'
units through an inverted index; `story_index` finds the article pairs of a whole
story worth aligning; `diff` marks the words that differ; `comparison` is the
result for one pair, as every view and report reads it.
"""
