"""Names that are no actor by their shape, a list of fictional characters or the noun
before them (issue 11, node audit: characters, foreign press, events, spacecraft, car
models, time zones). Invented sentences and hand-made NER output; each rule has a real
actor in a like sentence that survives."""

from __future__ import annotations

from pipelines.nlp import thing_names as tn
from pipelines.text import fold
from tests.test_extract import typed


def _names(text: str, *spans: tuple[str, str]) -> list[tuple[str, str]]:
    """The candidates but states and places."""
    return [(t, ty) for t, ty, _ in typed(text, *spans) if ty not in ("state", "place")]


# -- 1. fictional characters ------------------------------------------------------------
def test_a_famous_fictional_character_is_no_person():
    text = ("Le dessinateur Paul Vasseur a redessiné Obélix. Katniss Everdeen revient aussi "
            "au cinéma, selon Marie Lenoir.")
    out = _names(text, ("Paul Vasseur", "PER"), ("Obélix", "PER"),
                 ("Katniss Everdeen", "PER"), ("Marie Lenoir", "PER"))
    assert out == [("Paul Vasseur", "person"), ("Marie Lenoir", "person")]


def test_a_word_of_a_character_s_full_name_is_the_character():
    text = ("Lisbeth Salander est de retour. Salander enquête encore. Jeanne Salander, "
            "une élue de Rennes, n'a rien à voir.")
    out = _names(text, ("Lisbeth Salander", "PER"), ("Salander", "PER"),
                 ("Jeanne Salander", "PER"))
    assert out == [("Jeanne Salander", "person")]


def test_a_name_an_organisation_noun_types_is_not_the_character():
    text = "L'association Gandalf aide les enfants. Le journal Obélix paraît le lundi."
    out = _names(text, ("Gandalf", "ORG"), ("Obélix", "ORG"))
    assert out == [("Gandalf", "group"), ("Obélix", "media")]


def test_a_role_drops_that_mention_but_not_the_actor_or_a_subject():
    text = ("Dans le rôle de Marc Ferrand, Léa Morel brille. Le personnage de Jules Roux "
            "meurt. Tom Garnier, incarné par Paul Brun, revient.")
    out = _names(text, ("Marc Ferrand", "PER"), ("Léa Morel", "PER"), ("Jules Roux", "PER"),
                 ("Tom Garnier", "PER"), ("Paul Brun", "PER"))
    assert out == [("Léa Morel", "person"), ("Paul Brun", "person")]
    subject = fold("La ligne qu'incarne Anne Dufour séduit.")
    start = subject.index("anne")
    assert not tn.played_role(subject, start, start + len("anne dufour"))


# -- 2. press titles ----------------------------------------------------------------------
def test_a_press_title_is_a_medium_whatever_company_word_it_holds():
    text = ("Selon Aviation Weekly, les ventes chutent. Le Lumex Motors Journal le confirme, "
            "comme Aerospace News Asia. Lumex Motors a démenti.")
    out = _names(text, ("Aviation Weekly", "ORG"), ("Lumex Motors Journal", "ORG"),
                 ("Aerospace News Asia", "ORG"), ("Lumex Motors", "ORG"))
    assert out == [("Aviation Weekly", "media"), ("Lumex Motors Journal", "media"),
                   ("Aerospace News Asia", "media"), ("Lumex Motors", "group")]


def test_press_title_shapes():
    assert tn.press_title("Mountain Valley Herald")
    assert tn.press_title("Evening Review")
    assert tn.press_title("Gulf News Online")
    assert not tn.press_title("News Corp")
    assert not tn.press_title("Observer Research Foundation")
    assert not tn.press_title("Herald")  # one word: a name, maybe a person's
    assert not tn.press_title("Jean de la Tribune")


# -- 3. events ----------------------------------------------------------------------------
def test_shows_trophies_cups_and_prizes_are_no_actors():
    text = ("Zorba présentera son coupé au Lisbon Motor Show. Paul Roux a gagné le Henri "
            "Morel Trophy puis la Atlantic Cup. Le Grand Prix de Valbonne aura lieu.")
    out = _names(text, ("Zorba", "ORG"), ("Lisbon Motor Show", "ORG"),
                 ("Paul Roux", "PER"), ("Henri Morel Trophy", "PER"), ("Atlantic Cup", "ORG"),
                 ("Grand Prix de Valbonne", "ORG"))
    assert ("Paul Roux", "person") in out
    assert [n for n, _ in out if n != "Zorba"] == ["Paul Roux"]


def test_event_shapes_leave_organisations_and_particles_alone():
    assert tn.event_name("Tony Awards")
    assert tn.event_name("Trophée des Alpes")
    assert tn.event_name("Mondial de la moto")
    assert not tn.event_name("Mondial Assurances")
    assert not tn.event_name("Open Société")
    assert not tn.event_name("Lucie Boy de la Tour")
    assert not tn.event_name("Cup")


def test_an_edition_or_a_meeting_held_drops_that_mention_only():
    text = ("La 5e édition du FIMA se tiendra à Nantes. Le forum Vestra, qui se tient à "
            "Lille, ouvre. Le FIMA a publié un rapport. Le sommet du Groupe Kappa qui se "
            "tient à Lyon s'ouvre.")
    out = _names(text, ("FIMA", "ORG"), ("Vestra", "ORG"), ("FIMA", "ORG"),
                 ("Groupe Kappa", "ORG"))
    assert out == [("FIMA", "group"), ("Groupe Kappa", "group")]


def test_a_company_s_edition_is_no_event():
    folded = fold("la maison d'édition de Paul Roux")
    assert not tn.held_event(folded, len(folded) - len("paul roux"), len(folded))


# -- 4. products: spacecraft, ships, car models --------------------------------------------
def test_spacecraft_after_their_noun_are_no_actors():
    text = ("La sonde spatiale européenne Galatée a atterri. Galatée a envoyé des images. "
            "Le rover Tournesol roule, et l'agence Vestra s'en félicite.")
    out = _names(text, ("Galatée", "PER"), ("Galatée", "PER"), ("Tournesol", "ORG"),
                 ("Vestra", "ORG"))
    assert out == [("Vestra", "group")]


def test_a_verb_or_a_maker_s_name_is_no_spacecraft_cue():
    text = "Sa sonde était quasi Morel, dit-il. La Land Rover Dufour roule."
    folded = fold(text)
    assert not tn.spacecraft(text, folded, text.index("Morel"))
    assert not tn.spacecraft(text, folded, text.index("Dufour"))


def test_a_space_mission_drops_that_mention_in_a_spaceflight_article():
    text = ("La fusée décolle vers la Lune avec la sonde. La mission Artémia sera suivie "
            "par l'agence Vestra. La mission Kappa de l'ONU, elle, reste au Mali.")
    folded = fold(text)
    assert tn.space_mission(folded, text.index("Artémia"))
    plain = fold("La mission Kappa de l'ONU reste au Mali.")
    assert not tn.space_mission(plain, plain.index("kappa"))


def test_a_ship_after_its_noun_but_not_a_party_after_a_figure_of_speech():
    text = ("Le porte-avions Belle Lenoir appareille. Trois élus quittent le navire ZPM. "
            "Le groupe pétrolier Vestra recrute.")
    out = _names(text, ("Belle Lenoir", "PER"), ("ZPM", "ORG"), ("Vestra", "ORG"))
    assert out == [("ZPM", "group"), ("Vestra", "group")]


def test_a_car_model_named_with_its_maker_inside_is_no_person():
    text = ("La Ibiza Cupra R ST roule vite. Cette Ibiza Cupra plaît. Francis Ford Lenoir, "
            "Edsel Ford II et la Fondation Renault commentent.")
    out = _names(text, ("Ibiza Cupra R ST", "PER"), ("Ibiza Cupra", "PER"),
                 ("Francis Ford Lenoir", "PER"), ("Edsel Ford II", "PER"),
                 ("Fondation Renault", "ORG"))
    assert out == [("Francis Ford Lenoir", "person"), ("Edsel Ford II", "person"),
                   ("Fondation Renault", "group")]


# -- 5. common-noun acronyms ----------------------------------------------------------------
def test_a_time_zone_after_an_hour_and_label_acronyms_are_no_actors():
    text = ("Le séisme a eu lieu à 14h30 UTC. Les produits portant le label AB coûtent "
            "plus cher, selon la FNSEA.")
    out = _names(text, ("UTC", "ORG"), ("AB", "ORG"), ("FNSEA", "ORG"))
    assert [n for n, _ in out] == ["FNSEA"]


def test_time_zone_needs_an_hour():
    text = "Vers 9 heures GMT, puis à 10:15 CET."
    assert tn.time_zone(text, text.index("GMT"), text.index("GMT") + 3)
    assert tn.time_zone(text, text.index("CET"), text.index("CET") + 3)
    other = "La CET a voté."
    assert not tn.time_zone(other, 3, 6)


def test_a_first_name_alone_is_not_the_character_and_a_listed_magazine_stays_a_medium():
    text = ("Il a joué Lisbeth Salander. Sa fille Lisbeth Morel l'accompagne, avec Lisbeth. "
            "Il lit les magazines Obélix et Lumex Hebdo.")
    out = _names(text, ("Lisbeth Salander", "PER"), ("Lisbeth Morel", "PER"),
                 ("Lisbeth", "PER"), ("Obélix", "ORG"), ("Lumex Hebdo", "ORG"))
    assert ("Lisbeth Salander", "person") not in out
    assert ("Obélix", "media") in out and ("Lumex Hebdo", "media") in out
    assert ("Lisbeth Morel", "person") in out


def test_a_car_platform_code_is_a_product_only_where_a_maker_is_named():
    text = ("La Zorba est bâtie sur la plateforme XKR de Renault. Les plateformes SPQ et XKR "
            "servent aussi.")
    out = _names(text, ("XKR", "ORG"), ("Renault", "ORG"), ("SPQ", "ORG"), ("XKR", "ORG"))
    assert out == [("Renault", "group")]
    other = "Les vidéos sont signalées sur la plateforme XKR, dit le ministre."
    assert _names(other, ("XKR", "ORG")) == [("XKR", "group")]


def test_a_superhero_or_a_mascot_after_its_noun_is_no_actor_but_their_owner_is():
    text = ("Le super-héros Capitaine Lumex sauve la ville. La mascotte Zoubi danse. La "
            "mascotte du FCL amuse. Paul Roux rit.")
    out = _names(text, ("Capitaine Lumex", "PER"), ("Zoubi", "PER"), ("FCL", "ORG"),
                 ("Paul Roux", "PER"))
    assert out == [("FCL", "group"), ("Paul Roux", "person")]


def test_a_competition_is_an_event_and_the_state_in_its_name_no_mention():
    from tests.test_extract import typed

    text = "Il a gagné la Ligue des champions puis le Tour de France."
    out = typed(text, ("Ligue des champions", "MISC"), ("Tour de France", "MISC"))
    assert out == []


def test_a_thing_named_after_a_noun_of_technology():
    from tests.test_extract import typed

    assert typed("Le logiciel Pandora a espionné des journalistes.", ("Pandora", "MISC")) == []


def test_an_acronym_after_a_noun_of_technology_or_law_is_a_thing():
    from tests.test_extract import typed

    assert typed("La technologie XQZ réduit la consommation.", ("XQZ", "ORG")) == []
    assert typed("La loi PLOUF a été votée.", ("PLOUF", "ORG")) == []
    assert typed("Le groupe XQZ a été racheté.", ("XQZ", "ORG")) != []


def test_a_name_before_an_english_possessive_is_a_firm_and_a_word_after_a_number_a_trim():
    from tests.test_extract import typed

    assert typed("Le tableau a été vendu chez Halloway's hier.", ("Halloway", "PER")) == [
        ("Halloway", "group", "")]
    assert typed("Le modèle 300 SPORT est proposé à 50 000 euros.", ("SPORT", "ORG")) == []
    assert typed("Selon AIDES, la campagne commence.", ("AIDES", "ORG")) == [
        ("AIDES", "group", "")]
