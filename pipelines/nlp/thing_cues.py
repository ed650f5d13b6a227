"""What the words around a name say it is when it is no actor, or which actor it is.

Rules on one article's text, in general French vocabulary (``data/noise.jsonl``):

- an animal: a name right after an animal noun, maybe with the sex or adjectives ("la
  femelle ours X", "du gorille argenté X", "l'alligator X"), and a species written in Latin
  whose epithet is repeated after it ("des Capra Ibex ibex");
- a character: "X alias Y", "l'interprète de Y" in an article about a screen work, and the
  names a work's summary gives ("Le roman raconte la rencontre de Y avec Z");
- a work: "le feuilleton judiciaire de CHAÎNE Y" (a cue, then its broadcaster or maker), a
  programme "Y, diffusé sur …", a name after an indefinite article ("un Y": a painting);
- an item of a list governed by a plural noun ("des séries A, B et C", "huit
  plateformes (A, B et C)", "A, B, C… les cocktails"): a thing, a company or a
  medium as the noun says;
- a medium: a name after "l'agence de presse [adjectives]" or "l'agence officielle", or
  after "un entretien accordé à", "dans les colonnes de";
- a thing named after a person: a full name right after a bare masculine article ("à
  bord du Louise Michel", "le palace George V", "au Guy Savoy", "chanter du Michel
  Sardou"), which French never puts before a person's name unless a title stands
  between ("le pape François", "le Duc de Kent").
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.nlp.noise import NoiseRules
from pipelines.nlp.roles import load_titles
from pipelines.text import fold

THING, GROUP, MEDIA = "thing", "group", "media"

# -- animals and species ---------------------------------------------------------------
_DETERMINERS = frozenset({"le", "la", "l", "les", "du", "des", "au", "aux", "un", "une", "ce",
                          "cet", "cette", "son", "sa", "ses", "leur", "notre"})


def after_an_animal(folded: str, a: int, noise: NoiseRules) -> bool:
    """Whether an animal noun stands right before ``a`` after its determiner, the other
    words being adjectives or the animal's sex ("la femelle ours X", "du gorille argenté X",
    "l'alligator X", "le mâle X"); ``folded``: the folded text."""
    head = folded[max(0, a - 60):a]
    if not _animals_pattern(noise.animals).search(head):
        return False
    words = re.findall(r"[a-z][a-z-]*", head)
    for n in range(1, min(4, len(words) - 1) + 1):
        det, tail = words[-n - 1], words[-n:]
        if det in _DETERMINERS and any(noise.is_animal(w) for w in tail):
            # every other word is a content word (an adjective), not "de", "a", a verb
            return all(noise.is_animal(w) or (len(w) > 2 and not noise.is_word(w))
                       for w in tail)
    return False


@lru_cache(maxsize=4)
def _animals_pattern(animals: frozenset[str]) -> re.Pattern[str]:
    """Any folded animal noun as a word, then only words and quotes up to the end."""
    nouns = "|".join(sorted((re.escape(n) for n in animals), key=len, reverse=True))
    return re.compile(rf"\b(?:{nouns})\b[a-z\s'-]*[«\"]?\s*$")


_LATIN_END = re.compile(r"(?:us|um|ae|ii|ensis|oides|ica|icus|orum|ata|atus)$")


def latin_species(text: str, a: int, b: int) -> bool:
    """A genus and an epithet followed by a repeated or Latin lower-case epithet ("Capra
    Ibex ibex", "Ursus Arctos horribilis"): a species, no actor."""
    words = text[a:b].split()
    nxt = re.match(r"\s+([a-z]{3,})\b", text[b:b + 30])
    if len(words) < 2 or not nxt:
        return False
    epithet = nxt.group(1)
    return fold(epithet) == fold(words[-1]) or (
        bool(_LATIN_END.search(epithet)) and all(_LATIN_END.search(fold(w)) or
                                                 fold(w).endswith("a") for w in words))


# -- characters and works --------------------------------------------------------------
#: Words that make an article one about a screen or stage work (its cast, its shooting).
_SCREEN_WORK = re.compile(r"\b(?:tournage|episodes?|saisons?\s+\d|feuilleton|telefilm|sitcom|"
                          r"series?\s+televisees?|personnages?|casting|le\s+film|"
                          r"(?:la|cette|sa|une)\s+serie(?!\s+d))\b")
#: "X alias Y" with X a name written as is (not '"Rôle", alias Y': Y plays the role).
_ALIAS = re.compile(r"[A-ZÀ-Ý][\w-]+\s+alias\s*[«\"]?\s*$")
_PLAYER_OF = re.compile(r"\binterpretes?\s+(?:de\s+|d'\s*|du\s+)$")


def played_character(text: str, a: int, folded: str) -> bool:
    """A character in an article about a screen work: "X alias Y", "l'interprète de Y"
    (``folded``: the article's folded text)."""
    head = folded[max(0, a - 30):a].replace("’", "'")
    if not (_ALIAS.search(text, max(0, a - 40), a) or _PLAYER_OF.search(head)):
        return False
    return bool(_SCREEN_WORK.search(folded))


#: A work of fiction as a sentence's subject, then a verb of telling: "Le roman relate",
#: "Ce film suit", "La série culte raconte" (not "un ouvrage qui raconte": an essay).
_SUMMARY = re.compile(
    r"^\W*(?:le|la|l'|ce|cet|cette|son|sa|leur)\s*(?:[a-z-]+\s+)?(?:roman|film|telefilm|"
    r"feuilleton|serie|piece|intrigue|bande\s+dessinee|conte|saga|manga|scenario)"
    r"(?:\s+[a-z-]+)?\s+(?:relate|raconte|narre|met\s+en\s+scene|suit)\b(?P<rest>[^.;!?]*)$")
#: What makes a told story a true one: the life, the fate of a real person.
_TRUE_STORY = re.compile(r"\b(?:vie|vraie|vecu|destin|biographie|parcours|combat|reel|"
                         r"reelle|histoire\s+vraie)\b")


def in_a_summary(folded: str, sentence_start: int, a: int) -> bool:
    """Whether the name at ``a`` is told by a work's summary ("Le roman raconte la rencontre
    de Y avec Z"), not a true story's ("Le film raconte la vie de Y")."""
    m = _SUMMARY.match(folded[sentence_start:a])
    return bool(m) and not _TRUE_STORY.search(m.group("rest"))


#: A work's broadcaster or maker right before a name: "… de CHAÎNE X", "… sur CHAÎNE X".
_OF_MAKER = re.compile(r"\s(?:de|du|d['’]|sur)\s*(?:[A-Z0-9][\w'’-]*\s+){1,3}[«\"“]?\s*$")


def work_of_a_maker(text: str, a: int, noise: NoiseRules) -> bool:
    """A title after a work cue, up to two adjectives and the channel or maker it comes
    from ("le feuilleton judiciaire de CHAÎNE X", "le feuilleton de CHAÎNE X")."""
    head = text[max(0, a - 80):a]
    m = _OF_MAKER.search(head)
    if not m:
        return False
    words = re.findall(r"[^\W\d_][\w-]*", head[:m.start()])[-3:]
    for k in range(len(words)):
        cue, rest = words[k], words[k + 1:]
        if cue.islower() and fold(cue) in noise.work_cues and \
                all(len(w) > 2 and w.islower() and not noise.is_word(w) for w in rest):
            return True
    return False


#: A programme's broadcast after its name: "X, diffusé sur …", "X (diffusée chaque …)".
_BROADCAST = re.compile(r"\s*[»\"”]?\s*[,(]?\s*(?:re)?diffusée?s?\s+(?:sur|par|chaque|tous|"
                        r"le|la|les|depuis|en\s+prime)\b", re.IGNORECASE)
#: Nouns of programmes right before a name: "le magazine X", "l'émission X".
_PROGRAMME = re.compile(r"\b(?:magazine|emission|programme|jeu|serie|feuilleton|documentaire|"
                        r"film|telefilm|show|talk-show|divertissement)\s*[«\"“]?\s*$")


def broadcast_programme(text: str, a: int, b: int, folded: str) -> bool:
    """Whether the name ``[a, b)`` is a programme said to be broadcast: quoted or after a
    programme noun ('l'émission "X", diffusée sur …'), not its maker ("le documentaire
    de X diffusé sur …")."""
    if not _BROADCAST.match(text, b, b + 40):
        return False
    before = text[max(0, a - 2):a].strip()[-1:]
    return before in ("«", "\"", "“") or bool(_PROGRAMME.search(folded, max(0, a - 30), a))


#: "un X" after a verb of owning or trading, or "un vrai X": a work by that name's maker.
_INDEFINITE = re.compile(
    r"(?:\b(?:gagner|gagne|acheter|achete|vendre|vendu|posseder|possede|voler|vole|exposer|"
    r"expose|offrir|offert|acquerir|acquis|adjuge|estimer|estime|peint|signe)\s+(?:un|une)|"
    r"\b(?:un|une)\s+(?:vrai|faux|authentique|veritable|autre))\s+$")


def after_an_indefinite(folded: str, a: int) -> bool:
    """A one-word name after "un" and a verb of owning or trading, or "un vrai", "un faux"
    ("acheter un X", "un faux X"): a work of that name's maker, not that person ("un X
    déjà différent" is X himself)."""
    return bool(_INDEFINITE.search(folded, max(0, a - 30), a))


# -- items of a list governed by a plural noun ---------------------------------------
_SEP = re.compile(r"\s*(?:,|\bet\b|\bou\s+encore\b|\bou\s+bien\b|\bou\b|\bmais\s+aussi\b|"
                  r"\bainsi\s+que\b|\bsans\s+oublier\b|/)\s*")
_OPENER = re.compile(r"^\s*(?:\(|:)?\s*(?:(?:comme|tels?\s+que|telles?\s+que|notamment|"
                     r"dont|parmi\s+lesquels|parmi\s+lesquelles)\b)?\s*")
_TAIL = re.compile(r"^\s*(?:\.\.\.|…|:|-|–|—)?\s*(?:les|des|ces|autant\s+de|tous\s+ces|"
                   r"toutes\s+ces)\s+([a-z][a-z-]+(?:\s+(?:animes|video|sociaux))?)\b")


def _items(region: str, lower_ok: bool) -> bool:
    """Whether ``region`` is list items, each followed by a separator (names of up to
    five words; with ``lower_ok``, lower-case items of one or two words too)."""
    pieces = _SEP.split(region)
    if len(pieces) < 2 or pieces[-1].strip():
        return False
    for p in pieces[:-1]:
        item = p.strip(" «»\"“”")
        words = item.split()
        if not words or len(words) > 5 or re.search(r"[.;!?()]", item):
            return False
        if not (item[0].isupper() or item[0].isdigit()) and not (lower_ok and len(words) <= 2):
            return False
        if item[-1] in "'’" or len(words) > 1 and words[-1] in _LINKS:
            return False  # '"Le Titre" de', "Dailymotion d'": a complement goes on
    return True


#: Words that cannot end a list item: the item goes on into a complement.
_LINKS = frozenset({"de", "du", "des", "d", "la", "le", "les", "à", "au", "aux", "en", "par",
                    "pour", "sur", "avec", "dans", "chez", "contre"})


def governed_list(text: str, a: int, b: int, noise: NoiseRules, folded: str) -> str:
    """"thing", "group" or "media" when the name ``[a, b)`` is an item of a list that a
    plural noun governs ("des séries A, B et C", "huit plateformes (A, B
    et C)", "A, B, C… les cocktails"), else ""."""
    return _list_before(text, a, noise, folded) or _list_after(text, a, b, noise)


def _list_before(text: str, a: int, noise: NoiseRules, folded_text: str) -> str:
    """The type of the nearest list noun before ``a`` when only list items, each a name
    followed by a separator, stand between them ("des séries A, B et C")."""
    head = text[max(0, a - 200):a]
    folded = folded_text[max(0, a - 200):a]  # fold keeps one character per character
    found = None
    for match in _heads_pattern(noise.list_heads).finditer(folded):
        found = match  # the nearest
    if found is None:
        return ""
    kind = noise.list_head_type(found.group(0))
    if not head[found.start():found.end()].islower() or not _counted(folded[:found.start()]):
        return ""  # a heading in capitals; "la maison de disques X", "et séries X"
    region = head[found.end():]
    for _ in range(3):  # the noun, then up to two adjectives ("des séries cultes")
        opener = _OPENER.match(region)
        rest = region[opener.end():] if opener else region
        if not rest.strip() or _items(rest, lower_ok=False):
            return kind
        adjective = re.match(r"\s+([^\W\d_][\w-]*)", region)
        if not adjective or not _adjective(adjective.group(1), noise):
            break
        region = region[adjective.end():]
    return ""


@lru_cache(maxsize=4)
def _heads_pattern(heads: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One pattern for the folded list nouns, longest first ("jeux video" before "jeux")."""
    nouns = sorted({n for n, _ in heads}, key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in nouns) +
                      r")(?![\w'’-])")


#: What comes before a plural noun that governs a list: "des", "les", "12", "plusieurs".
_COUNTED = re.compile(r"(?:\b(?:des|les|ces|ses|leurs|nos|vos|mes|aux|plusieurs|quelques|"
                      r"certains|certaines|nombreux|nombreuses|autres|differents|differentes|"
                      r"divers|diverses|tous\s+les|toutes\s+les|deux|trois|quatre|cinq|six|"
                      r"sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|cent)|\d)"
                      r"\s+(?:[a-z-]+\s+)?$")


def _counted(folded: str) -> bool:
    """Whether a determiner or a number (maybe and an adjective) ends ``folded``."""
    return bool(_COUNTED.search(folded[-40:]))


def _adjective(word: str, noise: NoiseRules) -> bool:
    """A lower-case content word of three letters or more (not "de", "à", a verb form)."""
    return word.islower() and len(word) > 2 and not noise.is_word(word)


def _list_after(text: str, a: int, b: int, noise: NoiseRules) -> str:
    """The type of a list noun after the items that follow the name ("A, b, C… les
    cocktails")."""
    tail = text[b:b + 160]
    sep = _SEP.match(tail)
    if not _follows_a_list(text, a):
        return ""
    if not sep or not sep.group(0).strip():  # the last item: "…, B et C… les cocktails"
        t = _TAIL.match(fold(tail)) if _TAIL_CUTS.match(tail) and _after_a_separator(
            text, a) else None
        return noise.list_head_type(t.group(1)) if t and tail[t.start(1):t.end(1)].islower() \
            else ""
    for cut in _TAIL_CUTS.finditer(tail, sep.end()):
        t = _TAIL.match(fold(tail[cut.start():]))
        if t and noise.list_head_type(t.group(1)) and \
                tail[cut.start() + t.start(1):cut.start() + t.end(1)].islower() and \
                _items(tail[sep.end():cut.start()] + ",", lower_ok=True):
            return noise.list_head_type(t.group(1))
    return ""


#: Where a list that names its noun after it ends: "…", "...", ":" or a dash.
_TAIL_CUTS = re.compile(r"\s*(?:\.\.\.|…|:|—|–)")


def _after_a_separator(text: str, a: int) -> bool:
    """Whether a list separator (a comma, "et", "ou") stands right before ``a``."""
    return text[max(0, a - 3):a].rstrip()[-1:] == "," or \
        bool(re.search(r"\b(?:et|ou)\s+$", text[max(0, a - 6):a]))


def _follows_a_list(text: str, a: int) -> bool:
    """Whether the name at ``a`` opens a sentence or follows a list separator."""
    before = text[max(0, a - 3):a]
    return not before.strip() or before.rstrip()[-1:] in (",", ".", "\n", ":") or \
        bool(re.search(r"\b(?:et|ou)\s+$", text[max(0, a - 6):a]))


# -- media -------------------------------------------------------------------------------
#: "l'agence de presse turque X", "l'agence officielle X", "l'agence d'information X".
_NEWS_AGENCY = re.compile(
    r"\bagences?\s+(?:(?:de\s+presse|d'information|d'informations|de\s+presse\s+officielle)"
    r"(?:\s+[a-z-]+){0,2}|(?:[a-z-]+\s+)?(?:officielle|semi-officielle|progouvernementale|"
    r"d'etat|etatique)(?:\s+[a-z-]+)?)\s*[«\"]?\s*$")
#: "un entretien accordé au X", "dans les colonnes du X", "à l'antenne de X".
_MEDIUM_OF = re.compile(
    r"(?:\b(?:entretien|interview|entrevue)s?\s+(?:exclusif\s+|exclusive\s+)?"
    r"(?:accordee?s?|donnee?s?)\s+|\bdans\s+les\s+colonnes\s+|\ba\s+l'antenne\s+|"
    r"\bau\s+micro\s+)(?:a\s+|au\s+|aux\s+|de\s+|du\s+|d'\s*|des\s+)(?:la\s+|l'\s*)?$")


def medium_cue(text: str, a: int, b: int, label: str, folded: str) -> bool:
    """Whether the words before ``[a, b)`` say the name is a medium: a news agency, or
    what one gives an interview to or writes in (not a person's full name there: a
    journalist)."""
    head = folded[max(0, a - 70):a].replace("’", "'")
    if _NEWS_AGENCY.search(head):
        return True
    return bool(_MEDIUM_OF.search(head)) and not (label == "PER" and " " in text[a:b])


def apposed_news_agency(folded: str, b: int) -> bool:
    """"X, l'agence de presse …", "X, une agence officielle …": a medium (``folded``: the
    folded text)."""
    return bool(_APPOSED_AGENCY.match(folded, b, b + 50))


_APPOSED_AGENCY = re.compile(r"\s*,\s*(?:l'|une\s+|la\s+)\s*agence\s+(?:de\s+presse|officielle|"
                             r"d'information)")


# -- a full name after a bare masculine article ----------------------------------------
_BARE_MASCULINE = re.compile(r"(?:(?:^|[\s(«\"“])(?:le|du|au)|(?:^|[.!?]\s+)(?:Le|Du|Au))\s+$")
#: Words of rank or address that may follow "le" and open a person's name ("le Prince X").
_HONORIFICS = frozenset("""prince princesse roi reine duc duchesse marquis marquise comte
comtesse baron baronne vicomte lord lady sir dalai mahatma pape cardinal imam cheikh emir
sultan shah tsar kaiser general president docteur dr professeur pr pere frere soeur saint
sainte abbe monseigneur mgr maitre chevalier rabbin ayatollah mollah lider commandant
colonel capitaine marechal amiral""".split())


def after_a_bare_masculine_article(text: str, a: int, b: int) -> bool:
    """A name of two words or more, capitalised and opening with no title, right after
    "le", "du" or "au": a thing named after a person ("à bord du Louise Michel")."""
    words = text[a:b].split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    first = fold(words[0]).strip(".")
    if first in _HONORIFICS:
        return False
    if first in load_titles().official:
        return False
    return bool(_BARE_MASCULINE.search(text, max(0, a - 6), a))
