"""Office-holders and media added to the general-knowledge gazetteer."""

from __future__ import annotations

import pytest

from pipelines.nlp.gazetteer import load_gazetteer


def _entry_of(text: str) -> str | None:
    term = load_gazetteer().lookup(text)
    return term.entry_id if term else None


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("Kofi Annan", "person:kofi-annan"),
        ("Daniel Vaillant", "person:daniel-vaillant"),
        ("Yaël Braun-Pivet", "person:yael-braun-pivet"),
        ("Condoleezza Rice", "person:condoleezza-rice"),
        ("Gerhard Schroeder", "person:gerhard-schroder"),
        ("Ioulia Timochenko", "person:ioulia-timochenko"),
        ("Yulia Tymoshenko", "person:ioulia-timochenko"),
        ("Mustafa al-Kadhimi", "person:moustafa-al-kazimi"),
        ("Olusegun Obasanjo", "person:olusegun-obasanjo"),
        ("Lula", None),  # a bare name is never a term
    ],
)
def test_official_lookups(text: str, entry_id: str | None) -> None:
    assert _entry_of(text) == entry_id, text


def test_official_roles_are_ordered_and_typed() -> None:
    gaz = load_gazetteer()
    schaeuble = gaz.entry("person:wolfgang-schauble")
    assert [r.start for r in schaeuble.roles] == sorted(r.start for r in schaeuble.roles)
    assert schaeuble.roles[-1].role == "président du Bundestag"
    annan = gaz.entry("person:kofi-annan")
    assert annan.roles[0].affiliation == "group:onu"


def test_monarchs_are_not_bare_regnal_names() -> None:
    # "Albert II" alone could be the king of the Belgians or the prince of Monaco
    assert _entry_of("Albert II") is None
    assert _entry_of("Albert II de Monaco") == "person:albert-ii-de-monaco"


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("20 Minutes", "media:20-minutes"),
        ("El País", "media:el-pais"),
        ("Canal Plus", "media:canal-plus"),
        ("L'Équipe", "media:l-equipe"),
        ("Süddeutsche Zeitung", "media:suddeutsche-zeitung"),
        ("NZZ", "media:neue-zurcher-zeitung"),
    ],
)
def test_media_lookups(text: str, entry_id: str) -> None:
    assert _entry_of(text) == entry_id, text


@pytest.mark.parametrize("text", ["Voici", "Canal", "Nikkei", "Provence"])
def test_media_words_left_out(text: str) -> None:
    assert not (_entry_of(text) or "").startswith("media:"), text


def test_roles_run_oldest_first_with_current_offices_last() -> None:
    # the resolver falls back on the last role: it must be the current or latest office
    for entry in load_gazetteer().by_type("official"):
        keys = [(r.end == "", r.start) for r in entry.roles]
        assert keys == sorted(keys), entry.id
    darmanin = load_gazetteer().entry("person:gerald-darmanin")
    assert darmanin.roles[-1].role == "garde des Sceaux, ministre de la Justice"
