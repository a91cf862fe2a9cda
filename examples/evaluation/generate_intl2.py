"""Write intl2_dev.jsonl: a second international dev set, other sentence shapes and vocabulary.

Where generate_international.py gives whole addresses, phone numbers and groups in fixed slots,
this set says them as people do mid-sentence: a flat or unit before the street, a PO box, the
town and the postcode after it in the country's own order, phone numbers in every national and
international format that phonenumbers knows for 22 regions, nationalities, faiths and parties
as nouns, adjectives and plurals, towns that are multi-word, hyphenated or accented. About a
third of records are written as a speech recogniser writes (lower case, no punctuation) and
about a fifth hold no identifier at all. Deterministic under --seed (stdlib random plus Faker
reseeded from it on every call; the
script re-runs itself with PYTHONHASHSEED=0).

Usage: python generate_intl2.py [--seed S] [--out FILE] [--n N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import phonenumbers
from faker import Faker
from phonenumbers import PhoneNumberFormat, PhoneNumberType

DEFAULT_SEED = 20261206
HERE = Path(__file__).resolve().parent
ASR_SHARE = 0.35
NEGATIVE_SHARE = 0.2
DIRECT = frozenset({"PERSON", "STREET_ADDRESS", "ZIP_CODE", "PHONE_NUMBER"})

NAME_LOCALES = ("fr_CA", "de_AT", "de_CH", "nl_BE", "hr_HR", "sk_SK", "sl_SI", "no_NO",
                "es_AR", "es_CO", "id_ID", "zu_ZA", "yo_NG", "en_NZ", "en_IE", "en_US")  # fmt: skip
# locale -> (street order: number first or last, postcode before the town, a region after it)
ADDRESS_LOCALES = {
    "en_US": ("first", False, ("TX", "OH", "Oregon", "NJ", "Arizona", "MN", "GA")),
    "en_CA": ("first", False, ("ON", "BC", "Alberta", "QC", "NS", "Manitoba")),
    "fr_CA": ("first", False, ("QC", "Québec")),
    "en_AU": ("first", False, ("NSW", "VIC", "QLD", "WA", "SA", "Tasmania")),
    "en_NZ": ("first", False, ()),
    "de_DE": ("last", True, ()),
    "de_AT": ("last", True, ()),
    "de_CH": ("last", True, ()),
    "fr_FR": ("first", True, ()),
    "es_ES": ("last", True, ()),
    "it_IT": ("last", True, ()),
    "nl_BE": ("last", True, ()),
    "pt_PT": ("last", True, ()),
    "pl_PL": ("last", True, ()),
    "sv_SE": ("last", True, ()),
    "da_DK": ("last", True, ()),
    "fi_FI": ("last", True, ()),
    "cs_CZ": ("last", True, ()),
    "sk_SK": ("last", True, ()),
    "hr_HR": ("last", True, ()),
}
FAKE_TOWNS = frozenset({"fr_FR"})  # Faker makes these up: this set's list is used instead
PHONE_REGIONS = ("US", "CA", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "BE", "PT", "PL",
                 "SE", "DK", "FI", "AT", "CH", "CZ", "GR", "HU", "RO")  # fmt: skip
# Real towns written for this set: multi-word, hyphenated, accented, small.
TOWNS = (
    "Wagga Wagga", "Palmerston North", "Dún Laoghaire", "Carrick-on-Shannon", "Trois-Rivières",
    "Saint-Jean-sur-Richelieu", "Moose Jaw", "Thunder Bay", "Coeur d'Alene", "Baton Rouge",
    "Sioux Falls", "Te Awamutu", "Whanganui", "Alice Springs", "Kalgoorlie", "Coffs Harbour",
    "Port Macquarie", "Castlebar", "Ballinasloe", "San Sebastián", "Kraków", "Łódź",
    "Jyväskylä", "Malmö", "Bad Homburg", "Aix-en-Provence", "Villeneuve-d'Ascq", "Den Haag",
    "Hertogenbosch", "Leeuwarden", "Gödöllő", "Cluj-Napoca", "Thessaloniki", "Ponta Delgada",
    "Vila Real", "Setúbal", "Castelo Branco", "Las Palmas", "Alcalá de Henares", "Reggio Emilia",
    "Ascoli Piceno", "Bolzano", "Sankt Pölten", "Wiener Neustadt", "La Chaux-de-Fonds",
    "Yellowknife", "Rimouski", "Sault Ste. Marie", "Fort McMurray", "Red Deer", "Lethbridge",
    "Mount Gambier", "Mildura", "Warrnambool", "Invercargill", "Timaru", "Masterton", "Gisborne",
    "Paraparaumu", "Tralee", "Letterkenny", "Clonmel", "Dungarvan", "Nenagh", "Tuam",
    "El Paso", "Santa Fe", "Las Cruces", "Grand Rapids", "Ann Arbor", "Fond du Lac",
    "Winston-Salem", "Wilkes-Barre", "St. Cloud", "Eau Claire", "Poughkeepsie", "Tallahassee",
)  # fmt: skip
NATIONALITIES = (
    "Filipino", "Nigerian", "Somali", "Lebanese", "Vietnamese", "Brazilian", "Kurdish",
    "Punjabi", "Samoan", "Tongan", "Ukrainian", "Haitian", "Salvadoran", "Eritrean", "Afghan",
    "Sudanese", "Chilean", "Moroccan", "Ghanaian", "Syrian", "Tamil", "Romanian", "Albanian",
    "Croatian", "Fijian", "Congolese", "Ethiopian", "Iraqi", "Mexican", "Polish", "Portuguese",
)  # fmt: skip
NATIONAL_NOUNS = (
    "Filipinos", "Nigerians", "Somalis", "Brazilians", "Kurds", "Samoans", "Tongans",
    "Ukrainians", "Haitians", "Eritreans", "Afghans", "Syrians", "Romanians", "Albanians",
    "Fijians", "Ethiopians", "Mexicans", "Poles",
)  # fmt: skip
FAITHS = (
    "Catholic", "Muslim", "Sikh", "Hindu", "Buddhist", "Jewish", "Mormon", "Baptist",
    "Pentecostal", "Greek Orthodox", "Anglican", "Presbyterian", "Methodist", "Lutheran",
    "Evangelical", "Jehovah's Witness", "Quaker", "Seventh-day Adventist",
)  # fmt: skip
FAITH_NOUNS = ("Catholics", "Muslims", "Sikhs", "Hindus", "Mormons", "Baptists", "Lutherans",
               "Jehovah's Witnesses", "Evangelicals", "Quakers", "Methodists")  # fmt: skip
PARTIES = ("Republican", "Democrat", "Liberal", "Conservative", "Green", "NDP", "Sinn Féin",
           "Fianna Fáil", "Fine Gael", "Labor", "One Nation", "Bloc Québécois", "Libertarian",
           "Social Democrat", "Christian Democrat")  # fmt: skip
PARTY_NOUNS = ("Republicans", "Democrats", "Liberals", "Tories", "Greens", "Libertarians",
               "Nationals", "Socialists")  # fmt: skip
FILL = ("", "", "", "um ", "like ", "you know ", "I mean ", "so ")

Piece = tuple[str, str | None]
Maker = Callable[[random.Random], list[Piece]]
_FAKERS: dict[str, Faker] = {}


def faker(locale: str, rng: random.Random) -> Faker:
    """A Faker for the locale, reseeded from rng so output depends only on the seed."""
    if locale not in _FAKERS:
        _FAKERS[locale] = Faker(locale)
    fk = _FAKERS[locale]
    fk.seed_instance(rng.randrange(2**32))
    return fk


def person(rng: random.Random) -> list[Piece]:
    """A full name from one locale."""
    fk = faker(rng.choice(NAME_LOCALES), rng)
    return [(f"{fk.first_name()} {fk.last_name()}", "PERSON")]


def first_name(rng: random.Random) -> list[Piece]:
    """A first name alone."""
    return [(faker(rng.choice(NAME_LOCALES), rng).first_name(), "PERSON")]


def unit(rng: random.Random) -> str:
    """A flat, apartment or unit, as people say it."""
    n = rng.randint(1, 48)
    return rng.choice(
        (f"apartment {n}", f"apt {n}{rng.choice('ABCD')}", f"unit {n}", f"flat {n}",
         f"suite {n * 10}", f"#{n}")
    )  # fmt: skip


def street(rng: random.Random, locale: str) -> str:
    """A street and its number in the locale's order, sometimes with a unit."""
    fk = faker(locale, rng)
    order = ADDRESS_LOCALES[locale][0]
    number = str(rng.randint(1, 2400) if order == "first" else rng.randint(1, 180))
    name = fk.street_name()
    core = f"{number} {name}" if order == "first" else f"{name} {number}"
    roll = rng.random()
    if order == "first" and locale in ("en_AU", "en_NZ") and roll < 0.3:
        return f"{rng.randint(1, 30)}/{core}"
    if roll < 0.25:
        return f"{unit(rng)}, {core}" if order == "first" else f"{core}, {unit(rng)}"
    return core


def postcode(rng: random.Random, locale: str) -> str:
    """The locale's postcode; Irish ones are Eircodes."""
    if locale == "en_IE":
        key = rng.choice(("A65", "D02", "D6W", "T12", "H91", "V94", "F94", "R95", "X91", "K78"))
        return f"{key} {''.join(rng.choice('0123456789ACDEFHKNPRTVWXY') for _ in range(4))}"
    return faker(locale, rng).postcode()


def town(rng: random.Random, locale: str) -> str:
    """A real town: the locale's own where Faker's are real, else one from this set's list."""
    if ADDRESS_LOCALES[locale][1] and locale not in FAKE_TOWNS:
        return faker(locale, rng).city()
    return rng.choice(TOWNS)


def address(rng: random.Random) -> list[Piece]:
    """Street, town and postcode in the country's order, as said mid-sentence."""
    locale = rng.choice(tuple(ADDRESS_LOCALES))
    _, code_first, regions = ADDRESS_LOCALES[locale]
    pieces: list[Piece] = [(street(rng, locale), "STREET_ADDRESS")]
    place, code = town(rng, locale), postcode(rng, locale)
    if code_first:
        return [*pieces, (rng.choice((", ", " in ", " ")), None), (code, "ZIP_CODE"), (" ", None),
                (place, "LOCATION")]  # fmt: skip
    region: list[Piece] = []
    if regions:  # a state or province: spelled out it is a place, abbreviated it is not
        name = rng.choice(regions)
        region = [(" ", None), (name, "LOCATION" if len(name) > 3 else None)]
    joint = "," if rng.random() < 0.5 else ""
    return [*pieces, (rng.choice((", ", " in ")), None), (place, "LOCATION"), (joint, None),
            *region, (" ", None), (code, "ZIP_CODE")]  # fmt: skip


def street_only(rng: random.Random) -> list[Piece]:
    """A street address alone."""
    return [(street(rng, rng.choice(tuple(ADDRESS_LOCALES))), "STREET_ADDRESS")]


def po_box(rng: random.Random) -> list[Piece]:
    """A post office box, then sometimes its town and code."""
    box = rng.choice(("PO Box", "P.O. Box", "po box", "Post Office Box", "Box"))
    pieces: list[Piece] = [(f"{box} {rng.randint(10, 9999)}", "STREET_ADDRESS")]
    if rng.random() < 0.5:
        locale = rng.choice(("en_US", "en_CA", "en_AU", "en_NZ"))
        pieces += [(", ", None), (rng.choice(TOWNS), "LOCATION"), (" ", None),
                   (postcode(rng, locale), "ZIP_CODE")]  # fmt: skip
    return pieces


def eircode(rng: random.Random) -> list[Piece]:
    """An Eircode alone."""
    return [(postcode(rng, "en_IE"), "ZIP_CODE")]


def code_only(rng: random.Random) -> list[Piece]:
    """A postcode of any listed country, alone."""
    return [(postcode(rng, rng.choice(("en_CA", "en_US", "de_DE", "nl_BE", "pl_PL", "pt_PT",
                                       "sv_SE", "cs_CZ"))), "ZIP_CODE")]  # fmt: skip


def phone(rng: random.Random) -> list[Piece]:
    """A phone number of a region, in one of its national or international formats."""
    region = rng.choice(PHONE_REGIONS)
    kind = rng.choice((PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE))
    number = phonenumbers.example_number_for_type(region, kind)
    national = str(number.national_number)
    for _ in range(20):
        candidate = national[:-3] + f"{rng.randrange(1000):03d}"
        trial = phonenumbers.parse(candidate, region) if region != "IT" else number
        if phonenumbers.is_valid_number(trial):
            number = trial
            break
    style = rng.choice((PhoneNumberFormat.NATIONAL, PhoneNumberFormat.NATIONAL,
                        PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164))  # fmt: skip
    text = phonenumbers.format_number(number, style)
    if rng.random() < 0.2:
        text = re.sub(r"[()\-]", "", text).replace("  ", " ").strip()
    return [(text, "PHONE_NUMBER")]


def one(values: tuple[str, ...], kind: str) -> Maker:
    """A maker picking one of the values."""
    return lambda rng: [(rng.choice(values), kind)]


def place(rng: random.Random) -> list[Piece]:
    """A town from this set's list."""
    return [(rng.choice(TOWNS), "LOCATION")]


SLOTS: dict[str, Maker] = {
    "person": person, "first": first_name, "address": address, "street": street_only,
    "pobox": po_box, "eircode": eircode, "code": code_only, "phone": phone, "town": place,
    "nat": one(NATIONALITIES, "NRP"), "nats": one(NATIONAL_NOUNS, "NRP"),
    "faith": one(FAITHS, "NRP"), "faiths": one(FAITH_NOUNS, "NRP"),
    "party": one(PARTIES, "NRP"), "parties": one(PARTY_NOUNS, "NRP"),
}  # fmt: skip

TEMPLATES = (
    "so when we moved into {address} the neighbours were lovely",
    "She was staying at {address} until the lease ran out, {first} said.",
    "the letters still go to {address} because I never changed it",
    "honestly I'd rather you sent it to {pobox} than the house",
    "They only had {pobox} on file, which is why nobody came out.",
    "i got evicted from {street} last winter and slept in the car",
    "My cousin {person} has a place on {street}, near the lake.",
    "the eircode is {eircode} if the driver can't find it",
    "Our postcode changed to {code} when they split the district.",
    "you can reach me on {phone} most evenings",
    "Her number's {phone}, or text {phone} if that's busy.",
    "call the clinic on {phone} and ask for {first}",
    "my case worker {person} gave me her direct line {phone}",
    "we drove up from {town} to {town} just for the group",
    "I grew up in {town}, moved to {town} for work, and ended up back home.",
    "the shelter in {town} was full so they sent us to {address}",
    "being {nat} in a small town like {town} you stick out",
    "A lot of the {nats} in our building go to the same church.",
    "my mum's {faith} and my dad's {faith} so Christmas was interesting",
    "as a {faith} woman I didn't feel safe saying it in group",
    "the {faiths} at work covered my shifts when I was in hospital",
    "He's a diehard {party}, we don't talk politics at dinner.",
    "most of the {parties} in my family stopped speaking to me",
    "I voted {party} my whole life until last year",
    "{person} and I were the only {nats} on the ward",
    "{first}'s family is {nat}, they run the bakery on {street}",
    "we rented a room at {address} from a {nat} couple",
    "the old address was {street}, {town}, but forward everything to {pobox}",
    "if anything happens ring {person} on {phone}",
    "the {nat} association in {town} helped with the forms",
)  # fmt: skip
NEGATIVES = (
    "I live on the third floor and the lift never works",
    "we walked about 5 km along the main street every morning",
    "There's a box of 12 tablets in the cupboard, I take 20 mg.",
    "the number for the crisis line is on the fridge",
    "My address hasn't changed since last time, same as before.",
    "Room 4 is where the group meets on Tuesdays at 10:30.",
    "the postcode lottery means services are different everywhere",
    "I used to drive route 9 for the bus company",
    "we need 3 forms of ID and 2 proofs of address",
    "She speaks French and a bit of Spanish at home.",
    "I paid 1450 dollars rent for a tiny apartment",
    "the church down the road does a free lunch on sundays",
    "Politics doesn't come up much in session, thank God.",
    "we had 7 people in 2 rooms for most of 2019",
    "Call me later, my phone is nearly dead.",
    "the street was so quiet at night you could hear the river",
)  # fmt: skip
_SLOT = re.compile(r"\{(\w+)\}")


def asr(text: str, kind: str | None) -> str:
    """As a speech recogniser writes: lower case, no commas or full stops (e-mails keep dots)."""
    text = text.lower()
    return text if kind == "PHONE_NUMBER" else re.sub(r"[,.?!](?=\s|$)", "", text)


def render(template: str, rng: random.Random, spoken: bool) -> dict:
    """Fill a template: the text and its entities with offsets."""
    pieces: list[Piece] = []
    position = 0
    for match in _SLOT.finditer(template):
        pieces.append((template[position : match.start()], None))
        pieces.extend(SLOTS[match.group(1)](rng))
        position = match.end()
    pieces.append((template[position:], None))
    if rng.random() < 0.3:
        pieces.insert(0, (rng.choice(FILL), None))
    text, entities = "", []
    for value, kind in pieces:
        value = asr(value, kind) if spoken else value
        if kind is not None:
            klass = "direct" if kind in DIRECT else "quasi"
            entities.append({"start": len(text), "end": len(text) + len(value),
                             "entity_type": kind, "class": klass, "value": value})  # fmt: skip
        text += value
    return {"text": text, "entities": entities}


def generate(seed: int, n: int) -> list[dict]:
    """n records: templates in turn, a fifth of them negatives, a third spoken."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        negative = rng.random() < NEGATIVE_SHARE
        template = rng.choice(NEGATIVES) if negative else TEMPLATES[i % len(TEMPLATES)]
        record = render(template, rng, spoken=rng.random() < ASR_SHARE)
        records.append({"id": f"i2{i + 1:04d}", **record})
    return records


def main() -> None:
    """Write the set (re-run under PYTHONHASHSEED=0: one Faker locale iterates over a set)."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(
            sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
        )
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=HERE / "intl2_dev.jsonl")
    parser.add_argument("--n", type=int, default=260)
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as handle:
        for record in generate(args.seed, args.n):
            for entity in record["entities"]:
                assert record["text"][entity["start"] : entity["end"]] == entity["value"]
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
