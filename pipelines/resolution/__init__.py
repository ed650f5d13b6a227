"""Stage 3 — corpus-level resolution: mentions of one actor across articles become one entity."""
