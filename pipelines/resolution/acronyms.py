"""Acronyms with several meanings across the corpus ("CNL": a book centre, a tenants'
union and a Libyan council).

An article defines an acronym in a parenthesis ("le Centre national du livre (CNL)"),
and the build files the acronym and its long form under one node. Across a whole archive
one acronym may stand for several bodies; filed under the acronym alone, they fold
together. :class:`AcronymMeanings` reads every article's definitions once and, for an
acronym that has two or more distinct long forms (spelling variants aside), gives each
mention the meaning its own article defines. A bare acronym in an article that defines
none goes to the meaning most articles give when that meaning clearly dominates
(:data:`DOMINANT_SHARE`); otherwise it is no node (:data:`UNSETTLED`): a node of the bare
acronym would fold its meanings together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from pipelines.text import name_key

#: Two long forms of one acronym this alike (rapidfuzz token_sort_ratio on name keys)
#: are one meaning spelled two ways ("Centre national du livre" / "Centre national
#: des lettres" are not).
SAME_MEANING = 90.0
#: The share of the defining articles a meaning needs for bare mentions elsewhere.
DOMINANT_SHARE = 0.8
#: What :meth:`AcronymMeanings.meaning` says of a bare ambiguous acronym no article of its
#: own settles and no meaning dominates: no node.
UNSETTLED = "\x00unsettled"


@dataclass
class AcronymMeanings:
    """Per ambiguous acronym, its meanings (long forms) and how to pick one."""

    #: acronym -> long-form name key -> the meaning's label (its most frequent spelling)
    meaning_of: dict[str, dict[str, str]] = field(default_factory=dict)
    #: acronym -> the label of a dominant meaning, when one dominates
    dominant: dict[str, str] = field(default_factory=dict)
    #: long-form name key -> the ambiguous acronym it defines
    long_keys: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_definitions(cls, definitions: Iterable[Mapping[str, str]]) -> AcronymMeanings:
        """From each article's ``{acronym: long form}`` (an empty long form is a thing,
        not a body, and is skipped)."""
        spellings: dict[str, Counter[str]] = defaultdict(Counter)  # acro -> long texts
        for acronyms in definitions:
            for acro, long in acronyms.items():
                if long:
                    spellings[acro][long] += 1
        out = cls()
        for acro, texts in spellings.items():
            groups = _meanings(texts)
            if len(groups) < 2:
                continue
            out.meaning_of[acro] = {key: label for label, keys, _ in groups for key in keys}
            total = sum(n for _, _, n in groups)
            label, _, top = max(groups, key=lambda g: g[2])
            if top >= DOMINANT_SHARE * total:
                out.dominant[acro] = label
            for _, keys, _ in groups:
                for key in keys:
                    out.long_keys[key] = acro
        return out

    def __bool__(self) -> bool:
        return bool(self.meaning_of)

    def meaning(self, text: str, key: str, defined: Mapping[str, str]) -> str:
        """The meaning (a long form's label) of a group mention ``text`` (name key
        ``key``) in an article that defines ``defined``; "" when it has no ambiguous
        acronym to settle, :data:`UNSETTLED` when nothing settles it."""
        acro = self.long_keys.get(key)
        if acro is not None:
            return self.meaning_of[acro][key]
        meanings = self.meaning_of.get(text)
        if meanings is None:
            return ""
        long = defined.get(text)
        if long:
            return meanings.get(name_key(long), "")
        return self.dominant.get(text, UNSETTLED)


def _meanings(texts: Counter[str]) -> list[tuple[str, list[str], int]]:
    """The long forms of one acronym grouped by meaning: (label, name keys, count), the
    label being the most frequent spelling of the group."""
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for text, n in texts.items():
        by_key[name_key(text)][text] += n
    keys = sorted(by_key, key=lambda k: -sum(by_key[k].values()))
    groups: list[tuple[list[str], Counter[str]]] = []
    for key in keys:
        for members, spelled in groups:
            if fuzz.token_sort_ratio(key, members[0]) >= SAME_MEANING:
                members.append(key)
                spelled.update(by_key[key])
                break
        else:
            groups.append(([key], Counter(by_key[key])))
    return [(spelled.most_common(1)[0][0], members, sum(spelled.values()))
            for members, spelled in groups]
