"""The extraction layer as a spaCy component, on the real model."""

import pytest


@pytest.fixture(scope="module")
def actor_nlp(nlp):  # the session fixture makes sure the model is there
    from pipelines.nlp.components import actor_pipeline

    return actor_pipeline()


def test_component_types_spans(actor_nlp):
    doc = actor_nlp("Ouagadougou reçoit le ministre ivoirien de la Défense Paul Kouassi, qui a "
                    "rencontré les responsables de l'Union africaine à Niamey. La diplomatie "
                    "turque s'inquiète.")
    found = {(s.text, s.label_, s.kb_id_) for s in doc.spans["actors"]}
    assert ("Ouagadougou", "state", "state:BFA") in found
    assert ("Niamey", "place", "state:NER") in found  # the city, not the state
    assert ("turque", "state", "state:TUR") in found
    assert any(label == "group" and kb == "group:ua" for _, label, kb in found)
    person = [s for s in doc.spans["actors"] if s.text == "Paul Kouassi"]
    assert person and person[0].label_ == "official"
    assert person[0]._.role == "ministre ivoirien de la Défense"
