"""People known by one word only, and nothing saying they are people: not actors.

A person of the corpus whose every mention is one word ("Lenoir"), whom the gazetteer does
not know, who is given no role or office anywhere, and of whom no sentence says that a
human being is meant (``ArticleAnalysis.cues``, from
:func:`pipelines.nlp.human.human_cue`) is more often an animal, a
town, a brand, a product or a fictional character that NER took for a person than a
person. Such a root is dropped from the graph (its mentions are no actor's), unless the
name is one by which a famous person is called alone ("Beethoven", "Dalida":
``data/famous_names.csv``, general knowledge).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipelines.nlp.analysis import ArticleAnalysis
from pipelines.nlp.famous import is_famous
from pipelines.resolution.attach import Key, Person


def _lone(p: Person) -> bool:
    """Whether a person is only ever named by one word, with no office, no entry, and no
    famous bearer."""
    return (not p.gaz_id and not p.official and all(" " not in n for n in p.names)
            and not any(is_famous(n) for n in p.names))


def unbacked_roots(docs: Sequence[ArticleAnalysis], assign: Sequence[Sequence[Key | None]],
                   people: dict[Key, Person]) -> set[Key]:
    """The roots of ``people`` known by one word only that nothing backs as a person:
    no gazetteer entry, no office, no role in any article (``doc.roles``, offices and
    descriptions alike: "le rappeur X"), and no sentence saying a human being is meant."""
    lone = {root for root, p in people.items() if _lone(p)}
    if not lone:
        return set()
    backed: set[Key] = set()
    for doc, roots in zip(docs, assign, strict=True):
        if lone.isdisjoint(roots):  # most articles: one set operation, no Python loop
            continue
        for ci, root in enumerate(roots):
            if root is None or root not in lone or root in backed:
                continue
            if doc.candidates[ci].entry_id or ci in doc.roles or ci in doc.cues:
                backed.add(root)
    return lone - backed


def drop_roots(assign: list[list[Key | None]], people: dict[Key, Person],
               dropped: set[Key]) -> None:
    """Unassign the mentions of ``dropped`` roots and forget those people (in place)."""
    if not dropped:
        return
    for roots in assign:
        if dropped.isdisjoint(roots):
            continue
        for i, root in enumerate(roots):
            if root is not None and root in dropped:
                roots[i] = None
    for root in dropped:
        people.pop(root, None)
