"""Stage 2 — per-article analysis: the spaCy model, gazetteers, rules and the mentions they find.

:data:`EXTRACTION_VERSION` names the per-article extraction's behaviour. **Bump it
whenever what the per-article work** (:func:`pipelines.nlp.chunk.process_chunk`: the
analysis and the interactions) **returns for a text changes** — a new rule, a fixed bug,
a new field — with today's date and a counter (``"2026-12-01.1"``, then ``.2`` the same
day). It is part of the analysis fingerprint
(:func:`pipelines.build.cache.analysis_fingerprint`), so the next build re-makes every
cached analysis from the cached spaCy output instead of reusing stale ones.

The fingerprint also hashes the source of the stage's modules (whole folders, see
``_EXTRACTION_SOURCES`` in :mod:`pipelines.build.cache`), so a change whose author forgot
the bump is still caught; the version is what says so on purpose, and what covers a
change the source hash cannot see (a dependency's behaviour, a fix to be forced out).
"""

#: The per-article extraction's version (see the module doc: bump it when its output
#: changes).
EXTRACTION_VERSION = "2026-11-30.45"
