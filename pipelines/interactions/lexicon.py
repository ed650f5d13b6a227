"""The trigger lexicon: words that report an interaction, and words that change it.

``pipelines/data/triggers.jsonl`` holds one JSON object per line:

* a **trigger** has ``lemma`` (one word, or several: the first is matched on its lemma,
  the others on the following words' folded text), ``pos`` (``VERB`` or ``NOUN``),
  ``kind`` (one of :data:`KINDS`), ``event`` (a PLOVER type) and optional flags:
  ``joint`` (a symmetric action: "rencontrer", "accord"; no direction),
  ``dative`` ("à Y" names the target: "livrer à", "le soutien au Mali"),
  ``de`` (``"target"`` when "de Y" after the noun is the patient: "l'expulsion de Y";
  otherwise it is the agent: "les sanctions de Y"), ``recipient`` (the subject receives),
  ``forms`` (irregular forms that do not start like the lemma: "mis" for "mettre").
* a **modifier** has ``lemma``, ``pos`` (``ANY`` for any) and ``mod``: ``hypothesis``
  (no interaction under it), ``block`` (the same: "refuser de", "démentir"),
  ``intent`` (a material interaction under it is only stated: "la volonté de coopérer"
  is verbal cooperation), ``reverse`` (flips the polarity: "lever les sanctions" is
  cooperation, "rompre l'alliance" conflict), ``recipient`` (a trigger noun as its object
  acts on its subject: "X reçoit l'aide de Y"), ``object_control`` (its object performs
  the infinitive: "X demande à Y de signer"), ``speech`` (reporting verbs), ``patient``
  (a noun whose "de Y" is what befalls Y: "la mort de Y" does not make Y a target of
  "dénoncer") and ``support`` (verbs that lend their subject to the trigger noun they
  govern: "X a signé un accord", "X exprime son soutien"; a reporting or judging verb
  does not: "X dénonce les frappes contre Y" says nothing of who strikes) and ``time``
  (words of a date, which the parser sometimes takes as the head of the object that
  follows them: "X a menacé vendredi Y").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipelines.text import fold

KINDS: tuple[str, ...] = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                          "material_conflict")
MODIFIERS: tuple[str, ...] = ("hypothesis", "block", "intent", "reverse", "recipient",
                              "object_control", "speech", "patient", "support", "time")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger entry (see the module doc)."""

    lemma: str
    pos: str
    kind: str
    event: str
    joint: bool = False
    dative: bool = False
    de_target: bool = False
    recipient: bool = False
    rest: tuple[str, ...] = ()  # the folded words after the first, for multi-word ones


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Triggers by (folded lemma of their first word, pos) and modifiers by kind."""

    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    modifiers: dict[str, frozenset[str]]
    #: The first three letters (folded) of every trigger's first word, and of the
    #: irregular forms the entries list ("forms": "mis" for "mettre en garde"): a word
    #: that starts otherwise is no trigger, and needs no lemma.
    stems: frozenset[str] = frozenset()

    def lookup(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """The triggers whose first word has this lemma and part of speech."""
        return self.triggers.get((fold(lemma), "NOUN" if pos == "PROPN" else pos), ())

    def has(self, mod: str, lemma: str) -> bool:
        """Whether ``lemma`` is a modifier of kind ``mod``."""
        return fold(lemma) in self.modifiers.get(mod, frozenset())


def _trigger(row: dict) -> Trigger:
    words = fold(str(row["lemma"])).split()
    kind = str(row["kind"])
    if kind not in KINDS:
        raise ValueError(f"triggers.jsonl: unknown kind {kind!r}")
    return Trigger(words[0], str(row.get("pos", "VERB")), kind, str(row["event"]),
                   bool(row.get("joint")), bool(row.get("dative")),
                   row.get("de") == "target", bool(row.get("recipient")), tuple(words[1:]))


def parse_lexicon(lines: list[str]) -> Lexicon:
    """Build a :class:`Lexicon` from JSONL lines."""
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    mods: dict[str, set[str]] = {m: set() for m in MODIFIERS}
    stems: set[str] = set()
    for line in lines:
        if not line.strip():
            continue
        row = json.loads(line)
        if "mod" in row:
            if row["mod"] not in mods:
                raise ValueError(f"triggers.jsonl: unknown modifier {row['mod']!r}")
            mods[row["mod"]].add(fold(str(row["lemma"])))
            continue
        t = _trigger(row)
        triggers.setdefault((t.lemma, t.pos), []).append(t)
        stems.add(t.lemma[:3])
        stems.update(fold(str(f))[:3] for f in row.get("forms", ()))
    # the longest multi-word entries first
    return Lexicon({k: tuple(sorted(v, key=lambda t: -len(t.rest))) for k, v in triggers.items()},
                   {k: frozenset(v) for k, v in mods.items()}, frozenset(stems))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon (cached)."""
    text = resources.files("pipelines").joinpath("data", "triggers.jsonl").read_text("utf-8")
    return parse_lexicon(text.splitlines())
