"""The per-pass memos of :mod:`pipelines.resolution.qualify` give what they memoize."""

from __future__ import annotations

from pipelines.resolution.qualify import NameKeys, Regions, _Bodies
from pipelines.text import name_key


def test_name_keys_are_name_key_once_per_text() -> None:
    keys = NameKeys()
    for text in ("Ministère de la Santé", "l'Élysée", "Ministère de la Santé", ""):
        assert keys[text] == name_key(text)
    assert len(keys) == 3


def test_bodies_are_body_of_once_per_pair() -> None:
    regions = Regions({"agence regionale de sante": "org:ars", "ars": "org:ars"}, {})
    bodies = _Bodies(regions)
    for pair in [("", "Agence régionale de santé"), ("org:ars", "l'agence"), ("", "ARS"),
                 ("org:other", "ARS"), ("", "la mairie")]:
        assert bodies[pair] == regions.body_of(*pair)
    assert bodies["", "ARS"] == "org:ars" and bodies["org:other", "ARS"] == ""
