"""The language of news copy: sentences, tokens, quotations, speakers and figures.

Everything here is general English and works on character offsets into the raw
text; no word list names anything of one story.
"""
