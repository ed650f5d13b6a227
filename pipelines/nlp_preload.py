"""Imported once by the worker pool's fork server (see :mod:`pipelines.build`).

It loads the spaCy model in the server, so that every worker forked from it starts with
the model already in memory instead of loading its own copy: about 5 s per worker, most of
it spent compiling spaCy's French tokenizer patterns, and one copy of the weights shared
by all workers instead of one each.
"""

from .nlp import load_model

try:
    load_model()
except Exception:  # noqa: BLE001 - each worker then loads it and reports the error
    pass
