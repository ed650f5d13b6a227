"""Per-article analysis: one article's text and spaCy output -> its candidates.

:func:`analyse_article` is a pure function of one article (what the worker processes,
or a distributed engine, run): typed candidates from :mod:`pipelines.nlp.extract`, the role
each person is given in context, and the acronyms the article defines. Its results are
cached per article (:mod:`pipelines.build.cache`); the corpus-level pass is
:class:`pipelines.resolution.resolve.Resolver`, whose code can change without invalidating them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from graph.records import ArticleMeta
from pipelines.nlp.antecedent import antecedent_roles
from pipelines.nlp.extract import PERSON_TYPES, Candidate, Options, _resources, extract
from pipelines.nlp.human import human_cue
from pipelines.nlp.model import NlpResult
from pipelines.nlp.named_after import type_cue
from pipelines.nlp.roles import Role, find_role
from pipelines.text import fold, is_acronym, is_capitalised


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the corpus-level resolver needs from one article."""

    meta: ArticleMeta
    sentences: list[str]
    candidates: list[Candidate]
    roles: dict[int, Role] = field(default_factory=dict)  # candidate index -> role
    acronyms: dict[str, str] = field(default_factory=dict)  # "ACRO" -> long name
    #: Interactions between candidates (:data:`pipelines.interactions.article.Row`).
    interactions: list[tuple] = field(default_factory=list)
    #: One-word person candidates whose sentence says a human being is meant: candidate
    #: index -> the kind of cue (:func:`pipelines.nlp.human.human_cue`).
    cues: dict[int, str] = field(default_factory=dict)
    #: Sentence spans in the text (not cached: only the interaction step reads them).
    offsets: list[tuple[int, int]] = field(default_factory=list, compare=False, repr=False)


def split_at_lines(text: str, nlp: NlpResult) -> NlpResult:
    """Never let a sentence run over a line break (a title glued to the lead)."""
    out: list[tuple[int, int]] = []
    for a, b in nlp.sentences:
        start = a
        while True:
            nl = text.find("\n", start, b)
            if nl < 0:
                break
            if text[start:nl].strip():
                out.append((start, nl))
            start = nl + 1
        if text[start:b].strip():
            out.append((start, b))
    if not out:
        out = [(0, len(text))]
    return NlpResult(tuple(out), nlp.ents)


def analyse_article(meta: ArticleMeta, text: str, nlp: NlpResult,
                    options: Options | None = None) -> ArticleAnalysis:
    """Candidates, roles and acronym definitions of one article (pure)."""
    nlp = split_at_lines(text, nlp)
    cands = extract(text, nlp, options)
    cands, acronyms = merge_acronyms(text, cands, [a for a, _ in nlp.sentences])
    roles: dict[int, Role] = {}
    for i, c in enumerate(cands):
        if c.type in PERSON_TYPES:
            role = find_role(text, c.start, c.end)
            if role:
                roles[i] = role
    roles.update(antecedent_roles(text, cands, roles, nlp.sentences))
    sentences = [text[a:b] for a, b in nlp.sentences]
    return ArticleAnalysis(meta, sentences, cands, roles, acronyms,
                           cues=human_cues(text, cands, nlp.sentences),
                           offsets=list(nlp.sentences))


def human_cues(text: str, cands: list[Candidate],
               spans: tuple[tuple[int, int], ...]) -> dict[int, str]:
    """Per one-word person candidate whose sentence says a human being is meant, the kind
    of cue (read here, where the whole text is at hand: the cache keeps only the sentences
    that hold two candidates)."""
    out: dict[int, str] = {}
    for i, c in enumerate(cands):
        if c.type in PERSON_TYPES and " " not in c.text and 0 <= c.sentence < len(spans):
            a, b = spans[c.sentence]
            cue = human_cue(text[a:b], c.start - a, c.end - a)
            if cue:
                out[i] = cue
    return out


# -- acronyms the article defines: "Long (ACRO)" and "ACRO (Long)" --------------------
_LINK_WORDS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en",
                         "a", "au", "aux", "sur", "contre", "dans", "of", "the", "and", "for"})
_PAREN = re.compile(r"\(\s*([^()]{2,120}?)\s*\)")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def _initials_fit(acro: str, words: list[str]) -> bool:
    """Whether the acronym's letters are the initials of ``words`` in order.

    Each word that is not a link word ("de", "la", "et"…) gives the next letter (a
    hyphenated word one letter per part at most); link words may give one or none.
    """
    letters = [c for c in fold(acro) if c.isalpha()]

    def fit(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        parts = [p for p in fold(words[j]).split("-") if p]
        link = fold(words[j]) in _LINK_WORDS
        if link and fit(i, j + 1):
            return True
        for n in range(len(parts), 0, -1):  # a hyphenated word: its first n parts
            if i + n <= len(letters) and all(parts[k][0] == letters[i + k] for k in range(n)):
                if fit(i + n, j + 1):
                    return True
        return False

    return bool(letters) and len(words) <= 2 * len(letters) + 2 and fit(0, 0)


def _long_before(text: str, paren_start: int, acro: str,
                 lower: bool = False) -> tuple[int, int] | None:
    """The shortest capitalised name right before "(ACRO)" whose initials spell it (with
    ``lower``, the shortest phrase of lower-case first word instead: "tarifs réglementés
    de vente (TRV)")."""
    head = text[max(0, paren_start - 160):paren_start]
    end = len(head.rstrip())
    if end == 0 or not head[:end][-1:].isalnum():
        return None
    tokens = list(_WORD.finditer(head[:end]))
    base = paren_start - len(head)
    for k in range(len(tokens) - 1, -1, -1):
        words = [t.group(0) for t in tokens[k:]]
        if len(words) > 2 * len(acro) + 2:
            return None
        gap = head[tokens[k].end():tokens[k + 1].start()] if k + 1 < len(tokens) else ""
        if any(ch in gap for ch in ".;:!?()«»\"\n"):
            return None
        if lower and not _opens_a_phrase(head, tokens, k):
            continue
        if lower:
            opens = words[0].islower()
        else:  # a capitalised determiner opens a sentence, not a name: "Le prix…"
            opens = is_capitalised(words[0]) and not (
                fold(words[0]) in _LINK_WORDS and len(words) > 1 and words[1].islower())
        if opens and _initials_fit(acro, words):
            return base + tokens[k].start(), base + end
    return None


def _opens_a_phrase(head: str, tokens: list[re.Match[str]], k: int) -> bool:
    """Whether ``tokens[k]`` opens a whole noun phrase: it is no link word and comes after
    punctuation, the start, or a function word ("aux tarifs…", not "direction
    [départementale…]")."""
    if fold(tokens[k].group(0)) in _LINK_WORDS:
        return False
    if k == 0 or any(ch in head[tokens[k - 1].end():tokens[k].start()] for ch in ",;:(«\"\n"):
        return True
    before = tokens[k - 1].group(0)
    return (fold(before) in _LINK_WORDS or before.isdigit()  # "les 42 assistants de …"
            or before.islower() and _resources().noise.is_word(before))


_APPOSED = re.compile(r"[\"»”]?\s*,\s*(?:ce|cet|cette|ces|le|la|les|l['’]|un|une)\s*")


#: Heads of an office whose acronym is also its service's ("directeur général de la
#: sécurité intérieure (DGSI)"): never a thing.
_OFFICE_HEADS = frozenset({"directeur", "directrice", "president", "presidente", "secretaire",
                           "controleur", "controleure", "delegue", "deleguee", "chef",
                           "commandant", "haut-commissaire", "procureur", "prefet", "avocat",
                           "responsable", "gendarme", "agent", "agente"})


def _heads_an_actor(words: list[str]) -> bool:
    """Whether a lower-case phrase names an organisation or an office, not a thing: a word
    before its first link word ("nouveau parti…", "agences régionales…"), singular or
    plural, heads an organisation's name or an office's; or a capitalised word lies in it
    ("leader de la France insoumise")."""
    if any(is_capitalised(w) for w in words[1:]):
        return True
    noise = _resources().noise
    for word in words:
        folded = fold(word)
        if folded in _LINK_WORDS:
            return False
        singular = folded[:-3] + "al" if folded.endswith("aux") else folded.rstrip("sx")
        if {folded, singular} & _OFFICE_HEADS or noise.heads_an_org(folded) \
                or noise.heads_an_org(singular):
            return True
    return False


def _things_defined(text: str) -> dict[str, str]:
    """Acronyms the article spells out as a common-noun phrase, not an organisation's name:
    "les tarifs réglementés de vente (TRV)", "le RIC, ce référendum d'initiative citoyenne".

    The phrase starts in lower case with a noun that does not head an organisation's name
    ("agence", "syndicat": ``org_head`` in ``data/noise.jsonl``), and its initials spell the
    acronym. Returns ``ACRO -> phrase``.
    """
    out: dict[str, str] = {}
    for m in _PAREN.finditer(text):
        acro = m.group(1)
        if is_acronym(acro) and acro not in out:
            span = _long_before(text, m.start(), acro, lower=True)
            if span and not _heads_an_actor(_WORD.findall(text[span[0]:span[1]])):
                out[acro] = text[span[0]:span[1]]
    out.update(_acronym_then_phrase(text, out))
    for la, lb, _, _, acro in _definitions(text):
        if acro not in out and _names_a_thing(text[la:lb]):
            out[acro] = text[la:lb]  # "le Plan de secours interne (PSI)"
    for m in re.finditer(r"(?<![\w-])([A-Z][A-Z0-9&]{1,7})(?![\w-])", text):
        acro = m.group(1)
        det = _APPOSED.match(text, m.end())
        if acro in out or not det or not is_acronym(acro):
            continue
        words = list(_WORD.finditer(text[det.end():det.end() + 160]))
        for n in range(1, min(len(words), 2 * len(acro) + 2) + 1):
            phrase = [w.group(0) for w in words[:n]]
            gap = text[det.end() + words[0].start():det.end() + words[n - 1].end()]
            if any(ch in gap for ch in ".;:!?()«»\"\n"):
                break
            if phrase[0].islower() and not _heads_an_actor(phrase) \
                    and _initials_fit(acro, phrase):
                out[acro] = gap
                break
    return out


_ACRONYM_END = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,7})\s*$")


def _acronym_then_phrase(text: str, known: dict[str, str]) -> dict[str, str]:
    """"ACRO (a lower-case phrase whose initials spell it)": "la cellule NRBC (nucléaire,
    radiologique, bactériologique et chimique)", unless it names an organisation."""
    out: dict[str, str] = {}
    for m in _PAREN.finditer(text):
        before = _ACRONYM_END.search(text[max(0, m.start() - 12):m.start()])
        if not before or before.group(1) in known or not is_acronym(before.group(1)):
            continue
        words = _WORD.findall(m.group(1))
        if type_cue(text, m.start() - len(text[max(0, m.start() - 12):m.start()])
                    + before.start(1)):
            continue  # "l'association MPC (mobilisation des policiers en colère)"
        if words and words[0].islower() and not _heads_an_actor(words) \
                and _initials_fit(before.group(1), words):
            out[before.group(1)] = m.group(1)
    return out


def _names_a_thing(long: str) -> bool:
    """Whether an acronym's long form opens with a noun of a thing: a rule, a plan, a
    procedure, a product ("Règlement…", "Plan…", "Référendum…": ``thing_head`` and
    ``work_cue`` in ``data/noise.jsonl``)."""
    words = _WORD.findall(long)
    return bool(words) and _resources().noise.is_thing_head(words[0])


def _definitions(text: str) -> list[tuple[int, int, int, int, str]]:
    """(long start, long end, acronym start, acronym end, acronym) the article defines."""
    noise = _resources().noise
    out: list[tuple[int, int, int, int, str]] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        if is_acronym(inner) and not noise.is_generic(inner):
            long = _long_before(text, m.start(), inner)
            if long:
                out.append((*long, m.start(1), m.end(1), inner))
            continue
        before = re.search(r"([^\W_][\w&.-]{1,9})\s*$", text[max(0, m.start() - 12):m.start()])
        if not before or not is_acronym(before.group(1)) or noise.is_generic(before.group(1)):
            continue
        words = _WORD.findall(inner)
        if words and is_capitalised(words[0]) and _initials_fit(before.group(1), words):
            a = m.start() - len(text[max(0, m.start() - 12):m.start()]) + before.start(1)
            out.append((m.start(1), m.end(1), a, a + len(before.group(1)), before.group(1)))
    return out


def merge_acronyms(text: str, cands: list[Candidate], sent_starts: list[int],
                   ) -> tuple[list[Candidate], dict[str, str]]:
    """Make an acronym and the long form the article gives for it one organisation.

    For each definition ("la Confédération paysanne du Nord (CPN)", "CPN (Confédération
    paysanne du Nord)"), whose initials must spell the acronym: the long form becomes
    one group candidate (whatever NER made of it: a person, a place, pieces, nothing),
    and every occurrence of the acronym in the article a group candidate. When the
    gazetteer knows one of the two, the other takes its entry; otherwise the returned
    map ``ACRO -> long form`` lets the resolver give the long form the acronym's node.
    """
    types = _resources().types
    acronyms: dict[str, str] = {}
    defined: list[tuple[int, int]] = []
    for la, lb, xa, xb, acro in _definitions(text):
        if _names_a_thing(text[la:lb]):
            continue  # "Règlement général de protection (RGP)": see _things_defined
        entry = _known_entry(cands, la, lb, acro, types)
        if entry is None or _resources().noise.looks_like_media(text[la:lb]):
            continue  # a medium, a state or a person the gazetteer knows: left alone
        if not entry and _names_a_person(
                text[la:lb], [c for c in cands if c.start < lb and la < c.end]):
            continue  # "Dominique Strauss-Kahn (DSK)"
        sentence = max(0, bisect_right(sent_starts, la) - 1)
        cands = [c for c in cands if not (c.start < lb and la < c.end)]
        cands.append(Candidate(la, lb, text[la:lb], "group", entry, "name" if entry else "ner",
                               "ORG", sentence))
        defined.append((xa, xb))
        cands = _acronym_occurrences(text, cands, acro, entry, sent_starts, defined)
        if not entry:
            acronyms[acro] = text[la:lb]
    cands.sort(key=lambda c: (c.start, c.end))
    _loose_definitions(text, cands, acronyms)
    return _drop_things(text, cands, acronyms), acronyms


def _drop_things(text: str, cands: list[Candidate], acronyms: dict[str, str],
                 ) -> list[Candidate]:
    """Drop the acronyms the article spells out as things (:func:`_things_defined`), unless
    the gazetteer knows them or the article also defines them as an organisation; each is
    recorded in ``acronyms`` with an empty long form, for the resolver to drop elsewhere."""
    things = {a for a in _things_defined(text) if a not in acronyms
              and not any(c.entry_id and c.text == a for c in cands)}
    for acro in things:
        acronyms[acro] = ""
    return [c for c in cands if c.entry_id or c.text not in things] if things else cands


def _loose_definitions(text: str, cands: list[Candidate], acronyms: dict[str, str]) -> None:
    """An unknown group right before "(ACRO)" whose initials do not quite spell it (a name
    in another language: "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"); the first letter
    must agree."""
    for c in cands:
        if c.type != "group" or c.entry_id:
            continue
        tail = text[c.end:c.end + 16]
        if tail.startswith(" (") and ")" in tail:
            acro = tail[2:tail.index(")")].strip()
            # at least the first letter fits: "Ligue bretonne (PS)" is a party label
            if is_acronym(acro) and fold(c.text)[:1] == fold(acro)[:1]:
                acronyms.setdefault(acro, c.text)


def _known_entry(cands: list[Candidate], la: int, lb: int, acro: str,
                 types: dict[str, str]) -> str | None:
    """The gazetteer group the long form (first) or the acronym stands for, "" if none,
    None when either is a gazetteer entry of another type (a medium, a state…)."""
    inside = [c for c in cands if c.entry_id and c.start < lb and la < c.end]
    whole = [c for c in inside if c.start <= la and lb <= c.end
             or la <= c.start and c.end <= lb and c.end - c.start >= lb - la - 2]
    short = [c for c in cands if c.entry_id and c.text == acro]
    if any(types.get(c.entry_id) != "group" for c in whole + short):
        return None
    if any(types.get(c.entry_id) == "media" for c in inside):
        return None
    found = whole or short
    return found[0].entry_id if found else ""


def _names_a_person(long: str, overlapping: list[Candidate]) -> bool:
    """A person's full name with their initials ("Jean-Pierre Dumas (JPD)").

    Only when a person candidate lies there and the name has no lower-case content word
    ("Confédération paysanne") and does not start like an organisation.
    """
    if not any(c.type in ("person", "official") for c in overlapping):
        return False
    noise = _resources().noise
    if noise.looks_like_org(long) or noise.looks_like_company(long):
        return False
    return not any(w.islower() and fold(w) not in _LINK_WORDS for w in _WORD.findall(long))


def _acronym_occurrences(text: str, cands: list[Candidate], acro: str, entry: str,
                         sent_starts: list[int], skip: list[tuple[int, int]],
                         ) -> list[Candidate]:
    """Every occurrence of ``acro`` as a group candidate (of ``entry`` when known).

    The definition itself ("… (ACRO)", in ``skip``) adds no mention NER did not see.
    """
    out = [c for c in cands if c.text != acro]
    for c in cands:
        if c.text == acro:
            out.append(replace(c, type="group", entry_id=entry or c.entry_id)
                       if entry or c.type != "group" else c)
    taken = [(c.start, c.end) for c in out] + skip
    for m in re.finditer(rf"(?<![\w-]){re.escape(acro)}(?![\w-])", text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        out.append(Candidate(m.start(), m.end(), acro, "group", entry, "ner", "ORG",
                             max(0, bisect_right(sent_starts, m.start()) - 1)))
    return out
