"""Publication dates: normalise metadata dates and find a date in an article's header.

Two entry points:

* :func:`parse_date` turns a metadata value ("2021-11-03", "2021-11-03T10:00:00Z",
  "03/11/2021", "3 novembre 2021", "novembre 2021") into ISO ``YYYY-MM-DD`` or ``YYYY-MM``.
* :func:`find_header_date` looks only at the first few lines (about 300 characters) of a
  plain article for a header date such as "date 2021-11", "Date : 12/05/2022",
  "le 1 septembre 2020" or "Publié le 3 mars 2021 à 10h".

A fast regular-expression pass (French and English month names, numeric day-first dates)
handles almost everything; ``dateparser`` is only consulted for leftovers that contain both
letters and a four-digit year, so it never invents a date from a bare number. Numeric dates
are read day first (French usage): "03/11/2021" is 3 November 2021.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

__all__ = ["parse_date", "find_header_date", "infer_text_date", "HEADER_CHARS", "HEADER_LINES"]

#: How much of an article's beginning :func:`find_header_date` looks at.
HEADER_CHARS = 300
HEADER_LINES = 6

MIN_YEAR = 1800
MAX_YEAR = 2100

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        ("janvier", "janv", "jan", "january"),
        ("fevrier", "fevr", "fev", "february", "feb"),
        ("mars", "mar", "march"),
        ("avril", "avr", "april", "apr"),
        ("mai", "may"),
        ("juin", "june", "jun"),
        ("juillet", "juil", "july", "jul"),
        ("aout", "august", "aug"),
        ("septembre", "sept", "sep", "september"),
        ("octobre", "oct", "october"),
        ("novembre", "nov", "november"),
        ("decembre", "dec", "december"),
    ],
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _num

# Longest names first so that "septembre" wins over "sept".
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = (
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "lun|mar|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|sat|sun"
)

# The patterns run on text folded by _fold(): accents removed, lower case, same length.
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 2021-11-03, 2021/11/03, 2021.11.03, optionally followed by a time (ISO 8601).
    ("ymd", re.compile(r"(?<![\d])(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])")),
    # 03/11/2021, 3-11-2021, 03.11.2021 (day first).
    ("dmy", re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})(?![\d])")),
    # (lundi) 3 novembre 2021, 1er septembre 2020, 3 nov. 2021
    (
        "d_month_y",
        re.compile(
            rf"(?<![\w])(?:(?:{_WEEKDAYS})\.?,?\s+)?(?P<d>\d{{1,2}})(?:er|st|nd|rd|th)?\s+"
            rf"(?P<mon>{_MONTH_ALT})\.?,?\s+(?P<y>\d{{4}})(?![\d])"
        ),
    ),
    # November 3, 2021 (English order)
    (
        "month_d_y",
        re.compile(
            rf"(?<![\w])(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
            rf"(?P<y>\d{{4}})(?![\d])"
        ),
    ),
    # 2021-11, 2021/11 (year and month only)
    ("ym", re.compile(r"(?<![\d])(?P<y>\d{4})[-/](?P<m>\d{1,2})(?![\d/-])")),
    # 11/2021 (month and year only)
    ("my", re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})[/.](?P<y>\d{4})(?![\d])")),
    # novembre 2021
    ("month_y", re.compile(rf"(?<![\w])(?P<mon>{_MONTH_ALT})\.?,?\s+(?P<y>\d{{4}})(?![\d])")),
    # 20211103 (compact ISO; only as a whole value, see parse_date)
]
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_HAS_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _fold(text: str) -> str:
    """Lower-case and strip accents while keeping one output character per input character."""
    out = []
    for ch in text.lower():
        if ch.isascii():
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if base.isascii() else ch)
    return "".join(out)


def _iso(y: int, m: int, d: int | None) -> str | None:
    if not MIN_YEAR <= y <= MAX_YEAR or not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_match(kind: str, m: re.Match[str]) -> str | None:
    g = m.groupdict()
    y = int(g["y"])
    month = _MONTHS[g["mon"]] if g.get("mon") else int(g["m"])
    day = int(g["d"]) if g.get("d") else None
    return _iso(y, month, day)


def _scan(folded: str) -> tuple[str, int, int] | None:
    """The first (leftmost, most precise) date in ``folded``: (iso, start, end)."""
    best: tuple[int, int, str, int] | None = None  # (start, precision rank, iso, end)
    for rank, (kind, pattern) in enumerate(_DATE_PATTERNS):
        for m in pattern.finditer(folded):
            iso = _from_match(kind, m)
            if iso is None:
                continue
            cand = (m.start(), rank, iso, m.end())
            if best is None or cand[:2] < best[:2]:
                best = cand
            break
    if best is None:
        return None
    return best[2], best[0], best[3]


@lru_cache(maxsize=4096)
def parse_date(value: str) -> str | None:
    """Normalise a metadata date to ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` without a day).

    Accepts ISO dates and timestamps ("2021-11-03T10:00:00Z" keeps the written date),
    day-first numeric dates ("03/11/2021"), French or English month names
    ("3 novembre 2021", "1er sept. 2020", "novembre 2021", "Nov 3, 2021") and compact
    "20211103". Returns ``None`` for anything without a recognisable year and month —
    a bare number such as "2021" or "12" is never turned into a date.
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 200:
        return None
    m = _COMPACT.fullmatch(value)
    if m:
        return _iso(int(m["y"]), int(m["m"]), int(m["d"]))
    found = _scan(_fold(value))
    if found is not None:
        return found[0]
    return _dateparser_fallback(value)


def _dateparser_fallback(value: str) -> str | None:
    """Last resort for odd formats; only for values with letters and a four-digit year."""
    year = _HAS_YEAR.search(value)
    if not year or not re.search(r"[^\W\d_]{3,}", value):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    try:
        parsed = dateparser.parse(
            value,
            languages=["fr", "en"],
            settings={
                "DATE_ORDER": "DMY",
                "REQUIRE_PARTS": ["month", "year"],
                "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False,
                "PARSERS": ["absolute-time"],
            },
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if parsed is None or parsed.year != int(year.group(1)):
        return None  # never a date invented from relative words or a stray number
    return _iso(parsed.year, parsed.month, parsed.day)


# Words that announce a date in a header. "le"/"du" are weak: accepted only on a short line.
_STRONG_KEY = re.compile(
    r"(?<![\w])(?:date(?:\s+de\s+publication)?|publie(?:e)?(?:\s+le)?|mis\s+a\s+jour(?:\s+le)?|"
    r"mise\s+a\s+jour(?:\s+le)?|poste(?:e)?(?:\s+le)?|modifie(?:e)?(?:\s+le)?|"
    r"derniere\s+mise\s+a\s+jour|published|updated|posted)\s*(?:[:\-–—]\s*)?$"
)
_WEAK_KEY = re.compile(r"(?<![\w])(?:le|du|depuis)\s+$")
_SHORT_LINE = 100
_DATELINE_BEFORE = re.compile(r"^\s*[^\W\d][\w'’ .-]{0,40},\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\(|[-–—|]|$)")


def find_header_date(text: str) -> str | None:
    """Find a publication date in the header zone of a plain article.

    Only the first :data:`HEADER_LINES` non-empty lines and at most :data:`HEADER_CHARS`
    characters are examined, so dates in the body are never picked up. A date counts when
    it is introduced by a word such as "date", "publié le", "mis à jour le" (anywhere in the
    zone), when it opens a wire dateline ("Dakar, 3 mars 2021 (AFP) - …"), or when it sits
    on a short line of its own, possibly after "le" ("Rédaction — le 1 septembre 2020",
    "12/05/2022").
    """
    if not text:
        return None
    zone = text[:HEADER_CHARS]
    lines = [ln for ln in zone.split("\n") if ln.strip()][:HEADER_LINES]
    for line in lines:
        folded = _fold(line)
        pos = 0
        while pos < len(folded):
            found = _scan(folded[pos:])
            if found is None:
                break
            iso, start, end = found
            start += pos
            end += pos
            before = folded[max(0, start - 40):start]
            if _STRONG_KEY.search(before):
                return iso
            if _DATELINE_BEFORE.match(folded[:start]) and _DATELINE_AFTER.match(folded[end:]):
                return iso  # wire dateline: "Dakar, 3 mars 2021 (AFP) - …"
            # Full lines may continue past the header zone; judge "short" on the real line.
            full_line = _line_containing(text, zone, line)
            is_short = len(full_line.strip()) <= _SHORT_LINE
            if is_short and (_WEAK_KEY.search(before) or not before.strip()
                             or _only_label(before)):
                return iso
            pos = end
    return None


def _line_containing(text: str, zone: str, line: str) -> str:
    """The complete line of ``text`` that begins like ``line`` (which may be cut by the zone)."""
    idx = zone.find(line)
    if idx < 0:
        return line
    end = text.find("\n", idx)
    return text[idx:] if end < 0 else text[idx:end]


def _only_label(before: str) -> bool:
    """True when the text before a date on a short line is a byline-like label, not prose."""
    stripped = before.strip()
    if not stripped:
        return True
    # "Par la rédaction |", "AFP -", "Catégorie Politique le" handled by _WEAK_KEY.
    return stripped[-1] in "|-–—•·:,(/"


# --------------------------------------------------------------------------- text dates

#: How much of an article's beginning :func:`infer_text_date` reads.
INFER_CHARS = 400
INFER_LINES = 3

_FR_MONTHS = ("janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
              "novembre|decembre")
_FR_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# A full date with a French month name written in full, after a weekday ("lundi 3 mars
# 2021") or the demonstrative "ce" ("ce 3 mars 2021"): how French news names the day it
# is reporting on. (Measured on a dated French news corpus: such a date falls within a
# week of the publication date 4 times in 5, a bare full date in the lead fewer than 1 in
# 10 — leads cite past and coming events — and a bare month and year even less often.)
_TEXT_DATE = re.compile(
    rf"(?<![\w])(?:(?P<ce>ce|cet)\s+)?(?:(?P<wd>{'|'.join(_FR_WEEKDAYS)})\s+)?"
    rf"(?P<d>\d{{1,2}})(?:er)?\s+(?P<mon>{_FR_MONTHS})\s+(?P<y>\d{{4}})(?![\d])")


def infer_text_date(text: str, *, today: date | None = None) -> str | None:
    """A date stated in the first lines of an article's text (its lead), or ``None``.

    Conservative by design, for articles with no metadata or header date: only the first
    :data:`INFER_LINES` non-empty lines (at most :data:`INFER_CHARS` characters) are read,
    and only a full date with its French month name written in full counts, when it names
    the day as current news does: after its weekday, which must be the right one for that
    date ("mardi 2 mars 2021"), or after the demonstrative "ce" ("ce 2 mars 2021"). A bare
    date or a month and year ("le 6 mai 2012", "en juin 2019") usually cites another event
    and is never used. The latest such date wins and a date after ``today`` is ignored;
    ``dateparser`` (French) must read the match as the same month, so nothing is ever
    invented from a bare number.

    >>> infer_text_date("Le président a reçu, mardi 2 mars 2021, son homologue.")
    '2021-03-02'
    >>> infer_text_date("Ce 2 mars 2021, le Parlement a voté le texte.")
    '2021-03-02'
    >>> infer_text_date("Élu le 6 mai 2012, il a quitté l'Élysée en mai 2017.") is None
    True
    >>> infer_text_date("Le sommet du lundi 2 mars 2021 a été reporté.") is None  # a Tuesday
    True
    """
    if not text:
        return None
    zone = "\n".join([ln for ln in text[:INFER_CHARS].split("\n") if ln.strip()]
                      [:INFER_LINES])
    limit = (today or date.today()).isoformat()
    found = [iso for m in _TEXT_DATE.finditer(_fold(zone))
             if _names_the_day(m) and (iso := _confirmed(m, zone)) is not None
             and iso <= limit]
    return max(found) if found else None


def _names_the_day(m: re.Match[str]) -> bool:
    """A weekday that is the right one for the date, or "ce" before it."""
    if m["wd"]:
        try:
            day = date(int(m["y"]), _MONTHS[m["mon"]], int(m["d"]))
        except ValueError:
            return False
        return _FR_WEEKDAYS[day.weekday()] == m["wd"]
    return bool(m["ce"])


def _confirmed(m: re.Match[str], zone: str) -> str | None:
    """The ISO date of a text match when ``dateparser`` (French) reads the same one."""
    iso = _from_match("text", m)
    if iso is None:
        return None
    parsed = _dateparser_fr(zone[m.start():m.end()])
    if parsed is None or parsed[:7] != iso[:7]:
        return None
    return iso


@lru_cache(maxsize=4096)
def _dateparser_fr(value: str) -> str | None:
    """``dateparser``'s reading of ``value`` in French (month and year required)."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    value = re.sub(rf"^(?:(?:ce|cet)\s+)?(?:(?:{'|'.join(_FR_WEEKDAYS)})\s+)?", "",
                   _fold(value.strip()))
    try:
        parsed = dateparser.parse(value, languages=["fr"], settings={
            "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["absolute-time"],
            "PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return None if parsed is None else parsed.date().isoformat()
