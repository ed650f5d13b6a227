"""Offices from context: "le ministre malien des affaires étrangères X", "X, le chef du …".

A title word (``data/titles.jsonl``) directly before a name, or in an apposition right
after it, gives the person a role. The role phrase is cut where a French noun phrase of an
office ends (a verb, a relative pronoun, a date, clause punctuation). Whether the role makes
the person an ``official`` depends on the title:

* ``"official": true`` — a public office in itself (ministre, député, maire, préfet, juge,
  ambassadeur, général…);
* ``"official": false`` — recorded but not an office (journaliste, chercheuse, animateur…);
* ``"official": "if_public"`` — an ambiguous head (président, directeur, chef, porte-parole,
  secrétaire général, commandant, capitaine…) that is an office only when its complement
  names a public body or a state: a body word of ``data/public_bodies.jsonl`` ("du
  gouvernement", "de la police", "du conseil régional"), a demonym, state or public
  organisation of the gazetteer ("le président malien", "directeur général de l'OMS"), or
  another office ("conseiller du ministre"). The first such word decides, so "président de
  l'association des maires" stays a ``person``. A title marked ``"bare": true`` (président,
  roi…) is also an office with no complement at all ("le président X").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipelines.text import fold

OfficialValue = bool | str

#: Raw lower-case words that end a role phrase: verbs, pronouns, conjunctions, adverbs.
_STOP = frozenset("""
a ont est sont était étaient avait avaient sera seront serait seraient fut furent aura auront
aurait auraient soit soient ait aient avoir être va vont vient viennent doit doivent peut peuvent
veut veulent dit disent fait font a-t-il a-t-elle est-il est-elle
que qui quoi dont où lequel laquelle lesquels lesquelles auquel duquel
mais car donc or ni selon avec par contre sans sur sous dans lors après avant comme pendant
durant depuis jusque hier aujourd'hui demain
il elle ils elles on se y ne pas plus ce cet cette ces son sa ses leur leurs mon ma mes notre
nos votre vos lui eux très aussi déjà encore ainsi alors quand si puis également notamment
toujours désormais actuellement lui-même elle-même récemment ou face cas celui celle ceux
celles
m mme mlle me dr pr mgr
lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet
août septembre octobre novembre décembre
nommé nommée nommés réélu réélue désigné désignée arrivé arrivée venu venue mis mise
connu connue accusé accusée soupçonné soupçonnée condamné condamnée interrogé interrogée cité
citée interviewé interviewée invité invitée reçu reçue tué tuée blessé blessée arrêté arrêtée
interpellé interpellée limogé limogée démis démise installé installée visé visée poursuivi
poursuivie entendu entendue joint jointe contacté contactée sollicité sollicitée âgé âgée
décédé décédée mort morte né née originaire issu issue proche suspendu suspendue
exclu exclue écarté écartée incarcéré incarcérée jugé jugée impliqué impliquée mêlé
mêlée battu battue
""".split())
#: Frequent verbs in the third person; nouns too after a determiner ("de la rencontre").
_VERBS = frozenset("""
annonce déclare estime affirme explique assure indique souligne précise rappelle ajoute
reconnaît dénonce demande appelle rencontre reçoit reste devient accuse regrette salue
réclame condamne menace prévient promet signe quitte présente propose refuse lance prend met
part arrive revient confirme raconte répond réagit critique défend évoque insiste tient voit
sait pense croit compte espère souhaite entend envisage continue commence décide dirige
représente préside succède remplace plaide exige interdit autorise ordonne publie reprend
rejoint démissionne dément nie admet avoue fustige réfute vise exclut prévoit tente cherche
obtient perd gagne mène écrit suit ouvre crée affiche ironise tacle attaque soutient maintient
retient détient parvient appartient annoncent déclarent estiment
affirment expliquent assurent rencontrent
""".split())
#: Finite-verb endings (future, conditional, imperfect, passé simple) of lower-case words.
_VERB_ENDINGS = ("ait", "aient", "era", "eront", "erait", "eraient", "ira", "iront", "irait",
                 "iraient", "èrent", "irent", "ra", "ront")
_NOT_VERBS = frozenset("""
portrait extrait retrait attrait trait lait souhait forfait bienfait méfait opéra caméra extra
ultra tiara mantra aura sierra front affront choléra
""".split())
#: Words after which a verb-looking word is a noun ("la rencontre", "de l'annonce").
_DETERMINERS = frozenset("le la les l' un une des du de d' au aux à en pour".split())
_ELIDED_STOPS = ("qu'", "jusqu'", "lorsqu'", "puisqu'", "n'", "s'", "c'", "j'", "m'", "t'")
_CONTINUE_AFTER_AND = frozenset("de du des d' aux au à".split())
#: Modifiers that leave a title bare (folded): "le président sortant", "le roi défunt".
_BARE_MODIFIERS = frozenset(fold("""
sortant sortante élu élue actuel actuelle ancien ancienne nouveau nouvelle nouvel ex défunt
défunte déchu déchue renversé renversée destitué destituée démissionnaire autoproclamé
autoproclamée intérimaire fraîchement adjoint adjointe assassiné assassinée réélu réélue
""").split())
_BARE_PHRASES = re.compile(r"\b(?:par interim|en exercice|en poste|en fonctions?|de transition|"
                           r"(?:de|a) l'epoque|a vie|"
                           r"de (?:premiere|deuxieme|seconde|1re|2e|1ere|2nde) classe)\b")
_ROLE_CONNECTORS = frozenset("de du des d la le les l a au aux en et ou pour aupres entre".split())
_OF = re.compile(r"(?:^|\s)(?:de|du|des|d'|de la|de l')\s*$")
_CLAUSE_BREAK = re.compile(r"[.;:!?«»\"“”()\[\]\n]")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*'?", re.UNICODE)
_MAX_WORDS = 12
#: Gazetteer group kinds that are public bodies or commands whatever their name.
_PUBLIC_GROUP_KINDS = frozenset({"organ", "armed_group", "pmc", "operation"})
#: Gazetteer group kinds that are public when their names say so (not parties, NGOs, unions).
_NAMED_GROUP_KINDS = frozenset({"organisation", "institution"})


@dataclass(frozen=True)
class Role:
    text: str
    official: bool


@dataclass(frozen=True)
class TitleLexicon:
    """Titles (folded) with their ``official`` value and those that are offices when bare."""

    pattern: re.Pattern[str]
    official: dict[str, OfficialValue]
    bare: frozenset[str] = frozenset()
    raw: dict[str, str] = field(default_factory=dict)
    #: Titles that are also verbs or adjectives: a title only after a determiner.
    after_determiner: frozenset[str] = frozenset()
    #: Military and police ranks: an office when bare right before a name ("le major X").
    ranks: frozenset[str] = frozenset()

    def matches(self, raw: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """Titles in ``raw`` from ``pos`` (folded matching; "jugé" is not "juge")."""
        for m in self.pattern.finditer(fold(raw), pos):
            if not _accent_clash(raw[m.start():m.end()], self.raw.get(m.group(0), "")):
                yield m


def _accent_clash(surface: str, title: str) -> bool:
    """The last letter differs by an accent: a verb, not the title ("jugé", "accuse")."""
    return bool(surface and title) and surface[-1].islower() and surface[-1] != title[-1]


@dataclass(frozen=True)
class BodyLexicon:
    """Words naming public (True) or private (False) bodies, in complements and group names."""

    complement: re.Pattern[str]
    group_name: re.Pattern[str]
    public: dict[tuple[str, str], bool]
    #: Adjectives of scope (folded): right after the head, a complement after them decides
    #: ("responsable départemental du parti X" is a party's, not a public office).
    scope: frozenset[str] = frozenset()
    #: Body words public only when a name follows them ("le département du Nord"), not a
    #: common noun ("le département de contrôle des maladies" of a university).
    named: frozenset[str] = frozenset()


def _alternation(terms: list[str], after_ex: bool = False) -> re.Pattern[str]:
    """Whole-word alternation, longest first; ``after_ex`` also finds "ex-ministre"."""
    alts = sorted(terms, key=len, reverse=True)
    left = r"(?:(?<=\bex-)|(?<![\w-]))" if after_ex else r"(?<![\w-])"
    return re.compile(left + "(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")


@lru_cache(maxsize=1)
def load_titles() -> TitleLexicon:
    """The title lexicon of ``data/titles.jsonl``."""
    raw = resources.files("pipelines").joinpath("data/titles.jsonl").read_text("utf-8")
    official: dict[str, OfficialValue] = {}
    bare: set[str] = set()
    titles: dict[str, str] = {}
    determined: set[str] = set()
    ranks: set[str] = set()
    for line in raw.splitlines():
        if line.strip():
            row = json.loads(line)
            key = fold(row["title"])
            titles[key] = row["title"].lower()
            value = row["official"]
            official[key] = value if value == "if_public" else bool(value)
            if row.get("bare"):
                bare.add(key)
            if row.get("after_determiner"):
                determined.add(key)
            if row.get("rank"):
                ranks.add(key)
    _add_plurals(official, titles)
    return TitleLexicon(_alternation(list(official), after_ex=True), official, frozenset(bare),
                        titles, frozenset(determined), frozenset(ranks))


def _plural(word: str) -> str:
    """The regular plural of a one-word title ("sénateurs", "généraux", "juges")."""
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def _add_plurals(official: dict[str, OfficialValue], titles: dict[str, str]) -> None:
    """A plural office before a name gives it to the person: "les sénateurs X et Y", "l'un
    des responsables de la police, X" (one-word titles, offices in themselves or when their
    complement is public; a plural never overrides a title of its own)."""
    for key, value in list(official.items()):
        if value in (True, "if_public") and " " not in key and "-" not in key:
            plural = _plural(key)
            if plural not in official:
                official[plural] = value
                titles[plural] = _plural(titles[key])


@lru_cache(maxsize=1)
def load_bodies() -> BodyLexicon:
    """The public/private body words of ``data/public_bodies.jsonl``."""
    raw = resources.files("pipelines").joinpath("data/public_bodies.jsonl").read_text("utf-8")
    public: dict[tuple[str, str], bool] = {}
    scope: set[str] = set()
    named: set[str] = set()
    for line in raw.splitlines():
        if line.strip():
            row = json.loads(line)
            public[(row.get("where", "complement"), fold(row["term"]))] = bool(row["public"])
            if row.get("scope"):
                scope.add(fold(row["term"]))
            if row.get("named"):
                named.add(fold(row["term"]))
    by_where: dict[str, list[str]] = {"complement": [], "group_name": []}
    for where, term in public:
        by_where[where].append(term)
    return BodyLexicon(_alternation(by_where["complement"]),
                       _alternation(by_where["group_name"]), public, frozenset(scope),
                       frozenset(named))


# -- where the noun phrase of an office ends ----------------------------------------------


def _is_verb(tok: str, prev: str) -> bool:
    """A lower-case word that is a finite verb here (not a noun after a determiner)."""
    if not tok[:1].islower() or prev in _DETERMINERS or "-" in tok:
        return False
    if tok in _VERBS:
        return True
    return (tok not in _NOT_VERBS and len(tok) > 4 and tok.endswith(_VERB_ENDINGS)
            and not tok.endswith(("tra", "bra", "dra")))


def _breaks(tok: str, low: str, prev: str, nxt: str) -> bool:
    """True when ``tok`` cannot continue the noun phrase of an office."""
    if any(c.isdigit() for c in low):
        return not low[:1].isalpha()  # "G5" continues, "2019" and "3e" break
    if low == "par" and fold(nxt).startswith("interim"):
        return False  # "le président par intérim"
    if low in ("ce", "cet", "cette", "ces", "leur", "leurs", "son", "sa", "ses") \
            and prev in _PREPOSITIONS:
        return False  # "président de cet organisme", "juge chargé de leur enquête"
    if low in _STOP or low.startswith(_ELIDED_STOPS):
        return True
    if low.startswith("l'") and low[2:] in _STOP:
        return True  # "l'a", "l'ont": a pronoun and a verb
    if low == "et":
        return not (nxt in _CONTINUE_AFTER_AND or nxt.startswith("d'"))
    if low == "pour":
        return not (nxt in _ARTICLES or nxt.startswith(("l'", "d'")) or nxt[:1].isupper())
    if low == "en" and nxt.endswith("ant"):
        return True  # a gerund: "en notant"
    if low in ("un", "une"):
        return prev not in _DETERMINERS and prev not in ("auprès", "chez")
    if low.endswith(_ADVERB_ENDINGS) or low in _ADVERBS:
        return True  # "l'ex-chef de l'État apprécie particulièrement X"
    return _is_verb(tok, prev)


#: Endings of French adverbs in -ment that no office noun has ("gouvernement",
#: "département", "commandement" end otherwise), and common adverbs without them.
_ADVERB_ENDINGS = ("amment", "emment", "ièrement", "ellement", "iquement", "alement",
                   "ivement", "eusement", "ément", "ètement", "ûment", "aiement", "ssement")
_ADVERBS = frozenset("""notamment surtout toujours jamais souvent bientôt déjà encore aussi
ensuite enfin longtemps parfois hier aujourd'hui demain désormais""".split())


def _starts_a_name(tok: str, prev: str, nxt: str, after_prep: bool) -> bool:
    """Two capitalised words after a lower-case one, outside a complement: a person's name
    ("ministre Jean Roux"), not the rest of a body's name ("de France Assos Santé")."""
    return (not after_prep and tok[:1].isupper() and nxt[:1].isupper()
            and not prev[:1].isupper() and tok.lower() not in _ARTICLES)


def _label_then_complement(toks: list[re.Match[str]], i: int) -> bool:
    """Whether the capitalised words from ``toks[i]`` are a party's label the title's
    complement follows ("le député Nouvelle Gauche de l'Ardèche X"): at most four, then
    "de", "du", "des" or "d'", then more words before the name."""
    j = i
    while j < len(toks) and toks[j].group(0)[:1].isupper() and j - i < 4:
        j += 1
    if j >= len(toks) - 1 or j == i:
        return False
    low = toks[j].group(0).lower()
    return low in ("de", "du", "des") or low.startswith("d'")


def np_end(phrase: str, max_words: int = _MAX_WORDS, final_label: bool = False) -> int:
    """Length of the prefix of ``phrase`` that can still be the noun phrase of an office.

    With ``final_label``, capitalised words that end the phrase are a label, not a name
    ("la députée En Marche X": the phrase ends where the name begins).
    """
    toks = [m for m in _TOKEN.finditer(phrase.replace("’", "'"))]
    after_prep = False
    for i, m in enumerate(toks):
        tok = m.group(0)
        low = tok.lower()
        prev_tok = toks[i - 1].group(0) if i else ""
        prev = prev_tok.lower()
        nxt = toks[i + 1].group(0) if i + 1 < len(toks) else ""
        if low[:1].isdigit() and prev_tok[:1].isupper():
            continue  # "France 3", "Europe 1": part of a name
        if (i >= max_words or _breaks(tok, low, prev, nxt.lower() if nxt[:1].islower() else nxt)
                or (_starts_a_name(tok, prev_tok, nxt, after_prep)
                    and not (final_label and all(t.group(0)[:1].isupper() for t in toks[i:]))
                    and not (final_label and _label_then_complement(toks, i)))):
            return m.start()
        if low in _PREPOSITIONS or low.startswith("d'"):
            after_prep = low in _PREPOSITIONS
        elif low not in _ARTICLES:
            after_prep = False
    return len(phrase)


# -- is the complement a public body? ----------------------------------------------------


@lru_cache(maxsize=4096)
def _group_public(entry_id: str) -> bool | None:
    """Whether a gazetteer group is a public body: by kind, else by the words of its names."""
    from pipelines.nlp.extract import _resources  # late import: extract imports this module

    res = _resources()
    entry = res.gaz.entries.get(entry_id)
    if entry is None:
        return None
    if entry.kind in _PUBLIC_GROUP_KINDS:
        return True
    if entry.kind not in _NAMED_GROUP_KINDS:
        return None
    bodies = load_bodies()
    names = [t.text for t in res.gaz.terms if t.entry_id == entry_id and t.kind == "name"]
    for name in [entry.label, *names]:
        m = bodies.group_name.search(fold(name))
        if m:
            return bodies.public[("group_name", m.group(0))]
    return None


def _inside_a_name(tail: str, end: int) -> bool:
    """A state name followed by another word is part of a name ("France insoumise", "France 2")."""
    nxt = re.match(r"[ \t]*([^\W_][\w'’-]*)", tail[end:])
    if not nxt:
        return False
    if not nxt.group(1)[:1].islower():
        return True  # "France 3", "France Télévisions"
    word = nxt.group(1).lower().replace("’", "'")
    return not (word in _PREPOSITIONS or word in _STOP or word in ("et", "ou")
                or word.startswith(("d'", "l'")))


def _gazetteer_hits(tail: str) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int]]]:
    """(start, length, public) of states and public groups the gazetteer finds in ``tail``,
    and (start, end) of the places and other organisations it finds (they neither decide
    nor end a complement: "responsable départemental de la Drôme du parti X"; the words
    of their names are no body word: "du pôle numérique de La République en marche")."""
    from pipelines.nlp.extract import _resources  # late import: extract imports this module

    res = _resources()
    hits: list[tuple[int, int, bool]] = []
    places: list[tuple[int, int]] = []
    for m in res.matcher.find(tail):
        etype = res.types.get(m.entry_id, "")
        if m.kind == "demonym" and not m.text[:1].islower():
            continue  # "la Française des jeux": a noun or a name, not the state
        if m.kind == "demonym" and re.search(r"(?:pro|anti)-$", tail[max(0, m.start - 5):m.start],
                                             re.IGNORECASE):
            continue  # "l'alliance pro-serbe": a stance, not the state's own body
        if m.kind == "demonym" and _qualifies_a_domain(tail, m.start):
            continue  # "patron du patinage français": the state's sport, not its body
        if etype == "state" and m.kind != "capital" and not (
                m.text[:1].isupper() and _inside_a_name(tail, m.end)):
            hits.append((m.start, m.end - m.start, True))
        elif etype == "official" and m.text[:1].isupper():
            hits.append((m.start, m.end - m.start, True))  # "porte-parole de Mike Pence"
        elif etype == "group":
            verdict = _group_public(m.entry_id)
            if verdict is not None:
                hits.append((m.start, m.end - m.start, verdict))
            elif res.gaz.entries[m.entry_id].kind == "organisation":
                # a party, a firm: its name's words are no body ("République en marche")
                places.append((m.start, m.end))
        elif etype == "place":
            places.append((m.start, m.end))
    return hits, places


#: Nouns of a state's side in talks, whose demonym is that state ("la délégation
#: américaine", "la partie russe").
_STATE_SIDES = frozenset({"delegation", "delegations", "partie", "cote", "camp"})
#: A complement's last word before a demonym, after its article or preposition.
_LAST_WORD = re.compile(r"(?:^|[\s'])([a-z][a-z-]*)\s+$")


def _qualifies_a_domain(tail: str, at: int) -> bool:
    """Whether the demonym at ``at`` qualifies a noun of some domain that names no body
    ("du patinage français", "du cinéma malien"), not a title ("le ministre français")
    nor a body ("l'armée malienne", "la police nationale française")."""
    before = fold(tail[:at])
    m = _LAST_WORD.search(before)
    if m is None or m.group(1) in _PREPOSITIONS or m.group(1) in _ARTICLES \
            or m.group(1) in _STATE_SIDES:
        return False
    def ends_there(m: re.Match[str]) -> bool:
        return not before[m.end():].strip()

    return not (any(map(ends_there, load_bodies().complement.finditer(before)))
                or any(map(ends_there, load_titles().matches(tail[:at]))))


#: A lower-case complement or adjective right after a body word: "département de
#: contrôle", "département politique" (a firm's department), but not "département
#: fédéral" nor "département d'État".
_COMMON_NOUN_AFTER = re.compile(r"\s+(?:(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)"
                                r"(?!(?:la|le|les)\s|l['’])"
                                r"|(?!(?:f[ée]d[ée]ra|minist[ée]ri|d['’]|de\b|du\b|des\b|et\b|"
                                r"ou\b|en\b|à\b|au\b|aux\b|pour\b|qui\b|chez\b|sur\b|par\b)))"
                                r"[a-zà-ÿ]")


def _lexicon_hits(tail: str, folded: str) -> list[tuple[int, int, bool]]:
    """(start, length, public) of body words and of titles inside the complement."""
    bodies = load_bodies()
    hits = [(m.start(), len(m.group(0)), bodies.public[("complement", m.group(0))]
             and not (m.group(0) in bodies.named and _COMMON_NOUN_AFTER.match(tail, m.end())))
            for m in bodies.complement.finditer(folded)]
    titles = load_titles()
    for m in titles.matches(tail):
        inner = _office(titles, m.group(0), tail[m.end():])
        hits.append((m.start(), len(m.group(0)), inner))
    return hits


def _is_bare(tail: str) -> bool:
    """No complement, only modifiers of time or status ("sortant", "par intérim")."""
    folded = _BARE_PHRASES.sub(" ", fold(tail))
    return all(w in _BARE_MODIFIERS for w in _TOKEN.findall(folded))


_PREPOSITIONS = frozenset("de du des d' à au aux auprès pour chez en".split())
_ARTICLES = frozenset("le la les l' un une".split())


def _named_complements(tail: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Starts of capitalised words that are labels (right after the head or an adjective:
    "le député LR") and of those that head a complement after a preposition ("de Renault")."""
    labels: list[tuple[int, int]] = []
    named: list[int] = []
    after_prep = False
    for m in _TOKEN.finditer(tail.replace("’", "'")):
        tok = m.group(0)
        low = tok.lower()
        if low in _PREPOSITIONS:
            after_prep = True
            continue
        if low in _ARTICLES:
            continue
        start = m.start()
        if low.startswith(("l'", "d'")):
            after_prep = after_prep or low.startswith("d'")
            start += 2
            tok = tok[2:]
        if tok[:1].isupper():
            if after_prep:
                named.append(start)
            else:
                labels.append((start, m.end()))
        after_prep = False
    return labels, named


def public_complement(tail: str) -> bool | None:
    """Whether the complement ``tail`` of an ambiguous title names a public body.

    The first body word, state, public group or inner title decides; None if none is there
    or if an unknown name comes first ("directeur de Business France": a named company).
    Capitalised labels right after the head ("président LR de la région") are skipped, and
    so is an adjective of scope right after it when something else follows ("responsable
    départemental du parti X").
    """
    folded = fold(tail)
    labels, named = _named_complements(tail)
    gaz, places = _gazetteer_hits(tail)
    hits = [h for h in _lexicon_hits(tail, folded) if not any(a <= h[0] < b for a, b in places)]
    hits = [h for h in hits + [h for h in gaz if not _qualifies_another(tail, folded, h[0])]
            if not any(a <= h[0] < b for a, b in labels)]
    hit_starts = {h[0] for h in hits}
    covered = [(h[0], h[0] + h[1]) for h in hits] + places
    unknown = [n for n in named if n not in hit_starts
               and not any(a <= n < b for a, b in covered)]
    hits.sort(key=lambda h: (h[0], -h[1]))
    if hits and hits[0] in gaz and _nationality(tail, hits[0]):
        hits = hits[1:]  # "directeur général français de Moderna": his, not the firm's
    if unknown:
        hits = [h for h in hits if h[0] < unknown[0]]
    if not hits:
        return None
    if not tail[:hits[0][0]].strip() \
            and folded[hits[0][0]:hits[0][0] + hits[0][1]] in load_bodies().scope:
        titles = load_titles().official
        bodies = [h for h in hits[1:] if folded[h[0]:h[0] + h[1]] not in titles]
        return bodies[0][2] if bodies else hits[0][2]
    return hits[0][2]


_THEN_OF = re.compile(r"\s+(?:de|du|des|d['’])(?=[\s'’])", re.IGNORECASE)


def _nationality(tail: str, hit: tuple[int, int, bool]) -> bool:
    """Whether a demonym right after the title, before a complement of its own, gives the
    holder's nationality ("directeur général français de Moderna"), not the body's."""
    at, length = hit[0], hit[1]
    return not tail[:at].strip() and tail[at:at + 1].islower() and \
        bool(_THEN_OF.match(tail, at + length))


#: A complement opening with an indefinite article: "d'une pâtisserie", "d'un groupe".
_INDEFINITE = re.compile(r"^\s*(?:d'une?|de l'une?|des)\s")
_FOR = re.compile(r"(?:^|\s)(?:pour\s+(?:la\s+|le\s+|les\s+|l')?|en\s+|aux?\s+)$")


def _qualifies_another(tail: str, folded: str, at: int) -> bool:
    """Whether a state the gazetteer finds at ``at`` in a complement does not say whose
    office it is: a demonym qualifying some body ("d'une pâtisserie japonaise", "d'une
    ONG américaine": the indefinite article says it is no state's own), or a country
    an office covers for another employer ("directeur pour la France de la société X")."""
    if tail[at:at + 1].islower() and _INDEFINITE.match(folded):
        return True
    return bool(_FOR.search(folded[:at]))


def _office(lex: TitleLexicon, key: str, tail: str) -> bool:
    """Whether title ``key`` followed by complement ``tail`` is a public office."""
    value = lex.official.get(key, False)
    if value != "if_public":
        return bool(value)
    tail = tail[:np_end(tail)]
    verdict = public_complement(tail)
    if verdict is not None:
        return verdict
    return key in lex.bare and _is_bare(tail)


#: A second title coordinated with a bare one, whose complement is both's: "le président
#: et directeur général de Bentley" is the firm's, not the head of state.
_AND_ANOTHER = re.compile(r"\s*(?:et|&)\s+(?!(?:son|sa|ses|leur|leurs)\b)", re.IGNORECASE)


# -- finding the role of a name ----------------------------------------------------------


def _clean(role: str) -> str:
    role = role.strip(" ,-–—'’")
    toks = role.split()
    while toks and fold(toks[-1]).strip("'’") in _ROLE_CONNECTORS:
        toks.pop()
    return " ".join(toks)


def _make_role(lex: TitleLexicon, key: str, body: str, title_len: int) -> Role | None:
    role = _clean(body)
    if not role:
        return None
    return Role(role, _office(lex, key, body[title_len:]))


def office_role(lex: TitleLexicon, key: str, phrase: str, title_len: int) -> Role | None:
    """The role of a title phrase (``phrase`` opens with the title ``key``, of
    ``title_len`` characters), official or not, None if nothing is left once cleaned."""
    return _make_role(lex, key, phrase, title_len)


def role_before(text: str, start: int, window: int = 150) -> Role | None:
    """A title phrase ending right before ``start`` (optionally followed by a comma)."""
    if start > 0 and text[start - 1].isalpha():
        return None  # "présenté à un juge samediPierre X": a sentence glued on, no title
    lex = load_titles()
    ctx, aside = _context_before(text, start, window)
    folded = fold(ctx)
    for m in lex.matches(ctx):
        if _not_this_title(lex, m, ctx, folded):
            continue
        body = ctx[m.start():].rstrip()
        if body.endswith(","):
            body = body[:-1]
        if "," in body:
            continue
        after = body[m.end() - m.start():]
        if not _fits(after, len(ctx) - m.start()):
            continue
        if aside and not _qualified_complement(after):
            return None  # "le maire, inquiet, X": the aside may be the mayor's, not X's
        apposed = ctx.rstrip().endswith(",")
        if not _holds_the_name(folded, body, m.start(), apposed):
            return None
        if apposed and _name_then_comma(ctx[:m.start()]):
            return None  # "Guillaume Gomez, le chef de l'Élysée, X": Gomez's title
        if not apposed:
            m, body = _last_in_chain(lex, m, body, ctx, folded)
        role = _make_role(lex, m.group(0), body, m.end() - m.start())
        if role is not None and not apposed and _rank_before_name(lex, m, ctx, folded,
                                                                  text, start):
            return Role(role.text, True)
        if role is not None and role.official and _of_an_antecedent(m, folded, after):
            return Role(role.text, False)
        return role
    return None


#: A possessive or "dont le" before a title: the office of something named earlier ("son
#: président X", "LVMH, dont le président X").
_OF_ANTECEDENT = re.compile(r"(?:\b(?:son|sa|ses|leur|leurs)|\bdont\s+(?:le|la|les|l'))\s*$")


def _of_an_antecedent(m: re.Match[str], folded: str, after: str) -> bool:
    """Whether a bare title ("président", no complement) is the office of something the
    text named before, which says nothing of a public office: "son président X" of an
    association, "LVMH, dont le président X"."""
    return (m.group(0) in _ANY_BODY_TITLES and _is_bare(after)
            and bool(_OF_ANTECEDENT.search(folded[:m.start()])))


#: Bare titles that any body has, public or not (not "son premier adjoint": a mayor's).
_ANY_BODY_TITLES = frozenset({"president", "presidente", "presidents", "presidentes"})


def _not_this_title(lex: TitleLexicon, m: re.Match[str], ctx: str, folded: str) -> bool:
    """Whether the title ``m`` of the context before a name is certainly not the name's."""
    if m.group(0) in lex.after_determiner and not _DETERMINED.search(folded[:m.start()]):
        return True  # '", juge X' (a verb), "l'assistante parlementaire de X" (an adjective)
    if _title_in_a_name(ctx, m.start()):
        return True  # "Bruno Le Maire, X": a surname, not the mayor
    # "a dit à un journaliste de l'AFP le général X": the general's
    return _new_phrase_after(lex, ctx, folded, m.end())


def _last_in_chain(lex: TitleLexicon, m: re.Match[str], body: str, ctx: str,
                   folded: str) -> tuple[re.Match[str], str]:
    """The last title in a chain of "de"s, which the name holds: "le porte-parole du
    navigateur X", "la fille du président X"."""
    for m2 in list(lex.matches(ctx, m.end()))[::-1]:
        if _OF.search(folded[:m2.start()]):
            return m2, ctx[m2.start():].rstrip().rstrip(",")
    return m, body


#: A definite article that opens a new noun phrase: not after a preposition.
_NEW_PHRASE = re.compile(r"(?<![\w'])(?!(?:de|du|des|a|au|aux|en|par|pour|sur|avec|chez|et|ou)\s)"
                         r"[\w'-]+\s+(?:le|la|l')\s*$")


def _new_phrase_after(lex: TitleLexicon, ctx: str, folded: str, end: int) -> bool:
    """Whether another title after ``end`` opens a noun phrase of its own with a definite
    article ("… de l'AFP le brigadier X", "devant les députés le directeur X"), so the
    earlier title is not the name's."""
    return any(_NEW_PHRASE.search(between) or _BARE_ARTICLE.match(between)
               for m in lex.matches(ctx, end) for between in (folded[end:m.start()],))


#: Only a definite article between two titles: "devant les députés le directeur X".
_BARE_ARTICLE = re.compile(r"^\s+(?:le|la|l')\s*$")


#: Words a title phrase before a name may run to when it opens with a complement, which
#: may chain ("le vice-président de la commission de … de la chambre basse du parlement
#: …, X"); otherwise :data:`_MAX_WORDS`.
_MAX_WORDS_BEFORE = 18
_OPENS_A_COMPLEMENT = re.compile(r"^\s*(?:de|du|des|d['’])", re.IGNORECASE)
#: A complement whose last word before an aside is a lower-case noun or adjective.
_COMMON_COMPLEMENT = re.compile(r"(?:^|\s)(?:(?:de|du|des|à|au|aux)\s|d').*\s[a-zß-ÿ][\w'-]*\s*$")


#: An article right after a title opens another noun phrase (a title's complement opens
#: with a preposition or an adjective).
_OPENS_ANOTHER_PHRASE = re.compile(r"^\s+(?:le|la|les|un|une)\s+\S+\s+\S")


def _fits(after: str, span: int) -> bool:
    """Whether the words ``after`` a title, ``span`` characters from the title to the name,
    are all the title's noun phrase: up to :data:`_MAX_WORDS` words and 90 characters, or
    :data:`_MAX_WORDS_BEFORE` words when they open with a complement."""
    chain = bool(_OPENS_A_COMPLEMENT.match(after))
    if span > 90 and not chain or _OPENS_ANOTHER_PHRASE.match(after):
        return False  # "devant le ministre les grands auteurs … X": another phrase
    limit = _MAX_WORDS_BEFORE if chain else _MAX_WORDS
    return np_end(after, limit, final_label=True) >= len(after.rstrip())


def _qualified_complement(after: str) -> bool:
    """Whether a title's complement ends with a common noun an adjectival aside may
    qualify ("maire de ce village de montagne, voisin de …"), not with a name ("la
    ministre de la Culture Anne Roux, grande mélomane, X")."""
    return bool(_COMMON_COMPLEMENT.search(after.replace("’", "'").rstrip()))
#: An adjectival aside between a title's complement and the name: "le maire de ce village
#: de montagne, voisin de la frontière, X" (a lower-case phrase set off by commas).
_COMMA_ASIDE = re.compile(r",[ \t]*([a-zà-ÿ][^,;:.!?«»\"“”()\[\]\n]{1,60}?)[ \t]*,[ \t]*$")
_ASIDE_OPENERS = frozenset("de du des d' à au aux en et ou pour par le la les l' un une".split())


#: An honorific between a title and the name ("l'ambassadeur Mgr X", "le juge M. X"):
#: the name's, not the title's, so it is blanked like an aside.
_HONORIFIC_BEFORE = re.compile(
    r"(?<=\s)(?:Mgr\.?|Monseigneur|M\.|Mme\.?|Mlle\.?|Me\.?|Dr\.?|Pr\.?|Sir|Cheikh|cheikh)"
    r"\s+$")


def _context_before(text: str, start: int, window: int) -> tuple[str, bool]:
    """The clause before ``start`` where a title may stand, with short asides blanked
    ("la députée (LR) X", "le maire de Sisco (Haute-Corse) X", "le maire de ce village,
    voisin de la frontière, X"), and whether a comma aside was blanked."""
    left = max(0, start - window)
    ctx = _ASIDE.sub(lambda a: " " * len(a.group(0)), text[left:start])
    ctx = _HONORIFIC_BEFORE.sub(lambda a: " " * len(a.group(0)), ctx)
    aside = _COMMA_ASIDE.search(ctx)
    if aside and _adjectival(aside.group(1)):
        ctx = ctx[:aside.start()] + " " * (aside.start(1) + len(aside.group(1)) - aside.start()) \
            + ctx[aside.start(1) + len(aside.group(1)):]
    else:
        aside = None
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(ctx)]
    return (ctx[breaks[-1]:] if breaks else ctx), aside is not None


def _adjectival(phrase: str) -> bool:
    """Whether a comma aside is an adjective phrase: a lower-case adjective or participle
    and its complement ("limitrophe de la Suisse", "située au bord du lac"), no verb,
    article, title or name of its own."""
    words = _TOKEN.findall(phrase.replace("’", "'"))
    if not words or len(words) > 7 or fold(words[0]) in _ASIDE_OPENERS \
            or words[0].lower() in _STOP or words[0].endswith("'"):
        return False
    if next(load_titles().matches(phrase), None) is not None:
        return False
    return np_end(phrase) == len(phrase)


#: A rank stands right after a definite article: "le major X", "du caporal X".
_RANK_ARTICLE = re.compile(r"(?:^|[\s'])(?:le|la|l'|du|au)\s*$")
#: Or, capitalised, opens a clause or an item of a list: "• Sergent X : 24 ans".
_RANK_ITEM = re.compile(r"^[\s,;•*–—-]*$")


#: Ranks that are also a ship's or a team's: an office bare before a name only where the
#: text around speaks of a public armed or rescue force.
_FORCE_RANKS = frozenset({"capitaine", "commandant", "soldat", "hussard", "legionnaire",
                          "marsouin", "parachutiste", "matelot", "hussard parachutiste",
                          "chasseur alpin"})
#: Public armed and rescue forces (folded words).
_FORCE = re.compile(r"\b(?:(?:sapeurs?-)?pompiers?|gendarmer\w*|gendarmes?|police|policiers?"
                    r"|commissariat|armees?|militaires?|soldats?|regiments?|caserne|legion"
                    r"|escadron|brigade|crs|gign|marine nationale|securite civile)\b")
#: How far around the name the force is looked for (characters before, after).
_FORCE_WINDOW = (400, 150)


def _rank_before_name(lex: TitleLexicon, m: re.Match[str], ctx: str, folded: str, text: str,
                      start: int) -> bool:
    """A military or police rank with a definite article (or capitalised at the head of a
    clause or a list item) and nothing else before the name: "le major X", "l'adjudant
    X", "Caporal X" (not "le major de promotion X", "son lieutenant X"). A captain or a
    commandant only with the article and where the text around names the pompiers, the
    police, the gendarmerie or the army ("a précisé le capitaine X"), not a ship's."""
    key = m.group(0)
    if key not in lex.ranks and key not in _FORCE_RANKS or not _is_bare(ctx[m.end():]):
        return False
    before = folded[:m.start()]
    item = before[before.rfind(",") + 1:]
    if key in _FORCE_RANKS:
        ahead, behind = _FORCE_WINDOW
        return bool((_RANK_ARTICLE.search(before)
                     or ctx[m.start()].isupper() and _RANK_ITEM.match(item))
                    and _FORCE.search(fold(text[max(0, start - ahead):start + behind])))
    return bool(_RANK_ARTICLE.search(before)
                or ctx[m.start()].isupper() and _RANK_ITEM.match(item))


#: A first name and a surname ending a title phrase, after a lower-case word or a party
#: acronym: "le député insoumis Jean Dupont", "la députée LR Anne Roux".
_PERSON_AT_END = re.compile(r"(?:^|\s)(\S+)\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+\s+[A-ZÀ-Ý][\w'’-]+$")
_CONNECTORS = frozenset({"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "à", "au", "aux"})


def _ends_with_person(body: str) -> bool:
    """Whether a title phrase ends with somebody's first name and surname."""
    m = _PERSON_AT_END.search(body)
    if not m:
        return False
    word = m.group(1)
    if word.isupper() and len(word) >= 2:
        return True
    return word.islower() and fold(word) not in _CONNECTORS and not word.endswith(("'", "’"))


_NAME_BEFORE = re.compile(r"([A-ZÀ-Ý][\w'’-]*)\s+(?:(?:[Ll]e|[Ll]a|[Dd]e|[Dd]u)\s+)?$")
_NAME_ARTICLES = frozenset({"Le", "La", "Les", "L", "De", "Du", "Des", "Un", "Une"})


def _title_in_a_name(ctx: str, start: int) -> bool:
    """Whether a capitalised title word continues a capitalised name ("Bruno Le Maire")."""
    if not ctx[start:start + 1].isupper():
        return False
    m = _NAME_BEFORE.search(ctx[:start])
    return bool(m) and m.group(1) not in _NAME_ARTICLES


#: A full name and a comma right before an apposed title: in "A B, le chef de X, C D", the
#: title is the apposition of the name before it, not of the one after.
_NAME_THEN_COMMA = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ'’-]+)\s+[A-ZÀ-Ý][\w'’-]+\s*,\s*"
                              r"(?:(?:le|la|les|un|une)\s+|l['’]\s*)?$")
_NOT_A_FIRST_NAME = frozenset("""a au aux en dans depuis pour par selon sur sous chez avec
apres avant pendant contre entre vers le la les du des de et mais ou puis""".split())


def _name_then_comma(before: str) -> bool:
    """Whether ``before`` (the text before a title) ends with a full name and a comma,
    not with a place after a preposition ("Au Mali, le Premier ministre, X")."""
    m = _NAME_THEN_COMMA.search(before)
    return bool(m) and fold(m.group(1)) not in _NOT_A_FIRST_NAME and \
        fold(m.group(1)) not in _STOP


def _holds_the_name(folded: str, body: str, title_start: int, apposed: bool) -> bool:
    """Whether the title phrase ``body`` (starting at ``title_start`` of the folded context)
    is the office of the name that follows it.

    Not when the name is the title's complement ("le porte-parole de X", "le
    vice-président de X"), nor, for an apposition ("…, X"), when the title is itself the
    complement of another noun ("l'épouse du chef de l'État, X") or ends with another
    person's name ("le député Jean Dupont, X").
    """
    if _OF.search(fold(body)):
        return False
    if apposed and (_ends_with_person(body) or _complements_a_person(folded[:title_start])):
        return False
    return True


#: Nouns of people whom an apposed name may be ("le garde du corps du ministre, X").
_PERSON_NOUNS = frozenset("""collaborateur collaboratrice proche proches garde epouse epoux
mari femme compagne compagnon fils fille frere soeur mere pere ami amie assistant assistante
chauffeur conseiller conseillere successeur predecesseur adversaire rival rivale allie alliee
adjoint adjointe droit corps avocat avocate chef entourage plume plumes biographe cousin
cousine neveu niece oncle tante gendre veuve""".split())
#: A prepositional phrase opening the clause, whose comma ends it: "Face au maire, X a
#: répondu" (X is the subject, not the mayor). In mid-clause, "les grâces accordées par le
#: gouverneur, X," the name is in apposition to the title.
_GOVERNING_PREPOSITIONS = ("sur|avec|pour|contre|par|chez|entre|vers|apres|avant|sans|sous|"
                           "dans|a|au|aux")
_GOVERNING = re.compile(r"^\W*(?:(?:mais|et|puis|alors)\s+)?(?:"
                        + _GOVERNING_PREPOSITIONS + r"|envers|face aux|face au|face a)\s+"
                        r"(?:le|la|les|l')?\s*$")


#: A participial clause opening the sentence, the title inside one of its prepositional
#: phrases: "Interrogé sur ses liens avec l'ancien président, X a souri" (X is the subject).
_FRONTED_PARTICIPLE = re.compile(
    r"^\W*(?!(?:une|cette|chaque|toute|toutes|meme|quelque|presque|comme|entre|contre|outre"
    r"|lorsque|puisque|face|elle|elles)\b)[a-z]{3,}(?:e|ee|es|ees|i|ie|is|u|ue|us)\s+"
    r"(?:[a-z'-]+\s+){0,6}?(?:" + _GOVERNING_PREPOSITIONS + r")\s+"
    r"(?:[a-z'-]+\s+){0,3}?(?:le|la|les|l')\s*(?:[a-z-]+\s+)?$")


def _complements_a_person(before: str) -> bool:
    """Whether an apposed title is the complement of a preposition that opens the clause
    ("Face au chef de l'État, X a répondu") or ("du ministre") of a person noun
    ("l'épouse du chef de l'État, X": X is the wife), not of a thing ("l'objectif du
    maire de Lyon, X": X is the mayor).
    ``before`` is the folded text before the title."""
    if _GOVERNING.search(before) or "," not in before and _FRONTED_PARTICIPLE.search(before):
        return True
    m = _OF.search(before)
    if not m:
        return False
    # the noun, maybe followed by an adjective: "un arrière-grand-père paternel du …"
    heads = re.findall(r"[a-z]+", before[:m.start()])[-2:]
    if not heads:
        return False
    lex = load_titles()
    singular = [h[:-1] if h.endswith(("s", "x")) else h for h in heads]  # "les avocats du …"
    return any(h in _PERSON_NOUNS or h in lex.official for h in (*heads, *singular))


_DETERMINED = re.compile(
    r"(?:^|[\s'])(?:le|la|l'|les|un|une|ce|cet|cette|son|sa|ses|leur|du|des|de|d'|au|aux|ex-?|"
    r"ancien|ancienne|nouveau|nouvelle|actuel|actuelle|futur|future|premier|premiere)\s*$")
_ASIDE = re.compile(r"\([^()\n]{1,40}\)")
#: After a name: an optional aside "(PS)", a comma or an opening parenthesis, an optional age
#: ("45 ans,"), then articles and modifiers of time or status before the title.
_APPOSITION = re.compile(
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:,|\()\s*(?:\d{1,3}\s*ans\s*,\s*)?"
    r"(?:(?:le|la|l['’]|un|une|ancien|ancienne|ex-?|actuel|actuelle|nouveau|nouvelle|futur|"
    r"future|fraîchement|désormais|toujours|alors|aussi|également|élu|élue|réélu|réélue|"
    r"nommé|nommée)\b\s*)*",
    re.IGNORECASE)

#: The opening of an apposition without the modifiers ("élu", "nommé"…) that may stand
#: before a title: for a title that is one of them.
_APPOSITION_BARE = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?,\s*(?:\d{1,3}\s*ans\s*,\s*)?"
                              r"(?:(?:le|la|un|une)\s+|l['’]\s*)?",
                              re.IGNORECASE)


#: "X, une élue démocrate", "X, élue de la Chambre": the noun or an office's complement,
#: not the participle of a prize ("X, élue Miss France").
_DETERMINER_END = re.compile(r"(?:\b(?:le|la|un|une)\s+|l['’]\s*)$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+(?:(?:de|du|des)\b|d['’])\s*", re.IGNORECASE)


#: A body's name quoted after its preposition ('numéro deux du "Comité national pour le
#: salut du peuple"'): the quotes are the name's, not the end of the phrase.
_QUOTED_NAME = re.compile(r"(\b(?:du|de|des|la|le|les) |\bd['’])[«\"“]\s*"
                          r"([A-ZÀ-Ý][^«»\"“”\n]{1,80}?)\s*[»\"”]")


#: A verb of election or appointment right after a name: "X a été élue maire de Y", "X
#: vient d'être nommé ambassadeur".
_ELECTED = re.compile(
    r"\s+(?:(?:a|avait|aurait|ont|avaient)\s+été|(?:est|sera|était|fut|serait)|"
    r"vient\s+d['’]être|venait\s+d['’]être)\s+(?:ré)?(?:élue?s?|nommée?s?|désignée?s?)\s+",
    re.IGNORECASE)


def _title_phrase(rest: str, m: re.Match[str]) -> tuple[str, int]:
    """The words after a name that open with the title ``m`` (matched at the start of
    ``rest``), up to the first punctuation mark, and where the title's noun phrase ends
    in them."""
    stop = re.search(r"[,.;:!?«»\"“”()\[\]\n]", rest)
    phrase = rest[: stop.start()] if stop else rest
    return phrase, m.end() + np_end(phrase[m.end():])


def role_by_election(text: str, end: int, window: int = 130) -> Role | None:
    """A public office the sentence says the name was elected or appointed to, right
    after it ("X a été élue maire de Malville"); None for any other role ("X a été élu
    meilleur joueur", "X a été nommé directeur de Renault")."""
    m0 = _ELECTED.match(text, end, min(len(text), end + window))
    if not m0:
        return None
    rest = text[m0.end():end + window]
    m = next(load_titles().matches(rest), None)
    if not m or m.start() != 0:
        return None
    phrase, cut = _title_phrase(rest, m)
    role = _make_role(load_titles(), m.group(0), phrase[:cut], m.end())
    return role if role is not None and role.official else None


def role_after(text: str, end: int, window: int = 130) -> Role | None:
    """An apposition right after a name: ``X, le chef du CNSP, …`` / ``X (PS), député de …`` /
    ``X (député LR)``."""
    lex = load_titles()
    ctx = text[end:end + window]
    m0 = _APPOSITION.match(ctx)
    if not m0:
        return None
    rest = ctx[m0.end():]
    m = next(lex.matches(rest), None)
    if not m or m.start() != 0:
        # "X, élue municipale": the modifier "élue" was the title itself
        bare = _APPOSITION_BARE.match(ctx)
        rest = ctx[bare.end():] if bare else ""
        m = next(lex.matches(rest), None)
        if not m or m.start() != 0 or fold(m.group(0)) in ("elu", "elue") and not (
                _DETERMINER_END.search(bare.group(0)) or _OF_AFTER.match(rest, m.end())):
            return None  # "X, élu meilleur joueur", "X, élue Miss France": no office
    rest = _QUOTED_NAME.sub(lambda q: q.group(1) + q.group(2) + " ", rest)
    phrase, cut = _title_phrase(rest, m)
    determined = re.search(r"(?:^|[\s,])(?:le|la|l['’])", m0.group(0), re.IGNORECASE)
    if not _apposition_closes(phrase[cut:], bool(determined)):
        return None
    first = _make_role(lex, m.group(0), phrase[:cut], m.end())
    if first is not None and first.official and m.group(0) in lex.bare \
            and _is_bare(phrase[m.end():cut]) and _AND_ANOTHER.match(phrase[cut:]):
        return Role(first.text, False)  # "le président et CEO de X": the firm's
    if first is not None and not first.official:
        return _coordinated_office(lex, phrase[cut:]) or first
    return first


def _coordinated_office(lex: TitleLexicon, tail: str) -> Role | None:
    """An office coordinated with a role that is none: "X, avocat et conseiller municipal"."""
    joined = re.match(r"\s*et\s+(?:(?:le|la|l['’])\s*)?", tail)
    if not joined:
        return None
    rest = tail[joined.end():]
    m = next(lex.matches(rest), None)
    if not m or m.start() != 0:
        return None
    role = _make_role(lex, m.group(0), rest[:m.end() + np_end(rest[m.end():])], m.end())
    return role if role is not None and role.official else None


_CLAUSE_VERB = re.compile(
    r"\s*(?:a|ai|as|avait|avaient|aura|aurait|ont|est|était|sera|serait|sont|va|vient|"
    r"n['’]|ne|s['’]|se|y|lui|leur|l['’]a)\b", re.IGNORECASE)
_NAME_NEXT = re.compile(r"\s*[A-ZÀ-Ý][a-zà-ÿ'’-]+\s+[A-ZÀ-Ý][\w'’-]+")


def opens_with_verb(rest: str) -> bool:
    """Whether ``rest`` (the words after a title) opens with a finite verb, maybe after a
    negation or a clitic pronoun: "affirme", "a dit", "n'a pas", "s'émeut", "lui répond"."""
    if _CLAUSE_VERB.match(rest):
        return True
    m = re.match(r"\s*([^\W\d_]+)(?![\w'’-])", rest)
    return bool(m) and _is_verb(m.group(1), "")


def _apposition_closes(rest: str, determined: bool) -> bool:
    """Whether a title phrase after "X," is an apposition to X: not when a name follows it
    ("X, le député Jean Roux a dit": his title) nor, when it has an article, a verb ("X,
    le président a répondu": the subject of the next clause; "X, ministre de la Santé
    s'est exprimé" is still X's title)."""
    return not (_NAME_NEXT.match(rest) or (determined and opens_with_verb(rest)))


_PREP_BEFORE = re.compile(r"(?:^|\s)(?:" + _GOVERNING_PREPOSITIONS + r"|du|des|de)\s+"
                          r"(?:le|la|les|l')?\s*$")


def _governed_apposition(text: str, start: int, before: Role) -> bool:
    """Whether ``before`` is apposed to the name (a comma between) and governed by a
    preposition ("avec le Premier ministre, X")."""
    ctx = text[max(0, start - 120):start]
    if not ctx.rstrip().endswith(","):
        return False
    at = ctx.rfind(before.text)
    return at > 0 and bool(_PREP_BEFORE.search(fold(ctx[:at])))


_SOURCE_OPENS = re.compile(r"(?:^|[.!?»\"\n]\s*)(?:Selon|D['’]après)\s+(?:le|la|les|l['’])\s*$")
_APPOSITION_ENDS = re.compile(r"\.?\s*[,)]")


def _source_then_subject(text: str, start: int, end: int, before: Role) -> bool:
    """Whether the title is a source that opens the sentence and the name the subject of
    what it reports: "Selon le procureur, X avait été suivi" (X is no prosecutor), not
    "Selon le procureur de Paris, X, l'enquête…" (X is, the apposition closes)."""
    ctx = text[max(0, start - 160):start]
    at = ctx.rfind(before.text)
    return at >= 0 and "," in ctx[at + len(before.text):] and \
        bool(_SOURCE_OPENS.search(ctx[:at])) and not _APPOSITION_ENDS.match(text, end)


def find_role(text: str, start: int, end: int) -> Role | None:
    """The role given to the name at ``text[start:end]``, official roles first.

    A name apposed to a title governed by a preposition that has an apposition of its own
    takes that one: "une réunion avec le Premier ministre, X, le secrétaire général de
    FO": the Prime Minister is somebody else ("le ministre, X, médecin de formation, a
    dit" keeps both, the office first)."""
    before = role_before(text, start)
    after = role_after(text, end)
    if before is not None and after is not None and _governed_apposition(text, start, before):
        return after
    if before is not None and _source_then_subject(text, start, end, before):
        before = None
    for r in (before, after):
        if r and r.official:
            return r
    return role_by_election(text, end) or before or after
