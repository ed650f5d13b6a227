"""Tests for pipelines.readers.dates: metadata date normalisation and header dates."""

from __future__ import annotations

import pytest

from pipelines.readers.dates import find_header_date, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-11-03", "2021-11-03"),
        ("2021-11-03T10:00:00Z", "2021-11-03"),
        ("2021-11-03T23:45:00+02:00", "2021-11-03"),
        ("2021-11-03 08:15", "2021-11-03"),
        ("2021/11/03", "2021-11-03"),
        ("03/11/2021", "2021-11-03"),  # day first
        ("3/1/2022", "2022-01-03"),
        ("03.11.2021", "2021-11-03"),
        ("3 novembre 2021", "2021-11-03"),
        ("1er septembre 2020", "2020-09-01"),
        ("mercredi 17 février 2016", "2016-02-17"),
        ("Jeudi 8 AOÛT 2019", "2019-08-08"),
        ("8 aout 2019", "2019-08-08"),
        ("12 déc. 2018", "2018-12-12"),
        ("5 juil 2017", "2017-07-05"),
        ("novembre 2021", "2021-11"),
        ("Décembre 2019", "2019-12"),
        ("2021-11", "2021-11"),
        ("11/2021", "2021-11"),
        ("20211103", "2021-11-03"),
        ("Nov 3, 2021", "2021-11-03"),
        ("Wed, 03 Nov 2021 10:00:00 +0000", "2021-11-03"),
        ("  2019-06-30  ", "2019-06-30"),
        ("3 décembre 2019 à 10h05", "2019-12-03"),
    ],
)
def test_parse_date_normalises(value: str, expected: str) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "2021",  # a bare year is not a month
        "12",
        "1638316800",  # an epoch timestamp is not guessed
        "31/02/2021",  # no such day
        "2021-13-01",
        "hier",
        "il y a 3 jours",
        "il y a 3 jours 2021",  # dateparser must not turn relative words into a date
        "mardi dernier",
        "0000-00-00",
        "n/a",
    ],
)
def test_parse_date_refuses(value: str) -> None:
    assert parse_date(value) is None


def test_parse_date_non_string() -> None:
    assert parse_date(None) is None  # type: ignore[arg-type]
    assert parse_date(20211103) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2021-11 Les ministres se sont retrouvés à Niamey pour un long sommet.",
         "2021-11"),
        ("Date : 12/05/2022\n\nLa délégation a quitté Dakar dans la soirée.", "2022-05-12"),
        ("Sommet régional à Lomé\n\nPar la rédaction — le 1 septembre 2020\n\nLe texte.",
         "2020-09-01"),
        ("Publié le 3 mars 2021 à 10h\nLes élus ont voté la réforme du code minier.",
         "2021-03-03"),
        ("Le barrage de la vallée\nMis à jour le 14/07/2019 à 18:02\nCorps de l'article.",
         "2019-07-14"),
        ("Réunion à Abuja\n2018-04-22\nLes représentants ont signé l'accord.", "2018-04-22"),
        ("Réunion à Abuja\nmardi 6 février 2018\nLes représentants ont signé.", "2018-02-06"),
        ("PUBLIÉE LE 9 JANVIER 2020 | Politique\nLe parlement a adopté le budget.",
         "2020-01-09"),
        ("Nouakchott, 21 octobre 2018 (AFP) - Le chef de l'État a nommé un nouveau "
         "gouvernement après plusieurs semaines de consultations avec les partis.", "2018-10-21"),
        ("Saint-Louis, 2 juin 2017 — Les pêcheurs ont manifesté devant la préfecture pour "
         "réclamer de meilleures conditions d'accès au port.", "2017-06-02"),
        ("Mise à jour : 04.05.2021\nLe texte suit.", "2021-05-04"),
        ("*Publié le 1er février 2022*\n\nLe texte suit.", "2022-02-01"),
    ],
)
def test_find_header_date(text: str, expected: str) -> None:
    assert find_header_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Une longue histoire\n\nRien ici ne ressemble à une date.",
        # a date in the body, beyond the header zone
        "Titre sans date\n\n" + "Un paragraphe sans repère temporel. " * 12
        + "\n\nPublié le 3 mars 2021.",
        # a date inside the first sentence of prose is not a header
        "Le 3 mars 2021, le gouvernement a annoncé un remaniement important, après des "
        "semaines de tractations entre les partis de la coalition et les syndicats du pays.",
        # numbers that are not dates
        "Bilan : 2021 victimes\n\nLe chiffre de 12 est cité.",
        "La nuit du 11 au 12 mai, des soldats ont tenté un coup de force.",
        # a date after a comma in the middle of prose is not a dateline
        "Les ministres, 3 mars 2021 en tête, ont voté une loi qui modifie durablement le code "
        "électoral du pays et les règles de financement des partis politiques.",
    ],
)
def test_find_header_date_none(text: str) -> None:
    assert find_header_date(text) is None


def test_find_header_date_only_looks_at_the_start() -> None:
    body = "Un titre\n" + ("phrase de remplissage " * 30) + "\nDate : 12/05/2022\n"
    assert find_header_date(body) is None
