"""Write a synthetic peer-support chat corpus with planted identifiers, as a consortium to run.

Two studies (peer support and therapy chats), each one CSV utterance table of conversations
between a helper and a client, plus the demo codebook and a consortium config that names them.
Everything is made here from short word lists and a seeded generator: no real text. About one
utterance in six carries an identifier (a name, phone number, e-mail, town, date or age), so the
de-identification engine has work to do. At scale 1 the corpus holds about 38,000 utterances and
630,000 words, the size of a large public chat corpus.

    python benchmarks/chat_corpus.py --out DIR [--scale S] [--seed N]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CODEBOOK = REPO_ROOT / "examples" / "demo" / "codebook.yaml"
FULL_UTTERANCES = 38_000
TURNS = (20, 40)
IDENTIFIER_SHARE = 1 / 6
STUDIES = (
    ("peer_chats", "peer_support", "site_a", {"Helper": "peer_worker", "Member": "client"}),
    ("therapy_chats", "therapy", "site_b", {"Helper": "therapist", "Member": "client"}),
)

FIRST = "Aisha Ben Chloe Dev Ewan Farah Gareth Hannah Imran Jade Kieran Leah Marcus Nadia Owen"
FIRST += " Priya Rhys Sian Tomasz Uma Vikram Wendy Yusuf Zara Ciaran Aoife Kwame Mei Oluwaseun"
LAST = "Ahmed Brennan Clarke Doherty Evans Fletcher Gill Hughes Iqbal Jones Kowalski Lloyd Mensah"
LAST += " Nowak Okafor Patel Quinn Roberts Singh Thompson Walsh Young Zhang MacLeod Ferreira"
TOWNS = "Halifax Huddersfield Wakefield Rotherham Barnsley Doncaster Harrogate Keighley Dewsbury"
TOWNS += " Bradford Leeds Sheffield York Scarborough Skipton Todmorden Hebden Bridge"
MONTHS = "January February March April May June July August September October November December"

OPENERS = (
    "yeah",
    "honestly",
    "I mean",
    "to be fair",
    "so",
    "well",
    "the thing is",
    "you know what",
    "okay so",
    "I suppose",
)
CLAUSES = (
    "I've been finding the evenings really hard since the last time we spoke",
    "it helped a lot that you had been there yourself and knew what it was like",
    "I didn't want to say anything at first because I thought it would sound daft",
    "the group on Thursdays has been good for getting me out of the house",
    "my sleep has been all over the place and I keep waking up at four",
    "I tried the breathing thing you showed me and it sort of worked",
    "work have been asking when I'm coming back and I don't know what to tell them",
    "it felt like you actually listened instead of just ticking boxes",
    "I went for a walk every day this week which is more than I managed before",
    "the medication makes me tired but I think it's taking the edge off",
    "when you said you'd struggled too it made me feel less on my own",
    "we talked about what to do if things get bad again over the weekend",
    "I'm not sure the new worker gets it the way you did",
    "it took me a few weeks to trust anyone enough to talk about it",
    "my mum keeps ringing to check on me which is nice but a bit much",
    "I wrote down the things that set me off like you suggested",
    "it's the mornings that are worst before I've had a chance to get going",
    "I felt like someone like me could actually get better",
    "the waiting list was so long that I nearly gave up on it",
    "I think I'm ready to try going back to the gym next week",
)
HELPER_CLAUSES = (
    "how have things been since we last spoke",
    "that sounds really hard and it makes sense you felt that way",
    "I remember feeling exactly the same when I was unwell",
    "what would help most between now and next week",
    "it's okay to take it one day at a time",
    "shall we look at the plan we made together last time",
    "I'm glad you told me that, it takes a lot to say it",
    "can I share something about myself if that's alright",
    "what did you notice when you tried it",
    "let's bring it back to you, how are you feeling about it now",
)
IDENTIFIER_CLAUSES = (
    "my {relation} {first} came round on {date} and we had a proper talk",
    "you can ring me on {phone} if the other number doesn't work",
    "my email is {email} if you want to send the leaflet",
    "I've moved to {town} now, near my sister",
    "{first} {last} from the group said she'd come with me",
    "I'm {age} next month and I still feel like I'm starting again",
    "the appointment is on {date} at the clinic in {town}",
    "ask for {first} at reception, she knows me",
)
SHORT_REPLIES = ("yeah", "okay, thanks", "mm, I know", "that makes sense", "right", "sure, go on")
RELATIONS = ("sister", "brother", "cousin", "friend", "neighbour", "son", "daughter")


def identifier_clause(rng: random.Random) -> str:
    """One clause with one or two planted identifiers."""
    first, last = rng.choice(FIRST.split()), rng.choice(LAST.split())
    day = rng.randint(1, 28)
    return rng.choice(IDENTIFIER_CLAUSES).format(
        relation=rng.choice(RELATIONS),
        first=first,
        last=last,
        date=f"the {day}th of {rng.choice(MONTHS.split())} {rng.randint(2015, 2024)}",
        phone=f"07700 900{rng.randint(0, 999):03d}",
        email=f"{first.lower()}.{last.lower()}@example.com",
        town=rng.choice(TOWNS.split()),
        age=rng.randint(19, 74),
    )


def utterance(rng: random.Random, helper: bool) -> str:
    """One chat turn: a short reply, or one to three clauses; about 17 words on average."""
    if rng.random() < 0.2:
        return rng.choice(SHORT_REPLIES).capitalize() + "."
    pool = HELPER_CLAUSES if helper else CLAUSES
    clauses = [rng.choice(pool) for _ in range(rng.choice((1, 1, 1, 1, 1, 2, 3)))]
    if rng.random() < IDENTIFIER_SHARE:
        clauses.insert(rng.randrange(len(clauses) + 1), identifier_clause(rng))
    text = ", and ".join(clauses)
    if rng.random() < 0.5:
        text = f"{rng.choice(OPENERS)}, {text}"
    return text[0].upper() + text[1:] + rng.choice((".", ".", "?", "!", ""))


def conversations(rng: random.Random, n_utterances: int) -> list[list[tuple[str, str]]]:
    """Conversations of alternating Helper and Member turns, n_utterances in all."""
    found: list[list[tuple[str, str]]] = []
    left = n_utterances
    while left > 0:
        turns = min(left, rng.randint(*TURNS))
        found.append(
            [
                ("Helper" if i % 2 == 0 else "Member", utterance(rng, i % 2 == 0))
                for i in range(turns)
            ]
        )
        left -= turns
    return found


def write_table(path: Path, convs: list[list[tuple[str, str]]], prefix: str) -> tuple[int, int]:
    """Write one utterance table; return (utterances, words)."""
    utterances = words = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["conv", "n", "who", "text"])
        for number, turns in enumerate(convs, start=1):
            for turn, (who, text) in enumerate(turns, start=1):
                writer.writerow([f"{prefix}{number:05d}", turn, who, text])
                utterances += 1
                words += len(text.split())
    return utterances, words


def consortium_yaml() -> str:
    """The config: two table-only studies and one comparison, every other setting default."""
    lines = ["consortium: bench-chats", "codebook: codebook.yaml", "studies:"]
    for study_id, corpus, site, speakers in STUDIES:
        mapping = ", ".join(f"{k}: {v}" for k, v in speakers.items())
        lines += [
            f"- study_id: {study_id}",
            f"  corpus: {corpus}",
            f"  site: {site}",
            f"  speakers: {{{mapping}}}",
            "  tables:",
            f"  - path: data/{study_id}.csv",
            "    mapping: {conversation_id: conv, turn: n, speaker: who, text: text}",
        ]
    lines += [
        "comparisons:",
        "- comparison_id: peer_vs_therapy",
        "  by: corpus",
        "  group_a: peer_support",
        "  group_b: therapy",
    ]
    return "\n".join(lines) + "\n"


def write_corpus(out: Path, scale: float, seed: int) -> dict[str, object]:
    """Write the consortium under out; return its size (also stored in out/corpus.json)."""
    rng = random.Random(seed)
    (out / "data").mkdir(parents=True, exist_ok=True)
    shutil.copy(CODEBOOK, out / "codebook.yaml")
    (out / "consortium.yaml").write_text(consortium_yaml(), encoding="utf-8")
    total = max(len(STUDIES) * TURNS[1], round(FULL_UTTERANCES * scale))
    utterances = words = 0
    for index, (study_id, *_rest) in enumerate(STUDIES):
        share = total // len(STUDIES) + (index < total % len(STUDIES))
        u, w = write_table(out / "data" / f"{study_id}.csv", conversations(rng, share), "C")
        utterances, words = utterances + u, words + w
    size = {"scale": scale, "seed": seed, "utterances": utterances, "words": words}
    (out / "corpus.json").write_text(json.dumps(size) + "\n", encoding="utf-8")
    return size


def main(argv: list[str] | None = None) -> int:
    """Write the corpus and print its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(json.dumps(write_corpus(args.out, args.scale, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
