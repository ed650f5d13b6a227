"""Offices read from context, with our own French examples."""

import pytest

from pipelines.nlp.roles import find_role


def role_of(sentence: str, name: str):
    start = sentence.index(name)
    return find_role(sentence, start, start + len(name))


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Hier, le ministre nigérien de la Défense Paul Martin a annoncé un accord.",
         "Paul Martin", "ministre nigérien de la Défense"),
        ("Karim Sow, ministre sénégalais des Affaires étrangères, a réagi.",
         "Karim Sow", "ministre sénégalais des Affaires étrangères"),
        ("Paul Martin, le chef du CNT, est rentré de Dakar.", "Paul Martin", "chef du CNT"),
        ("Il a été reçu par le chef de la junte, le colonel Jean Kaboré.",
         "Jean Kaboré", "colonel"),
        ("Le Premier ministre ivoirien, Moussa Diarra, a lancé un appel.",
         "Moussa Diarra", "Premier ministre ivoirien"),
        ("après la chute du président Amadou Touré. Ensuite", "Amadou Touré", "président"),
        ("Je salue mon ami, Ivan Petrov, le ministre des Affaires étrangères de la Russie.",
         "Ivan Petrov", "ministre des Affaires étrangères de la Russie"),
    ],
)
def test_official_roles(sentence, name, role):
    found = role_of(sentence, name)
    assert found is not None and found.official
    assert found.text == role


def test_descriptor_is_not_an_office():
    found = role_of("Selon Marie Dupont, chercheuse à Dakar, rien ne change.", "Marie Dupont")
    assert found is not None and not found.official


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le président a déclaré que Paul Martin viendrait.", "Paul Martin"),
        ("Paul Martin est arrivé hier soir.", "Paul Martin"),
    ],
)
def test_no_role_across_a_clause(sentence, name):
    assert role_of(sentence, name) is None


@pytest.mark.parametrize(
    ("sentence", "name", "role", "official"),
    [
        ("Mais un porte-parole du navigateur allemand Boris Dupont, qui", "Boris Dupont",
         "navigateur allemand", False),
        ("la fille du président Jean Kabila a parlé", "Jean Kabila", "président", True),
        ("le porte-parole du gouvernement malien, Jean Coulibaly, a dit", "Jean Coulibaly",
         "porte-parole du gouvernement malien", True),
    ],
)
def test_the_name_belongs_to_the_last_title_of_a_chain(sentence, name, role, official):
    found = role_of(sentence, name)
    assert found is not None
    assert (found.text, found.official) == (role, official)


def test_envoy_for_a_country():
    sentence = "L'envoyé spécial des Nations unies pour le Soudan, Karim Sow, a insisté."
    found = role_of(sentence, "Karim Sow")
    assert found is not None and found.official
    assert found.text == "envoyé spécial des Nations unies pour le Soudan"
