"""Slot fillers for generate_international.py: identifiers of US, Irish, Canadian, Australian,
New Zealand and EU sites, every checksum computed here (no real person's data is looked up).

Every function takes a random.Random and returns a str (or a Person for names); Faker is
seeded from that Random on each call, so the output depends only on --seed.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

from faker import Faker

NAME_LOCALES = (
    "en_US",
    "en_IE",
    "en_AU",
    "en_CA",
    "en_NZ",
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "nl_NL",
    "pl_PL",
    "pt_PT",
    "sv_SE",
    "da_DK",
    "fi_FI",
    "cs_CZ",
    "hu_HU",
    "ro_RO",
    "tr_TR",
    "pt_BR",
    "es_MX",
    "en_IN",
    "vi_VN",
    "fil_PH",
    "ga_IE",
)
ADDRESS_LOCALES = (
    "en_US",
    "en_IE",
    "en_AU",
    "en_CA",
    "en_NZ",
    "de_DE",
    "nl_NL",
    "pl_PL",
    "pt_PT",
    "es_ES",
    "it_IT",
)
_FAKERS: dict[str, Faker] = {}


def faker(locale: str, rng: random.Random) -> Faker:
    """A Faker for the locale, reseeded from rng so output depends only on the seed."""
    if locale not in _FAKERS:
        try:
            _FAKERS[locale] = Faker(locale)
        except AttributeError:
            _FAKERS[locale] = Faker("en_US")
    fk = _FAKERS[locale]
    fk.seed_instance(rng.getrandbits(32))
    return fk


# Names that Faker's lists rarely give but that sites in Ireland, Australia/NZ and North
# America see often (Irish-language, Māori, Pasifika, First Nations, diaspora names).
EXTRA_FIRST = (
    "Oisín",
    "Saoirse",
    "Caoimhe",
    "Niamh",
    "Tadhg",
    "Aoife",
    "Ruairí",
    "Síofra",
    "Pádraig",
    "Aroha",
    "Tamati",
    "Wiremu",
    "Mere",
    "Hemi",
    "Ngaire",
    "Sione",
    "Losa",
    "Talia",
    "Mele",
    "Jarrah",
    "Kirra",
    "Koa",
    "Keanu",
    "Nizhoni",
    "Wren",
    "Thi Lan",
    "Minh",
    "Nguyen Van",
    "Mohammed",
    "Fatima",
    "Obinna",
    "Chiamaka",
    "Kwame",
    "Ayesha",
    "Jun",
    "Mei",
    "Hiroshi",
    "Svetlana",
    "Bogdan",
    "Małgorzata",
    "Zbigniew",
    "Jorge Luis",
    "María José",
    "Ana Sofia",
)
EXTRA_LAST = (
    "Ó Murchú",
    "Mac Giolla Phádraig",
    "Ní Bhriain",
    "O'Sullivan",
    "McNamara",
    "Te Rangi",
    "Ngata",
    "Tuilagi",
    "Fonoti",
    "Nakamura",
    "Van der Berg",
    "de la Cruz",
    "García-Márquez",
    "Nowak-Kowalska",
    "Al-Hassan",
    "Okonkwo",
    "Mensah",
    "Nguyen",
    "Tran",
    "Ferreira da Silva",
    "Smith-Jones",
    "MacDonald",
    "St. Pierre",
    "Lefebvre",
    "Whitehorse",
    "Redcloud",
)
TITLES = (
    "Dr.",
    "Dr",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Nurse",
    "Father",
    "Sister",
    "Prof.",
    "Officer",
    "Pastor",
    "Coach",
    "Judge",
)


@dataclass(frozen=True)
class Person:
    first: str
    last: str


def person(rng: random.Random) -> Person:
    """A first and last name, mostly from one Faker locale, sometimes mixed or extra."""
    fk = faker(rng.choice(NAME_LOCALES), rng)
    first = fk.first_name() if rng.random() > 0.2 else rng.choice(EXTRA_FIRST)
    last = fk.last_name() if rng.random() > 0.2 else rng.choice(EXTRA_LAST)
    return Person(first.strip(), last.strip())


def titled(rng: random.Random) -> str:
    p = person(rng)
    title = rng.choice(TITLES)
    return f"{title} {p.first} {p.last}" if rng.random() < 0.25 else f"{title} {p.last}"


# --- checksummed numbers ---------------------------------------------------------------------


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    digits = [c for c in number if c.isdigit()]
    return luhn_digit("".join(digits[:-1])) == digits[-1]


def credit_card(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        prefix, length = "4", 16
    elif kind < 0.8:
        prefix, length = str(rng.randint(51, 55)), 16
    elif kind < 0.9:
        prefix, length = rng.choice(["34", "37"]), 15
    else:
        prefix, length = "6011", 16
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    number = body + luhn_digit(body)
    if length == 15:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, 16, 4)]
    return rng.choice([" ", "-", "", " "]).join(groups)


def us_ssn(rng: random.Random) -> str:
    """Area 001-899 except 666, group 01-99, serial 0001-9999 (SSA rules since 2011)."""
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    sep = rng.choice(["-", "-", " ", ""])
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


def ie_pps(rng: random.Random) -> str:
    """Seven digits and a mod-23 check letter, sometimes with a second letter (W, A, H)."""
    digits = [rng.randint(0, 9) for _ in range(7)]
    second = rng.choice(["", "", "", "A", "W"])
    total = sum(d * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    if second:
        total += (ord(second) - 64) * 9
    check = "WABCDEFGHIJKLMNOPQRSTUV"[total % 23]
    text = "".join(map(str, digits)) + check + second
    return text if rng.random() < 0.75 else text[:7] + " " + text[7:]


def ca_sin(rng: random.Random) -> str:
    """Nine digits passing Luhn, first digit 1-7 or 9, written 3-3-3."""
    body = str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])) + "".join(
        str(rng.randint(0, 9)) for _ in range(7)
    )
    number = body + luhn_digit(body)
    sep = rng.choice([" ", "-", " ", ""])
    return sep.join([number[:3], number[3:6], number[6:]])


def au_tfn(rng: random.Random) -> str:
    """Nine digits whose weighted sum (1,4,3,7,5,8,6,9,10) is divisible by 11."""
    weights = (1, 4, 3, 7, 5, 8, 6, 9, 10)
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        if digits[0] and sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 == 0:
            break
    number = "".join(map(str, digits))
    return rng.choice([" ", ""]).join([number[:3], number[3:6], number[6:]])


def au_medicare(rng: random.Random) -> str:
    """Ten digits (first 2-6, check digit 9th, issue number 10th), written 4-5-1."""
    digits = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(d * w for d, w in zip(digits, (1, 3, 7, 9, 1, 3, 7, 9), strict=True)) % 10
    number = "".join(map(str, digits)) + str(check) + str(rng.randint(1, 9))
    return rng.choice([f"{number[:4]} {number[4:9]} {number[9]}", number])


IBAN_SPECS = {  # country: BBAN pattern (n = digit, a = upper letter, c = either)
    "IE": "aaaa" + "n" * 14,
    "DE": "n" * 18,
    "FR": "n" * 10 + "c" * 11 + "nn",
    "ES": "n" * 20,
    "IT": "a" + "n" * 10 + "c" * 12,
    "NL": "aaaa" + "n" * 10,
    "PL": "n" * 24,
    "PT": "n" * 21,
    "BE": "n" * 12,
    "AT": "n" * 16,
}


def iban_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(numeric) % 97:02d}"


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def iban(rng: random.Random) -> str:
    country = rng.choice(list(IBAN_SPECS))
    pools = {
        "n": string.digits,
        "a": string.ascii_uppercase,
        "c": string.digits + string.ascii_uppercase,
    }
    bban = "".join(rng.choice(pools[p]) for p in IBAN_SPECS[country])
    text = country + iban_check(country, bban) + bban
    if rng.random() < 0.7:
        text = " ".join(text[i : i + 4] for i in range(0, len(text), 4))
    return text


def ip_address(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.6:  # documentation ranges (RFC 5737)
        net = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
        return f"{net}.{rng.randint(1, 254)}"
    if kind < 0.8:
        return f"192.168.{rng.randint(0, 10)}.{rng.randint(1, 254)}"
    return f"2001:db8:{rng.randint(0, 0xFFFF):x}::{rng.randint(1, 0xFFF):x}"  # RFC 3849


# --- contact details --------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    import unicodedata

    out = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in out.lower() if c.isalnum())


EMAIL_DOMAINS = (
    "example.com",
    "example.org",
    "example.net",
    "mail.example.com",
    "health.example.org",
    "uni.example.net",
    "clinic.example",
)


def email(rng: random.Random) -> str:
    p = person(rng)
    first, last = ascii_fold(p.first) or "sam", ascii_fold(p.last) or "lee"
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{first}{rng.randint(1, 99)}",
            f"{first[0]}{last}",
            f"{last}_{first}",
            f"{first}-{last}{rng.randint(70, 99)}",
        ]
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


URL_PATHS = (
    "groups/peer-circle",
    "recovery/stories",
    "u/anon-walker",
    "events/drop-in",
    "share/8f3k2",
    "support?ref=clinic",
    "profile/wellness-journey",
    "fundraise/run4mind",
)


def url(rng: random.Random) -> str:
    dom = rng.choice(["example.com", "example.org", "example.net", "blog.example.com"])
    return rng.choice(["https://{d}/{p}", "http://www.{d}/{p}", "www.{d}/{p}", "{d}/{p}"]).format(
        d=dom, p=rng.choice(URL_PATHS)
    )


HANDLES = (
    "sunflower_recovery",
    "kiwi.mama88",
    "dublin_runner",
    "the.quiet.one",
    "mel_in_melb",
    "maplewalker",
    "saoirse.sings",
    "jp_montreal",
    "biker_bear_77",
)


def handle(rng: random.Random) -> str:
    return "@" + rng.choice(HANDLES)


def phone(rng: random.Random) -> str:
    """Fictional or reserved ranges where a country has them; formats of each country."""
    n = rng.randint(0, 99)
    country = rng.choice(
        ["US", "US", "CA", "IE", "IE", "AU", "AU", "NZ", "FR", "DE", "ES", "NL", "PL", "PT"]
    )
    area = rng.choice(["415", "212", "617", "773", "503", "206"])
    ca_area = rng.choice(["416", "604", "613", "514", "902"])
    styles = {
        "US": [
            f"({area}) 555-01{n:02d}",
            f"{area}-555-01{n:02d}",
            f"{area}.555.01{n:02d}",
            f"+1 {area} 555 01{n:02d}",
            f"1-800-555-01{n:02d}",
            f"1 (888) 555-01{n:02d}",
        ],
        "CA": [
            f"({ca_area}) 555-01{n:02d}",
            f"+1-{ca_area}-555-01{n:02d}",
            f"{ca_area} 555 01{n:02d}",
        ],
        "IE": [
            f"087 555 01{n:02d}",
            f"+353 87 555 01{n:02d}",
            f"(01) 555 01{n:02d}",
            f"+353 1 555 01{n:02d}",
            f"0861 5550{n:02d}",
            f"00353 85 555 01{n:02d}",
        ],
        "AU": [
            f"0491 570 1{n:02d}",
            f"+61 491 570 1{n:02d}",
            f"(02) 5550 10{n:02d}",
            f"(03) 7010 45{n:02d}",
            f"04 9157 01{n:02d}",
        ],
        "NZ": [
            f"021 555 01{n:02d}",
            f"+64 21 555 01{n:02d}",
            f"(09) 555 01{n:02d}",
            f"027-555-01{n:02d}",
        ],
        "FR": [f"01 99 00 {n:02d} {rng.randint(10, 99)}", f"+33 1 99 00 {n:02d} 12"],
        "DE": [
            f"030 23125 {rng.randint(100, 999)}",
            f"+49 30 23125{rng.randint(100, 999)}",
            f"0171 5550{n:02d}",
        ],
        "ES": [f"+34 600 555 0{n:02d}", f"600 55 50 {n:02d}"],
        "NL": [f"06-5550 01{n:02d}", f"+31 6 5550 01{n:02d}"],
        "PL": [f"+48 555 010 {rng.randint(100, 999)}", f"555-010-{rng.randint(100, 999)}"],
        "PT": [f"+351 912 555 0{n:02d}", f"912 555 0{n:02d}"],
    }
    return rng.choice(styles[country])


# --- addresses and places ---------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    street: str
    city: str
    postcode: str


IE_COUNTIES = ("Dublin 11", "Dublin 15", "Co. Cork", "Co. Galway", "Co. Mayo", "Co. Kerry")


def address(rng: random.Random) -> Address:
    loc = rng.choice(ADDRESS_LOCALES)
    fk = faker(loc, rng)
    street = " ".join(fk.street_address().split())
    city = fk.city().strip()
    code = fk.postcode().strip()
    if loc == "en_IE" and len(code) == 7 and " " not in code:
        code = f"{code[:3]} {code[3:]}"
    if loc == "en_CA" and len(code) == 6:
        code = f"{code[:3]} {code[3:]}"
    if loc == "nl_NL" and len(code) == 6:
        code = f"{code[:4]} {code[4:]}"
    if loc == "en_US" and rng.random() < 0.3:
        code = f"{code}-{rng.randint(1000, 9999)}"
    return Address(street, city, code)


# Real places, many multi-word or hyphenated, in the countries the sites are in.
LOCAL_PLACES = (
    "Ballymun",
    "Tallaght",
    "Blanchardstown",
    "Dún Laoghaire",
    "Ballyfermot",
    "Clondalkin",
    "Carrick-on-Shannon",
    "Newbridge",
    "Portlaoise",
    "Letterkenny",
    "Ennis",
    "Mullingar",
    "Castlebar",
    "Kilkenny",
    "Drogheda",
    "Bray",
    "Navan",
    "Tuam",
    "Sligo",
    "Wilkes-Barre",
    "Winston-Salem",
    "East St. Louis",
    "South Boston",
    "Bed-Stuy",
    "Fall River",
    "Dorchester",
    "Bronx",
    "Baton Rouge",
    "Grand Rapids",
    "Sioux Falls",
    "Tucson",
    "Fresno",
    "Gary",
    "Flint",
    "Scranton",
    "Dayton",
    "Thunder Bay",
    "Trois-Rivières",
    "Saint-Jérôme",
    "Moose Jaw",
    "Sault Ste. Marie",
    "Red Deer",
    "Surrey",
    "Scarborough",
    "Mississauga",
    "Dartmouth",
    "Prince George",
    "Wagga Wagga",
    "Coffs Harbour",
    "Alice Springs",
    "Mount Druitt",
    "Broadmeadows",
    "Dandenong",
    "Logan",
    "Townsville",
    "Port Augusta",
    "Bendigo",
    "Fremantle",
    "Campbelltown",
    "Palmerston North",
    "Lower Hutt",
    "Porirua",
    "Ōtara",
    "Papatoetoe",
    "Whanganui",
    "Invercargill",
    "Rotorua",
    "Tauranga",
    "Gisborne",
    "Castrop-Rauxel",
    "Aix-en-Provence",
    "Saint-Denis",
    "Bielsko-Biała",
    "Kraków",
    "Gdańsk",
    "Wrocław",
    "Vila Nova de Gaia",
    "Setúbal",
    "Alcalá de Henares",
    "L'Hospitalet de Llobregat",
    "Reggio Emilia",
    "Torre del Greco",
    "Den Haag",
    "Bergen op Zoom",
    "'s-Hertogenbosch",
    "Neukölln",
    "Marzahn-Hellersdorf",
)
ABROAD = (
    "Lisbon",
    "Warsaw",
    "Lagos",
    "Manila",
    "Karachi",
    "Ho Chi Minh City",
    "Kerala",
    "Samoa",
    "Tonga",
    "Punjab",
    "Sarajevo",
    "Mogadishu",
    "Aleppo",
    "Kyiv",
    "Bucharest",
)
PLACES = LOCAL_PLACES + ABROAD
STREETS = (
    "Finglas Road",
    "Parnell Street",
    "Main Street",
    "Shop Street",
    "O'Connell Street",
    "Grafton Street",
    "Pearse Street",
    "Fenian Street",
    "Queen Street West",
    "Jasper Avenue",
    "Hastings Street",
    "Rue Sainte-Catherine",
    "Flinders Street",
    "Smith Street",
    "Sydney Road",
    "Karangahape Road",
    "Cuba Street",
    "Colfax Avenue",
    "Market Street",
    "MLK Boulevard",
    "Route 9",
    "Dorchester Avenue",
    "Broad Street",
    "Ponsonby Road",
    "Hauptstraße",
    "Kurfürstendamm",
    "Calle Mayor",
    "Rua Augusta",
    "ulica Piotrkowska",
)

# Named services and groups, fictional, shaped like those at such sites.
WARD_STEMS = (
    "Maple",
    "Rowan",
    "Kōwhai",
    "Tūī",
    "Banksia",
    "Wattle",
    "Cedar",
    "Aspen",
    "Heather",
    "Hazel",
    "Jacaranda",
    "Totara",
    "Sycamore",
    "Larch",
    "Juniper",
)
HOSPITAL_STEMS = (
    "St Brigid's",
    "St. Ita's",
    "Mercy",
    "Mater",
    "St. Vincent's",
    "Royal Park",
    "Lakeview",
    "Riverside",
    "Sacred Heart",
    "Mount Carmel",
    "Greenlane",
    "Ridgewood",
    "Pine Hills",
    "Waitākere",
    "Prairie View",
)
HOSPITAL_KINDS = (
    "Hospital",
    "University Hospital",
    "Medical Center",
    "Psychiatric Hospital",
    "Community Hospital",
    "Health Centre",
    "Behavioral Health Center",
)
GROUP_KINDS = (
    "Family Resource Centre",
    "Men's Shed",
    "Women's Collective",
    "Recovery Café",
    "Clubhouse",
    "Wellness Hub",
    "Youth Project",
    "Drop-In Centre",
    "Community Garden",
    "Peer Respite",
    "Friendship Centre",
    "Boxing Club",
    "Neighbourhood House",
)
EMPLOYERS = (
    "Dunnes Stores",
    "Tesco Ireland",
    "Woolworths",
    "Bunnings",
    "Canadian Tire",
    "Tim Hortons",
    "Walmart",
    "Costco",
    "Amazon",
    "An Post",
    "Australia Post",
    "Canada Post",
    "Fonterra",
    "Countdown",
    "Primark",
    "Lidl",
    "Aldi",
    "Intel Ireland",
    "Kmart",
    "Home Depot",
    "Starbucks",
    "Deutsche Post",
    "Carrefour",
    "Mercadona",
)
SCHOOL_KINDS = (
    "High School",
    "Community College",
    "Secondary School",
    "Gaelscoil",
    "College",
    "State School",
    "Grammar School",
)
CHURCHES = (
    "St. Patrick's",
    "Holy Trinity",
    "Our Lady of Lourdes",
    "St. Joseph's",
    "Grace Baptist",
    "Bethel AME",
    "Al-Noor Mosque",
    "Gurdwara Sahib Dasmesh Darbar",
)


def ward(rng: random.Random) -> str:
    return f"{rng.choice(WARD_STEMS)} {rng.choice(['ward', 'Ward', 'Unit', 'unit', 'House'])}"


def hospital(rng: random.Random) -> str:
    return f"{rng.choice(HOSPITAL_STEMS)} {rng.choice(HOSPITAL_KINDS)}"


def group(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(
            (
                "Ōtara Marae Trust",
                "Whānau Ora Collective",
                "Ballymun GAA Club",
                "Na Piarsaigh GAA Club",
                "Tallaght Men's Shed",
                "Kilburn Neighbourhood House",
            )
        )
    return f"{rng.choice(LOCAL_PLACES)} {rng.choice(GROUP_KINDS)}"


def school(rng: random.Random) -> str:
    return f"{rng.choice(LOCAL_PLACES)} {rng.choice(SCHOOL_KINDS)}"


def church(rng: random.Random) -> str:
    name = rng.choice(CHURCHES)
    return (
        name
        if "Mosque" in name or "Gurdwara" in name
        else f"{name} {rng.choice(['Church', 'Parish'])}"
    )


# --- quasi identifiers ------------------------------------------------------------------------

NRP = (
    "Polish",
    "Irish",
    "Nigerian",
    "Filipino",
    "Vietnamese",
    "Somali",
    "Brazilian",
    "Lebanese",
    "Samoan",
    "Tongan",
    "Māori",
    "Pākehā",
    "Aboriginal",
    "Métis",
    "Cree",
    "Punjabi",
    "Muslim",
    "Catholic",
    "Protestant",
    "Jewish",
    "Hindu",
    "Sikh",
    "Mormon",
    "Jehovah's Witness",
    "Orthodox",
    "Evangelical",
    "Republican",
    "Democrat",
    "Sinn Féin",
    "Fianna Fáil",
    "Labor",
    "Greens",
    "Traveller",
    "Romanian",
    "Syrian",
    "Ukrainian",
)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def words(n: int) -> str:
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t] + (f"-{ONES[o]}" if o else "")


def ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def date_on(rng: random.Random) -> str:
    """A day-precise date, as said after 'on' or 'since'."""
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1988, 2024)
    month = MONTHS[m - 1]
    return rng.choice(
        [
            f"{month} {d}, {y}",
            f"{month} {ordinal(d)}, {y}",
            f"the {ordinal(d)} of {month} {y}",
            f"{m:02d}/{d:02d}/{y}",
            f"{d}/{m}/{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d}.{m}.{y}",
            f"the {ordinal(d)} of {month}",
            f"{month} {ordinal(d)}",
            f"Thanksgiving {y}",
            f"St. Patrick's Day {y}",
            f"Anzac Day {y}",
            f"Waitangi Day {y}",
            f"{month[:3]} {d} {y}",
            f"{rng.choice(('Monday', 'Friday', 'Saturday'))} the {ordinal(d)} of {month}",
        ]
    )


def date_in(rng: random.Random) -> str:
    """A month or year, as said after 'in'."""
    y = rng.randint(1988, 2024)
    month = rng.choice(MONTHS)
    return rng.choice(
        [
            f"{month} {y}",
            f"{month} of {y}",
            f"{y}",
            f"the summer of {y}",
            f"{month} '{y % 100:02d}",
            f"early {y}",
            f"the fall of {y}",
            f"spring {y}",
        ]
    )


def year(rng: random.Random) -> str:
    return str(rng.randint(1985, 2024))


def doctor(rng: random.Random) -> str:
    p = person(rng)
    title = rng.choice(("Dr.", "Dr", "Doctor"))
    return f"{title} {p.first} {p.last}" if rng.random() < 0.25 else f"{title} {p.last}"


def age(rng: random.Random) -> str:
    n = rng.randint(19, 84)
    return rng.choice([str(n), str(n), words(n), f"{n} years old", f"{n}-year-old"])


def age_young(rng: random.Random) -> str:
    n = rng.randint(9, 19)
    return rng.choice([str(n), words(n), words(n)])


def age_decade(rng: random.Random) -> str:
    return rng.choice(["", "early ", "late ", "mid-"]) + rng.choice(
        ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "teens"]
    )
