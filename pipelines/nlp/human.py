"""Whether the words around a lone name say that it names a human being.

A name of one word that NER calls a person and that no full name, title, role or
gazetteer entry backs is as often an animal, a town, a brand, a product or a character
as a person. Such a name is kept as a person only when the sentence says it is one:

* an honorific before it: "M. Lenoir", "Mme Arnaud", "le docteur Vidal";
* a relative before it: "sa femme Hélène", "son petit-fils Louis";
* an age or a birth after it: "Lenoir, 52 ans", "Lenoir (52 ans)", "Lenoir, né en 1950";
* a verb of speech whose subject it is: "« … », raconte Lenoir", "a confié Lenoir",
  "Lenoir a expliqué que …", "Lenoir se souvient";
* a birth or a death: "Lenoir est né à Lyon", "Lenoir est décédé";
* a noun of a person before it, with its adjectives: "le dessinateur Lenoir", "la jeune
  chanteuse Lenoir", "les caricaturistes Lenoir, Dupuis et Lebrun", "des militants, dont
  Lenoir";
* a relative, a work or an event of a person before "de": "l'assistant de Lenoir", "une
  pièce de Lenoir", "la mort de Lenoir".

The nouns are data (``data/human_nouns.csv``: noun, kind).

Verbs an organisation uses as well as a person ("indique", "annonce", "précise",
"publie") are no evidence: a website or a brand "indique" too.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

_HONORIFIC = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Me|Dr|Pr)\.?|\b(?:[Mm]onsieur|[Mm]adame|[Mm]ademoiselle|"
    r"[Mm]aître|[Dd]octeur|[Dd]octoresse|[Pp]rofesseur|[Ss]œur|[Ff]rère|[Pp]ère|[Aa]bbé))"
    r"\s+$")
_KIN = ("femme|mari|épouse|époux|compagne|compagnon|conjoint|conjointe|fiancé|fiancée|"
        "fils|fille|frère|sœur|soeur|père|mère|oncle|tante|cousin|cousine|neveu|nièce|"
        "grand-père|grand-mère|petit-fils|petite-fille|beau-père|belle-mère|beau-frère|"
        "belle-sœur|gendre|belle-fille|demi-frère|demi-sœur|enfant|bébé|fillette|garçon|"
        "ami|amie|voisin|voisine|collègue|avocat|avocate|patron|patronne|employeur")
_KIN_BEFORE = re.compile(
    rf"\b(?:sa|son|ses|leur|leurs|mon|ma|mes|notre|votre|le|la|les|l['’]|aux|des|du|au)\s*"
    rf"(?:(?:deux|trois|quatre|petits?|petites?|jeunes?|propres?|anciens?|anciennes?|grands?|"
    rf"grandes?|chers?|chères?|meilleurs?|meilleures?|ex-)\s*)*(?:{_KIN})s?\s*,?\s*$",
    re.IGNORECASE)
_AGE_AFTER = re.compile(
    r"^\s*(?:,|\(|-|–)\s*(?:\d{1,3}\s*ans\b|âgée?s?\s+de\s+\d|née?\s+(?:en|le|à)\b|"
    r"(?:sa|son)\s+(?:" + _KIN + r")\b)", re.IGNORECASE)
#: Verbs of speech and feeling a person, not an organisation, is the subject of.
_SPEECH = (r"(?:dit|parlé|déclaré|expliqué|raconté|confié|témoigné|affirmé|ajouté|assuré|"
           r"souligné|reconnu|regretté|déploré|répondu|rétorqué|insisté|poursuivi|martelé|avoué|"
           r"admis|plaisanté|soufflé|murmuré|ironisé|confessé|tempéré|nuancé|résumé|jugé|"
           r"estimé|prévenu|relaté|conté|souri|réagi|considéré|pensé|cru|espéré)")
_SPEECH_PRESENT = (r"(?:dit|déclare|explique|raconte|confie|témoigne|affirme|ajoute|assure|"
                   r"souligne|reconnaît|reconnait|regrette|déplore|lance|répond|rétorque|insiste|"
                   r"poursuit|martèle|avoue|admet|plaisante|souffle|murmure|ironise|confesse|"
                   r"tempère|nuance|résume|juge|estime|prévient|relate|sourit|considère|pense|croit|"
                   r"espère|s['’]amuse|"
                   r"s['’]exclame|s['’]indigne|s['’]étonne|s['’]inquiète|se\s+souvient|"
                   r"se\s+réjouit|se\s+désole|se\s+rappelle|se\s+confie|s['’]emporte)")
_SPEECH_BEFORE = re.compile(
    rf"(?:\b(?:a|avait|aurait|a-t-il|a-t-elle)\s+(?:encore\s+|aussi\s+|également\s+|"
    rf"ensuite\s+|alors\s+)?(?:{_SPEECH}|lancé)|\b(?:{_SPEECH_PRESENT})|(?:t-il|t-elle))"
    rf"(?:\s+(?:de\s+son\s+côté|pour\s+sa\s+part|à\s+son\s+tour|quant\s+à\s+lui|"
    rf"quant\s+à\s+elle|aussi|encore|également|enfin|alors))?\s+$", re.IGNORECASE)
_SPEECH_AFTER = re.compile(
    rf"^\s+(?:(?:lui-même\s+|elle-même\s+)?(?:a|avait|aurait)\s+(?:\w+\s+)?{_SPEECH}\b|"
    rf"{_SPEECH_PRESENT}\b|(?:est|était)\s+(?:née?|morte?|décédée?)\b)", re.IGNORECASE)


_LOWER = r"[a-zà-ÿœæ'’-]+"
#: Words that end a noun's adjectives: the name is then a complement, not the person.
_NOT_ADJECTIVE = (r"(?!(?:a|à|au|aux|est|sont|ont|avait|était|avec|pour|chez|contre|sur|dans|"
                  r"par|et|ou|qui|que|dont|en|selon|entre|vers|sans|après|avant|ni|mais|de|d|"
                  r"du|des|la|le|les|l|un|une)(?:\b|['’]))")
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)?"
_LIST_CUE = (r"(?:dont|comme|parmi\s+lesquels|parmi\s+lesquelles|notamment|tels\s+que|"
             r"telles\s+que|à\s+savoir)")


@lru_cache(maxsize=1)
def _noun_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a noun of a person before the name, a relative/work/event noun before "de")."""
    raw = resources.files("pipelines").joinpath("data/human_nouns.csv").read_text("utf-8")
    kinds: dict[str, list[str]] = {}
    for row in csv.DictReader(raw.splitlines()):
        kinds.setdefault(row["kind"], []).append(re.escape(row["noun"]))
    people = "|".join(sorted(kinds["profession"], key=len, reverse=True))
    of = "|".join(sorted(kinds["relation"] + kinds["work"] + kinds["event"],
                         key=len, reverse=True))
    noun_before = re.compile(
        rf"\b(?:{people})s?(?:\s+{_NOT_ADJECTIVE}{_LOWER}){{0,2}}\s*,?\s*"
        rf"(?:{_LIST_CUE}\s+)?(?:{_NAME}\s*(?:,|\bet\b)\s*){{0,6}}$", re.IGNORECASE)
    noun_of = re.compile(rf"\b(?:{of})s?(?:\s+{_NOT_ADJECTIVE}{_LOWER})?\s+d(?:e\s+|['’]\s*)$",
                         re.IGNORECASE)
    return noun_before, noun_of


def human_cue(sentence: str, start: int, end: int) -> str:
    """The kind of cue that ``sentence[start:end]`` names a human being, or ""."""
    before = sentence[max(0, start - 120):start]
    after = sentence[end:end + 60]
    if _HONORIFIC.search(before):
        return "honorific"
    if _KIN_BEFORE.search(before):
        return "relative"
    if _AGE_AFTER.search(after):
        return "age"
    if _SPEECH_BEFORE.search(before) or _SPEECH_AFTER.search(after):
        return "speech"
    noun_before, noun_of = _noun_patterns()
    if noun_of.search(before):
        return "of"
    if noun_before.search(before):
        return "noun"
    return ""
