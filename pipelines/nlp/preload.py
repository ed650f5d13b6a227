"""Imported once by the worker pool's fork server (see :mod:`pipelines.engines.local`).

It loads the spaCy model in the server, so that every worker forked from it starts with
the model already in memory instead of loading its own copy (about 1.9 s each with the
tokenizer's compiled pattern cached, see :mod:`pipelines.nlp.regex_cache`, 5 s without), and
one copy of the weights is shared by all workers instead of one each. The same goes for
the parser pipeline of :mod:`pipelines.interactions.parse` (unless the interaction step
is off).
"""

from pipelines.nlp.model import load_model

try:
    load_model()
except Exception:  # noqa: BLE001 - each worker then loads it and reports the error
    pass

try:
    from pipelines.interactions.article import enabled
    from pipelines.interactions.parse import load_parser

    if enabled():
        load_parser()
except Exception:  # noqa: BLE001 - each worker then loads it when it needs it
    pass
