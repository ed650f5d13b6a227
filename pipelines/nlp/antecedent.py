"""An office named one sentence before the quote of an unnamed speaker.

News prose often introduces an office-holder by the office alone, then names the person
only when quoting them::

    Le projet a reçu le soutien du maire de la ville. « Nous irons jusqu'au bout », a
    expliqué Paul Lemoine lundi.

Paul Lemoine is the mayor, though no title stands next to his name. The rule is narrow,
because a reaction by somebody else reads much the same ("…, a réagi Jean Dupont"):

* the speaker's sentence opens with a quotation, and the name follows the closing quote
  and a verb that *continues* a statement (indiqué, expliqué, précisé…), not one that
  answers it (réagi, dénoncé, rétorqué…);
* the name is the person's first mention in the article, has no role and no apposition
  after it, and the gazetteer does not know it;
* the sentence before holds an office with a definite article ("le ministre de la
  Culture", "la préfète") that no name follows, and no person is named after that office.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.nlp.extract import PERSON_TYPES, Candidate
from pipelines.nlp.roles import Role, load_titles, np_end, office_role
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
    """Roles for quoted speakers from an unnamed office in the sentence before (see the
    module docstring); ``roles`` are the roles found next to the names."""
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
        if role is not None and not _held_by_someone_named(role, cands[:i], roles):
            out[i] = role
    return out


def _speaker_office(text: str, cands: Sequence[Candidate], c: Candidate,
                    offsets: Sequence[tuple[int, int]]) -> Role | None:
    """The office of the sentence before, for a speaker named after a quotation."""
    s_start, _ = offsets[c.sentence]
    if not _OPENS_WITH_QUOTE.match(text[s_start:c.start]):
        return None
    if not _REPORTED.search(text[max(s_start, c.start - 80):c.start]):
        return None
    if not _NAME_ENDS.match(text, c.end):
        return None
    p_start, p_end = offsets[c.sentence - 1]
    if any(o.type in PERSON_TYPES and p_start <= o.start < c.start and o is not c
           for o in cands):
        # a person named in the sentence before (or in the quote) may be the speaker
        return None
    return last_unnamed_office(text, p_start, p_end, cands)


def last_unnamed_office(text: str, start: int, end: int,
                        cands: Sequence[Candidate]) -> Role | None:
    """The last definite public office in ``text[start:end]`` that no name follows."""
    lex = load_titles()
    sentence = text[start:end]
    found: Role | None = None
    for m in lex.matches(sentence):
        if not _DEFINITE.search(fold(sentence[:m.start()])):
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
    return found


def _head(role_text: str) -> str:
    words = fold(role_text).split()
    return words[0] if words else ""


def _held_by_someone_named(role: Role, before: Sequence[Candidate],
                           roles: dict[int, Role]) -> bool:
    """Whether somebody named earlier in the article may hold the office: one whose role
    has the same head, a gazetteer office-holder of that head (a minister before "le
    ministre"), or one the article gives no role at all ("M. Roux")."""
    from pipelines.nlp.extract import _resources  # late import: extract imports roles

    head = _head(role.text)
    entries = _resources().gaz.entries
    for k, o in enumerate(before):
        if o.type not in PERSON_TYPES:
            continue
        if k not in roles and not o.entry_id:
            return True  # nothing tells what this person is: the office may be theirs
        if k in roles and _head(roles[k].text) == head:
            return True
        entry = entries.get(o.entry_id) if o.entry_id else None
        if entry is not None and any(_head(r.role) == head for r in entry.roles):
            return True
    return False
