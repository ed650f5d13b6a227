# ruff: noqa: E501  (one line per state in the data table)
"""Generate ``pipelines/data/states.jsonl`` from CLDR (Babel), pycountry and hand-written data.

The short French names come from CLDR (``babel.Locale('fr').territories``), the long official
forms from pycountry's French translation of ISO 3166-1.  Capitals, demonyms, seats of power,
name variants and Wikidata ids are general knowledge written below.

Usage: ``python3 scripts/make_states.py`` (rewrites the data file in place).
"""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "pipelines" / "data" / "states.jsonl"

# iso3: (wikidata, capitals, demonyms, extra names, seats, risky names)
# A few names are left out on purpose because French news uses them mostly for something
# else (counts over the OrangeSum monde+politique files): the capitals Victoria (SYC, the
# Australian state, London's station), Georgetown (GUY, the university), Castries (LCA, a
# surname) and Saint-Georges (GRD, Bussy-Saint-Georges), and the bare names Salomon (Jérôme
# Salomon) and Marshall (the Marshall plan).
# Fields are ";"-separated.  A demonym "m|f" gives masculine and feminine singular explicitly;
# "=x" is invariable; "?x" is ambiguous (shared with another state); otherwise the feminine
# and the plurals are derived by the regular rules (see ``demonym_forms``).
# fmt: off
S: dict[str, tuple[str, str, str, str, str, str]] = {
    "AFG": ("Q889", "Kaboul;Kabul", "afghan", "République islamique d'Afghanistan;Émirat islamique d'Afghanistan", "", ""),
    "ALB": ("Q222", "Tirana", "albanais", "", "", ""),
    "DZA": ("Q262", "Alger", "algérien", "République algérienne démocratique et populaire", "El Mouradia;palais d'El Mouradia", ""),
    "AND": ("Q228", "Andorre-la-Vieille", "andorran", "Principauté d'Andorre", "", ""),
    "AGO": ("Q916", "Luanda", "angolais", "", "", ""),
    "ATG": ("Q781", "Saint John's", "antiguais", "", "", ""),
    "ARG": ("Q414", "Buenos Aires", "argentin", "République argentine", "Casa Rosada", ""),
    "ARM": ("Q399", "Erevan;Yerevan", "arménien", "", "", ""),
    "AUS": ("Q408", "Canberra", "australien", "Commonwealth d'Australie", "", ""),
    "AUT": ("Q40", "Vienne", "autrichien", "", "", ""),
    "AZE": ("Q227", "Bakou;Baku", "azerbaïdjanais;azéri", "", "", ""),
    "BHS": ("Q778", "Nassau", "bahaméen;bahamien", "", "", "Nassau"),
    "BHR": ("Q398", "Manama", "bahreïni;bahreïnien", "Bahrayn", "", ""),
    "BGD": ("Q902", "Dacca;Dhaka", "bangladais", "", "", ""),
    "BRB": ("Q244", "Bridgetown", "barbadien", "", "", ""),
    "BLR": ("Q184", "Minsk", "biélorusse;bélarusse", "Biélorussie;Belarus;République de Bélarus", "", ""),
    "BEL": ("Q31", "Bruxelles", "belge", "Royaume de Belgique", "", ""),
    "BLZ": ("Q242", "Belmopan", "bélizien", "Bélize", "", ""),
    "BEN": ("Q962", "Porto-Novo;Cotonou", "béninois", "", "palais de la Marina", ""),
    "BTN": ("Q917", "Thimphou;Thimphu", "bhoutanais", "", "", ""),
    "BOL": ("Q750", "Sucre;La Paz", "bolivien", "", "Palacio Quemado", ""),
    "BIH": ("Q225", "Sarajevo", "bosnien", "Bosnie", "", ""),
    "BWA": ("Q963", "Gaborone", "botswanais", "", "", ""),
    "BRA": ("Q155", "Brasilia;Brasília", "brésilien", "République fédérative du Brésil", "Planalto;palais du Planalto", ""),
    "BRN": ("Q921", "Bandar Seri Begawan", "brunéien", "Brunéi;Brunei Darussalam", "", ""),
    "BGR": ("Q219", "Sofia", "bulgare", "", "", "Sofia"),
    "BFA": ("Q965", "Ouagadougou;Ouaga", "=burkinabè;=burkinabé", "Burkina", "Kosyam;palais de Kosyam", ""),
    "BDI": ("Q967", "Gitega;Bujumbura", "burundais", "", "", ""),
    "KHM": ("Q424", "Phnom Penh", "cambodgien", "Royaume du Cambodge", "", ""),
    "CMR": ("Q1009", "Yaoundé", "camerounais", "", "Etoudi;palais d'Etoudi;palais de l'Unité", ""),
    "CAN": ("Q16", "Ottawa", "canadien", "", "", ""),
    "CPV": ("Q1011", "Praia", "cap-verdien;capverdien", "Cabo Verde;Cap Vert;Îles du Cap-Vert", "", ""),
    "CAF": ("Q929", "Bangui", "centrafricain", "Centrafrique", "palais de la Renaissance", ""),
    "TCD": ("Q657", "N'Djamena;Ndjamena;N'Djaména", "tchadien", "République du Tchad", "palais Rose", ""),
    "CHL": ("Q298", "Santiago;Santiago du Chili", "chilien", "", "La Moneda;palais de La Moneda", "Chili"),
    "CHN": ("Q148", "Pékin;Beijing", "chinois", "Chine populaire", "Zhongnanhai", ""),
    "COL": ("Q739", "Bogota;Bogotá", "colombien", "", "Casa de Nariño", ""),
    "COM": ("Q970", "Moroni", "comorien", "Union des Comores", "Beit-Salam", ""),
    "COG": ("Q971", "Brazzaville", "?congolais", "Congo;République du Congo;Congo Brazzaville", "", "Congo"),
    "COD": ("Q974", "Kinshasa", "?congolais;rd-congolais", "RD Congo;République démocratique du Congo;Zaïre", "", ""),
    "CRI": ("Q800", "San José", "costaricien;costaricain", "Costa Rica", "", ""),
    "CIV": ("Q1008", "Yamoussoukro;Abidjan", "ivoirien", "République de Côte d'Ivoire", "palais du Plateau", ""),
    "HRV": ("Q224", "Zagreb", "croate", "", "", ""),
    "CUB": ("Q241", "La Havane", "cubain", "", "", ""),
    "CYP": ("Q229", "Nicosie", "chypriote;cypriote", "", "", ""),
    "CZE": ("Q213", "Prague", "tchèque", "République tchèque", "Hradčany;château de Prague", ""),
    "DNK": ("Q35", "Copenhague", "danois", "Royaume de Danemark", "", ""),
    "DJI": ("Q977", "Djibouti", "djiboutien", "", "", ""),
    "DMA": ("Q784", "Roseau", "dominiquais", "Commonwealth de la Dominique", "", "Dominique;Roseau"),
    "DOM": ("Q786", "Saint-Domingue", "dominicain", "", "", ""),
    "ECU": ("Q736", "Quito", "équatorien", "", "", ""),
    "EGY": ("Q79", "Le Caire", "égyptien", "République arabe d'Égypte", "palais d'Ittihadiya", ""),
    "SLV": ("Q792", "San Salvador", "salvadorien", "Salvador", "", ""),
    "GNQ": ("Q983", "Malabo", "équato-guinéen", "", "", ""),
    "ERI": ("Q986", "Asmara", "érythréen", "", "", ""),
    "EST": ("Q191", "Tallinn", "estonien", "", "", ""),
    "SWZ": ("Q1050", "Mbabane;Lobamba", "swazi;eswatinien", "Swaziland;Royaume d'Eswatini", "", ""),
    "ETH": ("Q115", "Addis-Abeba;Addis Ababa", "éthiopien", "République fédérale démocratique d'Éthiopie", "", ""),
    "FJI": ("Q712", "Suva", "fidjien", "Fidji;Îles Fidji", "", ""),
    "FIN": ("Q33", "Helsinki", "finlandais", "", "", ""),
    "FRA": ("Q142", "Paris", "français", "", "Élysée;palais de l'Élysée;Quai d'Orsay;Matignon;hôtel Matignon;hôtel de Brienne;Balard", ""),
    "GAB": ("Q1000", "Libreville", "gabonais", "République gabonaise", "palais du Bord de mer", ""),
    "GMB": ("Q1005", "Banjul", "gambien", "", "", ""),
    "GEO": ("Q230", "Tbilissi;Tbilisi", "géorgien", "", "", "Géorgie"),
    "DEU": ("Q183", "Berlin", "allemand", "", "Chancellerie fédérale", ""),
    "GHA": ("Q117", "Accra", "ghanéen", "", "Jubilee House", ""),
    "GRC": ("Q41", "Athènes", "grec|grecque;hellénique", "République hellénique", "", ""),
    "GRD": ("Q769", "St. George's", "grenadien", "", "", "Grenade"),
    "GTM": ("Q774", "Guatemala;Guatemala City", "guatémaltèque", "", "", ""),
    "GIN": ("Q1006", "Conakry", "guinéen", "Guinée-Conakry;Guinée Conakry", "palais Sékhoutouréya;palais Mohammed-V", ""),
    "GNB": ("Q1007", "Bissau", "bissau-guinéen", "", "", ""),
    "GUY": ("Q734", "", "guyanien", "", "", ""),
    "HTI": ("Q790", "Port-au-Prince", "haïtien", "", "", ""),
    "HND": ("Q783", "Tegucigalpa", "hondurien", "", "", ""),
    "HUN": ("Q28", "Budapest", "hongrois", "", "", ""),
    "ISL": ("Q189", "Reykjavik", "islandais", "", "", ""),
    "IND": ("Q668", "New Delhi;Delhi", "indien", "République de l'Inde", "South Block", ""),
    "IDN": ("Q252", "Jakarta;Djakarta", "indonésien", "", "", ""),
    "IRN": ("Q794", "Téhéran", "iranien", "République islamique d'Iran", "", ""),
    "IRQ": ("Q796", "Bagdad", "irakien", "", "", ""),
    "IRL": ("Q27", "Dublin", "irlandais", "", "", ""),
    "ISR": ("Q801", "Jérusalem;Tel-Aviv;Tel Aviv-Jaffa", "israélien", "État d'Israël", "", "Israël"),
    "ITA": ("Q38", "Rome", "italien", "République italienne", "palais Chigi;Quirinal;Farnesina", ""),
    "JAM": ("Q766", "Kingston", "jamaïcain;jamaïquain", "", "", ""),
    "JPN": ("Q17", "Tokyo", "japonais", "", "Kantei", ""),
    "JOR": ("Q810", "Amman", "jordanien", "Royaume hachémite de Jordanie", "", ""),
    "KAZ": ("Q232", "Astana;Noursoultan;Nur-Sultan", "kazakh|kazakhe;kazakhstanais", "", "Akorda", ""),
    "KEN": ("Q114", "Nairobi", "kényan;kenyan", "", "", ""),
    "KIR": ("Q710", "Tarawa;Tarawa-Sud", "kiribatien", "", "", ""),
    "PRK": ("Q423", "Pyongyang", "nord-coréen;?coréen", "République populaire démocratique de Corée", "", ""),
    "KOR": ("Q884", "Séoul", "sud-coréen;?coréen", "", "Maison bleue;Yongsan", ""),
    "KWT": ("Q817", "Koweït", "koweïtien", "", "", ""),
    "KGZ": ("Q813", "Bichkek", "kirghiz|kirghize;kirghizistanais", "Kirghizstan;République kirghize", "", ""),
    "LAO": ("Q819", "Vientiane", "laotien", "République démocratique populaire lao", "", ""),
    "LVA": ("Q211", "Riga", "letton|lettone", "", "", ""),
    "LBN": ("Q822", "Beyrouth", "libanais", "", "palais de Baabda;Baabda;Grand Sérail", ""),
    "LSO": ("Q1013", "Maseru", "lésothien", "", "", ""),
    "LBR": ("Q1014", "Monrovia", "libérien", "", "", ""),
    "LBY": ("Q1016", "Tripoli", "libyen", "", "", ""),
    "LIE": ("Q347", "Vaduz", "liechtensteinois", "", "", ""),
    "LTU": ("Q37", "Vilnius", "lituanien", "", "", ""),
    "LUX": ("Q32", "Luxembourg", "luxembourgeois", "Grand-Duché de Luxembourg", "", ""),
    "MDG": ("Q1019", "Antananarivo;Tananarive", "malgache", "", "palais d'Iavoloha;Iavoloha", ""),
    "MWI": ("Q1020", "Lilongwe", "malawien", "", "", ""),
    "MYS": ("Q833", "Kuala Lumpur;Putrajaya", "malaisien", "", "", ""),
    "MDV": ("Q826", "Malé", "maldivien", "", "", "Malé"),
    "MLI": ("Q912", "Bamako", "malien", "République du Mali", "Koulouba;palais de Koulouba", ""),
    "MLT": ("Q233", "La Valette", "maltais", "", "", ""),
    "MHL": ("Q709", "Majuro", "marshallais", "", "", ""),
    "MRT": ("Q1025", "Nouakchott", "mauritanien", "", "palais ocre", ""),
    "MUS": ("Q1027", "Port-Louis", "mauricien", "île Maurice", "", "Maurice"),
    "MEX": ("Q96", "Mexico", "mexicain", "États-Unis mexicains", "Palacio Nacional", ""),
    "FSM": ("Q702", "Palikir", "micronésien", "États fédérés de Micronésie", "", ""),
    "MDA": ("Q217", "Chisinau;Chișinău", "moldave", "Moldova;République de Moldavie", "", ""),
    "MCO": ("Q235", "Monaco", "monégasque", "Principauté de Monaco", "", ""),
    "MNG": ("Q711", "Oulan-Bator;Oulan Bator;Oulan-Baatar", "mongol", "", "", ""),
    "MNE": ("Q236", "Podgorica", "monténégrin", "", "", ""),
    "MAR": ("Q1028", "Rabat", "marocain;chérifien", "Royaume du Maroc;Royaume chérifien", "Makhzen", ""),
    "MOZ": ("Q1029", "Maputo", "mozambicain", "", "", ""),
    "MMR": ("Q836", "Naypyidaw;Naypyitaw;Nay Pyi Taw", "birman;myanmarais", "Myanmar;Birmanie", "", ""),
    "NAM": ("Q1030", "Windhoek", "namibien", "", "", ""),
    "NRU": ("Q697", "Yaren", "nauruan", "", "", ""),
    "NPL": ("Q837", "Katmandou", "népalais", "", "", ""),
    "NLD": ("Q55", "Amsterdam;La Haye", "néerlandais", "Royaume des Pays-Bas", "", ""),
    "NZL": ("Q664", "Wellington", "néo-zélandais", "", "", ""),
    "NIC": ("Q811", "Managua", "nicaraguayen", "", "", ""),
    "NER": ("Q1032", "Niamey", "nigérien", "République du Niger", "", "Niger"),
    "NGA": ("Q1033", "Abuja", "nigérian;nigerian", "République fédérale du Nigeria;Nigéria", "Aso Rock;Aso Villa", ""),
    "MKD": ("Q221", "Skopje", "macédonien;nord-macédonien", "Macédoine", "", ""),
    "NOR": ("Q20", "Oslo", "norvégien", "", "", ""),
    "OMN": ("Q842", "Mascate", "omanais", "Sultanat d'Oman", "", ""),
    "PAK": ("Q843", "Islamabad", "pakistanais", "", "", ""),
    "PLW": ("Q695", "Ngerulmud", "palaosien", "Palau", "", ""),
    "PAN": ("Q804", "Panama", "panaméen", "", "", ""),
    "PNG": ("Q691", "Port Moresby", "papouan-néo-guinéen", "", "", ""),
    "PRY": ("Q733", "Asuncion;Asunción", "paraguayen", "", "", ""),
    "PER": ("Q419", "Lima", "péruvien", "", "", ""),
    "PHL": ("Q928", "Manille", "philippin", "", "palais de Malacañang;Malacañang", ""),
    "POL": ("Q36", "Varsovie", "polonais", "", "", ""),
    "PRT": ("Q45", "Lisbonne", "portugais", "", "", ""),
    "QAT": ("Q846", "Doha", "qatari;qatarien", "Qatar;Katar", "", ""),
    "ROU": ("Q218", "Bucarest", "roumain", "", "palais Cotroceni", ""),
    "RUS": ("Q159", "Moscou", "russe", "Fédération russe", "Kremlin", ""),
    "RWA": ("Q1037", "Kigali", "rwandais", "", "Village Urugwiro", ""),
    "KNA": ("Q763", "Basseterre", "kittitien", "Saint-Kitts-et-Nevis", "", ""),
    "LCA": ("Q760", "", "saint-lucien", "", "", ""),
    "VCT": ("Q757", "Kingstown", "saint-vincentais", "Saint-Vincent-et-les-Grenadines", "", ""),
    "WSM": ("Q683", "Apia", "samoan", "", "", ""),
    "SMR": ("Q238", "Saint-Marin", "saint-marinais", "", "", ""),
    "STP": ("Q1039", "São Tomé;Sao Tomé", "santoméen", "São Tomé-et-Príncipe", "", ""),
    "SAU": ("Q851", "Riyad;Riyadh", "saoudien", "Royaume d'Arabie saoudite", "", ""),
    "SEN": ("Q1041", "Dakar", "sénégalais", "", "", ""),
    "SRB": ("Q403", "Belgrade", "serbe", "", "", ""),
    "SYC": ("Q1042", "", "seychellois", "", "", ""),
    "SLE": ("Q1044", "Freetown", "sierra-léonais;sierraléonais", "", "", ""),
    "SGP": ("Q334", "Singapour", "singapourien", "", "", ""),
    "SVK": ("Q214", "Bratislava", "slovaque", "", "", ""),
    "SVN": ("Q215", "Ljubljana", "slovène", "", "", ""),
    "SLB": ("Q685", "Honiara", "salomonais", "", "", ""),
    "SOM": ("Q1045", "Mogadiscio;Mogadishu", "somalien", "", "Villa Somalia", ""),
    "ZAF": ("Q258", "Pretoria;Le Cap;Bloemfontein", "sud-africain", "", "Union Buildings", ""),
    "SSD": ("Q958", "Djouba;Juba", "sud-soudanais", "Sud-Soudan", "", ""),
    "ESP": ("Q29", "Madrid", "espagnol", "Royaume d'Espagne", "Moncloa;palais de la Moncloa", ""),
    "LKA": ("Q854", "Colombo;Sri Jayawardenapura Kotte", "sri-lankais;srilankais", "", "", ""),
    "SDN": ("Q1049", "Khartoum;Port-Soudan", "soudanais", "", "", ""),
    "SUR": ("Q730", "Paramaribo", "surinamais", "Surinam", "", ""),
    "SWE": ("Q34", "Stockholm", "suédois", "", "", ""),
    "CHE": ("Q39", "Berne", "suisse;helvétique", "Confédération suisse;Confédération helvétique", "", ""),
    "SYR": ("Q858", "Damas", "syrien", "", "", ""),
    "TJK": ("Q863", "Douchanbé;Dushanbe", "tadjik|tadjike", "", "", ""),
    "TZA": ("Q924", "Dodoma;Dar es Salaam", "tanzanien", "", "", ""),
    "THA": ("Q869", "Bangkok", "thaïlandais", "", "", ""),
    "TLS": ("Q574", "Dili", "timorais;est-timorais", "Timor-Leste", "", ""),
    "TGO": ("Q945", "Lomé", "togolais", "République togolaise", "palais de Lomé II;Lomé II", ""),
    "TON": ("Q678", "Nuku'alofa", "tongien", "", "", ""),
    "TTO": ("Q754", "Port-d'Espagne", "trinidadien", "", "", ""),
    "TUN": ("Q948", "Tunis", "tunisien", "République tunisienne", "Carthage;palais de Carthage;La Kasbah", ""),
    "TUR": ("Q43", "Ankara", "turc|turque", "Türkiye;Turkiye", "Beştepe;palais de Beştepe", ""),
    "TKM": ("Q874", "Achgabat;Ashgabat", "turkmène", "", "", ""),
    "TUV": ("Q672", "Funafuti", "tuvaluan", "", "", ""),
    "UGA": ("Q1036", "Kampala", "ougandais", "", "State House d'Entebbe", ""),
    "UKR": ("Q212", "Kiev;Kyiv", "ukrainien", "", "Bankova", ""),
    "ARE": ("Q878", "Abou Dhabi;Abu Dhabi", "émirati", "Émirats", "", ""),
    "GBR": ("Q145", "Londres", "britannique", "Grande-Bretagne;Angleterre", "Downing Street;10 Downing Street;Foreign Office;Whitehall", ""),
    "USA": ("Q30", "Washington", "américain;étasunien", "Amérique", "Maison-Blanche;Pentagone;Département d'État;Foggy Bottom;bureau Ovale", "Amérique"),
    "URY": ("Q77", "Montevideo", "uruguayen", "", "", ""),
    "UZB": ("Q265", "Tachkent;Tashkent", "ouzbek|ouzbèke;ouzbèke|ouzbèke", "", "", ""),
    "VUT": ("Q686", "Port-Vila", "vanuatais;vanuatuan", "", "", ""),
    "VEN": ("Q717", "Caracas", "vénézuélien", "Vénézuéla;République bolivarienne du Venezuela", "Miraflores;palais de Miraflores", ""),
    "VNM": ("Q881", "Hanoï;Hanoi", "vietnamien", "Vietnam;Viet Nam", "", ""),
    "YEM": ("Q805", "Sanaa;Aden", "yéménite", "", "", ""),
    "ZMB": ("Q953", "Lusaka", "zambien", "", "", ""),
    "ZWE": ("Q954", "Harare", "zimbabwéen", "", "", ""),
    # Non-member or observer states.
    "VAT": ("Q237", "Cité du Vatican", "", "Saint-Siège;Vatican;Cité du Vatican", "", ""),
    "PSE": ("Q219060", "Ramallah;Jérusalem-Est", "palestinien", "Palestine;État de Palestine", "", ""),
    "XKX": ("Q1246", "Pristina;Priština;Prishtina", "kosovar|kosovare;kosovien", "République du Kosovo", "", ""),
    "TWN": ("Q865", "Taipei;Taïpei", "taïwanais;taiwanais", "Taiwan;République de Chine;Formose", "", ""),
}
# fmt: on

# Acronyms of state names, matched case-sensitively.
#: Capitals that also name other places ("Vienne", a French département and town): they
#: stand for their state only in an article that names the state otherwise.
AMBIGUOUS_CAPITALS = {"AUT": "Vienne", "LBY": "Tripoli"}
#: Names of a state that also name a region of another state (Géorgie, a state of the
#: United States): the state only in an article that does not name that other state, or
#: names this one otherwise too.
REGION_HOMONYMS = {"GEO": {"Géorgie": "USA", "Georgie": "USA"}}

ACRONYMS = {
    "COD": "RDC",
    "CAF": "RCA",
    "USA": "USA;US",
    "GBR": "UK",
    "ARE": "EAU",
    "CHN": "RPC",
    "PRK": "RPDC",
    "DEU": "RFA",
}

# States not in pycountry, or whose CLDR short name needs fixing.
ISO2 = {"XKX": "XK"}
SHORT_FIX = {
    "COD": "RD Congo",
    "COG": "Congo",
    "MMR": "Birmanie",
    "VAT": "Vatican",
    "PSE": "Palestine",
    "CAF": "Centrafrique",
}
# Official/long names that are not wanted (misleading or a comma form).
SKIP_OFFICIAL = {"PSE", "TWN", "KOR", "PRK"}
EXTRA_LONG = {
    "KOR": "République de Corée",
}


def split(field: str) -> list[str]:
    """Split a ';'-separated field, dropping empty parts."""
    return [p.strip() for p in field.split(";") if p.strip()]


def demonym_forms(spec: str) -> list[str]:
    """Return the four forms (m. sg., f. sg., m. pl., f. pl.) of a demonym spec."""
    spec = spec.lstrip("?")
    if spec.startswith("="):
        return [spec[1:]]
    if "|" in spec:
        masc, fem = spec.split("|")
    else:
        masc = spec
        if masc.endswith("e"):
            fem = masc
        elif masc.endswith("en"):
            fem = masc + "ne"
        else:
            fem = masc + "e"
    masc_pl = masc if masc[-1] in "sxz" else masc + "s"
    fem_pl = fem + "s"
    out: list[str] = []
    for form in (masc, fem, masc_pl, fem_pl):
        if form not in out:
            out.append(form)
    return out


def clean(name: str) -> str:
    """Normalise typographic apostrophes in a name."""
    return name.replace("\u2019", "'").replace("\u2018", "'")


def build() -> list[dict]:
    """Build the list of state records."""
    cldr = Locale("fr").territories
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    records = []
    for iso3, (qid, caps, dems, extra, seats, risky) in S.items():
        country = pycountry.countries.get(alpha_3=iso3)
        iso2 = country.alpha_2 if country else ISO2[iso3]
        names: list[str] = []

        def add(name: str, names: list[str] = names) -> None:
            name = clean(name).strip()
            if name.startswith("L'"):
                name = name[2:]
            if "(" in name:
                return
            if name and name not in names:
                names.append(name)

        short = clean(cldr[iso2])
        if iso3 in SHORT_FIX:
            add(SHORT_FIX[iso3])
        if "(" in short:
            add(short.split("(")[0].strip())
            add(short.split("(")[1].rstrip(")").strip())
        else:
            add(short)
        if country is not None and iso3 not in SKIP_OFFICIAL:
            add(fr.gettext(country.name)) if "," not in fr.gettext(country.name) else None
            official = getattr(country, "official_name", None)
            if official:
                tr = fr.gettext(official)
                if "," not in tr:
                    add(tr)
        if iso3 in EXTRA_LONG:
            add(EXTRA_LONG[iso3])
        for n in split(extra):
            add(n)
        demonyms: list[str] = []
        ambiguous: list[str] = []
        for d in split(dems):
            target = ambiguous if d.startswith("?") else demonyms
            for form in demonym_forms(d):
                if form not in target:
                    target.append(form)
        records.append(
            {
                "id": f"state:{iso3}",
                "type": "state",
                "label": names[0],
                "iso2": iso2,
                "iso3": iso3,
                "wikidata": qid,
                "names": names,
                "acronyms": split(ACRONYMS.get(iso3, "")),
                "capitals": split(caps),
                "demonyms": demonyms,
                "ambiguous_demonyms": ambiguous,
                "seats": split(seats),
                "risky_names": split(risky),
            }
        )
        if iso3 in AMBIGUOUS_CAPITALS:
            records[-1]["ambiguous_capitals"] = split(AMBIGUOUS_CAPITALS[iso3])
        if iso3 in REGION_HOMONYMS:
            records[-1]["region_homonyms"] = REGION_HOMONYMS[iso3]
    records.sort(key=lambda r: r["id"])
    return records


def main() -> None:
    """Write the data file."""
    records = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} states to {OUT}")


if __name__ == "__main__":
    main()
