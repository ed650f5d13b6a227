"""What the HTML view shows of interactions (:mod:`graph.interactions`): per link, the
counts by kind, the tone and its colour, and the interactions themselves (kind, event,
direction, trigger and sentence); for the page, the kinds and the tone scale."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .interactions import KIND_LABELS, KINDS, TONE_COLOURS, tone_colour

#: Interactions kept per link in the page.
MAX_INTERACTIONS = 8


def edge_fields(d: Mapping[str, Any], u: str, article_ref: Callable[[Mapping], int]
                ) -> dict[str, Any]:
    """The page's fields for an edge (u, v) with attributes ``d``: ``k`` (counts in
    :data:`~graph.interactions.KINDS` order), ``to`` (tone), ``c`` (its colour) and ``ix``:
    [kind index, event, direction (1: u acts, -1: v acts, 0: joint), trigger, article,
    sentence, trigger start in the sentence or -1]. Nothing without interactions."""
    counts = [int(d.get(k) or 0) for k in KINDS]
    if not any(counts):
        return {}
    tone = float(d.get("tone") or 0.0)
    out: dict[str, Any] = {"k": counts, "to": tone, "c": tone_colour(tone)}
    items = []
    for rec in (d.get("interactions") or [])[:MAX_INTERACTIONS]:
        if not isinstance(rec, Mapping) or rec.get("kind") not in KINDS:
            continue
        text, trigger = str(rec.get("text") or ""), str(rec.get("trigger") or "")
        direction = 0 if not rec.get("directed", True) else \
            1 if str(rec.get("source")) == str(u) else -1
        items.append([KINDS.index(rec["kind"]), str(rec.get("event") or ""), direction,
                      trigger, article_ref(rec), text, text.find(trigger) if trigger else -1])
    if items:
        out["ix"] = items
    return out


def meta_fields() -> dict[str, Any]:
    """The page's description of the kinds and of the tone scale."""
    return {"kinds": [{"id": k, "label": KIND_LABELS[k],
                       "colour": TONE_COLOURS[2] if k.endswith("cooperation")
                       else TONE_COLOURS[0]} for k in KINDS],
            "tone_colours": list(TONE_COLOURS)}
