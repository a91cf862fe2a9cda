"""Write the gold-annotated evaluation set of UK interview utterances (deterministic, stdlib only).

Every person and organisation is fictional; towns are real places; phone numbers come from
Ofcom's drama ranges, e-mail addresses use example.* domains, NHS numbers carry a valid mod-11
checksum and NI numbers a valid prefix. See README.md for the annotation guideline.

Usage: python examples/evaluation/generate_gold.py [--out PATH] [--seed S] [--records N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import gold_templates as tpl
import gold_vocab as voc

DEFAULT_OUT = Path(__file__).resolve().parent / "gold.jsonl"
DEFAULT_SEED = 20250314
DEFAULT_RECORDS = 900
NEGATIVE_SHARE = 0.3
LOWERCASE_SHARE = 0.18

DIRECT = frozenset(
    {
        "PERSON",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "UK_NHS",
        "UK_NINO",
        "UK_POSTCODE",
        "STREET_ADDRESS",
        "URL",
    }
)
MONTHS = voc.words("""
January
February
March
April
May
June
July
August
September
October
November
December
""")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HOLIDAYS = ("Christmas", "Easter", "Boxing Day", "New Year's Eve", "Bonfire Night", "Eid")
ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ONES += ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen")
ONES += ("eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
DECADES = ("teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies")


@dataclass(frozen=True)
class Fill:
    """A slot's text and, for identifiers, its entity type."""

    text: str
    entity_type: str | None = None


Slot = Callable[[random.Random], Fill]


def number_words(n: int) -> str:
    """English words for 0-99, hyphenated as written ('thirty-four')."""
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def nhs_number(rng: random.Random) -> str:
    """Ten digits whose last is the mod-11 check digit of the first nine."""
    while True:
        digits = [rng.randint(3, 7)] + [rng.randint(0, 9) for _ in range(8)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 10:
            continue
        return "".join(map(str, [*digits, 0 if check == 11 else check]))


NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_BANNED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


# --- identifier slots ---------------------------------------------------------------------


def first_name(rng: random.Random) -> str:
    """Mostly common UK first names, a third unusual ones."""
    return rng.choice(voc.UNUSUAL_FIRST if rng.random() < 0.3 else voc.COMMON_FIRST)


def titled(rng: random.Random) -> str:
    """'Dr Khan', 'Mrs Patel', sometimes with a first name: 'Dr Amir Khan'."""
    title = rng.choice(voc.TITLES)
    if rng.random() < 0.15:
        return f"{title} {first_name(rng)} {rng.choice(voc.SURNAMES)}"
    return f"{title} {rng.choice(voc.SURNAMES)}"


def phone(rng: random.Random) -> str:
    """A number from Ofcom's drama ranges in one of the ways people write them."""
    n = rng.randint(0, 999)
    kind = rng.random()
    if kind < 0.5:
        style = rng.choice(
            [
                "07700 900{n:03d}",
                "07700900{n:03d}",
                "+44 7700 900{n:03d}",
                "+447700900{n:03d}",
                "07700 900 {n:03d}",
                "07700 900{n:03d}",
            ]
        )
        return style.format(n=n)
    if kind < 0.8:
        code, exchange = rng.choice(
            [
                ("0113", "496"),
                ("0161", "496"),
                ("0114", "496"),
                ("0121", "496"),
                ("0117", "496"),
                ("0115", "496"),
                ("0191", "498"),
                ("0141", "496"),
            ]
        )
        style = rng.choice(
            ["{c} {e} 0{n:03d}", "{c} {e}0{n:03d}", "{c}{e}0{n:03d}", "({c}) {e} 0{n:03d}"]
        )
        return style.format(c=code, e=exchange, n=n)
    return rng.choice(["020 7946 0{n:03d}", "0207 946 0{n:03d}", "02079460{n:03d}"]).format(n=n)


def email(rng: random.Random) -> str:
    """An example.* address built from an ASCII name."""
    first = rng.choice([n for n in voc.COMMON_FIRST if n.isascii()]).lower()
    last = rng.choice([s for s in voc.SURNAMES if s.isalpha() and s.isascii()]).lower()
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{first}{rng.randint(70, 99)}",
            f"{first[0]}{last}",
            f"{first}_{last}",
            f"{last}.{first}{rng.randint(1, 9)}",
        ]
    )
    return f"{local}@example.{rng.choice(['com', 'org', 'net'])}"


def nhs(rng: random.Random) -> str:
    """A checksum-valid NHS number, spaced 3-3-4 or run together."""
    digits = nhs_number(rng)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if rng.random() < 0.7 else digits


def nino(rng: random.Random) -> str:
    """A National Insurance number with a valid prefix, spaced or not."""
    while True:
        prefix = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if prefix not in NINO_BANNED:
            break
    pairs = [f"{rng.randint(0, 99):02d}" for _ in range(3)]
    suffix = rng.choice("ABCD")
    style = rng.random()
    if style < 0.5:
        return f"{prefix} {' '.join(pairs)} {suffix}"
    if style < 0.8:
        return f"{prefix}{''.join(pairs)}{suffix}"
    return f"{prefix} {''.join(pairs)} {suffix}"


def postcode(rng: random.Random) -> str:
    """A valid-format postcode in an area the towns belong to."""
    inward = f"{rng.randint(0, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    space = "" if rng.random() < 0.15 else " "
    return f"{rng.choice(voc.POSTCODE_AREAS)}{space}{inward}"


def address(rng: random.Random) -> str:
    """A house number and street, sometimes with a flat: 'flat 3, 27 Mill Lane'."""
    street = f"{rng.choice(voc.STREET_STEMS)} {rng.choice(voc.STREET_SUFFIXES)}"
    number = str(rng.randint(1, 160))
    kind = rng.random()
    if kind < 0.2:
        return f"{rng.choice(['flat', 'Flat'])} {rng.randint(1, 24)}, {number} {street}"
    if kind < 0.3:
        return f"{number}{rng.choice('ab')} {street}"
    return f"{number} {street}"


def url(rng: random.Random) -> str:
    """A web address on an example domain."""
    domain = f"example.{rng.choice(['org', 'com', 'net'])}"
    path = rng.choice(voc.URL_PATHS)
    style = rng.choice(["www.{d}/{p}", "https://{d}/{p}", "https://www.{d}/{p}", "{d}/{p}"])
    return style.format(d=domain, p=path)


# --- quasi-identifier slots ---------------------------------------------------------------


def year(rng: random.Random) -> int:
    """A year in living memory of the participants."""
    return rng.randint(1995, 2023)


def date_ord(rng: random.Random) -> str:
    """'3rd of March 2019' or '12th of May' (the template supplies 'the')."""
    text = f"{ordinal(rng.randint(1, 28))} of {rng.choice(MONTHS)}"
    return f"{text} {year(rng)}" if rng.random() < 0.6 else text


def date_spoken(rng: random.Random) -> str:
    """A date the way people say it without 'the' in front."""
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    return rng.choice(
        [
            f"{month} the {ordinal(day)}",
            f"{month} {ordinal(day)}",
            f"{day} {month} {year(rng)}",
            f"{rng.choice(WEEKDAYS)} the {ordinal(day)} of {month}",
        ]
    )


def date_num(rng: random.Random) -> str:
    """A numeric date: 14/06/2021, 3/3/19, 14.06.21."""
    day, month, y = rng.randint(1, 28), rng.randint(1, 12), year(rng)
    return rng.choice(
        [f"{day:02d}/{month:02d}/{y}", f"{day}/{month}/{y % 100:02d}", f"{day:02d}.{month:02d}.{y}"]
    )


def age(rng: random.Random, low: int, high: int, words_share: float = 0.25) -> str:
    """An age as digits or, as often transcribed, in words."""
    n = rng.randint(low, high)
    return number_words(n) if rng.random() < words_share else str(n)


def age_old(rng: random.Random) -> str:
    """'58 years old' (the whole phrase is the age)."""
    return f"{age(rng, 30, 88)} years old"


def age_decade(rng: random.Random) -> str:
    """'forties', 'early twenties', 'mid-thirties'."""
    decade = rng.choice(DECADES[1:])
    return rng.choice(["", "", "early ", "late ", "mid ", "mid-"]) + decade


# --- filler slots (never annotated) ------------------------------------------------------

START_FILLERS = ("", "", "", "Erm, ", "Yeah, ", "So ", "Well, ", "Oh, ", "Honestly, ")
START_FILLERS += ("I mean, ", "Right, so ", "Yeah, no, ", "Erm, yeah, ")
FILLERS = ("", "", "", "", "erm, ", "you know, ", "like, ", "I mean, ", "to be fair, ")
SERVICES = ("peer support worker", "care coordinator", "support worker", "crisis team")
SERVICES += ("CMHT", "home treatment team", "Recovery College", "social worker", "GP")
MEDICATIONS = ("sertraline", "mirtazapine", "fluoxetine", "citalopram", "olanzapine")
MEDICATIONS += ("quetiapine", "lithium", "pregabalin", "venlafaxine")
DIAGNOSES = ("PTSD", "OCD", "BPD", "EUPD", "bipolar", "psychosis", "ADHD", "depression")
GENERIC_TIMES = ("every week", "years ago", "a couple of months", "about a year", "ages")
GENERIC_TIMES += ("a few weeks", "most of last year", "a long time", "two years")
APPS = ("Instagram", "Facebook", "WhatsApp", "TikTok", "Zoom", "Snapchat", "YouTube")


def pick(pool: tuple[str, ...], entity_type: str | None = None) -> Slot:
    """A slot that picks from a pool."""
    return lambda rng: Fill(rng.choice(pool), entity_type)


def entity(entity_type: str, make: Callable[[random.Random], object]) -> Slot:
    """A slot whose text comes from a generator function."""
    return lambda rng: Fill(str(make(rng)), entity_type)


SLOTS: dict[str, Slot] = {
    "first": entity("PERSON", first_name),
    "full": entity("PERSON", lambda r: f"{first_name(r)} {r.choice(voc.SURNAMES)}"),
    "titled": entity("PERSON", titled),
    "nick": pick(voc.NICKNAMES, "PERSON"),
    "wordname": pick(voc.WORD_NAMES, "PERSON"),
    "phone": entity("PHONE_NUMBER", phone),
    "email": entity("EMAIL_ADDRESS", email),
    "nhs": entity("UK_NHS", nhs),
    "nino": entity("UK_NINO", nino),
    "postcode": entity("UK_POSTCODE", postcode),
    "address": entity("STREET_ADDRESS", address),
    "url": entity("URL", url),
    "handle": entity("URL", lambda r: "@" + r.choice(voc.HANDLE_STEMS)),
    "town": pick(voc.TOWNS, "LOCATION"),
    "district": pick(voc.DISTRICTS, "LOCATION"),
    "landmark": pick(voc.LANDMARK_STREETS, "LOCATION"),
    "abroad": pick(voc.ABROAD, "LOCATION"),
    "wordtown": pick(voc.WORD_TOWNS, "LOCATION"),
    "hospital": pick(voc.HOSPITALS, "ORGANIZATION"),
    "ward": pick(voc.WARDS, "ORGANIZATION"),
    "trust": pick(voc.TRUSTS, "ORGANIZATION"),
    "school": pick(voc.SCHOOLS, "ORGANIZATION"),
    "employer": pick(voc.EMPLOYERS, "ORGANIZATION"),
    "council": pick(voc.COUNCILS, "ORGANIZATION"),
    "venue": pick(voc.VENUES, "ORGANIZATION"),
    "worship": pick(voc.WORSHIP, "ORGANIZATION"),
    "surgery": pick(voc.SURGERIES, "ORGANIZATION"),
    "charity": pick(voc.LOCAL_CHARITIES, "ORGANIZATION"),
    "date_ord": entity("DATE_TIME", date_ord),
    "date_spoken": entity("DATE_TIME", date_spoken),
    "date_num": entity("DATE_TIME", date_num),
    "date_my": entity("DATE_TIME", lambda r: f"{r.choice(MONTHS)} {year(r)}"),
    "date_hol": entity("DATE_TIME", lambda r: f"{r.choice(HOLIDAYS)} {year(r)}"),
    "year": entity("DATE_TIME", year),
    "age": entity("AGE", lambda r: age(r, 18, 79)),
    "age_young": entity("AGE", lambda r: age(r, 18, 29)),
    "age_teen": entity("AGE", lambda r: age(r, 11, 17, 0.35)),
    "age_old": entity("AGE", age_old),
    "age_adj": entity("AGE", lambda r: f"{r.randint(16, 30)}-year-old"),
    "age_decade": entity("AGE", age_decade),
    "F": pick(START_FILLERS),
    "f": pick(FILLERS),
    "service": pick(SERVICES),
    "med": pick(MEDICATIONS),
    "diag": pick(DIAGNOSES),
    "tgen": pick(GENERIC_TIMES),
    "app": pick(APPS),
}
SLOT = re.compile(r"\{([^{}]*)\}")
TRANSCRIBER_PUNCTUATION = re.compile(r"[,.?!;]")


def _transcriber_literal(text: str) -> str:
    """How an automatic transcriber without punctuation writes ordinary words."""
    return TRANSCRIBER_PUNCTUATION.sub("", text).lower()


def _transcriber_value(text: str, entity_type: str) -> str:
    """How such a transcriber writes an identifier: lowercase, titles and lists unpunctuated."""
    text = text.lower()
    if entity_type == "PERSON":
        text = text.replace(".", "")
    if entity_type == "STREET_ADDRESS":
        text = text.replace(",", "")
    if entity_type == "AGE":
        text = text.replace("-", " ")
    return text


def render(template: str, rng: random.Random, lowercase: bool) -> tuple[str, list[dict]]:
    """Fill a template; return the text and its annotated entities."""
    if template.startswith("~"):
        template, lowercase = template[1:], True
    pieces: list[str] = []
    entities: list[dict] = []
    used: dict[str, set[str]] = {}
    position = 0
    for i, part in enumerate(SLOT.split(template)):
        if i % 2 == 0 or "|" in part:
            text = rng.choice(part.split("|")) if i % 2 else part
            text = _transcriber_literal(text) if lowercase else text
            if not pieces and not lowercase:
                text = text[:1].upper() + text[1:]
            entity_type = None
        else:
            fill = SLOTS[part](rng)
            for _ in range(10):
                if fill.text not in used.get(part, set()):
                    break
                fill = SLOTS[part](rng)
            used.setdefault(part, set()).add(fill.text)
            entity_type = fill.entity_type
            text = fill.text
            if lowercase:
                text = (
                    _transcriber_value(text, entity_type)
                    if entity_type
                    else _transcriber_literal(text)
                )
            elif not pieces and entity_type is None:
                text = text[:1].upper() + text[1:]
        if not text:
            continue
        if entity_type:
            entities.append(
                {
                    "start": position,
                    "end": position + len(text),
                    "entity_type": entity_type,
                    "class": "direct" if entity_type in DIRECT else "quasi",
                    "value": text,
                }
            )
        pieces.append(text)
        position += len(text)
    return "".join(pieces).rstrip(), entities


def check(record: dict) -> None:
    """Fail loudly on any annotation that does not match its text."""
    text, last_end = record["text"], 0
    assert "  " not in text and text == text.strip(), record
    for ent in record["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["value"], record
        assert ent["value"] == ent["value"].strip() and ent["value"], record
        assert ent["start"] >= last_end, record
        last_end = ent["end"]


def _cycle(templates: tuple[str, ...], n: int, rng: random.Random) -> list[str]:
    """n templates, each used about equally often, in random order."""
    out: list[str] = []
    while len(out) < n:
        batch = list(templates)
        rng.shuffle(batch)
        out.extend(batch)
    return out[:n]


def generate(seed: int = DEFAULT_SEED, records: int = DEFAULT_RECORDS) -> list[dict]:
    """All gold records, in a deterministic order."""
    rng = random.Random(seed)
    negatives = round(records * NEGATIVE_SHARE)
    # Contact utterances are rarer in real interviews, but each direct type needs enough cases.
    positive_pool = tpl.SERVICE_USER + tpl.THERAPY_CLIENT + tpl.STAFF + tpl.CONTACT * 2
    plan = [(t, True) for t in _cycle(positive_pool, records - negatives, rng)]
    plan += [(t, False) for t in _cycle(tpl.NEGATIVE, negatives, rng)]
    rng.shuffle(plan)
    out = []
    for i, (template, positive) in enumerate(plan, start=1):
        text, entities = render(template, rng, rng.random() < LOWERCASE_SHARE)
        assert bool(entities) == positive, template
        record = {"id": f"g{i:04d}", "text": text, "entities": entities}
        check(record)
        out.append(record)
    return out


def main(argv: list[str] | None = None) -> None:
    """Write the gold set and print a summary of what it holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--records", type=int, default=DEFAULT_RECORDS)
    args = parser.parse_args(argv)
    records = generate(args.seed, args.records)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts = Counter(e["entity_type"] for r in records for e in r["entities"])
    empty = sum(1 for r in records if not r["entities"])
    print(f"wrote {len(records)} records ({empty} without identifiers) to {args.out}")
    for entity_type, n in sorted(counts.items()):
        print(f"  {entity_type:<15} {n}")


if __name__ == "__main__":
    main()
