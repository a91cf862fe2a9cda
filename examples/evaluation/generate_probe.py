"""Write probe_dev.jsonl and probe_test.jsonl: identifiers planted in UK interview speech.

A combinatorial probe: carrier sentences (`probe_templates.py`, one bank per class) are
filled with identifiers made in many surface forms (`probe_values.py`): names in Title,
lower and UPPER case, names that are everyday words, possessives, disfluencies; phone
numbers in every written and spoken grouping; NHS numbers (valid and invalid mod 11) and NI
numbers spaced, dotted and read out; postcodes written and spoken; e-mail addresses read
out; house addresses with numbers in digits or words; ages and dates in every phrasing;
organisations and places not in any list. About 35% of records are written as a speech
recogniser writes them (lower case, no commas or full stops).

The dev and test parts share no carrier sentence (every third template of each bank is
test-only) and no value (every pool is split in two). Deterministic (stdlib `random` and
Faker with fixed seeds). Usage:
    python examples/evaluation/generate_probe.py
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import probe_values as pv
from probe_templates import BANKS

HERE = Path(__file__).resolve().parent
PARTS = {
    "dev": (HERE / "probe_dev.jsonl", 4242, "pr", 3),
    "test": (HERE / "probe_test.jsonl", 8686, "prt", 6),
}
LOWERCASE_SHARE = 0.35
DIRECT = frozenset(
    {
        "PERSON",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "UK_NINO",
        "UK_NHS",
        "UK_POSTCODE",
        "STREET_ADDRESS",
    }
)
FILLERS = ["um,", "er,", "like,", "you know,", "uh", "erm,"]
SLOT = re.compile(r"\{(\w+)\}")
Fill = tuple[str, str | None]


class Slots:
    """Makers of one part's slot fillers; each returns (surface text, entity type or None)."""

    def __init__(self, rng: random.Random, part: str) -> None:
        self.rng = rng
        self.part = part
        first, last = pv.faker_names(11)
        self.first = pv.part_pool(first, part)
        self.last = pv.part_pool(last, part)
        self.words = pv.part_pool(pv.WORD_NAMES, part)
        self.towns = pv.part_pool(pv.TOWNS, part)
        self.streets = pv.part_pool(pv.STREETS, part)
        self.stems = pv.part_pool(pv.ORG_STEMS, part)

    def fill(self, slot: str) -> Fill:
        """The filler of one slot."""
        maker: Callable[[], Fill] = getattr(self, f"s_{slot}")
        return maker()

    def cased(self, name: str) -> str:
        """A name as written: Title case mostly, sometimes lower or UPPER."""
        roll = self.rng.random()
        return name.lower() if roll < 0.2 else name.upper() if roll < 0.28 else name

    def s_um(self) -> Fill:
        return self.rng.choice(FILLERS), None

    def s_first(self) -> Fill:
        return self.cased(self.rng.choice(self.first)), "PERSON"

    def s_surname(self) -> Fill:
        return self.cased(self.rng.choice(self.last)), "PERSON"

    def s_full(self) -> Fill:
        return self.cased(f"{self.rng.choice(self.first)} {self.rng.choice(self.last)}"), "PERSON"

    def s_titled(self) -> Fill:
        title = self.rng.choice(pv.TITLES)
        return self.cased(f"{title} {self.rng.choice(self.last)}"), "PERSON"

    def s_wordname(self) -> Fill:
        return self.cased(self.rng.choice(self.words)), "PERSON"

    def s_phone(self) -> Fill:
        area, rest = pv.phone_digits(self.rng, self.part)
        if self.rng.random() < 0.45:
            return self.spoken_phone(area, rest), "PHONE_NUMBER"
        national = area[1:]
        forms = [
            f"{area} {rest}",
            f"{area}{rest}",
            f"+44 {national} {rest}",
            f"+44 (0){national} {rest}",
            f"({area}) {rest}",
            f"{area}-{rest}",
            f"{area} {rest[:3]} {rest[3:]}",
            f"+44{national}{rest}",
            f"{area[:3]} {area[3:]}{rest[:2]} {rest[2:]}",
            f"{area}.{rest[:3]}.{rest[3:]}",
        ]
        return self.rng.choice(forms), "PHONE_NUMBER"

    def spoken_phone(self, area: str, rest: str) -> str:
        """A phone number read out in groups, commas or pauses between them."""
        sep = self.rng.choice([", ", " ", " ... "])
        groups = [area, *pv.group(rest, self.rng.choice([(3, 3), (3, 4), (4, 4), (2, 2, 2)]))]
        if self.rng.random() < 0.2:
            groups[0] = "plus four four " + pv.spoken_digits(area[1:], self.rng)
            return sep.join([groups[0], *(pv.spoken_digits(g, self.rng) for g in groups[1:])])
        return sep.join(pv.spoken_digits(g, self.rng) for g in groups)

    def s_nhs(self, valid: bool = True) -> Fill:
        digits = pv.nhs_number(self.rng, self.part, valid)
        three = pv.group(digits, (3, 3, 4))
        forms = [
            " ".join(three),
            digits,
            "-".join(three),
            ".".join(three),
            ", ".join(pv.spoken_digits(g, self.rng) for g in three),
            pv.spoken_digits(digits, self.rng),
        ]
        return self.rng.choice(forms), "UK_NHS"

    def s_nhs_bad(self) -> Fill:
        return self.s_nhs(valid=False)

    def s_nino(self) -> Fill:
        code = pv.nino(self.rng, self.part)
        pairs = " ".join(pv.group(code[2:8], (2, 2, 2)))
        spoken = " ".join([*code[:2], pv.spoken_digits(code[2:8], self.rng), code[8]])
        forms = [
            code,
            f"{code[:2]} {pairs} {code[8]}",
            f"{code[:2]}.{pairs.replace(' ', '.')}.{code[8]}",
            code.lower(),
            f"{code[:2]} {code[2:8]} {code[8]}",
            spoken,
            " ".join(code),
        ]
        return self.rng.choice(forms), "UK_NINO"

    def s_postcode(self) -> Fill:
        code = pv.postcode(self.rng, self.part)
        outward, inward = code.split()
        said = [c if c.isalpha() else pv.UNITS[int(c)] for c in outward]
        spoken = (
            " ".join(said)
            + self.rng.choice([", ", " "])
            + " ".join([pv.UNITS[int(inward[0])], inward[1], inward[2]])
        )
        forms = [code, code.replace(" ", ""), code.lower(), spoken, f"{outward}, {inward}"]
        return self.rng.choice(forms), "UK_POSTCODE"

    def s_email(self) -> Fill:
        first = self.rng.choice(self.first).lower()
        last = self.rng.choice(self.last).lower()
        num = str(self.rng.randint(1, 99))
        domain = self.rng.choice(pv.DOMAINS)
        users = [
            f"{first} dot {last}",
            f"{first}{last}",
            f"{first[0]} {last} {num}",
            f"{first} underscore {last}",
            f"{last} {pv.number_words(int(num))}",
        ]
        if self.rng.random() < 0.25:
            written = domain.replace(" dot ", ".")
            return f"{first}.{last}{num}@{written}", "EMAIL_ADDRESS"
        return f"{self.rng.choice(users)} at {domain}", "EMAIL_ADDRESS"

    def s_address(self) -> Fill:
        n = self.rng.randint(1, 160)
        number = self.rng.choice(
            [str(n), pv.number_words(n % 100 or 7), f"{n}{self.rng.choice('ab')}"]
        )
        street = f"{self.rng.choice(self.streets)} {self.rng.choice(pv.STREET_TYPES)}"
        if self.rng.random() < 0.2:
            number = f"flat {self.rng.randint(1, 12)}, {number}"
        return self.cased(f"{number} {street}"), "STREET_ADDRESS"

    def age(self) -> int:
        """An age; dev ages are even, test ages odd."""
        return self.rng.randrange(2 if self.part == "dev" else 3, 96, 2)

    def s_age_n(self) -> Fill:
        return str(self.age()), "AGE"

    def s_age_w(self) -> Fill:
        words = pv.number_words(self.age())
        return (words.replace("-", " ") if self.rng.random() < 0.3 else words), "AGE"

    s_age_w2 = s_age_w

    def s_age_dec(self) -> Fill:
        decade = self.rng.choice(pv.TENS[1 if self.part == "dev" else 0 :: 2])
        lead = self.rng.choice(["", "", "early ", "mid ", "late "])
        return f"{lead}{decade[:-1]}ies", "AGE"

    def s_age_yo(self) -> Fill:
        age = self.age()
        return self.rng.choice([f"{age} years old", f"{pv.number_words(age)} years old"]), "AGE"

    def s_age_hy(self) -> Fill:
        age = self.age()
        return self.rng.choice([f"{age}-year-old", f"{pv.number_words(age)}-year-old"]), "AGE"

    def day_month(self) -> tuple[int, int]:
        """A day and month; dev days are odd, test days even."""
        day = self.rng.randrange(1 if self.part == "dev" else 2, 29, 2)
        return day, self.rng.randint(1, 12)

    def s_date_dm(self) -> Fill:
        day, month = self.day_month()
        name, word = pv.MONTHS[month - 1], pv.ORDINALS[day - 1]
        suffix = {1: "st", 21: "st", 2: "nd", 22: "nd", 3: "rd", 23: "rd"}.get(day, "th")
        th = f"{day}{suffix}"
        forms = [
            f"{word} of {name}",
            f"{th} of {name}",
            f"{name} the {word}",
            f"{day} {name}",
            f"{th} {name}",
            f"{word} {name}",
        ]
        return self.rng.choice(forms), "DATE_TIME"

    def year_value(self) -> int:
        """A year; dev years are even, test years odd."""
        return self.rng.randrange(1940 if self.part == "dev" else 1941, 2025, 2)

    def s_date_dmy(self) -> Fill:
        text, _ = self.s_date_dm()
        year = self.year_value()
        said = str(year) if self.rng.random() < 0.5 else pv.year_words(year, self.rng)
        return f"{text}{self.rng.choice([' ', ', '])}{said}", "DATE_TIME"

    def s_date_my(self) -> Fill:
        year = self.year_value()
        said = str(year) if self.rng.random() < 0.5 else pv.year_words(year, self.rng)
        return f"{self.rng.choice(pv.MONTHS)} {said}", "DATE_TIME"

    def s_year(self) -> Fill:
        return str(self.year_value()), "DATE_TIME"

    def s_year_short(self) -> Fill:
        year = self.year_value()
        short = year % 100
        return self.rng.choice(
            [pv.number_words(short) if short >= 10 else f"oh {pv.UNITS[short]}", f"'{short:02d}"]
        ), "DATE_TIME"

    def s_date_num(self) -> Fill:
        day, month = self.day_month()
        year = self.year_value()
        sep = self.rng.choice("/.-")
        yy = str(year) if self.rng.random() < 0.6 else f"{year % 100:02d}"
        return f"{day:02d}{sep}{month:02d}{sep}{yy}", "DATE_TIME"

    def s_dob(self) -> Fill:
        day, month = self.day_month()
        year = self.year_value()
        short = pv.number_words(year % 100)
        forms = [
            f"{pv.ORDINALS[day - 1]} of the {pv.ORDINALS[month - 1]}, {short}",
            f"{pv.number_words(day)} {pv.spoken_digits(f'{month:02d}', self.rng)} {short}",
            f"{day}/{month}/{year}",
            f"{self.s_date_dmy()[0]}",
            f"{pv.number_words(day)}, {pv.number_words(month)}, {pv.year_words(year, self.rng)}",
        ]
        return self.rng.choice(forms), "DATE_TIME"

    def stem(self) -> str:
        return self.rng.choice(self.stems)

    def s_employer(self) -> Fill:
        return self.cased(f"{self.stem()} {self.rng.choice(pv.FIRM_WORDS)}"), "ORGANIZATION"

    def s_school(self) -> Fill:
        forms = [
            f"{self.rng.choice(pv.SAINTS)} primary",
            f"{self.stem()} Academy",
            f"{self.stem()} High School",
            f"{self.stem()} Primary",
            f"{self.rng.choice(pv.SAINTS)} Catholic School",
        ]
        return self.cased(self.rng.choice(forms)), "ORGANIZATION"

    def s_hospital(self) -> Fill:
        head = self.rng.choice(
            ["General", "Hospital", "Infirmary", "Royal Infirmary", "Community Hospital"]
        )
        return self.cased(f"{self.stem()} {head}"), "ORGANIZATION"

    def s_ward(self) -> Fill:
        word = self.rng.choice(pv.part_pool(pv.WARD_WORDS, self.part))
        return self.cased(
            self.rng.choice([f"{word} ward", f"{word} Ward", f"{word} unit"])
        ), "ORGANIZATION"

    def s_charity(self) -> Fill:
        head = self.rng.choice(
            ["Carers", "Trust", "Food Project", "Foundation", "Community Project", "Women's Centre"]
        )
        return self.cased(f"{self.stem()} {head}"), "ORGANIZATION"

    def s_group(self) -> Fill:
        head = self.rng.choice(["group", "Group", "men's group", "Recovery Cafe", "drop-in"])
        return self.cased(f"{self.stem()} {head}"), "ORGANIZATION"

    def s_surgery(self) -> Fill:
        street = f"{self.rng.choice(self.streets)} {self.rng.choice(pv.STREET_TYPES)}"
        head = self.rng.choice(
            ["Surgery", "surgery", "Medical Centre", "Health Centre", "Practice"]
        )
        return self.cased(f"{street} {head}"), "ORGANIZATION"

    def s_town(self) -> Fill:
        return self.cased(self.rng.choice(self.towns)), "LOCATION"

    def s_street_place(self) -> Fill:
        street = f"{self.rng.choice(self.streets)} {self.rng.choice(pv.STREET_TYPES)}"
        return self.cased(street), "LOCATION"


def render(template: str, slots: Slots, asr: bool) -> tuple[str, list[dict[str, object]]]:
    """Fill a template; in speech-recogniser form, lower case and no commas or full stops."""
    text, entities, pos = "", [], 0
    for match in SLOT.finditer(template):
        literal = template[pos : match.start()]
        surface, entity_type = slots.fill(match.group(1))
        if asr:
            literal = re.sub(r"[,.?]", "", literal.lower())
            surface = (
                surface.lower().replace(",", "")
                if entity_type
                else re.sub(r"[,.]", "", surface.lower())
            )
        text += literal
        if entity_type:
            entities.append(
                {
                    "start": len(text),
                    "end": len(text) + len(surface),
                    "entity_type": entity_type,
                    "class": "direct" if entity_type in DIRECT else "quasi",
                    "value": surface,
                }
            )
        text += surface
        pos = match.end()
    tail = template[pos:]
    text += re.sub(r"[,.?]", "", tail.lower()) if asr else tail
    if not asr and text[:1].islower() and not (entities and entities[0]["start"] == 0):
        text = text[0].upper() + text[1:]
    for entity in entities:
        if text[int(str(entity["start"])) : int(str(entity["end"]))] != entity["value"]:
            raise ValueError(f"offsets out of step in: {template}")
    return text, entities


def templates_of(part: str) -> list[str]:
    """The part's carrier sentences: every third template of each bank is test-only."""
    want = part == "test"
    return [t for bank in BANKS.values() for i, t in enumerate(bank) if (i % 3 == 2) == want]


def build(part: str) -> list[dict[str, object]]:
    """All records of one part."""
    _, seed, prefix, fills = PARTS[part]
    rng = random.Random(seed)
    slots = Slots(rng, part)
    records = []
    for template in templates_of(part):
        # A sentence without slots differs only in its casing: one draw is enough.
        for _ in range(fills if SLOT.search(template) else 1):
            text, entities = render(template, slots, rng.random() < LOWERCASE_SHARE)
            records.append(
                {"id": f"{prefix}{len(records) + 1:04d}", "text": text, "entities": entities}
            )
    return records


def main() -> None:
    """Write both parts."""
    for part, (path, *_rest) in PARTS.items():
        lines = [json.dumps(r, ensure_ascii=False) for r in build(part)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(lines)} records")


if __name__ == "__main__":
    main()
