"""Metadata from messy article text: headline, outlet, agency, date, byline, URL.

`extract` applies the precedence rules; `front_matter` reads a YAML-style block at
the top (and says where the body starts); `header` and `footer` read the lines
before and after the body; `dates` and `agencies` recognise what they name.
"""
