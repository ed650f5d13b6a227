"""Engines that run the per-article analysis (spaCy + extraction) on chunks of articles."""
