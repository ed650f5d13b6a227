# ruff: noqa: E501  (long data lines)
"""Add French and world places to ``pipelines/data/places.jsonl``.

French départements and régions come from pycountry (ISO 3166-2:FR, French names); the rest
(former régions, historic provinces, cities, foreign subdivisions under their French names,
rivers, mountains, seas and islands) is general knowledge written below.

Each line of a table is ``"Label;variant;…"``.  A name written ``!Name`` is also kept in
``risky_names``: a common first name or surname ("Florence", "Nancy"), read as a place only
when no capitalised word follows it (see ``pipelines.nlp.extract._first_name_use``).

The hand-written records already in the file are kept; a generated place whose id exists
already has its names merged in.  A name that another entry of any data file claims (a state,
its capital…) is left out and reported.  Run: ``python3 scripts/make_places.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.nlp.gazetteer import normalize  # noqa: E402
from pipelines.text import slug  # noqa: E402

DATA = ROOT / "pipelines" / "data"
OUT = DATA / "places.jsonl"
OTHER_FILES = ("states.jsonl", "groups.jsonl", "officials.jsonl", "media.jsonl")

# pycountry spellings corrected to usual French typography.
FR_FIXES = {
    "Grand-Est": "Grand Est",
    "Pays-de-la-Loire": "Pays de la Loire",
    "Provence-Alpes-Côte-d’Azur": "Provence-Alpes-Côte d'Azur",
    "Guyane (française)": "Guyane",
    "La Réunion": "Réunion",
}
# Names from pycountry kept as risky (a first name) or left out (a word of everyday use).
FR_RISKY = {"Aude"}
FR_TYPES = {
    "Metropolitan department": "departement",
    "Overseas departmental collectivity": "departement",
    "Overseas unique territorial collectivity": "departement",
    "Metropolitan region": "region",
    "European collectivity": "region",
    "Overseas collectivity": "territory",
    "Overseas collectivity with special status": "territory",
    "Overseas territory": "territory",
    "Dependency": "territory",
}
# extra variants of pycountry names
FR_VARIANTS = {
    "Nord": ["département du Nord"],
    "Rhône": ["département du Rhône"],
    "Réunion": ["La Réunion", "île de la Réunion"],
    "Corse": ["île de Beauté"],
    "Territoire de Belfort": ["Belfort"],
    "Bouches-du-Rhône": [],
    "Alsace": ["Collectivité européenne d'Alsace"],
    "Terres australes françaises": ["Terres australes et antarctiques françaises", "TAAF"],
}

# fmt: off
FRENCH_REGIONS_OLD = """
Alsace
Aquitaine
Auvergne
Basse-Normandie
Haute-Normandie
Bourgogne
Franche-Comté
Champagne-Ardenne
Centre-Val de Loire
Limousin
!Lorraine
Languedoc-Roussillon;Languedoc
Midi-Pyrénées
Nord-Pas-de-Calais
Picardie
Poitou-Charentes;Poitou
Provence
Rhône-Alpes
Pays basque;Pays Basque;Euskadi
Béarn
Périgord
Camargue
Côte d'Azur;Riviera française
Cévennes
!Morvan
Quercy
Gascogne
Anjou
!Touraine
!Berry
Sologne
Cotentin
Artois
Flandre;Flandres
Hainaut
Dauphiné
Champagne
Beauce
Lubéron;Luberon
Vexin
Beaujolais
Bordelais
Bresse
Chablais
Pays de Caux
Cornouaille
Lauragais
Médoc
!Roussillon
Savoie;Pays de Savoie
Île de Ré
Île d'Oléron;Oléron
Belle-Île-en-Mer;Belle-Île
Île d'Yeu
Ouessant
Mont-Saint-Michel
Côte basque
Côte d'Opale
Côte d'Émeraude
Massif central;Massif Central
Mercantour
Vercors
Chartreuse
Queyras
Plateau de Saclay;Saclay
Métropole du Grand Paris;Grand Paris
Région parisienne;région parisienne
""".strip().splitlines()

FRENCH_CITIES = """
Ajaccio
Bastia
Créteil
Bobigny
Nanterre
Versailles
Évry;Évry-Courcouronnes;Evry
Cergy;Cergy-Pontoise
Melun
Pontoise
Fort-de-France
Basse-Terre
Pointe-à-Pitre
Cayenne
Saint-Denis
Mamoudzou
Nouméa
Papeete
Saint-Pierre
Bourg-en-Bresse
Laon
Moulins
Digne-les-Bains
Gap
Nice
Privas
Charleville-Mézières
Foix
Troyes
Carcassonne
Rodez
Caen
Aurillac
Angoulême
La Rochelle
Bourges
Tulle
Dijon
Saint-Brieuc
Guéret
Périgueux
Besançon
Valence
Évreux
Chartres
Quimper
Nîmes
Toulouse
Auch
Montpellier
Rennes
Châteauroux
Tours
Grenoble
Lons-le-Saunier
Mont-de-Marsan
Blois
Saint-Étienne;Saint-Etienne
Le Puy-en-Velay;Puy-en-Velay
Orléans
Cahors
Agen
Mende
Angers
Saint-Lô
Châlons-en-Champagne
!Chaumont
!Laval
Bar-le-Duc
Vannes
Metz
Nevers
Beauvais
Alençon
Arras
Clermont-Ferrand
!Pau
Tarbes
Perpignan
Colmar
Mulhouse
Mâcon
Le Mans
Chambéry
Annecy
Rouen
Le Havre
Amiens
Albi
Montauban
Toulon
Avignon
La Roche-sur-Yon
Poitiers
Limoges
Épinal
Auxerre
Belfort
!Nancy
Niort
Vesoul
Châlons
Reims
Brest
Lorient
Saint-Malo
Saint-Nazaire
Cholet
Saint-Herblain
Rezé
Dunkerque
Calais
Boulogne-sur-Mer
Roubaix
Tourcoing
Villeneuve-d'Ascq
Wattrelos
Douai
Lens
Valenciennes
Cambrai
Maubeuge
Saint-Quentin
Compiègne
Creil
Soissons
Cherbourg;Cherbourg-en-Cotentin
Deauville
Lisieux
Dieppe
Fécamp
Étretat
Thionville
Forbach
Sarreguemines
Verdun
Lunéville
Haguenau
Sélestat
Épernay
Charleroi
Dole
Pontarlier
Montbéliard
Chalon-sur-Saône
Le Creusot
Villeurbanne
Vénissieux
Vaulx-en-Velin
Saint-Priest
Bron
Caluire-et-Cuire
Roanne
Vienne-en-Isère
Montélimar
Romans-sur-Isère
Annemasse
Thonon-les-Bains
Évian;Évian-les-Bains
Chamonix;Chamonix-Mont-Blanc
Albertville
Vichy
Montluçon
Aix-en-Provence
Arles
Martigues
Aubagne
Istres
Salon-de-Provence
Marignane
Vitrolles
La Ciotat
Cassis
Fréjus
Saint-Raphaël
Saint-Tropez
Hyères
La Seyne-sur-Mer
Draguignan
Cannes
Antibes
Grasse
Menton
Cagnes-sur-Mer
Carpentras
Cavaillon
Béziers
Sète
Narbonne
Lunel
Alès
Castres
Millau
Figeac
!Lourdes
Bayonne
Biarritz
Anglet
Hendaye
Saint-Jean-de-Luz
Dax
Arcachon
Mérignac
Pessac
Talence
Bergerac
Libourne
Brive-la-Gaillarde;Brive
Cognac
Royan
!Rochefort
Châtellerault
Saumur
Saint-Nazaire
Vierzon
Chinon
Amboise
Boulogne-Billancourt
Argenteuil
Montreuil
Aubervilliers
Vitry-sur-Seine
Aulnay-sous-Bois
Colombes
Asnières-sur-Seine
Courbevoie
Rueil-Malmaison
Champigny-sur-Marne
Saint-Maur-des-Fossés
Drancy
Issy-les-Moulineaux
Noisy-le-Grand
Levallois-Perret
Neuilly-sur-Seine
Ivry-sur-Seine
Clichy
Clichy-sous-Bois
Sarcelles
Le Blanc-Mesnil
Villejuif
Le Kremlin-Bicêtre
Épinay-sur-Seine
Meaux
Chelles
Bondy
Fontenay-sous-Bois
Sartrouville
Maisons-Alfort
Clamart
Pantin
Bagnolet
Saint-Ouen;Saint-Ouen-sur-Seine
Gennevilliers
Saint-Germain-en-Laye
Corbeil-Essonnes
Massy
Vincennes
Rosny-sous-Bois
Livry-Gargan
Meudon
Puteaux
Suresnes
Montrouge
Sevran
Stains
Grigny
Trappes
Mantes-la-Jolie
Les Mureaux
Poissy
Conflans-Sainte-Honorine
Garges-lès-Gonesse
Bobigny
La Courneuve
Villepinte
Tremblay-en-France
Roissy;Roissy-en-France
Orly
Rungis
Nogent-sur-Marne
Créteil
Fontainebleau
Rambouillet
Marne-la-Vallée
La Défense
Le Tampon
Saint-Laurent-du-Maroni
Kourou
Les Abymes
Le Lamentin
Schœlcher;Schoelcher
Bora-Bora
""".strip().splitlines()

FRENCH_OVERSEAS = """
Tahiti
Moorea
Îles Marquises;Marquises
Îles Kerguelen;Kerguelen
Îles Loyauté
Marie-Galante
Les Saintes
Île des Pins
""".strip().splitlines()

# Regions, states, provinces and cantons of other countries, in French.
FOREIGN_SUBDIVISIONS = """
Alabama
Alaska
Arizona
Arkansas
Caroline du Nord
Caroline du Sud
Colorado
Connecticut
Dakota du Nord
Dakota du Sud
Delaware
Hawaï;Hawaii
Idaho
Illinois
!Indiana
Iowa
Kansas
Kentucky
Louisiane
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
!Montana
Nebraska
Nevada
New Hampshire
New Jersey
État de New York
Ohio
Oklahoma
Oregon
Pennsylvanie
Rhode Island
Tennessee
Utah
Vermont
!Virginie
Virginie-Occidentale
État de Washington
Wisconsin
Wyoming
Porto Rico;Puerto Rico
Guam
Bavière
Bade-Wurtemberg
Basse-Saxe
Brandebourg
Brême
!Hesse
Mecklembourg-Poméranie-Occidentale;Mecklembourg
Rhénanie-du-Nord-Westphalie;Rhénanie du Nord-Westphalie
Rhénanie-Palatinat
Sarre
Saxe
Saxe-Anhalt
Schleswig-Holstein
Thuringe
Andalousie
!Aragon
Asturies
Baléares;îles Baléares;Îles Baléares
Canaries;îles Canaries;Îles Canaries
Cantabrie
Castille-et-León
Castille-La Manche
Catalogne
Estrémadure
Galice
Rioja;La Rioja
Murcie
Navarre
Communauté valencienne
Ceuta
Melilla
Lombardie
Piémont
Vénétie
Toscane
Émilie-Romagne
Latium
Campanie
Sicile
Sardaigne
Calabre
Pouilles
Ligurie
Ombrie
Abruzzes
Molise
Basilicate
Frioul-Vénétie Julienne;Frioul
Trentin-Haut-Adige;Haut-Adige;Tyrol du Sud
Vallée d'Aoste
Wallonie;Région wallonne
Région flamande
Région de Bruxelles-Capitale;Bruxelles-Capitale
Brabant wallon
Brabant flamand
Limbourg
Vaud;canton de Vaud
Valais
Tessin
Argovie
Thurgovie
Saint-Gall
Soleure
Schwytz
!Uri
Zoug
Glaris
Appenzell
Obwald
Nidwald
Schaffhouse
Grisons
Neuchâtel
Fribourg
Québec
Ontario
Colombie-Britannique
Alberta
Manitoba
Saskatchewan
Nouvelle-Écosse
Nouveau-Brunswick
Terre-Neuve-et-Labrador;Terre-Neuve
Île-du-Prince-Édouard
Yukon
Nunavut
Territoires du Nord-Ouest
Écosse
Pays de Galles
Cornouailles
Tyrol
Carinthie
Styrie
Flandre-Occidentale
Transylvanie
Silésie
Bohême
Moravie
Laponie
Sibérie
Tatarstan
Daghestan
Bachkortostan
Iakoutie
Kaliningrad
Oblast de Moscou
Anatolie
Cappadoce
Pendjab
Baloutchistan
Khyber Pakhtunkhwa
Cachemire
Assam
Bengale
Kerala
Gujarat
Bihar
Uttar Pradesh
Tamil Nadu
Maharashtra
Manipur
Mongolie-Intérieure
Guangdong
Hubei
Sichuan
Yunnan
Mandchourie
Fujian
Hokkaido
Okinawa
Queensland
Nouvelle-Galles du Sud
Tasmanie
Patagonie
Amazonie
Chiapas
Sinaloa
Michoacán
Basse-Californie
Rio Grande do Sul
Minas Gerais
Galilée
Néguev
Judée
Samarie
Hedjaz
Hadramaout
Khouzestan
Azerbaïdjan iranien
Rojava
Anbar
Ninive
Hasakah
Lattaquié
Deraa
Ghouta
Soueïda
Bekaa;Békaa
Chouf
Kabylie
Rif
Souss
Aurès
Hoggar
Ogaden
Natal;KwaZulu-Natal
Gauteng
Transvaal
Cabinda
Bas-Congo;Kongo-Central
Kasaï
Tanganyika
Zanzibar
""".strip().splitlines()

WORLD_CITIES = """
Boston
Philadelphie
Baltimore
Pittsburgh
Detroit
Cleveland
Minneapolis
Milwaukee
Indianapolis
Atlanta
La Nouvelle-Orléans;Nouvelle-Orléans
Memphis
Nashville
Dallas
!Houston
!Austin
San Antonio
El Paso
Denver
!Phoenix
Las Vegas
Salt Lake City
San Diego
Seattle
Portland
Anchorage
Honolulu
Charlottesville
Guantanamo;Guantánamo
Silicon Valley
Hollywood
Manhattan
Brooklyn
Harlem
Le Bronx;Bronx
Montréal;Montreal
Toronto
Vancouver
Calgary
Edmonton
Winnipeg
Halifax
Rio de Janeiro;Rio
São Paulo;Sao Paulo
Belo Horizonte
Porto Alegre
Recife
Manaus
Medellín;Medellin
!Cali
Guayaquil
Valparaiso;Valparaíso
Guadalajara
Monterrey
Tijuana
Ciudad Juárez;Ciudad Juarez
Cancún;Cancun
Acapulco
Córdoba;Cordoba
Rosario
Liverpool
Birmingham
Leeds
Glasgow
Bristol
Cardiff
Belfast
Oxford
Cambridge
Douvres
Southampton
Portsmouth
Brighton
Salisbury
Cork
!Milan
Turin
Venise
Gênes
Bologne
Palerme
Vérone
Pise
!Florence
Bari
Catane
Trieste
Lampedusa
Séville
Bilbao
Saragosse
Malaga
Cordoue
Tolède
Saint-Jacques-de-Compostelle
!Palma;Palma de Majorque
Majorque
Minorque
Ibiza
Tenerife
Grande Canarie
Saint-Sébastien
Pampelune
Porto
!Faro
Madère
Açores
Cologne
Mayence
Trèves
Aix-la-Chapelle
Sarrebruck
Stuttgart
Dresde
Leipzig
Nuremberg
Hanovre
Düsseldorf
Dortmund
Essen
Bonn
Kehl
Karlsruhe
Fribourg-en-Brisgau
Heidelberg
Ramstein
Salzbourg
Innsbruck
Zurich
Bâle
Lausanne
Lucerne
Lugano
Montreux
Liège
Namur
Mons
Gand
Bruges
Louvain
Ostende
Molenbeek
Utrecht
Eindhoven
Maastricht
Thessalonique
Lesbos
Crète
Corfou
!Rhodes
Lampedusa
Gdansk;Gdańsk
Wroclaw;Wrocław
Poznan;Poznań
Lodz;Łódź
Cluj;Cluj-Napoca
Timisoara;Timișoara
Constanța;Constanta
Brno
Göteborg
Malmö
Bergen
Aarhus
Srebrenica
Mostar
Dubrovnik
Split
Novi Sad
Mitrovica
Novossibirsk
Ekaterinbourg
Kazan
Mourmansk
Grozny
Volgograd
Stalingrad
Rostov-sur-le-Don;Rostov
Irkoutsk
Sébastopol
Tchernobyl
Boutcha
Irpin
Kramatorsk
Avdiïvka
Soumy
Tchernihiv
Poltava
Mykolaïv
Melitopol
Izioum
Bakou
Izmir
Antalya
Bodrum
Gaziantep
Diyarbakir;Diyarbakır
Ispahan
Chiraz
Machhad
Tabriz
Qom
Natanz
Kirkouk
Fallouja
Tikrit
Ramadi
Nadjaf;Najaf
Kerbala
Samarra
Jaffa
Bethléem
Naplouse
Hébron
Ramallah
Jéricho
Nazareth
Ashkelon
Sdérot
Eilat
Damas
Palmyre
Lattakia
Kobané
Afrin
Manbij
Tartous
Aden
Sanaa
Mascate
Abou Dhabi;Abu Dhabi
Charjah
Louxor
Assouan
Port-Saïd
Suez
Ismaïlia
Fès;Fez
Agadir
Meknès
Oujda
Laâyoune
Dakhla
Djerba
Kairouan
Bizerte
Sidi Bouzid
Ben Guerdane
Annaba
!Constantine
Sétif
Béjaïa
Tizi Ouzou
Ghardaïa
In Amenas
Ouargla
Misrata
Zintan
Derna
Koufra
Port-Soudan
Kassala
Gondar
Mekele
Hargeisa
Garissa
Kigali
Gisenyi
Lubero
Beni
Uvira
Kananga
Mbuji-Mayi
Kolwezi
Matadi
Johannesburg
Durban
Soweto
Port Elizabeth
Bulawayo
Beira
Pemba
Mocímboa da Praia
Tamatave;Toamasina
Ibadan
Abuja
Kaduna
Enugu
Benin City
Kumasi
Yamoussoukro
Daloa
San Pedro
Abobo
Cotonou
Lomé
Sokodé
Kindia
Labé
Boké
Nouakchott
Kaolack
Saint-Louis du Sénégal
Rufisque
Mbour
Banjul
Bissau
Freetown
Monrovia
Garoua
Maroua
Bamenda
Buea
Bertoua
Libreville
Port-Gentil
Franceville
Malabo
Moundou
Sarh
Faya-Largeau
Birao
Bossangoa
Bouar
Berbérati
Obock
Tadjourah
Mutsamudu
Mombasa
Kisumu
Arusha
Dodoma
Dar es Salaam
Gulu
Juba
Malakal
Bentiu
Kandahar
Hérat
Mazar-e-Charif;Mazar-i-Sharif
Jalalabad
Kunduz
Helmand
Panchir;Panjshir
Peshawar
Quetta
Rawalpindi
Bangalore;Bengaluru
Calcutta
Chennai;Madras
Hyderabad
Ahmedabad
Srinagar
Goa
Bénarès;Varanasi
Agra
Chittagong
Rangoun;Yangon
Mandalay
Phuket
Chiang Mai
Pattaya
Hô Chi Minh-Ville;Saïgon;Ho Chi Minh-Ville
Haïphong
Da Nang
Siem Reap
Bali
Java
Sumatra
Bornéo
Sulawesi
Mindanao
Cebu
Busan
Incheon
Osaka
Kyoto
Hiroshima
Nagasaki
Fukushima
Yokohama
Kobe
Sapporo
Shenzhen
Canton;Guangzhou
Wuhan
Chongqing
Tianjin
Hangzhou
Nankin;Nanjing
Chengdu
Xi'an
Harbin
Lhassa
Urumqi;Ürümqi
Kaohsiung
Vladivostok
Oulan-Bator
Almaty
Samarcande
Boukhara
Tachkent
Douchanbé
Melbourne
!Sydney
Brisbane
Perth
!Adélaïde
Auckland
Christchurch
""".strip().splitlines()

GEOGRAPHY = """
Seine
Garonne
Rhin
Danube
Saône
Escaut
Tamise
Volga
Dniepr
Amazone
Mékong
Gange
Indus
Euphrate
Yangzi;Yangtsé;Yangzi Jiang
Fleuve Jaune
!Jourdain
Oronte
Zambèze
Limpopo
Orénoque
Rio Grande
Alpes
Pyrénées
Vosges
Mont Blanc;mont Blanc
Himalaya
Everest;mont Everest
Andes;cordillère des Andes
Rocheuses;montagnes Rocheuses
Oural
Atlas
Kilimandjaro
Carpates
Apennins
Dolomites
Balkans
Hindou Kouch
Tian Shan
Pamir
Hauts-Plateaux
mer du Nord
mer Baltique;Baltique
mer Égée
mer Caspienne;Caspienne
mer d'Azov
mer Adriatique;Adriatique
mer Tyrrhénienne
mer Ionienne
mer Morte
mer de Chine orientale
mer du Japon
mer de Barents
mer Arabique;mer d'Arabie
océan Arctique
océan Austral
Atlantique
Pacifique
golfe Persique;golfe arabo-persique
golfe d'Oman
golfe du Mexique
golfe de Gascogne
détroit d'Ormuz;Ormuz
Bosphore
Dardanelles
canal de Suez
canal de Panama
détroit de Gibraltar
Gibraltar
détroit de Taïwan;détroit de Formose
détroit de Kertch
détroit de Bab-el-Mandeb;Bab-el-Mandeb
détroit de Malacca
mer de Chine;mer de Chine du Sud
Pas-de-Calais
Malouines;îles Malouines;Falklands
Spitzberg;Svalbard
îles Kouriles;Kouriles
îles Spratleys;Spratleys
îles Paracels;Paracels
île de Pâques
Sibérie orientale
Arctique russe
Sinaï
Golfe de Guinée
Sahara
Gobi;désert de Gobi
Kalahari
""".strip().splitlines()
# fmt: on

# Names of the tables above that are nothing but the river of a département of the same name
# (Loire, Rhône, Marne, …) are merged into the département entry by their shared name.


def _parse(line: str) -> tuple[str, list[str], list[str]]:
    """``"!Florence;Firenze"`` -> (label, names, risky names)."""
    names, risky = [], []
    for raw in line.split(";"):
        raw = raw.strip()
        if not raw:
            continue
        name = raw.lstrip("!")
        if raw.startswith("!"):
            risky.append(name)
        names.append(name)
    return names[0], names, risky


def _french_subdivisions() -> list[dict]:
    out = []
    for sub in pycountry.subdivisions.get(country_code="FR"):
        kind = FR_TYPES.get(sub.type)
        if kind is None:
            continue
        name = FR_FIXES.get(sub.name, sub.name)
        names = [name, *FR_VARIANTS.get(name, [])]
        out.append({"label": name, "names": names, "kind": kind,
                    "risky": [n for n in names if n in FR_RISKY], "iso": sub.code})
    return sorted(out, key=lambda r: r["iso"])


def _table(lines: list[str], kind: str) -> list[dict]:
    out = []
    for line in lines:
        if not line.strip():
            continue
        label, names, risky = _parse(line)
        out.append({"label": label, "names": names, "kind": kind, "risky": risky})
    return out


def _owners() -> dict[str, str]:
    """Normalized term -> entry id, over every data file but places."""
    owners: dict[str, str] = {}
    for filename in OTHER_FILES:
        for line in (DATA / filename).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            for key in ("names", "capitals", "demonyms", "seats", "acronyms"):
                for text in rec.get(key, []):
                    owners.setdefault(normalize(text), rec["id"])
            owners.setdefault(normalize(rec["label"]), rec["id"])
    return owners


def main() -> None:
    """Merge the generated places into the data file."""
    records = [json.loads(x) for x in OUT.read_text(encoding="utf-8").splitlines() if x.strip()]
    by_id = {r["id"]: r for r in records}
    owners = _owners()
    for rec in records:  # the hand-written places own their names
        for text in [rec["label"], *rec.get("names", [])]:
            owners.setdefault(normalize(text), rec["id"])
    generated = (_french_subdivisions() + _table(FRENCH_REGIONS_OLD, "region")
                 + _table(FRENCH_CITIES, "city") + _table(FRENCH_OVERSEAS, "territory")
                 + _table(FOREIGN_SUBDIVISIONS, "subdivision") + _table(WORLD_CITIES, "city")
                 + _table(GEOGRAPHY, "geo"))
    skipped: list[tuple[str, str]] = []
    for gen in generated:
        # a place already known under one of its names (Corse, Bretagne…) takes the new names
        pid = next((owners[normalize(n)] for n in gen["names"]
                    if owners.get(normalize(n), "").startswith("place:")), f"place:{slug(gen['label'])}")
        rec = by_id.get(pid)
        if rec is None:
            rec = {"id": pid, "type": "place", "label": gen["label"], "names": [], "kind": gen["kind"]}
            by_id[pid] = rec
            records.append(rec)
        for name in gen["names"]:
            owner = owners.get(normalize(name))
            if owner not in (None, pid):
                skipped.append((name, owner))
                continue
            owners[normalize(name)] = pid
            if name not in rec["names"]:
                rec["names"].append(name)
        risky = sorted(set(rec.get("risky_names", [])) | set(gen["risky"]))
        if risky:
            rec["risky_names"] = risky
    records = [r for r in records if r["names"]]
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for name, owner in skipped:
        print(f"left out {name!r}: already {owner}", file=sys.stderr)
    print(f"{len(records)} places written", file=sys.stderr)


if __name__ == "__main__":
    main()
