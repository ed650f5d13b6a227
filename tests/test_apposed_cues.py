"""An apposition that says what a one-word name is: a company, an agency, a medium."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("selon Calvac, l'agence régionale de lutte contre les incendies.", "Calvac", "group"),
    ("a expliqué Orvia, une société de conseil basée à Lyon.", "Orvia", "group"),
    ("selon Tolvo, une chaîne de télévision privée.", "Tolvo", "media"),
    ("selon Dupont, le groupe de contact se réunira.", "Dupont", ""),
    ("avec Roux, la société Orvia et d'autres.", "Roux", ""),
    ("pour Dupont, une marque de respect.", "Dupont", ""),
])
def test_an_apposition_saying_what_a_name_is(text: str, name: str, kind: str) -> None:
    from pipelines.nlp.named_after import apposed_cue
    end = text.index(name) + len(name)
    assert apposed_cue(text, end) == kind
