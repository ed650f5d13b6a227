"""An office named in a sentence next to a person named without one.

News prose often introduces an office-holder by the office alone, then names the person
only when quoting them::

    Le projet a reçu le soutien du maire de la ville. « Nous irons jusqu'au bout », a
    expliqué Paul Lemoine lundi.

Paul Lemoine is the mayor, though no title stands next to his name. The rule is narrow,
because a reaction by somebody else reads much the same ("…, a réagi Jean Dupont"):

* the quotation opens a sentence (it may run over several), and the name follows the
  closing quote and a verb that *continues* a statement (indiqué, expliqué, précisé…),
  not one that answers it (réagi, dénoncé, rétorqué…);
* the name is the person's first mention in the article, has no role and no apposition
  after it, and the gazetteer does not know it;
* the sentence before the quotation holds an office with a definite article ("le ministre
  de la Culture", "la préfète") that no name follows, and no person is named after that
  office; the office of the sentence's subject comes before one in a complement ("la
  préfète a dénoncé l'attaque contre le chef de l'État"). A sentence glued to the one
  before over a missing space ('…outrage".Dans un communiqué…') is read on its own;
* nobody named earlier may hold the office: a person with a role of the same head, a
  gazetteer office-holder of that head, or a person with no role at all in the same
  section (after the last heading glued to the text or intertitle).

The other way round, an office that opens the next sentence as its subject refers back to
the speaker of a quotation just named::

    « Nous ne céderons pas », lance Hugo Vermeulen. Loin des usages, l'ambassadeur
    affirme que le dialogue est rompu.

only when that sentence quotes somebody and names exactly one person outside the
quotation, who has no role in the article, no apposition and is not in the gazetteer; the
next sentence opens (maybe after an adverbial phrase and a comma) with a bare definite
office ("l'ambassadeur", "la préfète", "le ministre") followed by its verb, names nobody
before that verb nor the speaker again; and nobody named earlier has a role of that head.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.nlp.extract import PERSON_TYPES, Candidate
from pipelines.nlp.roles import Role, load_titles, np_end, office_role, opens_with_verb
from pipelines.text import fold

#: Verbs that carry on a statement (past participle after "a", or present after a quote).
_GOING_ON = ("indiqu|expliqu|précis|ajout|soulign|déclar|affirm|assur|poursuiv|insist|"
             "détaill|confié|confiait|annonc|rappel|dit|développ|complét|argument|justifi")
_REPORTED = re.compile(
    r"[»\"”]\s*,?\s*(?:(?:a|avait)\s+(?:encore\s+|ensuite\s+|également\s+|aussi\s+)?"
    rf"(?:{_GOING_ON})\w*|(?:{_GOING_ON})\w*)"
    r"(?:\s+(?:à|au|aux)\s+(?:l['’]\s*)?\S+(?:\s+\S+)?)?\s+$")
#: What may follow the name: the end of the sentence, a place or a time of speaking.
_NAME_ENDS = re.compile(
    r"\s*(?:[.!?…]|$|,?\s*(?:sur|à|au|aux|dans|lors|devant|en|ce|cette|hier|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|auprès|avant|après|alors)\b)")
_OPENS_WITH_QUOTE = re.compile(r"^\s*[«\"“]")
_PHRASE_STOP = re.compile(r"[,.;:!?«»\"“”()\[\]\n]")
#: A definite office: "le ministre", "la préfète", "l'ambassadeur".
_DEFINITE = re.compile(r"(?:^|[\s(])(?:le|la|l['’]|du|au)\s*$", re.IGNORECASE)


def antecedent_roles(text: str, cands: Sequence[Candidate], roles: dict[int, Role],
                     offsets: Sequence[tuple[int, int]]) -> dict[int, Role]:
    """Roles from an unnamed office in a neighbouring sentence (see the module docstring):
    for quoted speakers from the sentence before, and for a person named alone from the
    office that opens the next; ``roles`` are the roles found next to the names."""
    out: dict[int, Role] = {}
    seen: set[str] = set()
    for i, c in enumerate(cands):
        if c.type not in PERSON_TYPES:
            continue
        surname = fold(c.text.split()[-1])
        first = surname not in seen
        seen.add(surname)
        if not first or i in roles or c.entry_id or c.sentence < 1 \
                or c.sentence >= len(offsets):
            continue
        role = _speaker_office(text, cands, c, offsets)
        if role is not None and not _held_by_someone_named(
                role, cands[:i], roles, _section_start(text, offsets[c.sentence][0])):
            out[i] = role
    for i, role in next_sentence_roles(text, cands, roles, offsets).items():
        out.setdefault(i, role)
    return out


def _speaker_office(text: str, cands: Sequence[Candidate], c: Candidate,
                    offsets: Sequence[tuple[int, int]]) -> Role | None:
    """The office of the sentence before the quotation, for a speaker named after it."""
    s_start, _ = offsets[c.sentence]
    reported = _REPORTED.search(text[max(s_start, c.start - 80):c.start])
    if not reported:
        return None
    if not _NAME_ENDS.match(text, c.end):
        return None
    opening = _quote_opening(text, max(s_start, c.start - 80) + reported.start(), offsets,
                             c.sentence)
    if opening is None or opening < 1:
        return None
    p_start, p_end = offsets[opening - 1]
    p_start = _after_glued_join(text, p_start, p_end)
    if any(o.type in PERSON_TYPES and p_start <= o.start < c.start and o is not c
           for o in cands):
        # a person named in the sentence before (or in the quote) may be the speaker
        return None
    return last_unnamed_office(text, p_start, p_end, cands)


_OPENING_QUOTE = {"»": "«", "”": "“", '"': '"'}
#: How many sentences a quotation may run over.
_QUOTE_SENTENCES = 3


def _quote_opening(text: str, close: int, offsets: Sequence[tuple[int, int]],
                   sentence: int) -> int | None:
    """The sentence a quotation closing at ``close`` opens (with nothing before the
    opening mark in that sentence), or None."""
    opener = _OPENING_QUOTE.get(text[close])
    if opener is None:
        return None
    at = text.rfind(opener, 0, close)
    if at < 0:
        return None
    for k in range(sentence, max(-1, sentence - _QUOTE_SENTENCES), -1):
        a, b = offsets[k]
        if a <= at < b:
            return k if not text[a:at].strip() else None
    return None


#: A sentence glued to the one before over a missing space, maybe with a scrap of
#: markup between: '…outrage".Dans', "…fin.[/BALISEPuis".
_GLUED_JOIN = re.compile(r"(?<=[^\W\d_])[.!?…][\"»”]?\S*?(?=[A-ZÀ-Þ][a-zß-ÿ]+\s)"
                         r"|(?<=[^\W\d_])[\"»”][.!?…]\S*?(?=[A-ZÀ-Þ][a-zß-ÿ]+\s)")


def _after_glued_join(text: str, start: int, end: int) -> int:
    """Where the last sentence or heading glued into ``text[start:end]`` ends (else
    ``start``)."""
    last = start
    for pattern in (_GLUED_JOIN, _HEADING_JOIN):
        for m in pattern.finditer(text, start, end):
            last = max(last, m.end())
    return last


#: A heading glued to the text after it over a missing space ("…décapitéeVendredi soir":
#: a lower-case word run into a capitalised one), or an agency's intertitle between dashes
#: (".- Retour au calme -Le lendemain").
_HEADING_JOIN = re.compile(r"(?<![^\W\d_])[a-zß-ÿ]{3,}(?=[A-ZÀ-Þ][a-zß-ÿ])"
                           r"|\.[ \t]*[-–—][ \t]*[A-ZÀ-Þ][^.!?\n]{0,80}?[-–—](?=\S)")


def _section_start(text: str, before: int) -> int:
    """Where the section holding ``text[before]`` starts: after the last heading glued to
    the text before ``before`` (a line break only ends a paragraph)."""
    start = 0
    for m in _HEADING_JOIN.finditer(text, 0, before):
        start = m.end()
    return start


def last_unnamed_office(text: str, start: int, end: int,
                        cands: Sequence[Candidate]) -> Role | None:
    """The definite public office in ``text[start:end]`` that no name follows: the last
    one not governed by a preposition (the subject's, "la préfète a dénoncé l'attaque
    contre le chef de l'État"), else the last one ("le soutien du maire")."""
    lex = load_titles()
    sentence = text[start:end]
    found: Role | None = None
    free: Role | None = None
    for m in lex.matches(sentence):
        before = fold(sentence[:m.start()])
        if not _DEFINITE.search(before):
            continue
        rest = sentence[m.end():]
        stop = _PHRASE_STOP.search(rest)
        cut = m.end() + np_end(rest[:stop.start()] if stop else rest)
        tail_at = start + cut
        if any(tail_at - 1 <= o.start <= tail_at + 3 for o in cands):
            continue  # "le ministre Jean Roux": the office of that name
        role = office_role(lex, m.group(0), sentence[m.start():cut], m.end() - m.start())
        if role is not None and role.official:
            found = role
            if not _GOVERNED.search(before):
                free = role
    return free or found


#: A definite article after a preposition, or a contracted one: a complement's office.
_GOVERNED = re.compile(r"(?:^|[\s'(])(?:du|au|aux|(?:de|a|par|pour|avec|contre|chez|sur|"
                       r"envers|selon|aupres de|entre|devant|vers)\s+(?:le\s|la\s|l'))\s*$")


def _head(role_text: str) -> str:
    words = fold(role_text).split()
    return words[0] if words else ""


def _held_by_someone_named(role: Role, before: Sequence[Candidate],
                           roles: dict[int, Role], since: int = 0) -> bool:
    """Whether somebody named earlier in the article may hold the office: one whose role
    has the same head, a gazetteer office-holder of that head (a minister before "le
    ministre"), or one the article gives no role at all ("M. Roux") in the same section
    (from ``since``: an earlier section is about something else)."""
    from pipelines.nlp.extract import _resources  # late import: extract imports roles

    head = _head(role.text)
    entries = _resources().gaz.entries
    for k, o in enumerate(before):
        if o.type not in PERSON_TYPES:
            continue
        if k not in roles and not o.entry_id:
            if o.start >= since:
                return True  # nothing tells what this person is: the office may be theirs
            continue
        if k in roles and _head(roles[k].text) == head:
            return True
        entry = entries.get(o.entry_id) if o.entry_id else None
        if entry is not None and any(_head(r.role) == head for r in entry.roles):
            return True
    return False


# -- an office opening the next sentence refers back to the one person named -------------


def next_sentence_roles(text: str, cands: Sequence[Candidate], roles: dict[int, Role],
                        offsets: Sequence[tuple[int, int]]) -> dict[int, Role]:
    """Roles for a person named alone in a sentence, from the bare definite office that
    opens the next sentence as its subject (see the module docstring)."""
    by_sentence: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.type in PERSON_TYPES:
            by_sentence.setdefault(c.sentence, []).append(i)
    described = _described_surnames(cands, roles)
    out: dict[int, Role] = {}
    for s, idx in by_sentence.items():
        if s + 1 >= len(offsets):
            continue
        outside = [i for i in idx if not _in_quotation(text, cands[i].start)]
        if len({fold(cands[i].text) for i in outside}) != 1 \
                or not _QUOTE_MARK.search(text, *offsets[s]):
            continue  # not one speaker of a quotation: the office may be anybody's
        i = outside[0]
        c = cands[i]
        if c.entry_id or fold(c.text.split()[-1]) in described \
                or not _NAME_ENDS.match(text, c.end):
            continue  # "…, lance X, syndicaliste.": described otherwise
        found = _opening_office(text, *offsets[s + 1])
        if found is None or _named_in(cands, by_sentence.get(s + 1, []), c, found[1]):
            continue
        if not _held_by_someone_named(found[0], cands[:i], roles, since=len(text)):
            out[i] = found[0]
    return out


def _named_in(cands: Sequence[Candidate], idx: list[int], c: Candidate, verb_at: int) -> bool:
    """Whether the office sentence names somebody before the office's verb (the office
    may be theirs) or names ``c`` again (the office is somebody speaking of c)."""
    surname = fold(c.text.split()[-1])
    return any(cands[k].start < verb_at or fold(cands[k].text.split()[-1]) == surname
               for k in idx)


def _described_surnames(cands: Sequence[Candidate], roles: dict[int, Role]) -> set[str]:
    """Surnames (folded) of the people the article gives a role or the gazetteer knows."""
    return {fold(c.text.split()[-1]) for i, c in enumerate(cands)
            if c.type in PERSON_TYPES and (i in roles or c.entry_id)}


_QUOTE_MARK = re.compile(r"[«»“”\"]")


def _in_quotation(text: str, at: int) -> bool:
    """Whether offset ``at`` is inside a quotation opened since the start of its line."""
    depth, straight = 0, False
    for ch in text[text.rfind("\n", 0, at) + 1:at]:
        if ch in "«“":
            depth += 1
        elif ch in "»”":
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
    return depth > 0 or straight


#: A bare definite office opening a sentence, maybe after an adverbial phrase and a comma.
_OPENING_OFFICE = re.compile(r"^\s*(?:([^,;:«»\"“”()]{3,80}?),\s*)?(?:le|la|l['’])\s*",
                             re.IGNORECASE)
#: Words that make an opening phrase an attribution or bring in somebody else.
_NOT_ADVERBIAL = frozenset("""selon d'apres pour lui elle eux elles il ils on leur leurs
contre face avec sans que qui dont mais""".split())


def _opening_office(text: str, start: int, end: int) -> tuple[Role, int] | None:
    """A public office that is bare and definite and the subject of the sentence
    ``text[start:end]`` ("L'ambassadeur affirme …", "Loin des usages, la préfète a dit
    …"), with the offset of its verb."""
    sentence = text[start:end]
    m = _OPENING_OFFICE.match(sentence)
    if not m:
        return None
    opening = m.group(1)
    if opening is not None and (np_end(opening) < len(opening) or any(
            w in _NOT_ADVERBIAL for w in re.findall(r"[a-z']+", fold(opening)))):
        return None
    lex = load_titles()
    t = next(lex.matches(sentence, m.end()), None)
    if t is None or t.start() != m.end() or lex.official.get(t.group(0)) is not True:
        return None
    if not opens_with_verb(sentence[t.end():]):
        return None  # "le ministre de la Santé …", "le maire adjoint …": not bare
    return Role(sentence[t.start():t.end()], True), start + t.end()
