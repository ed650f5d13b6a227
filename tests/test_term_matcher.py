"""Gazetteer term matching (pipelines/nlp/matcher.py), on hand-made terms."""

from __future__ import annotations

from pipelines.nlp.matcher import TermMatcher, TermSpec

_TERMS = [TermSpec("Radio Lumière", "media:radio-lumiere", "name"),
          TermSpec("Lumière", "place:lumiere", "name"),
          TermSpec("Saint-Louis D.C.", "place:saint-louis-dc", "name")]


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entry_id) for m in TermMatcher(_TERMS).find(text)]


def test_a_term_is_matched_whole() -> None:
    assert _found("Il écoute Radio Lumière le matin.") == [("Radio Lumière",
                                                             "media:radio-lumiere")]


def test_a_match_never_runs_over_a_mark_the_term_does_not_have() -> None:
    assert _found("Il a quitté la Radio. Lumière sur l'affaire.") == [
        ("Lumière", "place:lumiere")]
    assert _found("Radio, Lumière et télévision") == [("Lumière", "place:lumiere")]


def test_a_term_with_dots_still_matches() -> None:
    assert _found("Il vit à Saint-Louis D.C. depuis 2010.") == [
        ("Saint-Louis D.C", "place:saint-louis-dc")]
