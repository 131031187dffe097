"""A story: its articles read together, and what the overview says about them.

`model.Story` cuts each article into units once, weighs words across the story and
gives one `Comparison` per pair: the compare screen, the pick list, the overview and
the reports all read it. `overview` builds the story-wide answers on it: the share
`matrix`, `copy_groups`, `figure_groups` and `quote_groups`. A folder of many
stories is split into them by `grouping` (on article `profiles` and their
`neighbours`); each group opens as a `Story` of its own.
"""
