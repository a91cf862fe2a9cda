"""Write speech2_dev.jsonl and speech2_test.jsonl: UK interview and consultation speech.

A second UK speech set, written from scratch with its own templates and word lists: spoken
dates and ages, wards, surgeries, groups and employers named by their shape, house numbers
and postcodes read out, towns with hyphens or several words, names cued by context in any
case, National Insurance numbers with spaces, phone numbers read out in groups, long digit
runs. About 40% of records are written as a speech recogniser writes them (lower case, no
punctuation) and about a quarter hold no identifier, only hard negatives. People, wards,
groups and practices are fictional; towns are real; phone numbers are in Ofcom's drama
ranges and e-mail addresses use example domains.

Deterministic, stdlib only. Usage:
    python examples/evaluation/generate_speech2.py                      # both parts
    python examples/evaluation/generate_speech2.py --out PATH --seed S  # one more draw
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The dev part was read while tuning; the test part is another draw of the same templates
# (new names, places, numbers and casing), never read while tuning.
PARTS = {
    "dev": (HERE / "speech2_dev.jsonl", 7321, "sp2"),
    "test": (HERE / "speech2_test.jsonl", 9157, "sp2t"),
}
FILLS_PER_TEMPLATE = 3
LOWERCASE_SHARE = 0.4
DIRECT = frozenset(
    {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "UK_NINO", "UK_POSTCODE", "STREET_ADDRESS",
     "ID_NUMBER"}
)  # fmt: skip

FIRST = """Kerry Declan Shona Ravi Imogen Callum Bernadette Tariq Lowri Stefan Precious Connor
Maisie Hamza Gwen Ashok Tegan Rhys Dorothy Kofi Beverley Lachlan Yasmin Brendan Phoebe Darius
Wendy Fraser Nadia Glenn Siobhan Arjun Carys Malcolm Ifeoma Duncan Rosalind Zainab Trevor""".split()
# First names that are also everyday words: only context makes them names.
WORD_NAMES = "Hope Ivy Rowan Dawn Robin Faith Pearl Jack Bob Sandy Holly Ray Joy Hazel".split()
SURNAMES = """Ashworth Okonkwo Pritchard Mahmood Fairclough Kowalczyk Tennant Barraclough Doyle
Gallagher Sutcliffe Nwosu Hepworth Rahman Llewellyn Cartwright MacLeod Henshaw Appiah Dunmore
Petrakis Whitfield Oyelaran Crabtree""".split()
NICKNAMES = "Shaz Daz Mo Tommo Bev Gaz Kez Jonno".split()
TITLES = ["Dr", "Doctor", "Mrs", "Mr", "Nurse", "Ms"]
TOWNS = ["Hexham", "Morpeth", "Keighley", "Accrington", "Ilkeston", "Wrexham", "Barnstaple",
         "Kettering", "Scunthorpe", "Falkirk", "Rotherham", "Stroud", "Bridlington", "Oswestry",
         "Penrith", "Chorley", "Dewsbury", "Ashington", "Clitheroe", "Ashby-de-la-Zouch",
         "Stoke-on-Trent", "Newcastle-under-Lyme", "Southend-on-Sea", "Bishop's Stortford",
         "Hebden Bridge", "Milton Keynes", "West Bromwich", "Burton upon Trent",
         "Market Harborough", "Sutton-in-Ashfield", "Kirkby Stephen", "Newton-le-Willows",
         "Hemel Hempstead", "Bury St Edmunds"]  # fmt: skip
# Names of wards, units and groups: flowers, trees, birds, landscape words.
WARD_NAMES = """Bluebell Heather Rowan Kestrel Willow Foxglove Larch Harbour Lapwing Primrose
Juniper Aspen Curlew Thistle Meadowbank Skylark""".split()
GROUP_NAMES = ["Harbour", "Lantern", "Anchor", "Compass", "Open Door", "Stepping Stones",
               "Sunrise", "Kindred", "Wayfarers", "Beacon"]  # fmt: skip
SURGERIES = ["Riverside", "Elmfield", "Castlegate", "Brookvale", "Millbrook", "Greenhow",
             "Ladywell", "Northgate"]  # fmt: skip
FUNCTION_EMPLOYERS = ["sorting office", "bus depot", "call centre", "distribution centre",
                      "parcel depot", "leisure centre", "crematorium", "fire station"]  # fmt: skip
PRACTICE_HEADS = ["surgery", "medical practice", "health centre"]
SCHOOL_HEADS = ["primary", "school", "academy", "high school"]
SCHOOL_NAMES = ["St Aidan's", "Holy Cross", "Brampton", "Moorside", "Beechwood", "St Cuthbert's"]
STREET_NAMES = ["Acacia", "Marlowe", "Tanners", "Cobden", "Kingfisher", "Orchard", "Pennine",
                "Gladstone", "Fern", "Salisbury", "Coronation", "Cleveland"]  # fmt: skip
STREET_TYPES = ["Road", "Street", "Avenue", "Close", "Lane", "Terrace", "Crescent", "Drive",
                "Way", "Grove"]  # fmt: skip
UNITS = "one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDINALS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
twenty-first twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh
twenty-eighth twenty-ninth thirtieth thirty-first""".split()
MONTHS = """January February March April May June July August September October November
December""".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
FILLERS = ["um, ", "uh, ", "erm, ", "you know, ", "like, ", "I mean, ", "so ", "well, ", ""]
DIGIT_WORDS = "oh one two three four five six seven eight nine".split()
NINO_PREFIXES = ["AB", "CE", "JH", "KL", "NP", "SR", "TW", "YZ", "HG", "PM"]
DOMAINS = ["example.com", "example.org", "example.net"]


def spoken_number(n: int) -> str:
    """1-99 in words, hyphenated like 'forty-two' or spaced like 'forty two'."""
    if n < 10:
        return UNITS[n - 1]
    if n < 20:
        return TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return TENS[tens - 2] + ("" if unit == 0 else "-" + UNITS[unit - 1])


def spoken_year(rng: random.Random) -> str:
    """'nineteen eighty-four', 'twenty twenty-one', 'two thousand and six'."""
    year = rng.randint(1940, 2024)
    if 2000 <= year <= 2009:
        return "two thousand and " + UNITS[year - 2001] if year > 2000 else "two thousand"
    century, rest = divmod(year, 100)
    head = "nineteen" if century == 19 else "twenty"
    tail = "oh " + UNITS[rest - 1] if rest < 10 else spoken_number(rest)
    return f"{head} {tail}"


def _date(rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    shapes = [
        lambda: f"the {ORDINALS[day - 1]} of {month}",
        lambda: f"{ORDINALS[day - 1]} of {month} {spoken_year(rng)}",
        lambda: f"{month} the {ORDINALS[day - 1]}",
        lambda: f"{rng.choice(WEEKDAYS)} the {day}{_suffix(day)}",
        lambda: f"{month} {spoken_year(rng)}",
        lambda: f"{day}{_suffix(day)} {month}",
        lambda: f"the {day}{_suffix(day)} of {month} {rng.randint(1950, 2023)}",
        lambda: f"{month} {rng.randint(1990, 2023)}",
        lambda: f"{ORDINALS[day - 1]} {month}",
    ]
    return rng.choice(shapes)()


def _suffix(day: int) -> str:
    return {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")


def _age(rng: random.Random) -> str:
    n = rng.randint(16, 94)
    return rng.choice([spoken_number(n), str(n), spoken_number(n).replace("-", " ")])


def _decade(rng: random.Random) -> str:
    decade = rng.choice(["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                         "eighties"])  # fmt: skip
    return rng.choice(["", "early ", "mid ", "late "]) + decade


def _house_number(number: int, rng: random.Random) -> str:
    """A house number as people say it: '42', 'forty-two', 'a hundred and twelve', 'one oh five'."""
    if number < 100:
        return rng.choice(
            [str(number), spoken_number(number), spoken_number(number).replace("-", " ")]
        )
    hundreds, rest = divmod(number, 100)
    head = "a hundred" if hundreds == 1 and rng.random() < 0.5 else f"{UNITS[hundreds - 1]} hundred"
    if rest == 0:
        return head
    if rest < 10 and rng.random() < 0.5:
        return f"{UNITS[hundreds - 1]} oh {UNITS[rest - 1]}"
    return f"{head} and {spoken_number(rest)}"


def _street(rng: random.Random) -> str:
    number = rng.randint(1, 150)
    said = _house_number(number, rng)
    return f"{said} {rng.choice(STREET_NAMES)} {rng.choice(STREET_TYPES)}"


def _postcode(rng: random.Random) -> str:
    area = rng.choice(["NE", "LS", "BD", "HX", "M", "S", "DN", "CA", "WF", "BB"])
    district, sector = rng.randint(1, 29), rng.randint(0, 9)
    unit = rng.choice(["AB", "DJ", "EQ", "HT", "LN", "PW", "RX", "UZ"])
    if rng.random() < 0.5:
        return f"{area}{district} {sector}{unit}"
    sector_word = UNITS[sector - 1] if sector else "zero"
    return f"{' '.join(area)} {spoken_number(district)} {sector_word} {' '.join(unit)}"


def _phone(rng: random.Random) -> str:
    tail = f"{rng.randint(0, 999):03d}"
    if rng.random() < 0.5:
        return rng.choice([f"07700 900 {tail}", f"0113 496 0{tail}", f"0161 496 0{tail}"])
    digits = "07700900" + tail
    words = [DIGIT_WORDS[int(d)] for d in digits]
    groups = [words[:5], words[5:8], words[8:]]
    return ", ".join(" ".join(g) for g in groups)


def _nino(rng: random.Random) -> str:
    digits = [f"{rng.randint(0, 99):02d}" for _ in range(3)]
    return f"{rng.choice(NINO_PREFIXES)} {' '.join(digits)} {rng.choice('ABCD')}"


def _digit_run(rng: random.Random) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(rng.randint(6, 10)))
    sep = rng.choice([" ", ".", "-", ""])
    parts = [digits[i : i + 3] for i in range(0, len(digits), 3)]
    return sep.join(parts)


def _email(rng: random.Random) -> str:
    first, last = rng.choice(FIRST).lower(), rng.choice(SURNAMES).lower()
    domain = rng.choice(DOMAINS).replace(".", " dot ")
    digits = " ".join(rng.choice(UNITS) for _ in range(3))
    local = rng.choice([f"{first} dot {last}", f"{first} underscore {last}",
                        f"{first} {last} {spoken_number(rng.randint(11, 99))}",
                        f"{first[0]} {last} {digits}"])  # fmt: skip
    return f"{local} at {domain}"


def _title_name(rng: random.Random) -> str:
    return f"{rng.choice(TITLES)} {rng.choice(SURNAMES)}"


def _full_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"


SLOTS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "first": ("PERSON", lambda r: r.choice(FIRST)),
    "wordname": ("PERSON", lambda r: r.choice(WORD_NAMES)),
    "nick": ("PERSON", lambda r: r.choice(NICKNAMES)),
    "full": ("PERSON", _full_name),
    "titled": ("PERSON", _title_name),
    "town": ("LOCATION", lambda r: r.choice(TOWNS)),
    "ward": ("ORGANIZATION", lambda r: f"{r.choice(WARD_NAMES)} ward"),
    "unit": ("ORGANIZATION", lambda r: f"{r.choice(WARD_NAMES)} {r.choice(['unit', 'centre'])}"),
    "group": ("ORGANIZATION", lambda r: f"{r.choice(GROUP_NAMES)} group"),
    "surgery": ("ORGANIZATION", lambda r: f"{r.choice(SURGERIES)} {r.choice(PRACTICE_HEADS)}"),
    "school": ("ORGANIZATION", lambda r: f"{r.choice(SCHOOL_NAMES)} {r.choice(SCHOOL_HEADS)}"),
    "employer": ("ORGANIZATION", lambda r: r.choice(FUNCTION_EMPLOYERS)),
    "date": ("DATE_TIME", _date),
    "year": ("DATE_TIME", spoken_year),
    "age": ("AGE", _age),
    "decade": ("AGE", _decade),
    "street": ("STREET_ADDRESS", _street),
    "postcode": ("UK_POSTCODE", _postcode),
    "phone": ("PHONE_NUMBER", _phone),
    "nino": ("UK_NINO", _nino),
    "digits": ("ID_NUMBER", _digit_run),
    "email": ("EMAIL_ADDRESS", _email),
}  # fmt: skip

TEMPLATES = [
    # names cued by context
    "{f}me and {first} went down the shops after.",
    "I was sat with {first} most of the afternoon, {f}she's lovely.",
    "there was a lad called {first} on the course who helped me.",
    "{f}my son {first} does the shopping for me now.",
    "my daughter {wordname} rings me every night.",
    "{f}I used to go fishing with {wordname} on a Sunday.",
    "{nick} from the group picked me up, {f}bless him.",
    "I spoke to {titled} about the tablets and she said give it a month.",
    "{f}I'm {titled}, one of the GPs here.",
    "my name's {full} and I'm the patient.",
    "{first} said I should come and see you about it.",
    "it was {first} and {first} that found me, {f}to be honest.",
    "I'd ask for {first}, she knows my history.",
    "we call him {nick} but his real name is {first}.",
    "my partner {first} has been a rock, {f}really.",
    "the physio, {first}, told me to keep walking.",
    "Hi {first}, {f}how have you been since last time?",
    "so {first}, what brings you in today?",
    "{titled} at the {surgery} referred me.",
    "it was me and {wordname} that did the allotment.",
    # places
    "{f}I grew up in {town} and moved away at {age}.",
    "we've been in {town} about ten years now.",
    "she lives over in {town}, {f}near the station.",
    "my sister's in {town} so I stay with her.",
    "I drove to {town} for the appointment.",
    # organisations by shape
    "I was on {ward} for about three weeks.",
    "{f}they moved me up to {ward} after the scan.",
    "I go to the {group} in {town} on a Thursday.",
    "the {group} has been the best thing for me.",
    "I'm registered at the {surgery} in {town}.",
    "{f}I've been with the {surgery} since I was a kid.",
    "I worked at the {employer} for twenty years.",
    "{f}my husband's on nights at the {employer} in {town}.",
    "he teaches at {school} now.",
    "my two go to {school}, {f}just round the corner.",
    "I was on the {unit} for a bit.",
    # dates
    "{f}I was born on {date}.",
    "my date of birth is {date}.",
    "it all started around {date}, {f}I think.",
    "the operation was {date}.",
    "we got married in {year}.",
    "I lost my job in {year} and it went downhill.",
    "{f}my mum passed {date}.",
    "I've got the hospital on {date}.",
    # ages
    "my mum's {age} now and still sharp as anything.",
    "{f}she's {age} and lives on her own.",
    "I'm {age}, {f}if that matters.",
    "he was in his {decade} when he had the first stroke.",
    "{f}I'm in my {decade}.",
    "my dad's {age} and he still drives.",
    "I was {age} when I first got ill.",
    "she'll be {age} next month.",
    # addresses and contact details
    "{f}I'm at {street}, {town}.",
    "it's {street}, and the postcode is {postcode}.",
    "I live at {street} now.",
    "{f}postcode's {postcode}.",
    "the best number is {phone}.",
    "{f}you can get me on {phone}.",
    "my national insurance number is {nino}.",
    "{f}NI number, {nino}.",
    "my reference is {digits} if you need it.",
    "the claim number they gave me was {digits}.",
    "{f}my email is {email}.",
    "send it to {email}, {f}that's the best way.",
    # more wording, same mechanisms
    "our {first} came round on Sunday with the kids.",
    "I was talking to {first} about it and she said ring you.",
    "my key worker, {first}, sorted all the forms out.",
    "{f}it's {first} here, I'm ringing about my mum.",
    "{full} is my care coordinator now.",
    "{nick} rang me last night, {f}he's not doing great.",
    "ask for {first} on reception, {f}she knows.",
    "I volunteer at the {group} on a Friday.",
    "she's a cleaner at the {surgery}.",
    "we meet at the {unit} every fortnight.",
    "I'm from {town} originally.",
    "we moved up from {town} when I was small.",
    "he's out near {town} now, {f}on a farm.",
    "my birthday's {date}.",
    "it was back in {year}, {f}just after Christmas.",
    "my eldest is {age} and the little one's six.",
    "{f}at {age} I left home.",
    "she's in her {decade}, my mum.",
    "when I hit {age} it all changed.",
    "I'm at number {street} now.",
    "we live at {street}, {f}the one with the blue door.",
    "the number's {phone}, {f}that's my mobile.",
    "hospital number is {digits}.",
    "case reference {digits}, {f}I think.",
    "{f}I was at the {employer} before I got ill.",
    "I did twelve years at the {employer}.",
]
NEGATIVES = [
    "Mark my words, it'll get worse before it gets better.",
    "Bless you, {f}I've had this cough for weeks.",
    "Gosh, I don't know, maybe a couple of years?",
    "The Occupational Therapist came round on Tuesday.",
    "Honestly, the Care Coordinator was brilliant.",
    "they put me on the children's ward when I was little.",
    "I was on a different ward the second time.",
    "{f}the group on a Monday is just for carers.",
    "I take 500 milligrams twice a day.",
    "I'm on 20 mg of citalopram.",
    "it's about 40 quid a week on the bus.",
    "she rang at half past ten, {f}which was late.",
    "the appointment's at 10.30 in the morning.",
    "I've had Crohn's disease since school.",
    "my dad had Parkinson's and my nan had Alzheimer's.",
    "COPD, they said, {f}from the smoking.",
    "I went to A and E on the Saturday.",
    "we get PIP and Universal Credit now.",
    "Will do, I'll book it at the front desk.",
    "Grace period is two weeks, apparently.",
    "Frank advice is what I wanted.",
    "the surgery's been good, {f}the receptionists especially.",
    "{f}every week I go to the gym.",
    "I was sober for about 18 months.",
    "I walk about 10,000 steps a day.",
    "Sunday's the worst day for me.",
    "in March it got a bit better.",
    "I'm 5 foot 6 and about 12 stone.",
    "the pharmacy gave me the wrong dose.",
    "I've been in and out of hospital for years.",
    "Right, OK, lovely, let's have a look.",
    "the sorting of the paperwork took ages.",
    "we had a Chinese takeaway and watched telly.",
    "my Nan always said keep busy.",
    "the nurse said the results were fine.",
    "I was in the Army for six years.",
    "the ward was noisy, {f}nobody slept.",
    "I rang the practice and they said Monday.",
    "Blimey, that's a lot of tablets.",
    "I did the walking group for a bit.",
    "Sorry, Doctor, I forgot the name of it.",
    "we went to the Indian restaurant for her birthday.",
    "I'm on 150 mg of venlafaxine and 7.5 of zopiclone.",
    "call 111 or 999 if it gets worse.",
    "I was up at 6 and in bed by 10.",
    "Joy, honestly, is not what I felt.",
]


def render(template: str, rng: random.Random) -> tuple[list[tuple[str, str | None]], bool]:
    """The template's pieces: (text, entity type or None), fillers drawn."""
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        pieces.append((template[cursor : m.start()], None))
        slot = m.group(1)
        if slot == "f":
            pieces.append((rng.choice(FILLERS), None))
        else:
            entity_type, make = SLOTS[slot]
            pieces.append((make(rng), entity_type))
        cursor = m.end()
    pieces.append((template[cursor:], None))
    return pieces, any(t for _, t in pieces)


def _asr(text: str) -> str:
    """As a speech recogniser writes it: lower case, no commas or full stops."""
    return re.sub(r"[,.?!](?=\s|$)", "", text.lower())


def record(record_id: str, pieces: list[tuple[str, str | None]], lowercase: bool) -> dict:
    """One JSONL record; offsets follow the text after any lower-casing."""
    text, entities = "", []
    for piece, entity_type in pieces:
        piece = _asr(piece) if lowercase else piece
        if entity_type and piece:
            if not text and not lowercase:
                piece = piece[0].upper() + piece[1:]
            entities.append(
                {"start": len(text), "end": len(text) + len(piece), "entity_type": entity_type,
                 "class": "direct" if entity_type in DIRECT else "quasi", "value": piece}
            )  # fmt: skip
        elif not text and not lowercase and piece:
            piece = piece[0].upper() + piece[1:]
        text += piece
    return {"id": record_id, "text": text, "entities": entities}


def generate(seed: int, prefix: str = "sp2") -> list[dict]:
    """Every template filled FILLS_PER_TEMPLATE times, negatives twice; deterministic."""
    rng = random.Random(seed)
    out = []
    for bank, templates, fills in (("s", TEMPLATES, FILLS_PER_TEMPLATE), ("n", NEGATIVES, 2)):
        for t_index, template in enumerate(templates):
            for fill in range(fills):
                pieces, _ = render(template, rng)
                lowercase = rng.random() < LOWERCASE_SHARE
                out.append(record(f"{prefix}_{bank}{t_index:03d}_{fill}", pieces, lowercase))
    return out


def main() -> None:
    """Write both parts, or one part to a given path with a given seed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args()
    if args.out is not None or args.seed is not None:
        path, seed, prefix = args.out or HERE / "speech2_custom.jsonl", args.seed or 1, "sp2c"
        targets = [(path, seed, prefix)]
    else:
        targets = list(PARTS.values())
    for path, seed, prefix in targets:
        records = generate(seed, prefix)
        with path.open("w", encoding="utf-8") as handle:
            for rec in records:
                handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"wrote {len(records)} records to {path}")


if __name__ == "__main__":
    main()
