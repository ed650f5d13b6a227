"""Stage 1 — corpus readers: files and folders in, articles (id, title, date, text) out."""
