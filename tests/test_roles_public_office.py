"""`official` only from public offices, and the role cut at its noun phrase (own sentences)."""

import json
from importlib import resources

import pytest

from pipelines.nlp.roles import Role, find_role, np_end, public_complement


def _official(text: str, name: str) -> bool:
    """Whether the role :func:`find_role` gives ``name`` in ``text`` is a public office."""
    start = text.index(name)
    role = find_role(text, start, start + len(name))
    return role is not None and role.official


def role_of(sentence: str, name: str):
    start = sentence.index(name)
    return find_role(sentence, start, start + len(name))


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # heads of public and international bodies
        ("Le directeur de la CIA, Tom Baker, a témoigné devant le Congrès.", "Tom Baker",
         "directeur de la CIA"),
        ("Le directeur général de l'OMS, Paul Okafor, a lancé une alerte.", "Paul Okafor",
         "directeur général de l'OMS"),
        ("Selon le directeur de l'ARS Luc Bernier, les lits manquent.", "Luc Bernier",
         "directeur de l'ARS"),
        ("Le directeur général de l'Agence régionale de santé, Luc Bernier, a parlé.",
         "Luc Bernier", "directeur général de l'Agence régionale de santé"),
        ("Le secrétaire général de l'ONU, Ana Ferreira, a appelé au calme.", "Ana Ferreira",
         "secrétaire général de l'ONU"),
        ("Le gouverneur de la Banque centrale, Omar Haddad, a relevé les taux.", "Omar Haddad",
         "gouverneur de la Banque centrale"),
        ("Nina Berg, présidente de la Commission européenne, est arrivée.", "Nina Berg",
         "présidente de la Commission européenne"),
        # spokespeople of governments, armies, police
        ("Le porte-parole du gouvernement, Luc Faure, a précisé les mesures.", "Luc Faure",
         "porte-parole du gouvernement"),
        ("Le porte-parole de l'armée, Yann Keller, a démenti.", "Yann Keller",
         "porte-parole de l'armée"),
        # ambiguous heads with a demonym, a state, an assembly, a council
        ("Le président malien Amadou Keita a reçu la délégation.", "Amadou Keita",
         "président malien"),
        ("Le dirigeant nord-coréen Kim Sok a tiré un missile.", "Kim Sok",
         "dirigeant nord-coréen"),
        ("Le président du conseil départemental Marc Vidal a inauguré le collège.",
         "Marc Vidal", "président du conseil départemental"),
        ("Marc Vidal, vice-président de la région, a signé.", "Marc Vidal",
         "vice-président de la région"),
        # military and police command
        ("Le chef d'état-major des armées, Pierre Roux, a démissionné.", "Pierre Roux",
         "chef d'état-major des armées"),
        ("Le capitaine de gendarmerie Hugo Morel a ouvert l'enquête.", "Hugo Morel",
         "capitaine de gendarmerie"),
        ("Le commissaire de police Alain Brun a été entendu.", "Alain Brun",
         "commissaire de police"),
        ("Le patron de la DGSI, Paul Lenoir, a été auditionné.", "Paul Lenoir",
         "patron de la DGSI"),
        # an office in the complement: "conseiller du ministre"
        ("Le conseiller du ministre Jean Vidal a démissionné.", "Jean Vidal", "ministre"),
        # bare président: the head of state
        ("Le président Paul Okoro a dissous l'Assemblée.", "Paul Okoro", "président"),
        ("Le président sortant Paul Okoro a reconnu sa défaite.", "Paul Okoro",
         "président sortant"),
        ("Le président élu Paul Okoro prêtera serment.", "Paul Okoro", "président élu"),
        ("Le président par intérim Paul Okoro a nommé un gouvernement.", "Paul Okoro",
         "président par intérim"),
        ("Le président du département de la Gironde, Paul Roux, a voté.", "Paul Roux",
         "président du département de la Gironde"),
        ("Le maire a cédé son siège à son premier adjoint Paul Roux.", "Paul Roux",
         "premier adjoint"),
    ],
)
def test_public_offices(sentence, name, role):
    found = role_of(sentence, name)
    assert found is not None and found.official, found
    assert found.text == role


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Le président du club, Marc Petit, a limogé l'entraîneur.", "Marc Petit",
         "président du club"),
        ("Le président de l'association des maires ruraux, Jean Dupuis, a réagi.",
         "Jean Dupuis", "président de l'association des maires ruraux"),
        ("Paul Roux, président de la Fédération française de judo, a dit non.", "Paul Roux",
         "président de la Fédération française de judo"),
        ("Paul Roux, le président du jury, a tranché.", "Paul Roux", "président du jury"),
        ("Le porte-parole de la famille, Luc Faure, a remercié les secours.", "Luc Faure",
         "porte-parole de la famille"),
        ("Le secrétaire général du syndicat, Ana Silva, a appelé à la grève.", "Ana Silva",
         "secrétaire général du syndicat"),
        ("Le PDG de l'entreprise, Marc Blanc, a annoncé des suppressions.", "Marc Blanc",
         "PDG de l'entreprise"),
        ("Le capitaine de l'équipe de France, Hugo Morel, a marqué.", "Hugo Morel",
         "capitaine de l'équipe de France"),
        ("Le commandant de bord Hugo Morel a atterri sans encombre.", "Hugo Morel",
         "commandant de bord"),
        ("L'animatrice Julie Marin présente le journal de midi.", "Julie Marin", "animatrice"),
        ("Le président du conseil d'administration Paul Roux a démissionné.", "Paul Roux",
         "président du conseil d'administration"),
        ("Paul Roux, patron de Transports Dupuis, a dit non.", "Paul Roux",
         "patron de Transports Dupuis"),
        ("Son patron Paul Roux a refusé.", "Paul Roux", "patron"),
        ("Le chef du service de réanimation de l'hôpital, Paul Roux, a alerté.", "Paul Roux",
         "chef du service de réanimation de l'hôpital"),
        ("La présidente du Rassemblement national Léa Morin a réagi.", "Léa Morin",
         "présidente du Rassemblement national"),
        ("Le capitaine Hugo Morel a levé l'ancre.", "Hugo Morel", "capitaine"),
        ("Le défenseur des droits de l'homme Paul Roux a été arrêté.", "Paul Roux",
         "défenseur des droits de l'homme"),
        ("Le président de France Assos Santé, Paul Roux, a dit non.", "Paul Roux",
         "président de France Assos Santé"),
        ("La présidente de France 3, Léa Morin, a dit non.", "Léa Morin",
         "présidente de France 3"),
        ("Paul Roux, président de cet organisme, a dit non.", "Paul Roux",
         "président de cet organisme"),
        # an adviser holds no office, even a minister's
        ("Léa Morin, conseillère du ministre de l'Intérieur, a démenti.", "Léa Morin",
         "conseillère du ministre de l'Intérieur"),
    ],
)
def test_recorded_roles_that_are_not_offices(sentence, name, role):
    found = role_of(sentence, name)
    assert found is not None and not found.official, found
    assert found.text == role


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Le député LR Paul Martin a voté contre.", "Paul Martin", "député LR"),
        ("A déclaré l'un des responsables de la gendarmerie, Paul Martin, hier.", "Paul Martin",
         "responsables de la gendarmerie"),
        ("Paul Martin (PS), député de la Gironde, a voté contre.", "Paul Martin",
         "député de la Gironde"),
        ("Paul Martin (député LR) a voté contre.", "Paul Martin", "député LR"),
        ("Anne Roux, eurodéputée écologiste, s'inquiète.", "Anne Roux", "eurodéputée écologiste"),
        ("Anne Roux, députée européenne, s'inquiète.", "Anne Roux", "députée européenne"),
        ("L'eurodéputé Marc Vidal a voté pour.", "Marc Vidal", "eurodéputé"),
        ("La préfète de région Claire Morel a pris un arrêté.", "Claire Morel",
         "préfète de région"),
        ("Louis Petit, adjoint au maire, a démenti.", "Louis Petit", "adjoint au maire"),
        ("La maire de Rennes Sophie Blanc a réagi.", "Sophie Blanc", "maire de Rennes"),
        ("Le garde des Sceaux Marc Lebrun a présenté sa réforme.", "Marc Lebrun",
         "garde des Sceaux"),
        ("Le procureur de la République de Valence, Hugo Perrin, a ouvert une enquête.",
         "Hugo Perrin", "procureur de la République de Valence"),
        ("Le juge d'instruction Yves Giraud a entendu le suspect.", "Yves Giraud",
         "juge d'instruction"),
        ("Marc Vidal, conseiller municipal de Lyon, a démissionné.", "Marc Vidal",
         "conseiller municipal de Lyon"),
        ("Paul Roux, secrétaire d'État à la Santé, a visité l'hôpital.", "Paul Roux",
         "secrétaire d'État à la Santé"),
        ("Selon la députée Les Verts (EELV) Léa Morin, le texte est mauvais.", "Léa Morin",
         "députée Les Verts"),
        ("Le maire PS de Cassis (Bouches-du-Rhône) Paul Roux a pris un arrêté.", "Paul Roux",
         "maire PS de Cassis"),
        ("Le député-maire LR de Vannes, Paul Roux, a signé l'appel.", "Paul Roux",
         "député-maire LR de Vannes"),
        ("Les faits ont été confirmés par le vice-procureur Paul Roux.", "Paul Roux",
         "vice-procureur"),
        ("Léa Morin, fraîchement élue maire de Brest, a remercié ses électeurs.", "Léa Morin",
         "maire de Brest"),
        ("Paul Roux, 52 ans, maire de Vitré, a été réélu.", "Paul Roux", "maire de Vitré"),
        ("L'ex-ministre Paul Roux a publié un livre.", "Paul Roux", "ministre"),
        ("La députée En Marche Léa Morin a voté.", "Léa Morin", "députée En Marche"),
        ("Le patron du GIGN, Paul Roux, a dirigé l'assaut.", "Paul Roux", "patron du GIGN"),
    ],
)
def test_office_holders_found(sentence, name, role):
    found = role_of(sentence, name)
    assert found is not None and found.official, found
    assert found.text == role


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Paul Durand, vice-président de la région rencontrera la famille demain.",
         "Paul Durand", "vice-président de la région"),
        ("Paul Roux, président de la Commission européenne depuis 2019, a dit non.",
         "Paul Roux", "président de la Commission européenne"),
        ("Paul Roux, ministre délégué aux Affaires étrangères qui a dit non.", "Paul Roux",
         "ministre délégué aux Affaires étrangères"),
        ("Paul Roux, ministre de l'Économie et des Finances, a dit non.", "Paul Roux",
         "ministre de l'Économie et des Finances"),
        ("Paul Roux, sénateur du Nord en 2014, a voté.", "Paul Roux", "sénateur du Nord"),
        ("Paul Roux, maire de Lille et le préfet sont venus.", "Paul Roux", "maire de Lille"),
        ("Paul Roux, ministre de la Santé en notant la hausse, a dit non.", "Paul Roux",
         "ministre de la Santé"),
        ("Paul Roux, ministre de la Santé s'est exprimé.", "Paul Roux", "ministre de la Santé"),
        ("Paul Roux, maire de Lyon lundi soir, a dit non.", "Paul Roux", "maire de Lyon"),
        ("Paul Roux, député du Gard l'a rappelé.", "Paul Roux", "député du Gard"),
    ],
)
def test_role_cut_at_its_noun_phrase(sentence, name, role):
    found = role_of(sentence, name)
    assert found is not None
    assert found.text == role


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a verb after a quotation, not a judge
        ("« Rien ne va plus », juge Paul Roux devant la presse.", "Paul Roux"),
        # "jugé" / "accuse" are verbs, not titles
        ("Le texte est jugé Paul Roux trop dur.", "Paul Roux"),
        # an adjective: the assistant is not a member of parliament
        ("Elle fut l'assistante parlementaire de Paul Roux.", "Paul Roux"),
        # a person named inside the phrase: the title is hers, not his
        ("Elle a cité l'ancienne ministre Léa Morin et de l'écologiste Paul Roux.", "Paul Roux"),
    ],
)
def test_no_office_from_homographs_or_other_names(sentence, name):
    found = role_of(sentence, name)
    assert found is None or not found.official, found


def test_np_end_keeps_complements_and_stops_at_verbs():
    phrase = " de l'Intérieur et des Outre-mer a annoncé"
    assert phrase[:np_end(phrase)].strip() == "de l'Intérieur et des Outre-mer"
    phrase = " chargé des Transports, qui"
    assert phrase[:np_end(phrase)].strip().startswith("chargé des Transports")
    phrase = " du G5 Sahel depuis 2020"
    assert phrase[:np_end(phrase)].strip() == "du G5 Sahel"
    phrase = " de la rencontre annuelle"  # a noun after a determiner
    assert phrase[:np_end(phrase)].strip() == "de la rencontre annuelle"


@pytest.mark.parametrize(
    ("tail", "public"),
    [
        (" du gouvernement", True),
        (" malien", True),
        (" de la police nationale", True),
        (" de l'association des maires", False),  # the first body word decides
        (" du club", False),
        (" de Transports Dupuis", None),  # an unknown name: nothing known
        (" LR du Sénat", True),  # a party label right after the head is skipped
        ("", None),
        (" malien sortant", True),
        (" de la France insoumise", False),  # a party (private), not the state inside it
        (" de France Nature Durable", None),  # a state name inside an unknown name
        (" de la France et de ses alliés", True),
    ],
)
def test_public_complement(tail, public):
    assert public_complement(tail) is public


def test_title_data_is_well_formed():
    raw = resources.files("pipelines").joinpath("data/titles.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    assert all(r["official"] in (True, False, "if_public") for r in rows)
    assert all(r["official"] == "if_public" for r in rows if r.get("bare"))
    titles = [r["title"] for r in rows]
    assert len(titles) == len(set(titles))


def test_public_body_data_is_well_formed():
    raw = resources.files("pipelines").joinpath("data/public_bodies.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    assert all(isinstance(r["public"], bool) for r in rows)
    assert {r["where"] for r in rows} <= {"complement", "group_name"}
    keys = [(r["term"], r["where"]) for r in rows]
    assert len(keys) == len(set(keys))


# -- whose title is it? ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("Le porte-parole de Paul Roux a démenti.", "Paul Roux"),
    ("L'ancien vice-président de Paul Roux, Marc Lenoir, a parlé.", "Paul Roux"),
    ("Le garde du corps du chef de l'État, Marc Lenoir, a été suspendu.", "Marc Lenoir"),
    ("Ont répondu les avocats du ministre, Marc Lenoir et Anne Brisset.", "Marc Lenoir"),
    ("Le responsable du pôle numérique de La République en marche, Marc Lenoir, a dit.",
     "Marc Lenoir"),
    ("Aux côtés du député écologiste Anne Roux, Marc Lenoir a défilé.", "Marc Lenoir"),
    ("La sénatrice LR Anne Roux, Marc Lenoir et d'autres ont signé.", "Marc Lenoir"),
])
def test_a_title_before_a_name_that_is_not_its_holder(text: str, name: str) -> None:
    assert not _official(text, name)


@pytest.mark.parametrize(("text", "name", "role"), [
    ("La fille du président Paul Roux a parlé.", "Paul Roux", "président"),
    ("Le directeur du cabinet du ministre, Marc Lenoir, a démissionné.", "Marc Lenoir",
     "directeur du cabinet du ministre"),
    ("Le président de la République, Paul Roux, a parlé.", "Paul Roux",
     "président de la République"),
])
def test_a_title_before_a_name_that_is_its_holder(text: str, name: str, role: str) -> None:
    start = text.index(name)
    found = find_role(text, start, start + len(name))
    assert found is not None and found.text == role and found.official


def test_a_capitalised_title_inside_a_surname_is_no_title() -> None:
    text = "Selon Bruno Le Maire, Anne Roux a tort."
    start = text.index("Anne Roux")
    assert find_role(text, start, start + len("Anne Roux")) is None
    text = "Le Maire de Lyon Paul Roux a parlé."
    start = text.index("Paul Roux")
    role = find_role(text, start, start + len("Paul Roux"))
    assert role is not None and role.official


@pytest.mark.parametrize(("text", "name"), [
    ("Après la mort de Paul Roux, le député écologiste Marc Lenoir a réagi.", "Paul Roux"),
    ("Il a critiqué Anne Roux, le président a répondu aussitôt.", "Anne Roux"),
    ("L'ex-chef de l'État apprécie particulièrement Anne Roux, dit-on.", "Anne Roux"),
    ("Selon une source proche du chef de l'État, Anne Roux a tout vu.", "Anne Roux"),
])
def test_a_title_beside_a_name_that_belongs_to_another_clause(text: str, name: str) -> None:
    assert not _official(text, name)


@pytest.mark.parametrize(("text", "name", "official"), [
    ("Selon l'élu d'opposition Paul Roux, le budget est faux.", "Paul Roux", True),
    ("L'élue écologiste Anne Roux a voté contre.", "Anne Roux", True),
    ("Anne Roux, élue municipale, a voté contre.", "Anne Roux", True),
    ("Anne Roux, élue Miss Bretagne, a souri.", "Anne Roux", False),
    ("Paul Roux, élu meilleur joueur du mois, a souri.", "Paul Roux", False),
])
def test_an_elected_official(text: str, name: str, official: bool) -> None:
    assert _official(text, name) == official


@pytest.mark.parametrize(("text", "name"), [
    ("Voilà l'objectif du maire de Villebois (Oise), Marc Lenoir (LR).", "Marc Lenoir"),
    ("C'est la décision du préfet de la Somme, Anne Roux, qui a tranché.", "Anne Roux"),
])
def test_an_apposed_title_complementing_a_thing_is_the_name_s(text: str, name: str) -> None:
    assert _official(text, name)


# -- plural offices and representatives of a state ------------------------------------------
@pytest.mark.parametrize(("text", "name", "role"), [
    ("Selon les sénateurs Paul Carin (PS) et Jean Noux, le texte est flou.", "Paul Carin",
     "sénateurs"),
    ("Les juges Anne Roux et Paul Roux ont tranché.", "Anne Roux", "juges"),
    ("Les généraux Paul Roux et Jean Noux sont partis.", "Paul Roux", "généraux"),
    ("Le représentant du Chili à l'ONU, Pablo Terra, a voté contre.", "Pablo Terra",
     "représentant du Chili à l'ONU"),
    ("Selon le rapporteur Paul Terrail (Modem), le texte sera voté.", "Paul Terrail",
     "rapporteur"),
])
def test_plural_offices_and_state_representatives_are_offices(text, name, role):
    start = text.index(name)
    assert find_role(text, start, start + len(name)) == Role(role, True)


def test_a_representative_of_staff_holds_no_office():
    text = "Le représentant du personnel, Paul Roux, a parlé."
    start = text.index("Paul Roux")
    found = find_role(text, start, start + len("Paul Roux"))
    assert found is not None and not found.official


def test_an_office_coordinated_with_a_role_that_is_none():
    text = "Paul Roux, avocat et conseiller municipal de Vannes, a témoigné."
    start = text.index("Paul Roux")
    assert find_role(text, start, start + len("Paul Roux")) == Role(
        "conseiller municipal de Vannes", True)


@pytest.mark.parametrize(("text", "name"), [
    ("Les grâces accordées par le gouverneur sortant de l'Ohio, Robert Kalinsky, font débat.",
     "Robert Kalinsky"),
    ("Il a écrit au maire de Rennes, Lucie Morvan, pour protester.", "Lucie Morvan"),
    ("Selon le maire de la commune, Paul Vigne, l'accident est sans précédent.", "Paul Vigne"),
])
def test_a_title_inside_a_prepositional_phrase_is_its_apposition_s(text: str, name: str) -> None:
    # "Selon le maire de la commune, Jean Roux, …": the name is the mayor's too
    assert _official(text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("Face au maire de Lyon, Jean Dupont a répondu sans détour.", "Jean Dupont"),
    ("Contre le ministre, Jeanne Roux a porté plainte.", "Jeanne Roux"),
    ("Interrogé sur ses liens avec l'ancien président, Paul Roux a souri.", "Paul Roux"),
    ("Invitée par le ministre de la Culture, Léa Morin a chanté.", "Léa Morin"),
])
def test_a_fronted_prepositional_phrase_ends_at_its_comma(text: str, name: str) -> None:
    assert not _official(text, name)


@pytest.mark.parametrize(("text", "name", "official"), [
    ("La secrétaire à l'US Navy Carla Denholm a présenté le navire.", "Carla Denholm", True),
    ("Le secrétaire au Trésor Paul Wendt a répondu.", "Paul Wendt", True),
    ("« Nous sommes prêts », a dit Petros Anagnos, responsable de la Protection civile.",
     "Petros Anagnos", True),
    ("a expliqué Sophie Mervaux, déléguée territoriale de l'Agence régionale de santé.",
     "Sophie Mervaux", True),
    ("a dit Paul Terrin, responsable de la communication du club.", "Paul Terrin", False),
    ("selon Paul Terrin, responsable commercial chez un constructeur.", "Paul Terrin", False),
])
def test_secretaries_responsables_and_delegates(text: str, name: str, official: bool) -> None:
    assert _official(text, name) == official


@pytest.mark.parametrize(("text", "name"), [
    ("« Tout le monde est épuisé », a déclaré Tom Reyes, un élu local de la vallée.", "Tom Reyes"),
    ("selon Anne Roux, une élue municipale de Dinan.", "Anne Roux"),
    ("selon Anne Roux, l'élue municipale de Dinan.", "Anne Roux"),
])
def test_an_indefinite_elected_official(text: str, name: str) -> None:
    assert _official(text, name)


@pytest.mark.parametrize(("text", "span", "name"), [
    ("Le ministre de l'Agriculture et de l'Alimentation Didier Lemaire était là.",
     "Alimentation Didier Lemaire", "Didier Lemaire"),
    ("a expliqué la secrétaire à l'US Navy Barbara Keller, hier.", "US Navy Barbara Keller",
     "Barbara Keller"),
    ("a dit le ministre des Transports José Luis Ferrer.", "Transports José Luis Ferrer",
     "José Luis Ferrer"),
    ("a dit le directeur de l'Institut Pierre Louis.", "Institut Pierre Louis", None),
    ("On l'a vu au Lycée Victor Hugo hier.", "Lycée Victor Hugo", None),
    ("a dit le ministre José Luis Ferrer.", "José Luis Ferrer", None),
])
def test_a_name_ending_an_organisation_span_after_an_office(
        text: str, span: str, name: str | None) -> None:
    from pipelines.nlp.extract import _resources, person_after_title
    first = frozenset({"Didier", "Barbara", "José", "Luis", "Pierre", "Victor"})
    a = text.index(span)
    found = person_after_title(text, a, a + len(span), "ORG", first)
    assert (text[found[0]:found[1]] if found else None) == name
    assert _resources().first_names  # the gazetteer's people give first names



@pytest.mark.parametrize(("text", "name", "official"), [
    ("par la voix de Marc Tellier, l'adjoint en charge des transports.", "Marc Tellier", True),
    ("selon Anne Roux, adjointe chargée de la culture.", "Anne Roux", True),
    ("selon Anne Roux, l'adjointe du directeur commercial.", "Anne Roux", False),
])
def test_a_deputy_mayor_in_charge_of_a_portfolio(text: str, name: str, official: bool) -> None:
    assert _official(text, name) == official


@pytest.mark.parametrize(("text", "name"), [
    ("lors d'un échange avec Tom Reyes, un responsable local de l'agence de protection de "
     "l'environnement.", "Tom Reyes"),
    ("selon Jean Roux, directeur de l'Institut national de la statistique.", "Jean Roux"),
    ("selon Anne Roux, directrice de l'office national des forêts.", "Anne Roux"),
])
def test_heads_of_public_agencies_and_institutes(text: str, name: str) -> None:
    assert _official(text, name)


@pytest.mark.parametrize(("text", "name", "official"), [
    ("selon Marc Isel, responsable du département compétition de Pirelli.", "Marc Isel", False),
    ("selon Anna Galo, cheffe du département des maladies infectieuses.", "Anna Galo", False),
    ("selon Tom Reyes, chef exécutif d'une firme.", "Tom Reyes", False),
    ("avec Tom Reyes, General Manager de la marque.", "Tom Reyes", False),
    ("selon Jean Roux, directeur du département de la Gironde.", "Jean Roux", True),
    ("selon Jean Roux, chef de l'exécutif régional.", "Jean Roux", True),
])
def test_departments_and_executives_of_firms_and_hospitals(
        text: str, name: str, official: bool) -> None:
    assert _official(text, name) == official


@pytest.mark.parametrize(("text", "official"), [
    ("selon Jean Roux, un responsable d'une pâtisserie japonaise dans la région.", False),
    ("selon Jean Roux, porte-parole d'une ONG américaine.", False),
    ("selon Jean Roux, directeur général pour la France de la société allemande Vexa.", False),
    ("selon Jean Roux, chef de la diplomatie française.", True),
    ("selon Jean Roux, chef de la délégation américaine.", True),
    ("selon Jean Roux, directeur d'une agence nationale.", True),
])
def test_a_demonym_of_another_body_or_a_country_covered_is_no_state_s_office(
        text: str, official: bool) -> None:
    start = text.index("Jean Roux")
    role = find_role(text, start, start + len("Jean Roux"))
    assert (role is not None and role.official) == official, role


@pytest.mark.parametrize(("text", "span", "name"), [
    ("a déclaré le ministre letton de la Défense Artis Pabrik à Riga.",
     "Défense Artis Pabrik", "Artis Pabrik"),
    ("a dit le ministre Jean Pierre Roux.", "Jean Pierre Roux", None),
    ("Selon le président Lula da Sarto, rien.", "Lula da Sarto", None),
])
def test_a_person_span_opening_with_the_last_word_of_an_office(
        text: str, span: str, name: str | None) -> None:
    from pipelines.nlp.extract import person_after_title
    a = text.index(span)
    found = person_after_title(text, a, a + len(span), "PER", frozenset({"Jean", "Pierre"}))
    assert (text[found[0]:found[1]] if found else None) == name


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Après une réunion avec le Premier ministre, Paul Vigne, le secrétaire général du "
     "syndicat, a parlé.", "Paul Vigne", "secrétaire général du syndicat"),
    ("Le ministre de la Santé, Jean Roux, médecin de formation, a dit non.", "Jean Roux",
     "ministre de la Santé"),
    ("un arrière-grand-père paternel du président, Henri Vasseur, est mort en 1964.",
     "Henri Vasseur", None),
    ("a déploré le directeur général du laboratoire français, Paul Hudel.", "Paul Hudel",
     "directeur général du laboratoire français"),
])
def test_whose_title_an_apposed_name_takes(text: str, name: str, role: str | None) -> None:
    start = text.index(name)
    found = find_role(text, start, start + len(name))
    assert (found.text if found else None) == role, found
    if name == "Paul Hudel":
        assert not found.official  # a drug maker, French or not, is no public body


@pytest.mark.parametrize(("text", "name", "official"), [
    ("Un incendie a pris dans un entrepôt, ont indiqué les pompiers. Le feu est éteint, a "
     "précisé le capitaine Hugo Morel.", "Hugo Morel", True),
    ("Les gendarmes ont bouclé le quartier. Le commandant Léa Morin dirige l'enquête.",
     "Léa Morin", True),
    ("Le cargo a quitté Brest à l'aube. Le capitaine Hugo Morel a levé l'ancre.",
     "Hugo Morel", False),
    ("Le capitaine Hugo Morel a marqué deux buts pour son club.", "Hugo Morel", False),
])
def test_a_captain_of_a_public_force(text: str, name: str, official: bool) -> None:
    assert _official(text, name) is official


@pytest.mark.parametrize(("text", "name", "official"), [
    ("Le recteur d'académie Hugo Morel a annoncé la réouverture des écoles.", "Hugo Morel",
     True),
    ("La rectrice de l'académie de Lille, Léa Morin, a parlé.", "Léa Morin", True),
    ("Le recteur de la grande mosquée, Hugo Morel, a appelé au calme.", "Hugo Morel", False),
])
def test_rectors_of_an_academy_are_officials(text: str, name: str, official: bool) -> None:
    assert _official(text, name) is official


def test_a_title_then_an_article_then_a_title_is_two_phrases() -> None:
    role = role_of("a déclaré devant les députés le directeur des programmes Paul Roux.",
                   "Paul Roux")
    assert role == Role("directeur des programmes", False)


@pytest.mark.parametrize(("text", "name", "official"), [
    ("Paul Roux, une élue démocrate du Nevada au Congrès, veut des réponses.", "Paul Roux",
     True),
    ("Quant à Léa Morin, 61 ans, élue de la Chambre des représentants, elle se tait.",
     "Léa Morin", True),
    ("Léa Morin, 23 ans, élue Miss Provence en 2019, a défilé.", "Léa Morin", False),
    ("Le directeur de l'Observatoire national du tourisme, Paul Roux, nuance.", "Paul Roux",
     True),
])
def test_elected_members_and_national_observatories(text: str, name: str, official: bool):
    assert _official(text, name) is official


#: This round's office rules, each a case that holds the office and one that does not.
_ROUND_SIX = [
    # heads of public agencies named by acronym or French name
    ("Selon Marc Delorme, patron de l'agence des médicaments (FDA), le vaccin attendra.",
     "Marc Delorme", True),
    ("Le chef de l'Agence américaine des médicaments, Marc Delorme, a tranché.", "Marc Delorme",
     True),
    ("La directrice des CDC, Alice Brand, a appelé au port du masque.", "Alice Brand", True),
    ("Le directeur général de l'alimentation, Yves Carrel, a confirmé les analyses.",
     "Yves Carrel", True),
    ("a précisé Yves Carrel, directeur général de la santé, au ministère.", "Yves Carrel", True),
    ("Le directeur du Mossad, Avi Leon, s'est rendu à Washington.", "Avi Leon", True),
    # an electoral alliance is no public body, the Atlantic Alliance is
    ("Petar Novak, chef de la principale alliance pro-serbe, a revendiqué la victoire.",
     "Petar Novak", False),
    ("Le chef de l'alliance serbe d'opposition, Petar Novak, a voté.", "Petar Novak", False),
    ("Le secrétaire général de l'Alliance atlantique, Erik Lund, a parlé.", "Erik Lund", True),
    # a police commissaire, local councillors
    ("confie le commissaire Paul Vernier, chef de la brigade.", "Paul Vernier", True),
    ("Le commissaire d'exposition Paul Vernier a choisi les toiles.", "Paul Vernier", False),
    ("explique Ewa Nowak, conseillère locale.", "Ewa Nowak", True),
    ("Paul Vernier, conseiller communautaire, a voté contre.", "Paul Vernier", True),
    # a demonym of a domain names no state's body
    ("Selon Luc Garnier, patron du patinage français, la saison est perdue.", "Luc Garnier",
     False),
    ("Le patron du cinéma malien, Issa Traoré, a protesté.", "Issa Traoré", False),
    ("Le chef de l'armée malienne, Issa Traoré, a protesté.", "Issa Traoré", True),
    ("Le patron de la police nationale française, Luc Garnier, a parlé.", "Luc Garnier", True),
    # a bare "président" of something named before
    ("L'association a porté plainte, a indiqué son président Marc Olivier.", "Marc Olivier",
     False),
    ("Le groupe, dont le président Marc Olivier est un proche du ministre, dément.",
     "Marc Olivier", False),
    ("a déclaré le président Marc Olivier devant l'Assemblée.", "Marc Olivier", True),
    # soldiers beside a force, border guards, public housing, a firm's country head
    ("deux militaires français, dont le hussard parachutiste de première classe Luc Morel, "
     "ont été tués.", "Luc Morel", True),
    ("a indiqué le porte-parole des gardes-frontières ukrainiens Oleg Marchenko.",
     "Oleg Marchenko", True),
    ("a alerté Paul Vidal, le président de l'OPH, dans un courrier.", "Paul Vidal", True),
    ("La directrice générale en Australie du groupe, Ann Lee, a répondu.", "Ann Lee", False),
    ("L'ambassadeur en Australie, Paul Vidal, a répondu.", "Paul Vidal", True),
    ("Le retrait a été annoncé par la Gouverneure-générale de l'île, Ann Lee, mardi.",
     "Ann Lee", True),
    # captains listed after a force, a sheriff, a gendarme, a chamber of agriculture
    ("l'éloge des soldats du régiment : Capitaine Luc Morel, Capitaine Paul Vidal, Lieutenant",
     "Paul Vidal", True),
    ("Tout a brûlé, a indiqué le shérif, Brett Olson. Il pleut.", "Brett Olson", True),
    ("Marie Roux, la gendarme de 25 ans tuée lors d'un contrôle, sera honorée.", "Marie Roux",
     True),
    ("explique Yann Faure, président de la Chambre d'agriculture de Haute-Loire, mardi.",
     "Yann Faure", True),
    ("Le capitaine du navire, Paul Vidal, a fait demi-tour.", "Paul Vidal", False),
    # a bare title coordinated with another shares its complement: the firm's
    ("explique Ian Hall, le président et directeur général de Vantor. Il part.", "Ian Hall",
     False),
]


@pytest.mark.parametrize(("sentence", "name", "official"), _ROUND_SIX)
def test_offices_of_agencies_forces_and_local_bodies(sentence, name, official):
    assert _official(sentence, name) is official


def test_a_title_that_qualifies_a_speechwriter_is_not_the_name_s():
    # "la plume du président" is his speechwriter, not the president
    assert role_of("La plume du président, Paul Mercier, quitte l'Élysée.", "Paul Mercier") is None


@pytest.mark.parametrize(("complement", "public"), [
    (" du département de la Gironde", True),
    (" du département de l'Ain", True),
    (" du département d'épidémiologie de l'université", False),
    (" du département de contrôle des maladies infectieuses", False),
])
def test_a_department_is_public_only_when_a_name_follows(complement, public):
    assert public_complement(complement) is public


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Les familles ont rencontré Paul Vidal, le juge d'instruction chargé de leur enquête. "
     "Il part.", "Paul Vidal", "juge d'instruction chargé de leur enquête"),
    ("a déclaré Reza Karimi, un vice-ministre de la Santé. Les cafés rouvrent.", "Reza Karimi",
     "vice-ministre de la Santé"),
])
def test_a_possessive_after_a_preposition_continues_the_office(sentence, name, role):
    found = role_of(sentence, name)
    assert found is not None and found.official and found.text == role
