"""Value makers for the probe set: names, numbers, codes, ages, dates, organisations, places.

Every maker takes a random generator and a part ("dev" or "test") and returns the surface
text of one identifier. The two parts draw from disjoint pools: word lists are split by
position (even to dev, odd to test) and generated numbers by a digit or letter that differs
between the parts, so no test value is ever seen while tuning.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from faker import Faker

UNITS = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDINALS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh
twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
twenty-first twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh
twenty-eighth twenty-ninth thirtieth thirty-first""".split()
MONTHS = """January February March April May June July August September October November
December""".split()
# First names that are also everyday words: only the sentence makes them names.
WORD_NAMES = """Rose Will Mark Hope Amber Dawn Victoria Grace Summer Jack Bill Frank Joy
Faith Ruby Holly Rob Sue Pat Daisy Ivy Iris Carol Robin Sandy Bob Ray Heather Jade Crystal
Pearl Penny Rusty Hazel Autumn Drew""".split()
TITLES = ["Dr", "Doctor", "Mrs", "Mr", "Miss", "Ms", "Nurse", "Sister"]
TOWNS = """Huddersfield|Stoke-on-Trent|Milton Keynes|Bury St Edmunds|Weston-super-Mare|
Hebden Bridge|Burnley|Ashton-under-Lyne|Newcastle upon Tyne|Kings Lynn|Market Drayton|Halesowen|
Stockton-on-Tees|Sutton Coldfield|Leighton Buzzard|Chipping Norton|Barrow-in-Furness|Redcar|
Royal Leamington Spa|Castleford|Bishop Auckland|Henley-on-Thames|Tunbridge Wells|Ellesmere Port|
Clacton-on-Sea|Newport Pagnell|Saffron Walden|Much Wenlock|Berwick-upon-Tweed|Nuneaton|
Haverfordwest|Merthyr Tydfil|Ross-on-Wye|Cleethorpes|Stow-on-the-Wold|Brierley Hill|
Westhoughton|Kirkby-in-Ashfield|Great Yarmouth|Carlton Colville|Abergavenny|Chapel-en-le-Frith|
Thornton-Cleveleys|Whitley Bay|Bradford-on-Avon|Moreton-in-Marsh|Dalton-in-Furness|Gorseinon|
Lytham St Annes|Melton Mowbray|East Kilbride|Port Talbot|Shepton Mallet|Kirkcaldy""".replace(
    "\n", ""
).split("|")
STREETS = """Albion|Brunswick|Cavendish|Dunstan|Elmtree|Fountains|Gascoigne|Hawthorn|Ivanhoe|
Jubilee|Kensal|Lowther|Mafeking|Nettleton|Oakwood|Primrose Hill|Queensbury|Rosedale|Sandringham|
Tennyson|Underhill|Victoria Park|Wensley|Yewtree|Beckside|Carr Bottom|Ferncliffe|Greenside|
Holme Wood|Lidget|Moor End|Nab Lane|Park View|St Mary's|Thornbury|Waterloo""".replace(
    "\n", ""
).split("|")
STREET_TYPES = """Road Street Avenue Close Lane Terrace Crescent Drive Way Grove Gardens
Place Walk Rise Mews View Court Parade Square Hill""".split()
OUTWARD = """LS6 M14 BD7 HX1 S11 NE6 B23 CF24 SW16 EH10 G12 BS5 L8 NG7 HU5 YO10 DN4 WF1 SE15
N17 E6 W3 OL9 BB10 PR1 CH41 ST4 WV10 LE3 NN2 PE1 IP4 NR3 CO1 SO15 PO4 BN2 TN34 CT9 ME7
RG1 OX4 GL1 EX4 PL4 TR1 SA1 LL57 DH1 SR4 TS1 CA1 LA1 FY1 WN1 BL1 SK1 M60""".split()
# Letters a postcode's inward code may end with.
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_BANNED = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
DOMAINS = ["gmail dot com", "hotmail dot co dot uk", "yahoo dot com", "outlook dot com",
           "btinternet dot com", "icloud dot com", "live dot co dot uk", "aol dot com",
           "sky dot com", "virginmedia dot com"]  # fmt: skip
# Ofcom's drama ranges: area code, the fixed digits, and how many digits follow.
PHONE_RANGES = [("07700", "900", 3), ("01632", "960", 3), ("020", "7946 0", 3),
                ("0113", "496 0", 3), ("0114", "496 0", 3), ("0115", "496 0", 3),
                ("0116", "496 0", 3), ("0117", "496 0", 3), ("0118", "496 0", 3),
                ("0121", "496 0", 3), ("0131", "496 0", 3), ("0141", "496 0", 3),
                ("0151", "496 0", 3), ("0161", "496 0", 3), ("0191", "498 0", 3),
                ("028", "9649 6", 3), ("029", "2018 0", 3)]  # fmt: skip
ORG_STEMS = """Aireborough|Beacon Hill|Calder Vale|Dovecote|Eastbrook|Fernlea|Glenmoor|Harrowgate|
Ingleby|Juniper Fields|Kirkstall Forge|Lindenhurst|Meadowcroft|Northcliffe|Oldfield|Pennyfields|
Quarry Bank|Ravenscar|Shawlands|Thornleigh|Upperthorpe|Valley Road|Wharfedale|Yarrow|
Ashbourne|Brackenridge|Coldwell|Dunmoor|Elmhirst|Farnley Park|Greystones|Hollybank""".replace(
    "\n", ""
).split("|")
FIRM_WORDS = """Freight|Logistics|Print|Joinery|Engineering|Plastics|Foods|Roofing|Care Homes|
Motors|Packaging|Textiles|Lettings|Glazing|Bakery|Brewery""".replace("\n", "").split("|")
SAINTS = """St Bede's|St Aidan's|Holy Trinity|St Wilfrid's|Sacred Heart|St Hilda's|Our Lady's|
St Oswald's|St Chad's|All Saints""".replace("\n", "").split("|")
WARD_WORDS = """Kingfisher|Snowdrop|Ash|Curlew|Poppy|Elm|Harebell|Osprey|Lavender|Sycamore|
Wren|Bramble|Cedar|Magpie|Tulip|Alder""".replace("\n", "").split("|")


def part_pool(values: Sequence[str], part: str) -> list[str]:
    """The part's half of a pool: even positions for dev, odd for test."""
    return list(values[0 if part == "dev" else 1 :: 2])


def faker_names(seed: int) -> tuple[list[str], list[str]]:
    """First names and surnames from several locales, sorted, without word names."""
    first: set[str] = set()
    last: set[str] = set()
    for locale in ("en_GB", "en_IE", "en_IN", "pl_PL", "en_US"):
        fake = Faker(locale)
        fake.seed_instance(seed)
        first.update(fake.first_name() for _ in range(60))
        last.update(fake.last_name() for _ in range(60))
    words = {w.casefold() for w in WORD_NAMES}
    keep = [n for n in sorted(first) if n.casefold() not in words and " " not in n]
    return keep, [n for n in sorted(last) if " " not in n]


def number_words(n: int) -> str:
    """A number below 100 in words: 'sixty-two', 'nineteen'."""
    if n < 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return TENS[tens - 2] + (f"-{UNITS[unit]}" if unit else "")


def year_words(year: int, rng: random.Random) -> str:
    """A year as said: 'nineteen eighty-four', 'two thousand and six', 'twenty nineteen'."""
    high, low = divmod(year, 100)
    if high == 20 and (low < 10 or rng.random() < 0.5):
        return "two thousand" + (f" and {number_words(low)}" if low else "")
    low_words = f"oh {UNITS[low]}" if low < 10 else number_words(low)
    return f"{number_words(high)} {low_words}"


def spoken_digits(digits: str, rng: random.Random) -> str:
    """Digits read out one by one, zero as 'oh' or 'zero', repeats sometimes 'double'."""
    zero = rng.choice(["oh", "zero", "oh"])
    words, i = [], 0
    while i < len(digits):
        d = digits[i]
        if i + 1 < len(digits) and digits[i + 1] == d and rng.random() < 0.5:
            words.append(f"double {zero if d == '0' else UNITS[int(d)]}")
            i += 2
            continue
        words.append(zero if d == "0" else UNITS[int(d)])
        i += 1
    return " ".join(words)


def group(text: str, sizes: Sequence[int]) -> list[str]:
    """Cut a string into groups of the given sizes (the rest goes to the last group)."""
    out, i = [], 0
    for size in sizes:
        out.append(text[i : i + size])
        i += size
    if i < len(text):
        out[-1] += text[i:]
    return [g for g in out if g]


def nhs_number(rng: random.Random, part: str, valid: bool = True) -> str:
    """Ten digits with a mod-11 check digit (wrong on purpose when not valid)."""
    while True:
        first = rng.choice("45" if part == "dev" else "67")
        body = first + "".join(rng.choice("0123456789") for _ in range(8))
        check = 11 - sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
        check = 0 if check == 11 else check
        if check == 10:
            continue
        if not valid:
            check = (check + rng.randint(1, 9)) % 10
        return body + str(check)


def nino(rng: random.Random, part: str) -> str:
    """A National Insurance number with a valid prefix; the parts use different suffixes."""
    while True:
        prefix = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if prefix not in NINO_BANNED:
            break
    digits = "".join(rng.choice("0123456789") for _ in range(6))
    return prefix + digits + rng.choice("AB" if part == "dev" else "CD")


def postcode(rng: random.Random, part: str) -> str:
    """A UK postcode: an outward code from the part's pool and a random inward code."""
    inward = str(rng.randint(1, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{rng.choice(part_pool(OUTWARD, part))} {inward}"


def phone_digits(rng: random.Random, part: str) -> tuple[str, str]:
    """A drama-range number (area code, rest); dev ends in an even digit, test in an odd one."""
    area, fixed, free = rng.choice(PHONE_RANGES)
    tail = "".join(rng.choice("0123456789") for _ in range(free - 1))
    tail += rng.choice("02468" if part == "dev" else "13579")
    return area, fixed.replace(" ", "") + tail
