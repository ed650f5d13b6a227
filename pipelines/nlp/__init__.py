"""Stage 2 — per-article analysis: the spaCy model, gazetteers, rules and the mentions they find."""
