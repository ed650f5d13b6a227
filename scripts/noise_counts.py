"""Count the span-noise failure kinds of issue 11 in a build's ``mentions.csv``.

Usage: ``python3 scripts/noise_counts.py OUT/mentions.csv [MORE.csv …]``. For each file:
nodes per type, then per failure kind the number of actor nodes (state, official, person,
group) and of their mentions that show it:

``glued``      a mention glued over a missing space ("GMT.Près", "ministresLe")
``honorific``  a mention or label opened by an honorific ("M. Dupont", "Mme X")
``date_tail``  a mention ending in a year or a date ("Jean Dupont 2019")
``company_person`` a person or official whose label has a company word ("X GmbH")
``common_acronym`` a node labelled with a common-noun acronym of ``noise.jsonl``
``word_person`` a one-word person or official whose label is a French word of
               ``lexicon_fr.csv`` ("Interrogé", "Selon")
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from importlib import resources

import pandas as pd

ACTORS = ("state", "official", "person", "group")
_GLUE_WORDS = ("Le|La|Les|L|Dans|Pour|Par|Ce|Cet|Cette|Ces|Au|Aux|En|Un|Une|Des|De|Du|Et|Si|"
               "Sur|Il|Elle|Ils|On|Mais|Selon|Depuis|Après|Alors|Lors|Face|Plus|Près")
PATTERNS = {
    "glued": re.compile(rf"[^\W_]{{2}}[.!?;][A-ZÀ-Þ]|[a-zß-ÿ](?:{_GLUE_WORDS})\b"),
    "honorific": re.compile(r"^(?:M\.|MM\.|Mmes?\.?|Mlles?\.?|Monsieur|Madame|Mademoiselle|"
                            r"Me|Maître|Dr\.?|Docteur|Pr\.?|Mgr)\s"),
    "date_tail": re.compile(r"(?:\s(?:19|20)\d\d|\d\s+(?:janvier|février|mars|avril|mai|juin|"
                            r"juillet|août|septembre|octobre|novembre|décembre))$"),
}
_COMPANY = re.compile(r"\b(?:Group|Groupe|GmbH|AG|SA|SAS|SARL|Inc|Ltd|LLC|Corp|SpA|S\.p\.A|"
                      r"Automobili|Motors|Airlines|Holding|Bank|Banque|Industries|"
                      r"Technologies|Compagnie)\b")


def _data(name: str) -> str:
    return resources.files("pipelines").joinpath(f"data/{name}").read_text("utf-8")


def counts(path: str) -> dict[str, object]:
    m = pd.read_csv(path, keep_default_na=False)
    nodes = m.drop_duplicates("entity")
    out: dict[str, object] = {"nodes": nodes.type.value_counts().to_dict()}
    act = m[m.type.isin(ACTORS)]
    for kind, pat in PATTERNS.items():
        hit = act[act.text.str.contains(pat) | act.label.str.contains(pat)]
        out[kind] = {"nodes": int(hit.entity.nunique()), "mentions": int(len(hit))}
    per = act[act.type.isin(("person", "official"))]
    hit = per[per.label.str.contains(_COMPANY)]
    out["company_person"] = {"nodes": int(hit.entity.nunique()), "mentions": int(len(hit))}
    acros = {json.loads(x)["text"] for x in _data("noise.jsonl").splitlines()
             if x.strip() and json.loads(x)["kind"] == "common_acronym"}
    hit = act[act.label.isin(acros)]
    out["common_acronym"] = {"nodes": int(hit.entity.nunique()), "mentions": int(len(hit))}
    lex = {r["word"] for r in csv.DictReader(io.StringIO(_data("lexicon_fr.csv")))}
    one = per[~per.label.str.contains(" ")]
    hit = one[one.label.str.lower().isin(lex)]
    out["word_person"] = {"nodes": int(hit.entity.nunique()), "mentions": int(len(hit))}
    return out


def main(argv: list[str]) -> None:
    for path in argv:
        print(path)
        print(json.dumps(counts(path), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
