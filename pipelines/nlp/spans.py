"""Span cleaning: what is trimmed or cut from an NER span before it is typed or keyed.

Articles, honorifics and lower-case title words at the edges; words glued across a
missing space or a heading ("GMT.Près", "ministresLe projet", "Jean DupontBarbe"); a
trailing date or time; boilerplate. Pure functions of the text and the noise rules.
"""

from __future__ import annotations

import re

from pipelines.nlp.noise import NoiseRules, load_noise
from pipelines.nlp.roles import load_titles
from pipelines.text import fold, is_capitalised

_LEADING_ARTICLE = re.compile(r"^(?:(?:la|le|les|l['’]|du|des|de la|de l['’]|au|aux|en)\s*)+",
                              re.IGNORECASE)
_PER_SPLIT = re.compile(r"\S+")
#: Words that open surnames ("Le Pen", "De Gaulle", "La Fontaine"): never cut off a name.
PARTICLES = frozenset({"le", "la", "les", "de", "du", "des", "d'", "l'", "van", "von", "da",
                        "di", "del", "della", "dos", "das", "do", "el", "al", "ben", "ibn",
                        "bin", "bint", "abu", "y", "e", "et", "zu", "af", "ter", "ten", "den",
                        "der", "vom", "zum", "dit", "dite"})
# A sentence glued to the next over a missing space: "GMT.Près", "ministresLe".
_PUNCT_JOIN = re.compile(r"(?<=[^\W_]{2})(?:[.!?;][\"»”]?|[\"»”](?=[A-ZÀ-Þ][a-zß-ÿ]))(?=[A-ZÀ-Þ])")
_CAMEL_JOIN = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")
_LETTERS_END = re.compile(r"[^\W\d_]+$")
_LETTERS_START = re.compile(r"^[^\W\d_]+")
_MONTHS = ("janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
           "novembre|décembre|decembre")
# "Jean Dupont 2019", "… le 12 mars", "… en mars 2020", "… lundi": a date run on into a name
# (a weekday only in lower case: "Vendredi" may be a name).
_DATE_TAIL = re.compile(
    rf"(?:[\s,]+(?:(?:le|en|depuis|dès)\s+)?(?:\d{{1,2}}(?:er)?\s+(?:{_MONTHS})"
    rf"(?:\s+(?:19|20)\d\d)?|(?:{_MONTHS})\s+(?:19|20)\d\d|(?:19|20)\d\d|"
    rf"(?-i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:soir|matin))?))+\s*$",
    re.IGNORECASE)
_TIME_TAIL = re.compile(r"[.\s]+\d{1,2}[hH]\d{0,2}$")
_EDGE_PUNCT_LEFT = " \t,;:.!?-–—'’\"«“”»()[]*•/"
_EDGE_PUNCT_RIGHT = " \t,;:-–—'’\"«“”»()[]*•/"


def inside(a: int, b: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a >= x and b <= y for x, y in ranges)


#: Capitalised prepositions NER may take into a name at a sentence start.
_OPENING_PREPOSITIONS = frozenset({"À", "A", "Au", "Aux", "En", "Chez", "Par", "Pour", "Sur",
                                   "Dans", "Avec", "Vers", "Pendant", "Depuis"})


def strip_span(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Trim articles, honorifics and lower-case title words from an NER span."""
    surface = text[start:end]
    # Never run over a line break: NER sometimes glues a heading to the next line.
    if "\n" in surface.strip():
        first = surface.strip().split("\n")[0]
        off = surface.index(first)
        end = start + off + len(first)
        surface = text[start:end]
    lead = len(surface) - len(surface.lstrip())
    start += lead
    surface = surface.strip()
    end = start + len(surface)
    if label == "PER":
        lex = load_titles()
        titles = lex.official
        lead_title = lex.pattern.match(fold(surface))  # "Premier ministre X"
        if lead_title and lead_title.end() < len(surface):
            start += lead_title.end()
            surface = text[start:end]
        noise = load_noise()
        toks = list(_PER_SPLIT.finditer(surface))
        for i, tok in enumerate(toks):
            word = tok.group(0)
            if (word.lower() in noise.honorifics or not is_capitalised(word)
                    or fold(word) in titles
                    # "Selon Lefranc", "Interrogé Lefranc": a word of the sentence
                    or i + 1 < len(toks) and len(word) > 3
                    and noise.is_word(word.strip(",;:"))
                    # "À Calais", "En Corse": a preposition opening the sentence
                    or i + 1 < len(toks) and word in _OPENING_PREPOSITIONS):
                continue
            start += tok.start()
            break
        else:
            return start, start
    else:
        m = _LEADING_ARTICLE.match(surface)
        if m and m.end() < len(surface) and (label == "LOC" or surface[0].islower()):
            start += m.end()
    surface = text[start:end]
    stripped = surface.rstrip(" ,;:.-–—'’\"»)")
    while (m := _TRAILING_WORD.search(stripped)) and m.start() > 0:
        stripped = stripped[:m.start()].rstrip(" ,;:.-–—'’\"»)")  # "Kadhafi À la fin"
    return start, start + len(stripped)


#: A capitalised function word ending a span: the next sentence's first word, glued.
_TRAILING_WORD = re.compile(r"\s(?:À|Au|Aux|Le|La|Les|Un|Une|En|Et|Des|Du|De|Ce|Il|Elle|On)$")


# -- span cleaning: before a span is typed or keyed -------------------------------------
def _honorific_end(surface: str, noise: NoiseRules) -> int:
    """Length of the honorifics opening ``surface`` ("M. ", "Mme ", "MM. ") before a name."""
    pos = 0
    while True:
        m = re.match(r"(\S+?)(\.?)(\s+|(?<=\.))(?=[A-ZÀ-Þ])", surface[pos:])
        if not m or (m.group(1) + m.group(2)).lower() not in noise.honorifics and \
                m.group(1).lower() not in noise.honorifics:
            return pos
        pos += m.end()


def _glued_cuts(surface: str, text: str, noise: NoiseRules) -> list[int]:
    """Offsets in ``surface`` where two sentences were glued over a missing space.

    After a punctuation mark between a word of two letters or more and a capital
    ("GMT.Près"); inside a word, before a capital that starts a French function word,
    verb form or adverb ("ministresLe", "DupontDans"), after a whole lower-case word
    ("dimancheLe", "etOdile"), or between two words both seen alone in the article
    ("MorlaixOdile"). Brand-like names ("McCain", "DiCaprio", "MoDem") are not cut.
    """
    cuts = [m.start() for m in _PUNCT_JOIN.finditer(surface)]
    cuts += [m.start() for m in _SLASH_JOIN.finditer(surface)]  # "Netanyahu/Gantz"
    # a bracket or a quote inside a name: 'E. Borne)par', 'Mulliner « Serenity'
    cuts += [m.start() for m in _INNER_MARK.finditer(surface)]
    for m in _CAPS_JOIN.finditer(surface):  # "PSYCHOLOGIQUELa jeune": a heading glued on
        right = _LETTERS_START.match(surface[m.start():])
        left = _LETTERS_END.search(surface[:m.start()])
        # "LÉGENDESMarc Vidal", "RADIOTVPendant": a heading or a credit in capitals
        if right and len(right.group(0)) >= 2 and (
                noise.is_word(right.group(0))
                or left and len(left.group(0)) >= 3 and len(right.group(0)) >= 3):
            cuts.append(m.start())
    cuts += [m.start() for m in _KNOWN_JOIN.finditer(surface)
             if _named_alone(surface[:m.start()], text)]  # "Paul LefrancBarbe grise"
    for m in _BYLINE_JOIN.finditer(surface):  # "Dupontpar Europe 1": a credit glued on
        word = _LETTERS_END.search(surface[:m.start()])
        if word and len(word.group(0)) >= 3 and alone_in(word.group(0), text):
            cuts.append(m.start())
    for m in _CAMEL_JOIN.finditer(surface):
        left_m = _LETTERS_END.search(surface[:m.start()])
        right_m = _LETTERS_START.match(surface[m.start():])
        if not left_m or not right_m:
            continue
        left, right = left_m.group(0), right_m.group(0)
        if right in ("L", "D") and surface[m.start() + 1:m.start() + 2] in ("'", "’"):
            cuts.append(m.start())  # "AccordL'Europe": an elided article opens the next
            continue
        whole_left = left_m.start() == 0 or not surface[left_m.start() - 1].isalnum()
        if (noise.is_word(right) and len(right) >= 2 and right.lower() != "car"
                or fold(right) in load_titles().official  # "Frédérique VidalMinistre de…"
                or whole_left and left.islower() and len(left) >= 2
                or len(left) >= 3 and len(right) >= 3 and alone_in(left, text)
                and alone_in(right, text)):
            cuts.append(m.start())
    return sorted(set(cuts))


#: A lower-case day or "hier" inside a span: a piece of a sentence, no name.
_TIME_WORD = re.compile(r"\s(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)\b")
_INNER_MARK = re.compile(r"(?<=.)[()«»\"“”](?=.)")
_HEADING_JOIN = re.compile(r"(?<=[^\W_]{2})\.[ \t]*[-–—][ \t]*(?=[A-ZÀ-Þ])")
_KNOWN_JOIN = re.compile(r"(?<=[a-zß-ÿ]{2})(?=[A-ZÀ-Þ][a-zß-ÿ]{2})")


def _named_alone(name: str, text: str) -> bool:
    """Whether the full name ``name`` (two words or more) stands elsewhere in ``text``
    with no letter glued after it."""
    name = name.strip()
    return " " in name and re.search(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", text) \
        is not None


_SLASH_JOIN = re.compile(r"(?<=[^\W\d_])/(?=[A-ZÀ-Ý])|(?<=[^\W\d_])[\"“”]{1,2}(?=[A-ZÀ-Ý])")
_CAPS_JOIN = re.compile(r"(?<=[A-ZÀ-Þ]{2})(?=[A-ZÀ-Þ][a-zß-ÿ])")
_BYLINE_JOIN = re.compile(r"(?<=[a-zà-ÿ])par(?=\s+[A-ZÀ-Ý]|$)")


def alone_in(word: str, text: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a word of its own."""
    return re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text) is not None


def _only_words(piece: str, noise: NoiseRules) -> bool:
    """A piece left by a cut that holds no name: function words, verb forms, one letter."""
    words = re.findall(r"[^\W\d_]+", piece)
    return all(len(w) < 2 or noise.is_word(w) for w in words)


def _skip_sentence_words(text: str, a: int, b: int, noise: NoiseRules) -> int:
    """Start of a piece past the function words that open it, if a name follows."""
    for m in re.finditer(r"\S+", text[a:b]):
        if not noise.is_word(m.group(0).rstrip("'’")):
            return a + m.start()
    return a


#: A lower-case function word ending a span: the name was cut before its complement
#: ("Comité social et économique des").
_FUNCTION_END = re.compile(r"\s+(?:de|du|des|d['’]|la|le|les|l['’]|et|à|au|aux|en|pour|par|sur)$")


def _trim_edges(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop quotes, brackets and punctuation around a span, a function word ending it,
    and a trailing date."""
    while a < b and text[a] in _EDGE_PUNCT_LEFT:
        a += 1
    while b > a and text[b - 1] in _EDGE_PUNCT_RIGHT:
        b -= 1
    f = _FUNCTION_END.search(text, a, b)
    while f and f.start() > a:
        b = f.start()
        f = _FUNCTION_END.search(text, a, b)
    t = _TIME_TAIL.search(text, a, b)  # "Michel Aupetit.12h31": a live blog's time
    if t and t.start() > a:
        b = t.start()
    m = _DATE_TAIL.search(text, a, b)
    # a date that ends a name is kept ("Mouvement du 1er juillet", "Place du 4 Septembre")
    if m and m.start() > a and not re.search(r"\b(?:du|de|des|d['’])\s*$", text[a:m.start()],
                                               re.IGNORECASE):
        b = m.start()
        while b > a and text[b - 1] in _EDGE_PUNCT_RIGHT:
            b -= 1
    return a, b


def clean_ents(text: str, ents: tuple[tuple[int, int, str], ...],
               noise: NoiseRules | None = None) -> list[tuple[int, int, str]]:
    """NER spans with honorifics, glued sentence joins, dates and quotes cleaned off.

    A span opened by an honorific ("M.", "Mme", "Monsieur") names a person, whatever NER
    called it. A span glued over a missing space is cut there; the pieces that hold a
    name are kept (a one-word piece beside a longer name loses its person label), the
    others dropped.
    """
    noise = noise or load_noise()
    out: list[tuple[int, int, str]] = []
    for start, end, label in ents:
        start, end = _trim_edges(text, start, end)
        if _TIME_WORD.search(text, start, end):
            continue  # "Partis mardi pour le Niger": a piece of a sentence
        if end - start > 2 and text[end - 1] in "LD" and text[end - 2].islower() and \
                text[end:end + 1] in ("'", "’"):
            end -= 1  # "Odile RavelL'enquête": the elided article of the next sentence
        heading = _HEADING_JOIN.search(text, start, end)
        if heading:  # "M. Vidal.- Mission accomplie -": an AFP sub-heading glued on
            start, end = _trim_edges(text, start, heading.start())
        hon = _honorific_end(text[start:end], noise)
        if hon:
            start, label = start + hon, "PER"
        surface = text[start:end]
        bounds = [0, *_glued_cuts(surface, text, noise), len(surface)]
        pieces = []
        for x, y in zip(bounds, bounds[1:], strict=False):
            a, b = _trim_edges(text, start + x, start + y)
            if x:  # a piece after a join opens a sentence: "Le Chili" -> "Chili"
                a = _skip_sentence_words(text, a, b, noise)
            if b > a and (len(bounds) == 2 or not _only_words(text[a:b], noise)):
                pieces.append((a, b))
        longest = max((len(text[a:b].split()) for a, b in pieces), default=0)
        for a, b in pieces:
            lab = label
            if len(pieces) > 1 and label == "PER" and longest > 1 and " " not in text[a:b]:
                lab = "MISC"
            out.append((a, b, lab))
    return out
