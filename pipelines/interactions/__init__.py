"""Interactions between actors: who cooperates with, or acts against, whom.

See :mod:`pipelines.interactions.rules` for the grammar, :mod:`.lexicon` for the trigger
lexicon and :mod:`.parse` for the parser, which only sees sentences naming two or more
actors.
"""
