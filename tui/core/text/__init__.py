"""What may be shown: text from strangers made safe, plain, rendered and searchable.

`safe` holds the one rule for characters a terminal would act on; `plain` turns a
line of Markdown into a clean label; `document` renders Markdown into display
blocks that remember the source offset of every character; `find` searches them.
"""
