"""Names that are no actor by their shape or the noun before them, and fictional characters.

Word lists in ``data/thing_names.jsonl`` (general vocabulary, one ``kind`` a row) and
``data/fictional.csv`` (famous characters of comics, cartoons, films, series, novels and
video games, by the names the French press gives them):

- a press title: a name ending with a newspaper word ("… Weekly", "… Times", "… Daily",
  ``press_last``) or with "News" and an area ("… News Europe", ``news_tail``): a medium,
  whatever company word it holds ("Automotive News");
- an event: a name ending with a show, a trophy, a cup, an award (``event_last``: "…
  Motor Show", "… Trophy", "… Awards"), or opening with one (``event_open``: "Grand Prix
  …", "Trophée …"), or an edition or a meeting said to be held ("l'édition 2020 du X", "le
  forum X, qui se tient …": that mention only, the organiser may be an actor elsewhere);
- a fictional character (``fictional.csv``), unless a noun makes it an organisation
  ("l'association X"); a role: "le personnage de X", "dans le rôle de X", "X, incarné par
  …" (that mention only);
- a spacecraft after its noun ("la sonde X", "l'atterrisseur X", "le rover X",
  ``craft_cue``); "la mission X" in an article about spaceflight (``space_word``) and a
  ship after its noun ("le porte-avions X", ``vessel_cue``): that mention only;
- a time zone after an hour ("10h30 UTC", ``time_zone``); a car platform's code in an
  article naming a car maker ("la plateforme MQB").
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipelines.nlp.noise import load_noise
from pipelines.text import fold, name_key


@dataclass(frozen=True)
class NameShapes:
    """The word lists of ``data/thing_names.jsonl`` and ``data/fictional.csv``."""

    press_last: frozenset[str]  # name keys
    news_tail: frozenset[str]  # name keys
    event_last: frozenset[str]  # name keys
    event_open: tuple[tuple[str, bool], ...]  # (words as written, needs "de" after)
    craft_cues: frozenset[str]  # folded nouns
    vessel_cues: frozenset[str]  # folded nouns
    space_words: frozenset[str]  # folded words
    time_zones: frozenset[str]  # as written
    fictional: frozenset[str]  # name keys
    event_names: frozenset[str] = frozenset()  # name keys of whole event names


_KINDS = ("press_last", "news_tail", "event_last", "craft_cue", "vessel_cue", "space_word",
          "time_zone", "event_name")


@lru_cache(maxsize=1)
def load_shapes() -> NameShapes:
    """Load ``data/thing_names.jsonl`` and ``data/fictional.csv`` (cached)."""
    data = resources.files("pipelines").joinpath("data")
    words: dict[str, set[str]] = {k: set() for k in _KINDS}
    opens: list[tuple[str, bool]] = []
    for line in data.joinpath("thing_names.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["kind"] == "event_open":
            opens.append((row["text"], bool(row.get("of"))))
        elif row["kind"] in ("craft_cue", "vessel_cue", "space_word"):
            words[row["kind"]].add(fold(row["text"]))
        elif row["kind"] == "time_zone":
            words["time_zone"].add(row["text"])
        else:
            words[row["kind"]].add(name_key(row["text"]))
    text = data.joinpath("fictional.csv").read_text("utf-8")
    fictional = frozenset(name_key(r["name"]) for r in csv.DictReader(io.StringIO(text)))
    return NameShapes(frozenset(words["press_last"]), frozenset(words["news_tail"]),
                      frozenset(words["event_last"]),
                      tuple(sorted(opens, key=lambda o: -len(o[0]))),
                      frozenset(words["craft_cue"]), frozenset(words["vessel_cue"]),
                      frozenset(words["space_word"]), frozenset(words["time_zone"]), fictional,
                      frozenset(words["event_name"]))


# -- name shapes -------------------------------------------------------------------------
def _capital_words(surface: str) -> list[str] | None:
    """The words of a name of two words or more, each capitalised or a number (else
    None: "Nathalie Boy de la Tour" holds a particle)."""
    words = surface.split()
    if len(words) < 2 or not all(w[:1].isupper() or w[:1].isdigit() or w == "&"
                                 for w in words):
        return None
    return words


def press_title(surface: str, shapes: NameShapes | None = None) -> bool:
    """A newspaper's or a magazine's title by its last word ("Entertainment Weekly",
    "Christian Science Monitor", "Automotive News Europe"; not "News Corp")."""
    shapes = shapes or load_shapes()
    words = _capital_words(surface)
    if not words:
        return False
    keys = [name_key(w) for w in words]
    if keys[-1] in shapes.press_last or keys[-1] == "news":
        return True
    return len(keys) >= 3 and keys[-2] == "news" and keys[-1] in shapes.news_tail


def event_name(surface: str, shapes: NameShapes | None = None) -> bool:
    """An event by its name: a show, a trophy, a cup, a prize-giving ("Essen Motor
    Show", "Jules Marin Trophy", "Tony Awards", "Grand Prix de Monaco", "Trophée des
    champions"; not "Open Society", "Proactiva Open Arms")."""
    shapes = shapes or load_shapes()
    words = surface.split()
    if len(words) < 2:
        return False
    if name_key(surface) in shapes.event_names:
        return True  # "Ligue des champions", "Tour de France"
    for opener, needs_of in shapes.event_open:
        if surface.startswith(opener + " "):
            rest = surface[len(opener) + 1:].split()
            return bool(rest) and (not needs_of or rest[0] in ("de", "du", "des", "d'")
                                   or rest[0].startswith(("d'", "d’")))
    caps = _capital_words(surface)
    return bool(caps) and name_key(caps[-1]) in shapes.event_last


def fictional_character(surface: str, shapes: NameShapes | None = None) -> bool:
    """A famous fictional character by its usual name ("Peter Parker", "Obélix")."""
    shapes = shapes or load_shapes()
    return name_key(surface) in shapes.fictional


def part_of_a_character(surface: str, folded: str, shapes: NameShapes | None = None) -> bool:
    """A one-word name that ends a fictional character's full name the article gives
    ("Parker" where "Peter Parker" stands; not "Peter"): the character, no person of its
    own (``folded``: the article's folded text)."""
    shapes = shapes or load_shapes()
    key = name_key(surface)
    if " " in key:
        return False
    return any(re.search(pattern, folded) for pattern in _parts(shapes.fictional).get(key, ()))


@lru_cache(maxsize=2)
def _parts(fictional: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The last word of each fictional full name, and patterns of the full names that
    end with it (words separated by any non-letters, in folded text)."""
    out: dict[str, list[str]] = {}
    for name in fictional:
        words = name.split()
        if len(words) < 2:
            continue
        pattern = r"\b" + r"[^a-z0-9]+".join(re.escape(w) for w in words) + r"\b"
        last = words[-1]  # a surname: "Parker" (a first name alone is anyone's: "Jack")
        if len(last) > 2 and last not in _PARTICLES:
            out.setdefault(last, []).append(pattern)
    return {w: tuple(p) for w, p in out.items()}


_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "van", "von", "der", "et", "the",
                        "mr", "mister", "dr", "docteur", "doctor", "capitaine", "commissaire",
                        "professeur", "princesse", "prince", "roi", "reine", "comte", "lord",
                        "miss", "madame", "monsieur", "lieutenant", "inspecteur", "agent",
                        "maitre", "general", "captain", "president", "petit", "grand", "super"})


# -- cues in the text ------------------------------------------------------------------
#: "le personnage de X", "dans le rôle de X", "l'acteur incarne X" (not "qu'incarne X": X
#: is the subject, "la ligne qu'incarne X").
_ROLE_BEFORE = re.compile(
    r"(?:\b(?:le|du|au|son|ce)\s+personnage\s+(?:de\s+|d'\s*|du\s+)|\bdans\s+(?:le|son|un)\s+"
    r"role\s+(?:de\s+|d'\s*|du\s+)|(?<!qu')(?<!que\s)\b(?:incarne|incarnait|incarnera|"
    r"incarnant)\s+)[«\"“]?\s*$")
#: "X, incarné par …", "X (interprétée par …)", "X, joué par …".
_ROLE_AFTER = re.compile(r"\s*[»\"”]?\s*[,(]\s*(?:qui\s+est\s+)?(?:incarnee?s?|interpretee?s?|"
                         r"jouee?s?|campee?s?)\s+(?:a\s+l'ecran\s+)?par\b")


def played_role(folded: str, a: int, b: int) -> bool:
    """Whether the name ``[a, b)`` is a role: "le personnage de X", "dans le rôle de X",
    "l'acteur incarne X", "X, incarné par Y" (``folded``: the article's folded text)."""
    head = folded[max(0, a - 40):a]
    return bool(_ROLE_BEFORE.search(head) or _ROLE_AFTER.match(folded, b, b + 40))


#: Up to two adjectives between a cue noun and the name ("la sonde spatiale européenne X").
_NOUN_BEFORE = re.compile(r"(?:^|[\s'’])([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})\s*[«\"“]?\s*$")


def _after_cue(text: str, folded: str, a: int, cues: frozenset[str]) -> bool:
    """Whether a cue noun of one or two words, written in lower case, ends right before
    ``a``, maybe followed by up to two adjectives (lower-case words that are no function
    word nor verb form: not "sa sonde était quasi X")."""
    m = _NOUN_BEFORE.search(folded, max(0, a - 60), a)
    if not m:
        return False
    words = m.group(1).split()
    written = text[m.start(1):m.end(1)].split()  # fold keeps one character per character
    noise = load_noise()
    for n_adj in range(0, 3):
        if n_adj and (len(words) <= n_adj or any(len(w) < 3 or noise.is_word(w)
                                                   for w in words[-n_adj:])):
            break
        rest = words[:len(words) - n_adj]
        if rest and (rest[-1] in cues or " ".join(rest[-2:]) in cues):
            # "Land Rover X": a maker's name, no cue
            return written[len(rest) - 1].islower()
    return False


def spacecraft(text: str, folded: str, a: int, shapes: NameShapes | None = None) -> bool:
    """A spacecraft after its noun ("la sonde X", "l'atterrisseur X", "le rover X", "le
    télescope spatial X")."""
    return _after_cue(text, folded, a, (shapes or load_shapes()).craft_cues)


def space_mission(folded: str, a: int, shapes: NameShapes | None = None) -> bool:
    """"la mission X" in an article about spaceflight (two of its words or more): a
    flight, not the body that runs it ("la mission X de l'agence")."""
    shapes = shapes or load_shapes()
    if not re.search(r"\bmissions?\s+(?:spatiales?\s+)?[«\"“]?\s*$", folded[max(0, a - 30):a]):
        return False
    return sum(w in shapes.space_words for w in re.findall(r"[a-z]+", folded)) >= 2


#: Nouns of a car platform before its code: "la plateforme MQB", "l'architecture CMF".
_PLATFORM_CUES = frozenset({"plateforme", "plateformes", "architecture", "architectures"})


def car_platform(text: str, folded: str, a: int, b: int) -> bool:
    """A car platform's code after its noun ("la plateforme MQB", "les plateformes XK et
    ZT" where a car maker is named): a product, not the company ("la plateforme Zorbo":
    not a code)."""
    code = text[a:b]
    if not (code.isupper() and 2 <= len(code) <= 5 and code.isalnum()):
        return False
    if not (_after_cue(text, folded, a, _PLATFORM_CUES) or re.search(
            r"\bplateformes?\s+(?:[A-Z0-9]{2,5}\s*(?:,|et)\s*)+$", text[max(0, a - 60):a])):
        return False
    noise = load_noise()
    return any(noise.is_car_brand(w) for w in re.findall(r"\b[A-Z][\w-]+", text))


def vessel(text: str, folded: str, a: int, b: int, shapes: NameShapes | None = None) -> bool:
    """A ship after its noun ("le porte-avions X", "le navire humanitaire X"); not an
    acronym ("quitter le navire LREM": a party)."""
    return not text[a:b].isupper() and \
        _after_cue(text, folded, a, (shapes or load_shapes()).vessel_cues)


#: An hour right before a time zone: "10h30 UTC", "14:00 GMT", "à 9 heures GMT".
_HOUR = re.compile(r"(?:\d{1,2}\s*(?:h|H|:)\s*\d{0,2}|\d{1,2}\s*heures?(?:\s+\d{1,2})?|"
                   r"\b(?:heure|temps)(?:\s+universel)?)\s*\(?\s*$")


def time_zone(text: str, a: int, b: int, shapes: NameShapes | None = None) -> bool:
    """A time zone after an hour ("10h30 UTC", "14:00 GMT", "heure GMT")."""
    shapes = shapes or load_shapes()
    surface = text[a:b]
    zone = re.match(r"([A-Z]{2,4})(?:[+-]\d{1,2})?$", surface)
    return bool(zone) and zone.group(1) in shapes.time_zones and \
        bool(_HOUR.search(text, max(0, a - 20), a))


#: "l'édition 2020 du X", "la 5e édition du X": a meeting, a show, not its organiser (not
#: "la société d'édition de X", "l'édition du jour du X": a newspaper's).
_EDITION_OF = re.compile(r"(?:\b(?:\d+\s*(?:e|eme|er|ere)|[a-z]+ieme|premiere)\s+edition|"
                         r"\bedition\s+\d{4})\s+(?:du|de\s+la|de\s+l'|des|de|d')\s*$")
#: An event noun right before the name, maybe with adjectives, no complement ("le forum
#: X", not "le sommet du G7": the group meets there), and the event said held after it.
_EVENT_NOUN = re.compile(r"\b(?:forum|salon|sommet|festival|congres|conference|colloque|"
                         r"rencontres?|assises|foire|exposition|gala|ceremonie)"
                         r"(?:\s+(?!(?:de|du|des|d|la|le|les|l)\b)[a-z-]{3,}){0,2}\s*[«\"“]?\s*$")
_HELD = re.compile(r"\s*[»\"”]?\s*,?\s*(?:qui\s+)?(?:se\s+(?:tient|tiendra|tenait|deroule|"
                   r"deroulera|deroulait)|s'est\s+(?:tenu|tenue|deroule|deroulee|ouvert|"
                   r"ouverte)|s'ouvre|s'ouvrira|a\s+lieu|aura\s+lieu|avait\s+lieu|a\s+eu\s+"
                   r"lieu|ouvre\s+ses\s+portes)\b")


def held_event(folded: str, a: int, b: int) -> bool:
    """An edition or a meeting said to be held: "l'édition 2020 du X", "le forum X, qui
    se tient à …" (that mention only: the organiser may be an actor elsewhere)."""
    head = folded[max(0, a - 60):a]
    if _EDITION_OF.search(head):
        return True
    return bool(_EVENT_NOUN.search(head)) and bool(_HELD.match(folded, b, b + 60))
