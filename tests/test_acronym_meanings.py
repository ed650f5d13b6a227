"""An acronym that stands for several bodies across the corpus is split by meaning."""

from pipelines.resolution.acronyms import UNSETTLED, AcronymMeanings
from pipelines.text import name_key
from tests.test_extract import _resolve


def _meanings(*defs: dict[str, str]) -> AcronymMeanings:
    return AcronymMeanings.from_definitions(defs)


def test_one_meaning_spelled_two_ways_is_not_ambiguous():
    m = _meanings({"FNP": "Fédération nationale des pêcheurs"},
                  {"FNP": "Fédération Nationale des Pêcheurs"},
                  {"FNP": "Fédération nationale des pécheurs"})
    assert not m


def test_each_article_gets_the_meaning_it_defines():
    m = _meanings({"FNP": "Fédération nationale des pêcheurs"},
                  {"FNP": "Front national populaire"})
    assert m.meaning("FNP", "fnp", {"FNP": "Front national populaire"}) \
        == "Front national populaire"
    long = "Fédération nationale des pêcheurs"
    assert m.meaning(long, name_key(long), {}) == long
    # no meaning dominates: a bare "FNP" would fold both bodies, so it is no node
    assert m.meaning("FNP", "fnp", {}) == UNSETTLED
    assert m.meaning("ONU", "onu", {}) == ""  # not ambiguous: nothing to settle


def test_a_bare_acronym_goes_to_a_dominant_meaning():
    defs = [{"FNP": "Fédération nationale des pêcheurs"}] * 9 + [{"FNP": "Front national"
                                                                        " populaire"}]
    m = _meanings(*defs)
    assert m.meaning("FNP", "fnp", {}) == "Fédération nationale des pêcheurs"


def test_two_bodies_under_one_acronym_are_two_nodes():
    docs, entities = _resolve(
        ("La Fédération nationale des pêcheurs (FNP) proteste. La FNP attend.",
         [("Fédération nationale des pêcheurs", "ORG"), ("FNP", "ORG"), ("FNP", "ORG")]),
        ("Le Front national populaire (FNP) manifeste. Le FNP défile.",
         [("Front national populaire", "ORG"), ("FNP", "ORG"), ("FNP", "ORG")]),
    )
    first = {m.entity for m in docs[0].mentions}
    second = {m.entity for m in docs[1].mentions}
    assert len(first) == 1 and len(second) == 1 and first != second
    assert entities[first.pop()].label == "Fédération nationale des pêcheurs"


def test_a_bare_acronym_no_article_settles_is_no_node():
    docs, _ = _resolve(
        ("La Fédération nationale des pêcheurs (FNP) proteste.",
         [("Fédération nationale des pêcheurs", "ORG"), ("FNP", "ORG")]),
        ("Le Front national populaire (FNP) manifeste.",
         [("Front national populaire", "ORG"), ("FNP", "ORG")]),
        ("La FNP a réagi mardi.", [("FNP", "ORG")]),
    )
    assert [m.entity for m in docs[2].mentions] == []
