"""The site checker: proves that every link resolves and that the two languages stay in step.

Run `python -m scripts.check` (`--fix` first repairs what needs no judgement; `--external` also tries
every outside address). Pages are read with the hooks' library (`scripts/hooks/pagetext.py`). Each
rule is one function registered with its stable id (`LH0xx`) in `rules.RULES`; links are checked by
MkDocs' own validation and by lychee on the built HTML (`built.py`), and outside addresses by lychee
(`external.py`). The rules are listed by id in CONTRIBUTING.md.
"""
