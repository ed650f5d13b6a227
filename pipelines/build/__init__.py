"""Stage 5 — the build: cache, lock, orchestration of a corpus into the graph and its files."""
