"""Spans that are no actor: common words, works, products, codes, religious figures.

The rules read one article (:class:`ArticleContext`) besides the span; they run before a
span is typed (:func:`not_an_actor`) and when a name turns out to name a product
(:func:`names_a_product`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from pipelines.nlp.model import NlpResult
from pipelines.nlp.named_after import type_cue
from pipelines.nlp.noise import NoiseRules
from pipelines.nlp.roles import load_titles
from pipelines.nlp.spans import alone_in
from pipelines.nlp.thing_cues import (
    MEDIA,
    THING,
    after_a_bare_masculine_article,
    after_an_animal,
    after_an_indefinite,
    apposed_news_agency,
    broadcast_programme,
    governed_list,
    in_a_summary,
    latin_species,
    medium_cue,
    played_character,
    work_of_a_maker,
)
from pipelines.nlp.thing_names import (
    car_platform,
    event_name,
    fictional_character,
    held_event,
    load_shapes,
    part_of_a_character,
    played_role,
    press_title,
    space_mission,
    spacecraft,
    time_zone,
    vessel,
)
from pipelines.text import fold, is_acronym, is_capitalised


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the not-actor rules read of one article besides a span."""

    text: str
    sent_starts: list[int]
    line_starts: list[int]
    #: words of the article's multi-word person spans ("Harrison Ford" -> "Ford")
    name_words: frozenset[str]
    #: the article's text folded (:func:`pipelines.text.fold`: one character per character)
    folded: str = ""

    @classmethod
    def of(cls, text: str, nlp: NlpResult, ents: list[tuple[int, int, str]]) -> ArticleContext:
        names = {w for a, b, lab in ents if lab == "PER" and " " in text[a:b].strip()
                 for w in text[a:b].split()}
        return cls(text, [s for s, _ in nlp.sentences],
                   [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")], frozenset(names),
                   fold_whole(text))

    def initial(self, a: int) -> bool:
        return _sentence_initial(self.text, a, self.sent_starts, self.line_starts)

    def sentence_start(self, a: int) -> int:
        """Where the sentence (or the line) holding ``a`` starts."""
        k = max(bisect_right(self.sent_starts, a) - 1, 0)
        j = max(bisect_right(self.line_starts, a) - 1, 0)
        return max(self.sent_starts[k] if self.sent_starts else 0,
                   self.line_starts[j] if self.line_starts else 0)


def fold_whole(text: str) -> str:
    """:func:`pipelines.text.fold` of a whole article, each distinct character folded once
    (the same string, one character per character, in a fraction of the time)."""
    return text.translate({ord(c): fold(c) for c in set(text)})


# -- not actors: common words, works, products, religious figures ----------------------
#: Participles that introduce a title after a cue ("le film intitulé X").
_NAMING = frozenset({"intitule", "intitulee", "baptise", "baptisee", "nomme", "nommee",
                     "appele", "appelee"})
_OPENERS = set(".!?:;«»\"“”—–-(…")


def _sentence_initial(text: str, a: int, sent_starts: list[int], line_starts: list[int]) -> bool:
    """Whether only quotes, dashes and spaces stand between a sentence start and ``a``."""
    k = max(bisect_right(sent_starts, a) - 1, 0)
    j = max(bisect_right(line_starts, a) - 1, 0)
    begin = max(sent_starts[k] if sent_starts else 0, line_starts[j] if line_starts else 0)
    gap = text[begin:a]
    if not gap.strip(" \t«»\"“”'’—–-(*•"):
        return True
    prev = gap.rstrip()
    return bool(prev) and prev[-1] in _OPENERS


#: A subject pronoun joined to the verb before it by a hyphen ("Faudra-t-il", "Doit-on").
_INVERTED_SUBJECT = re.compile(r"-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous|ce)(?![\w-])",
                               re.IGNORECASE)
_ENDS_INVERTED = re.compile(rf"[^\W\d_]{_INVERTED_SUBJECT.pattern}$", re.IGNORECASE)


def _common_word(text: str, a: int, b: int, noise: NoiseRules, initial: bool) -> bool:
    """A lone capitalised word at a sentence start that is an ordinary French word.

    It is a function word, verb form or adverb ("Selon", "Interrogé"), or the article
    writes it in lower case elsewhere ("Brume" / "la brume"). Such a word in capitals
    ("BLESSÉS") is dropped wherever it stands.
    """
    word = text[a:b]
    if _INVERTED_SUBJECT.match(text, b) or _ENDS_INVERTED.search(word):
        return True  # "Faudra-t-il…", "Doit-on…": a verb before its subject pronoun
    if word.isupper() and len(word) > 1 and noise.is_word(word):
        return True  # a word of a heading in capitals ("BLESSÉS", "LE")
    # "… du mouvement Interrogé sur ce point": a participle opening a lost sentence
    if noise.is_verb_form(word) and re.match(r"\s+(?:par|sur|à|au|en|de|dans)\b",
                                             text[b:b + 8]):
        return True
    if not initial or not word.isalpha() or is_acronym(word):
        return False
    if noise.is_word(word):
        return True
    low = word[0].lower() + word[1:]
    return low != word and alone_in(low, text)


def _quoted_whole(text: str, a: int, b: int, label: str) -> bool:
    """A name quoted whole ("« Joker »"): a title, or a nickname ('dit "Cabu"')."""
    before = text[max(0, a - 2):a].strip()
    after = text[b:b + 2].strip()
    return label in ("PER", "MISC") and before[-1:] in ("«", "\"", "“") and \
        after[:1] in ("»", "\"", "”")


def in_longer_title(text: str, a: int, b: int) -> bool:
    """Whether the span opens a quoted title that goes on past it ('l'exposition "Lenoir
    et Vidal, Paris !"'): part of a title, whose name may be an actor's elsewhere."""
    return text[max(0, a - 2):a].strip()[-1:] in ("«", "\"", "“") and \
        text[b:b + 2].strip()[:1] not in ("»", "\"", "”")


def _title_of_work(text: str, a: int, b: int, label: str, noise: NoiseRules) -> bool:
    """A title or product after a cue ("la série X", "le mode X", "l'application X")."""
    window = fold(text[max(0, a - 60):a])
    m = re.search(r"([a-z][a-z'’ -]*?)\s*[«\"“]?\s*$", window)
    if not m:
        return False
    # an elided article is no word of its own: "l'application X" reads "application X"
    words = [w.split("'")[-1].split("’")[-1] or w
             for w in re.findall(r"[a-z][a-z'’-]*", m.group(1))]
    # the cue itself, or the cue and up to two adjectives ("la série américaine culte")
    for n in range(1, 5):
        if len(words) < n:
            break
        tail = words[-n:]
        for k in (1, 2):
            if len(tail) >= k and " ".join(tail[:k]) in noise.work_cues:
                if n == k and _makers_work(words[:-n]):
                    return False  # "le producteur de la série X": X made it
                rest = [w.rstrip("'’") for w in tail[k:]]
                # "le film culte X", "la série intitulée X"; not "le film de X", "d'X"
                if not any((noise.is_word(w) or w in ("d", "l")) and w not in _NAMING
                           for w in rest):
                    return True
    return False


#: People and firms who make a work or a product: "le producteur de la série X", "le
#: fabricant de pneus X" name X, not the series or the tyres.
_MAKERS = frozenset("""producteur productrice realisateur realisatrice auteur autrice
createur creatrice scenariste showrunner compositeur compositrice dessinateur dessinatrice
editeur editrice directeur directrice redacteur redactrice presentateur presentatrice
animateur animatrice interprete heros heroine star vedette acteur actrice chanteur
chanteuse fabricant fabricante constructeur equipementier fournisseur distributeur vendeur
loueur specialiste""".split())


def _makers_work(before: list[str]) -> bool:
    """Whether the words before a work cue end with a maker and "de" ("le producteur de
    la", "la réalisatrice du"): the name after the cue is the maker's."""
    words = list(before)
    while words and words[-1] in ("la", "le", "les", "l"):
        words.pop()
    return len(words) >= 2 and words[-1] in ("de", "du", "des", "d") and words[-2] in _MAKERS


def _car_model(text: str, a: int, b: int, noise: NoiseRules) -> bool:
    """A car or motorbike model: a maker then a name ("Renault Clio"), or a name
    right after a maker that NER left out ("la Peugeot 208", "une Tesla Model 3")."""
    surface = text[a:b]
    words = surface.split()
    for n in (1, 2):
        if len(words) > n and noise.is_car_brand(" ".join(words[:n])):
            return True
    head = text[max(0, a - 60):a]
    chain = _NAME_CHAIN.search(head)  # "la Zorba Vesta Turismo [X]": a maker, models, X
    if not chain:
        return False
    tokens = chain.group(1).split()
    for i in range(len(tokens)):
        for n in (1, 2):
            if i + n <= len(tokens) and noise.is_car_brand(" ".join(tokens[i:i + n])):
                # "le patron de Zorba Jean Morel": the maker's boss, not a model
                return not (len(words) > 1 and i == 0 and re.search(
                    r"\b(?:de|du|d['’]|chez|par)\s*$", head[:chain.start(1)]))
    return False


def _brand_inside(text: str, a: int, b: int, noise: NoiseRules) -> bool:
    """A model named with its maker inside ("la Zorba Cupra", "Zorba Cupra R ST"): a
    maker's name after the first word, then a trim code ("R", "ST", "GT3"; not a Roman
    numeral: "Henri Ford II"), or the name after a car's determiner ("la", "une", "sa":
    people take none). "Francis Ford Lenoir" stays a person."""
    words = text[a:b].split()
    if noise.looks_like_org(text[a:b]) or noise.heads_an_org(words[0]):
        return False  # "la Fondation Zorba", "la Société Fromagerie Zorba"
    for i in range(1, len(words)):
        for n in (1, 2):
            if i + n <= len(words) and noise.is_car_brand(" ".join(words[i:i + n])):
                rest = words[i + n:]
                return any(w.isupper() and len(w) <= 3 and not _ROMAN.fullmatch(w)
                           or any(c.isdigit() for c in w) for w in rest) or \
                    bool(_CAR_DETERMINER.search(text, max(0, a - 12), a))
    return False


#: What stands before a car's name, never before a person's full name.
_CAR_DETERMINER = re.compile(r"(?:^|[\s(])(?:[Ll]a|[Uu]ne|[Ss]a|[Cc]ette|[Ll]eur|[Nn]ouvelle)\s+$")
#: Up to four capitalised or alphanumeric words right before a span.
_NAME_CHAIN = re.compile(r"((?:(?:[A-ZÀ-Þ][\w-]*|\d[\w-]*)\s+){1,4})$")


def _religious(text: str, a: int, b: int, noise: NoiseRules) -> bool:
    """God, prophets and saints used as such ("Dieu", "Jésus", "saint Pierre")."""
    surface = text[a:b]
    if noise.is_religious(surface):
        return True
    if re.search(r"\b(?:saint|sainte|saints|prophète)\s+$", text[max(0, a - 12):a]):
        return True
    return bool(re.match(r"(?:Saint|Sainte)\s+\S+$", surface))


#: Nouns of several people of one family before a surname (folded).
_KIN_BEFORE = re.compile(r"(?:^|\s)(?:les\s+(?:freres|soeurs|epoux|jumeaux|jumelles|cousins|"
                         r"cousines|parents)|la\s+famille|le\s+clan|le\s+couple)\s+$")


def _not_a_name(ctx: ArticleContext, a: int, b: int, label: str) -> bool:
    """A one-word "person" that cannot be one: a single letter ("M"), a word after an
    article ("l'Amirauté", "la Vénus", "au Rocher"; plural: "les Garifunas", a people or a
    family), or a one-word exclamation or
    heading at a sentence start ("Bilan :", "Silence !") that names nobody else here."""
    word = ctx.text[a:b]
    if label != "PER" or " " in word:
        return False
    if sum(c.isalpha() for c in word) < 2:
        return True
    title = load_titles().pattern.match(fold(ctx.text[a:b + 40]))
    if title and title.end() > len(word):
        return True  # "Premier" of "Premier ministre": a title NER cut short
    if re.search(r"(?:^|[\s(])(?:[lL]['’]|le\s+|la\s+|du\s+|au\s+|[Ll]es\s+|[Dd]es\s+|[Aa]ux\s+)$",
                 ctx.text[max(0, a - 5):a]):
        return True  # "les Garifunas", "des Dupont": a people, a family, not one person
    if _KIN_BEFORE.search(fold(ctx.text[max(0, a - 30):a])):
        return True  # "les frères Vasseur", "la famille Lenoir": several people
    after = ctx.text[b:b + 2].lstrip(" \u00a0")
    return (after[:1] in (":", "!") and ctx.initial(a) and word not in ctx.name_words)


def not_an_actor(ctx: ArticleContext, a: int, b: int, label: str, noise: NoiseRules) -> bool:
    """Whether an NER span names something that is not an actor (see module rules).

    Places are left alone (a city after "saint" or a maker's name is still a place).
    """
    text = ctx.text
    if _GLUED_CREDIT.search(text, max(0, a - 8), a):
        return True  # "(28/02/2019)par Lumière TV": a video's credit glued on, no mention
    if label == "LOC":
        return False
    if _ROMAN.fullmatch(text[a:b]):
        return True  # "la phase II", "le gouvernement Valls II", "le Ier arrondissement"
    if noise.looks_like_company(text[a:b]):
        return False
    if " " not in text[a:b] and _common_word(text, a, b, noise, ctx.initial(a)):
        return True
    if _model_code(text[a:b], noise) and not type_cue(text, a) and \
            not _defined_organisation(text, a, b, noise):
        return True  # "la KR-250", "le bloc TX4", "l'A6B": a model code or a road, no actor
    return (_not_a_name(ctx, a, b, label) or _religious(text, a, b, noise)
            or _quoted_whole(text, a, b, label) or names_a_product(ctx, a, b, label, noise))


#: A Roman numeral alone, maybe as an ordinal ("II", "XIV", "Ier", "IIIe"): no name.
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?:er|re|e|ème)?")
_CODE = re.compile(r"(?=[\w.-]*[^\W\d_])(?=[\w.-]*\d)[\w.-]+")
#: An ordinal ("1er", "2e", "XXIe" aside): "Albert 1er", "Mouvement du 1er juillet".
_ORDINAL = re.compile(r"(?:^|-)\d+(?:er|re|e|ème|eme|nd|nde)$")


def _model_code(surface: str, noise: NoiseRules) -> bool:
    """Whether a span holds an alphanumeric code: a model, a version, a road, a grade
    ("KR-250", "Zéphyr T8", "A6B", "CM2"). People's names hold no digits; organisations
    named with one (a TV channel, a summit group) are in the gazetteer, which this leaves
    alone, or carry a company or media word ("Sprint 4 Racing")."""
    words = [w.strip(",;:()«»\"") for w in surface.split()]
    if not any(_CODE.fullmatch(w) and not _ORDINAL.search(w) for w in words):
        return False
    return not (noise.looks_like_company(surface) or noise.looks_like_org(surface)
                or noise.looks_like_media(surface))


def _defined_organisation(text: str, a: int, b: int, noise: NoiseRules) -> bool:
    """Whether a parenthesised span follows the name of an organisation it abbreviates:
    "la Société française des ondes courtes (SF2OC)"."""
    if text[a - 1:a] != "(" or text[b:b + 1] != ")":
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[max(0, a - 90):a - 1])
    return any(is_capitalised(w) and noise.heads_an_org(w) for w in words[-8:])


#: "…(2019)par X", "…le 1er maipar X": the credit line of an embedded video or picture,
#: glued to the text before it (no space before "par").
_GLUED_CREDIT = re.compile(r"(?:(?<![^\W\d_])[a-zà-ÿ]+|[\d)\]?!…»\"])par[ \t]+$")


def names_a_product(ctx: ArticleContext, a: int, b: int, label: str, noise: NoiseRules) -> bool:
    """Whether an NER span names a work or a product: after a cue ("la série X", "le mode
    X", "l'application X") or a maker ("la Peugeot 208"). Places are left alone, and
    company names ("Dupont Holding")."""
    if label == "LOC" or noise.looks_like_company(ctx.text[a:b]) or \
            noise.is_car_brand(ctx.text[a:b]):
        return False  # a maker stays one: "sa Lancia", "le moteur Lancia"
    return (_title_of_work(ctx.text, a, b, label, noise) or _car_model(ctx.text, a, b, noise)
            or (" " in ctx.text[a:b] and _brand_inside(ctx.text, a, b, noise))
            or _owned(ctx.text, a, label) or _named_thing_as(ctx.text, a, noise)
            or bool(_NUMBERED.search(ctx.text, max(0, a - 12), a)))


#: A model's number before its name, after an article: "une 330 GTC", "la 508 SW".
_NUMBERED = re.compile(r"(?:^|[\s(])(?:un|une|la|le|l['’]|sa|son|cette|ce|les|des|ses)\s+"
                       r"\d{2,4}\s+$", re.IGNORECASE)


#: A possessive or demonstrative right before a name: "sa Zéphyr", "cette KR", "ce GLX".
_OWNED = re.compile(r"(?:^|[\s(«\"])(?:sa|son|ses|leur|leurs|cette|cet|ce)\s+$", re.IGNORECASE)


def _owned(text: str, a: int, label: str) -> bool:
    """An organisation-looking name after a possessive or a demonstrative ("Honda a revu
    sa Zéphyr", "ce GLX dispose…"): a product. Organisations take the article ("la
    CGT", "le Medef"), people none."""
    return label in ("ORG", "MISC") and bool(_OWNED.search(text, max(0, a - 8), a))


#: "un véhicule d'assaut amphibie, dit X", "un concept électrique baptisé X".
_NAMED_AS = re.compile(
    r"\b(?:un|une|le|la|l'|les|des|ce|cet|cette|ces)\s*([a-z-]+(?:\s+[a-z-]+)?)"
    r"(?:\s+[\w'%-]+){0,5}?,?\s+(?:dit|dite|dits|dites|baptise|baptisee|baptises|"
    r"baptisees|nomme|nommee|appele|appelee|surnomme|surnommee)\s*[«\"“]?\s*$")


def _named_thing_as(text: str, a: int, noise: NoiseRules) -> bool:
    """A name given to a thing the sentence describes, after "dit", "baptisé", "appelé"
    ("un véhicule d'assaut amphibie, dit X"): its noun is a work or product cue."""
    m = _NAMED_AS.search(fold(text[max(0, a - 80):a]))
    return bool(m) and any(w in noise.work_cues for w in m.group(1).split())


# -- what the words around a name say it is (:mod:`pipelines.nlp.thing_cues`) ----------
#: What :func:`cue_type` says of a name no actor here, but maybe one elsewhere.
DROP = "drop"


#: Two capitalised names joined by "et" inside one span: two people.
_TWO_PEOPLE = re.compile(r"[A-ZÀ-Ý][\w'’-]*\s+(?:et|&)\s+[A-ZÀ-Ý]")


def cue_type(ctx: ArticleContext, a: int, b: int, label: str, noise: NoiseRules) -> str:
    """What the words around the NER span ``[a, b)`` say it is: ``"thing"`` (an animal,
    a character, a work, a product: no actor anywhere in the article), ``"drop"`` (no
    actor here: "un Picasso"), ``"group"`` or ``"media"``, else "". Places are left
    alone."""
    if label == "LOC":
        return ""
    shaped = _shape_type(ctx, a, b, label, noise)
    if shaped:
        return shaped
    text = ctx.text
    # a maker stays one: "les modèles Zorba", "la gamme Lumex Holding"
    maker = noise.is_car_brand(text[a:b]) or noise.looks_like_company(text[a:b])
    if after_an_animal(ctx.folded, a, noise) or latin_species(text, a, b):
        return THING  # "la femelle ours X", "des Lutra Lutra lutra"
    if label == "PER" and (played_character(text, a, ctx.folded)
                           or in_a_summary(ctx.folded, ctx.sentence_start(a), a)):
        return THING  # "X alias Y" in a series, "Le roman raconte la rencontre de Y…"
    if (not maker and work_of_a_maker(text, a, noise)) or \
            broadcast_programme(text, a, b, ctx.folded):
        return THING  # "le feuilleton judiciaire de CHAÎNE X", 'l'émission "X", diffusée sur'
    listed = governed_list(text, a, b, noise, ctx.folded)
    if listed == THING:
        return "" if maker else listed  # "des séries A, B et C", "A, b… les cocktails"
    if listed:  # "huit plateformes (A, B…)", unless no actor for another reason
        return DROP if not_an_actor(ctx, a, b, label, noise) else listed
    if medium_cue(text, a, b, label, ctx.folded) or apposed_news_agency(ctx.folded, b):
        return MEDIA  # "l'agence de presse turque X", "dans les colonnes du X"
    if label == "PER" and " " not in text[a:b] and after_an_indefinite(ctx.folded, a):
        return DROP  # "acheter un X": a painting
    if _MODEL_CODE.fullmatch(text, a, b) and _RIGHT_AFTER_UN.search(ctx.folded, max(0, a - 6), a):
        return DROP  # "une XJ-S de 1991", "un GT-R": a model, not its maker
    if label == "PER" and _TWO_PEOPLE.search(text, a, b):
        return DROP  # "les frères Sarron, Christian et Dominique": two people, no one node
    if label == "PER" and after_a_bare_masculine_article(text, a, b):
        return DROP  # "à bord du X Y": a ship, a palace, a restaurant named after X Y
    return ""


#: A model's code: capitals and digits joined by a hyphen or mixing both ("XJ-S", "GT-R",
#: "DS7", "C5"): after "un"/"une" it is a vehicle or device of that model.
_MODEL_CODE = re.compile(r"[A-Z0-9]{1,4}-[A-Z0-9]{1,4}|(?=[A-Z]*[0-9])(?=[0-9]*[A-Z])[A-Z0-9]{2,5}")
_RIGHT_AFTER_UN = re.compile(r"(?:^|\s)une?\s+$")


def _shape_type(ctx: ArticleContext, a: int, b: int, label: str, noise: NoiseRules) -> str:
    """What a name's shape, the list of fictional characters or the noun before it says
    (:mod:`pipelines.nlp.thing_names`): ``"media"`` for a press title, ``"thing"`` for an
    event, a character, a spacecraft, ``"drop"`` for a role, a space mission, a ship, a
    time zone or an event said to be held (that mention only), else ""."""
    shapes, text, folded, surface = load_shapes(), ctx.text, ctx.folded, ctx.text[a:b]
    if press_title(surface, shapes):
        return MEDIA  # "Entertainment Weekly", "Automotive News Europe"
    if (event_name(surface, shapes) or fictional_character(surface, shapes) or (
            label == "PER" and part_of_a_character(surface, folded, shapes))) and \
            not type_cue(text, a) and governed_list(text, a, b, noise, folded) in ("", THING):
        return THING  # "Essen Motor Show", "Obélix", "Peter Parker" then "Parker"; not
        # "l'association X", "le journal X", "le mouvement X", "les magazines X et Y"
    maker = noise.is_car_brand(surface) or noise.looks_like_company(surface)
    if not maker and spacecraft(text, folded, a, shapes):
        return THING  # "la sonde X", "le rover X", "le télescope spatial X"
    if car_platform(text, folded, a, b):
        return THING  # "la plateforme MQB" of a car maker
    if time_zone(text, a, b, shapes) or (label == "PER" and played_role(folded, a, b)):
        return DROP  # "10h30 UTC", "le personnage de X", "X, incarné par Y"
    if held_event(folded, a, b) or (not maker and (space_mission(folded, a, shapes)
                                                    or vessel(text, folded, a, b, shapes))):
        return DROP  # "le forum X, qui se tient", "la mission X", "le porte-avions X"
    return ""


def raw_title(ctx: ArticleContext, a: int, b: int, label: str, noise: NoiseRules) -> str:
    """What a person span says before a title word is stripped from it ("la série
    judiciaire de CHAÎNE Commissaire X", 'le feuilleton "Docteur X"'): ``"thing"`` after a
    work cue, ``"drop"`` quoted whole, else ""."""
    surface = ctx.text[a:b]
    a += len(surface) - len(surface.lstrip())
    b = a + len(surface.strip())
    if label != "PER" or b <= a:
        return ""
    if names_a_product(ctx, a, b, label, noise) or work_of_a_maker(ctx.text, a, noise):
        return THING
    return DROP if _quoted_whole(ctx.text, a, b, label) else ""

