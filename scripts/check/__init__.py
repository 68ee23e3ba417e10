"""The site checker: proves that every link resolves and that the two languages stay in step.

Run `python -m scripts.check` (add `--external` to also try every outside address). Each rule is a
function in `rules.py` over the parsed pages; links are checked by MkDocs' own validation and by
lychee on the built HTML (`built.py`), and outside addresses by lychee (`external.py`).
"""
