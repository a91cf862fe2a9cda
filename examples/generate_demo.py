"""Write a deterministic, fully synthetic demo consortium of interview and therapy transcripts.

Everything written is invented: people, hospitals, wards, trusts, schools and community groups
are fictional; towns are real places; phone numbers come from Ofcom's drama ranges, e-mail
addresses use the example.* domains and NHS numbers are random numbers with a valid checksum.

Usage: python examples/generate_demo.py [--out DIR] [--per-study N] [--seed S]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_OUT = Path(__file__).resolve().parent / "demo"
DEFAULT_SEED = 20240611
THEMES = (
    "disclosure_process",
    "shared_identity",
    "being_understood",
    "dual_roles_boundaries",
    "helper_self_disclosure",
)


def _bank(block: str) -> tuple[str, ...]:
    """Split a block of templates into one template per non-empty line."""
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


# --------------------------------------------------------------------------------------------
# Name pools and places (people and organisations are fictional; towns are real)
# --------------------------------------------------------------------------------------------

FEMALE_NAMES = _bank("""
Sharon
Rebecca
Margaret
Kerry
Bernadette
Bethany
Farah
Siobhan
Lorraine
Gemma
Stacey
Leanne
Jolene
Aisha
Zainab
Priya
Agnieszka
Ngozi
Harriet
Phoebe
Shannon
Tracey
Rukhsana
Yetunde
Lindsey
Courtney
Chantelle
Kirsty
""")
MALE_NAMES = _bank("""
Gareth
Barry
Jonathan
Stephen
Darren
Tariq
Imran
Kieran
Declan
Callum
Wayne
Craig
Dominic
Rhys
Yusuf
Bilal
Hamza
Wojciech
Tendai
Marcus
Jermaine
Connor
Kyle
Bradley
Jamal
Owain
""")
OLDER_FEMALE_NAMES = ("Doreen", "Brenda", "Mavis", "Sheila", "Maureen", "Edna")
GIRL_NAMES = ("Jasmine", "Poppy", "Maisie", "Evie", "Scarlett")
BOY_NAMES = ("Alfie", "Tyler", "Kayden", "Harvey", "Reuben")
NICKNAMES = {
    "Gareth": "Gaz",
    "Sharon": "Shaz",
    "Barry": "Baz",
    "Kerry": "Kez",
    "Rebecca": "Bex",
    "Margaret": "Mags",
    "Jonathan": "Jonno",
    "Stephen": "Stevo",
    "Bernadette": "Bernie",
}
SURNAMES = _bank("""
Haigh
Holroyd
Illingworth
Crowther
Hepworth
Oldroyd
Kowalski
Adeyemi
Mahmood
Hussain
Greenwood
Ramsden
Fairclough
Nwachukwu
Pilling
Shackleton
""")
DOCTORS = ("Sugden", "Ramsbottom", "Nwosu", "Iqbal", "Greenhalgh", "Broadbent", "Kowalczyk")
TOWNS = {
    "Leeds": ("LS", (1, 2, 4, 6, 7, 8, 9, 11, 12, 13, 14, 15, 17)),
    "Halifax": ("HX", (1, 2, 3)),
    "Wakefield": ("WF", (1, 2, 3, 4)),
    "Huddersfield": ("HD", (1, 2, 3, 4, 5)),
    "Bradford": ("BD", (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
    "Dewsbury": ("WF", (12, 13)),
    "Keighley": ("BD", (20, 21)),
    "Brighouse": ("HD", (6,)),
    "Batley": ("WF", (17,)),
    "Castleford": ("WF", (10,)),
    "Todmorden": ("OL", (14,)),
    "Pudsey": ("LS", (28,)),
    "Elland": ("HX", (5,)),
    "Shipley": ("BD", (18,)),
}
STREETS = (
    "Tanyard Lane",
    "Moorside Road",
    "Cobden Street",
    "Heathfield Terrace",
    "Owlet Road",
    "Chapel Fold",
    "Greenhead Lane",
    "Sowood Crescent",
    "Rosebery Avenue",
)
EMPLOYERS = (
    "Morrisons",
    "Royal Mail",
    "Pennine Print Works",
    "Hartley's Bakery",
    "Asda",
    "Calderbrook Carpets",
    "Greggs",
    "Moorgate Call Centre",
)
SCHOOLS = (
    "Fernside Primary",
    "Hollins Grove Academy",
    "Moorview Primary",
    "Lowfield Junior School",
)
SITES = {
    "site_a": {
        "staff": (
            ("Lorna", "Ackroyd", "f", ""),
            ("Michelle", "Brearley", "f", ""),
            ("Gavin", "Thwaite", "m", ""),
            ("Tanisha", "Osei", "f", ""),
        ),
        "hospitals": ("Brackenholme Hospital", "Ravensclough Hospital"),
        "wards": ("Larkspur Ward", "Heron Ward", "Aspen Ward"),
        "trust": "Calder and Pennine Partnership NHS Foundation Trust",
        "groups": (
            "Greenstep Walking Group",
            "Holmebank Allotment Project",
            "Ryecroft Wellbeing Hub",
            "Open Minds Cafe",
        ),
    },
    "site_b": {
        "staff": (
            ("Helen", "Okafor", "f", "Dr"),
            ("Simon", "Fairburn", "m", ""),
            ("Eleanor", "Whiteley", "f", "Dr"),
        ),
        "hospitals": ("Thornleigh Hospital", "Ashgrove Park Hospital"),
        "wards": ("Bramble Ward", "Kestrel Ward", "Linden Unit"),
        "trust": "Westmoor Valleys NHS Foundation Trust",
        "groups": ("Kirkgate Voices Choir", "Sunnybank Crafters", "Beckside Men's Shed"),
    },
}
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
ENTITY_OF = {
    "pname": "PERSON",
    "nick": "PERSON",
    "addr": "PERSON",
    "psw": "PERSON",
    "psw_full": "PERSON",
    "ther": "PERSON",
    "ther_full": "PERSON",
    "ther_dr": "PERSON",
    "doc": "PERSON",
    "fam": "PERSON",
    "friend": "PERSON",
    "town": "LOCATION",
    "town2": "LOCATION",
    "street": "LOCATION",
    "ward": "LOCATION",
    "hospital": "ORGANIZATION",
    "trust": "ORGANIZATION",
    "group": "ORGANIZATION",
    "employer": "ORGANIZATION",
    "school": "ORGANIZATION",
    "date": "DATE_TIME",
    "age_now": "AGE",
    "age_then": "AGE",
    "phone": "PHONE_NUMBER",
    "phone_b": "PHONE_NUMBER",
    "email_p": "EMAIL_ADDRESS",
    "email_w": "EMAIL_ADDRESS",
    "nhs": "UK_NHS",
    "postcode": "UK_POSTCODE",
    "url": "URL",
    "nino": "UK_NINO",
}

# --------------------------------------------------------------------------------------------
# Peer support interviews: interviewer questions and participant answers
# --------------------------------------------------------------------------------------------

PEER_OPEN = _bank("""
Okay, that's recording now. So thanks for coming in, {pname}. Just to say again, this is for \
the study with {trust}, and nothing you say goes back to your team.
Right, I think that's on. Thanks for doing this, {pname}. As I said on the phone, the study's \
run with {trust}, but it's all confidential.
""")
PEER_OPEN_REPLY = _bank("""
Yeah, no bother. Happy to help.
That's fine. I'm a bit nervous, but go on.
No worries. I've never done one of these before.
""")
PEER_NICK_REPLY = _bank("""
That's fine. Oh, and call me {nick}, everyone does. Only my mum calls me {pname}.
No bother. It's {nick}, by the way, nobody's called me {pname} since school.
""")
PEER_START = _bank("""
Thanks. And how did you first come across peer support?
Lovely. So how did you end up working with a peer support worker?
""")
PEER_START_REPLY = _bank("""
Erm, through the CMHT, really. My care coordinator said there was a peer support worker who \
might be able to help.
My GP put me forward, I think. Then I got a letter saying I'd been given a peer support worker.
I saw a leaflet at the Recovery College and asked about it. I didn't even know it was a thing.
""")
PEER_CLOSE = _bank("""
That's everything I wanted to ask. Is there anything else you'd like to add?
We're nearly out of time. Is there anything I haven't asked that you think I should have?
""")
PEER_CLOSE_REPLY = _bank("""
No, I think that's it. Just, yeah, I'm glad I had {psw}.
Only that more people should get a peer support worker. That's it, really.
Erm, no. Just that it worked for me, and I didn't think anything would.
Just that I hope they keep funding it. Because it's the first thing that's actually helped.
""")
PEER_BYE = _bank("""
Thanks so much, {addr}. I'll stop the recording there.
Brilliant. Thank you, {addr}, that's really helpful. I'll switch this off now.
""")
PEER_PROMPTS = _bank("""
Mm. Go on.
Can you say a bit more about that?
And how was that for you?
Mm-hm. And then what happened?
Take your time, there's no rush.
That sounds like a lot to deal with.
Right. And was that helpful, do you think?
Okay. What did that look like, in practice?
Can you give me an example?
""")
PEER_TOPICS = _bank("""
What was going on for you at the time?
How often did you see {her_o}?
Where did you usually meet up?
What sort of things did you do together?
And what about now, how are things now?
Was there anything that didn't work so well?
What would you change about the service, if you could?
Have you done any of the courses at the Recovery College?
Who else was involved in your care at that point?
Sorry, can I just check, was that before or after you met {psw}?
Okay. And how long were you working with {psw}?
What did a typical session look like?
How were things with the CMHT at that point?
What was the hardest bit, back then?
""")
BACKCHANNEL = _bank("""
Yeah.
Mm.
Right.
Okay.
Mm-hm.
Yeah, go on.
Sure.
""")
PEER_QUESTIONS = {
    "helper_self_disclosure": _bank("""
Did {psw} ever talk about {her_p} own experiences?
How much did you know about {psw}'s own background, mental health wise?
Some people say their worker shared bits of their own story. Was that the case with you?
What sort of things did {she} tell you about {her_p} own experience, if you don't mind saying?
And how did it feel, hearing about {her_p} own experience?
Did {she} ever say anything about {her_p} life outside work? Family, that sort of thing?
So {she} shared quite a lot about {herself}, then?
You mentioned {she} talked about {her_p} own stuff. Can you say more about that?
"""),
    "disclosure_process": _bank("""
Can you remember when {she} first mentioned it?
How did {she} bring it up, do you remember?
Was that straight away, or did it come out later on?
Do you think {she} picked {her_p} moment, or did it just come up?
Did {she} ask you first, or just sort of say it?
How much detail did {she} go into, when {she} told you?
And the way {she} told you, how was that?
"""),
    "shared_identity": _bank("""
Did it matter to you that {she}'d been through something similar?
How did {psw} compare with other staff you've had?
Would you say you had things in common, you and {psw}?
Some people describe their worker as one of us. Does that mean anything to you?
Was it different, knowing {she}'d used services {herself}?
"""),
    "being_understood": _bank("""
Did you feel {she} understood where you were coming from?
What was it like talking to {psw}, compared to, say, your care coordinator?
Can you think of a time you really felt listened to?
How did {she} react when you told {her_o} about that?
Did you ever feel judged, with {her_o}?
What was it about {psw} that made it easier to talk?
"""),
    "dual_roles_boundaries": _bank("""
How would you describe the relationship? Is it like a friendship, or something else?
Did you ever see {her_o} outside of the appointments?
How did you keep in touch between sessions?
Were there ever any awkward moments, about where the line was?
What happened when the support came to an end?
Did {she} ever talk about boundaries with you?
Did you ever text each other?
"""),
}
PEER_THEMES = {
    "helper_self_disclosure": _bank("""
Yeah, {she} told me {she}'d been on sertraline {herself} for years, which I didn't expect.
{She} said {she}'d been sectioned {herself}, on {ward} of all places, same ward as me.
Erm, {she} talked about {her_p} own breakdown, after {her_p} divorce. Not loads, but enough.
{She} opened up about {her_p} own anxiety, like, {she} still gets panic attacks now and again.
{She} told me {she}'d had PTSD after {her_p} time in the army. I'd never have guessed.
{She} shared {her_p} own story at the Recovery College once, and I was sat there thinking, wow.
{She}'d say things like, when I was poorly I couldn't get out of bed either. That helped.
{She} mentioned {she}'d been under the crisis team {herself}, years ago, so {she} knew the drill.
{She} talked about {her_p} own recovery, how long it took, the ups and downs and that.
{She} told me {she} used to self-harm when {she} was younger. Really matter of fact about it.
{She} said {her_p} own mental health went after {her_p} mum died, and {she} ended up in {hospital}.
Yeah, {she} told me about {her_p} kids and {her_p} dog and all sorts. I knew {her_p} whole life.
{She} said {she}'d had depression since {she} was a teenager, and you just learn to manage it.
I remember {she} said {she} still takes {her_p} tablets every morning, same as me.
{She} told me {she}'d been homeless for a bit, sofa surfing in {town2}. I'd never have known.
{She} talked about {her_p} own experience of hearing voices. Nobody had ever done that with me.
{She} told me about {her_p} drinking, how {she} got sober. Ten years dry, {she} is.
Erm, {she} once said {she}'d tried to take {her_p} own life. That was a big thing to say.
{She} mentioned {her_p} partner's poorly as well, so {she} gets the carer side of it too.
{She} was dead open about {her_p} own stuff, the OCD, the checking, all of it.
{She}'d tell me what worked for {her_o} when {she} was unwell, like journalling and walking.
{She} said {she} used to be under the CMHT {herself}, with the same care coordinator as me.
{She} told me about {her_p} own lived experience on day one. It's part of the job, isn't it.
{She} told me {she}'d grown up in {town2}, went to {school}, same as my lad does now.
{She} said {she}'d had a breakdown at work and been off for a year, so {she} knew that guilt.
"""),
    "disclosure_process": _bank("""
Not straight away, no. It was maybe the third session before {she} said anything about {herself}.
{She} told me right at the start, first meeting, like, this is me, this is my story.
{She} asked if it was okay to share something personal first, which I thought was nice.
{She} kept it short. Said a bit about {herself}, then brought it back to me straight away.
I think {she} picked {her_p} moment. It was when I was at my lowest, on {date}, I remember it.
{She} never went into loads of detail. Just enough so I knew {she} wasn't making it up.
The timing was right, I think. If {she}'d said it the first week I wouldn't have been ready.
{She} said it on the bus on the way to the Recovery College, just casual, like it was nothing.
It was at the second meeting, at the cafe in {town}. {She} just said it, over a brew.
{She} said {she} was only telling me because it might help, not to make it about {her_o}.
I asked {her_o} outright, have you ever been poorly? And {she} just said yes, and told me.
{She} was careful how much to share. You could see {her_o} thinking about it.
{She} didn't tell me until a few weeks in. I think {she} wanted to get to know me first.
When {she} told me, it wasn't a big speech or owt, just a couple of sentences.
{She} checked afterwards if it was alright that {she}'d told me. I said course it is.
The first time {she} mentioned it I didn't really clock it. It was only later I thought, oh.
The way {she} told me, it felt like {she} was handing me something, if that makes sense.
It was {date}, first proper session, and {she} said it within about ten minutes.
{She} waited till I'd said my bit, then said, I've had something similar, do you want to hear it?
"""),
    "shared_identity": _bank("""
{She}'d been there. That's the difference. {She}'d actually been there.
It's like {she}'s one of us, you know? Not a professional looking down at you.
We were in the same boat, really, just {she} was a bit further along.
With the doctors it's them and us. With {psw} it was just us.
{She} knows what it's like to be on the ward at two in the morning with nobody coming.
It's someone like me, who's come out the other side. That gives you hope.
{She}'s from round here as well, grew up in {town2}, so we had that in common.
We'd both been under the CMHT, both had the same rubbish with benefits, so yeah.
{She} gets it because {she}'s lived it. You can't teach that, can you.
It didn't feel like staff and patient. It felt like two people who'd been through the same thing.
{She}'s a service user as well, or was, so {she} talks the same language as us.
I'd say {she}'s one of us, aye. Even with the lanyard on.
Knowing {she}'d been through the same thing made me feel less of a freak, honestly.
My {fam_rel}, {fam}, said it sounds like you've found someone who's been there. And I had.
It was like talking to someone who'd walked in my shoes.
Me and {her_o} have both got kids, both been skint, both been poorly. We just clicked.
People like us don't always trust staff. But {she} was different, because {she}'s one of us.
Everyone at the Recovery College has their own stuff, but {psw} had been right where I was.
{She}'d been through the system same as me, so {she} knew all the tricks.
It's hard to explain. It's like recognising someone. You just know they've been there too.
"""),
    "being_understood": _bank("""
{She} just got it. I didn't have to explain myself every five minutes.
I felt understood, properly, for the first time in years.
{She} listened. Like, actually listened, didn't just write stuff down.
{She} never judged me, not once, even when I told {her_o} about the drinking.
With my care coordinator I felt like a case number. With {psw} I felt like a person.
I could say the daft stuff in my head and {she} wouldn't bat an eyelid.
{She} understood why I couldn't face the shops. Nobody else did.
I felt heard. That's the only way I can put it.
It was the first time anyone had made sense of it for me, you know?
When I told {her_o} about the voices, {she} didn't panic or ring the crisis team. {She} listened.
{She} understood me better than my own {fam_rel} does, to be fair.
I never felt stupid with {her_o}. That's massive for me.
{She} could tell I was having a bad day before I'd even opened my mouth. {She} just got it.
No judgement, none. I could tell {her_o} anything.
I didn't have to pretend I was fine. With {her_o} I could just be rubbish, if that's what I was.
{She} took me seriously. The GP, {doc}, just upped my sertraline and sent me off.
{She} understood what it's like when you can't get out of bed. Really understood.
It felt like {she} was on my side, not just ticking boxes.
{She} remembered stuff, like my {fam_rel}'s name, {fam}, and asked after them. I felt listened to.
"""),
    "dual_roles_boundaries": _bank("""
We'd text, yeah. {She} had a work phone, {phone}, and never answered it after five.
Is it a friendship? I don't know. It's more than a worker but it's not quite a mate.
I sent {her_o} a friend request on Facebook and {she} said {she} couldn't. Boundaries, {she} said.
We'd go for a coffee in {town}, or a walk round the park. It didn't feel like an appointment.
I bumped into {her_o} in the supermarket once, with {her_p} kids. Bit awkward, not gonna lie.
{She} follows the group on Instagram, but {she} said {she} couldn't follow me personally.
I texted {her_o} at two in the morning once and {she} replied next day saying ring the crisis team.
When it ended I was gutted. It felt like losing a mate, even though I knew {she} was staff.
{She}'s still around at {group}, so I see {her_o} there. It's different now, more like friends.
{She} said from day one, I'm not your friend, I'm your peer support worker. But it's blurry.
I asked if we could stay in touch after and {she} said {she} wasn't allowed, which I get.
Sometimes I forgot {she} was at work, you know, we'd just be chatting like mates.
{She} gave me {her_p} email, {email_w}, for appointments only, not for a chat.
It's a funny one. {She} knows all my business but I'm not supposed to know where {she} lives.
I got {her_o} a card and some chocolates at the end and {she} had to check with {her_p} manager.
My {fam_rel} thought {she} was my friend. I had to say, no, {she}'s my worker, it's different.
{She}'d text me every week to remind me about the group. Just a quick text, like.
There were times I wanted more than {she} could give, like ringing {her_o} on a weekend.
I'd call {her_o} a friend, honestly. A friend who's paid to be there, ha, but still.
{She} did a home visit once and met my {fam_rel}, {fam}. That felt a bit much, to be honest.
We set some ground rules at the start, like no texting late, and mostly stuck to them.
It's a small world round here. {She}'s on the same committee at {group} as my {fam_rel}.
"""),
}
PEER_NEUTRAL = _bank("""
Erm, I got referred through the CMHT, after I came out of {hospital}.
I was on {ward} for about six weeks, the first time.
It was a bad time, to be honest. I'd lost my job at {employer} and everything fell apart.
My {fam_rel}, {fam}, was the one who pushed me to go, to be fair.
We'd meet at the library in {town} usually, or at the Recovery College.
Every week, Tuesdays mostly. Then fortnightly once I was doing a bit better.
I'm on sertraline, have been for years. It takes the edge off, that's about it.
Mostly just talking. And {she} helped me with forms, PIP and all that.
I started going to {group} on a Thursday. That was {her_p} idea, actually.
Honestly, I can't remember. It was years ago now.
That night I ended up in A and E. My mate {friend} drove me.
I don't know, really. It's hard to put into words.
That's about it, really.
I'd been off work since {date}, signed off by {doc}.
I live with my {fam_rel}, {fam}, in {town}. It's a bit cramped but it's fine.
I was diagnosed with PTSD after the accident, then depression on top of that.
My care coordinator kept changing, so I never really had one person.
The CMHT were alright, but they're stretched, aren't they? The whole NHS is.
I did a course on managing anxiety at the Recovery College. Did it twice, actually.
It was mostly mornings that were bad. Getting up, getting dressed, all that.
My {fam_rel}, {fam}, came over from {town2} to keep an eye on me for a bit.
I'd not left the house in months, apart from going to the GP.
Money was a big thing. Still is, if I'm honest.
I'm doing a bit better now. I volunteer two mornings a week at {group}.
I'd recommend it, yeah. I already have, to {friend} from down the road.
The crisis team came out a couple of times. They were fine, just rushed off their feet.
I was on Instagram at two in the morning every night, just scrolling. Not healthy.
It's hard to describe. It was just a grey time, you know?
I used to work at {employer}, for about eight years, before all this.
My {fam_rel} rings me every night to check I've eaten.
Erm, what else. I got a dog, that's helped loads.
We did a bit of cooking, a bit of budgeting. Went to the gym once, which was a disaster.
I'm rubbish with appointments, so the reminders were handy.
I've been under mental health services on and off since {age_then}.
It was buses that were the problem. I couldn't get on a bus on my own.
We worked on a plan for the bad days, what to do, who to ring.
I'm better than I was. Not fixed, but better.
""")
PEER_ID_SLOTS = {
    "age": (
        "Can you start by telling me a bit about you, where you're at generally?",
        "Erm, I'm {age_now}, I live in {town}, and I've had problems with my mental health "
        "since {age_then}, really.",
    ),
    "worker": (
        "And who was your peer support worker?",
        "{psw_full}. I think everybody at the Recovery College knows {her_o}, to be honest.",
    ),
    "fam": (None, "My {fam_rel}, {fam}, has been brilliant through all of it, to be fair."),
    "date": (
        None,
        "I was admitted to {hospital} on {date}. I'll never forget it. {She} told me later {she}'d "
        "been in there {herself}, years before.",
    ),
    "phone": (
        "Did the service have the right contact details for you?",
        "No, they had my old number, {phone}, so nothing got through for months. It was {psw} "
        "who sorted it in the end.",
    ),
    "phone_b": (None, "You were meant to ring the team on {phone_b}, but nobody ever picked up."),
    "email_p": (
        "How did the service usually get in touch with you?",
        "Email, mostly. {email_p}. I can't cope with letters, I don't open them.",
    ),
    "email_w": (
        "How did you keep in touch between sessions?",
        "I'd email {her_o} on {email_w} if I couldn't face ringing. Work stuff only, mind, {she} "
        "was strict about that.",
    ),
    "nhs": (
        None,
        "I had to read out my NHS number, {nhs}, about four times at reception. I know it off "
        "by heart now.",
    ),
    "postcode": (
        "Where are you living now?",
        "I'm on {street} now, {postcode}. It's a lot quieter than where I was.",
    ),
    "nino": (
        None,
        "{She} sat with me and did the PIP form. National insurance number, {nino}, the lot.",
    ),
    "url": (
        None,
        "{She} showed me the website for {group}, {url}, and I went along the week after.",
    ),
    "doc": (None, "My GP, {doc}, referred me in the end, after I'd been in about five times."),
    "school": (
        None,
        "My little one goes to {school}, and the school were actually really good about it.",
    ),
    "employer": (
        "What were you doing for work, before?",
        "I was at {employer}, on and off, for about eight years.",
    ),
    "group": (
        "Are you involved with anything else now?",
        "Yeah, I go to {group} every Thursday. {psw} got me going, and {she} still pops in, so I "
        "see {her_o} outside of work now, which is a bit odd.",
    ),
    "friend": (None, "My mate {friend} was the only one who kept coming round."),
}

# --------------------------------------------------------------------------------------------
# Therapy sessions: therapist and client talk
# --------------------------------------------------------------------------------------------

THER_OPEN = _bank("""
Hi {pname}, come in, have a seat. How's the week been?
Hello {pname}. Come on in. How have things been since last time?
""")
CLIENT_OPEN_REPLY = _bank("""
Erm, up and down, really.
Not great, if I'm honest.
Alright, actually. Better than last week.
""")
CLIENT_NICK_REPLY = _bank("""
Up and down. Oh, and you can call me {nick}, by the way. Nobody calls me {pname}.
Alright. It's {nick}, by the way, I never said. Only the doctors call me {pname}.
""")
THER_AGENDA = _bank("""
Okay. Shall we set an agenda for today, and then look at how the homework went?
Right. Let's think about what we want to cover today, and we'll come back to the thought record.
""")
CLIENT_AGENDA_REPLY = _bank("""
Yeah, go on.
Okay. I've not done all of the homework, sorry.
Yeah. There's something I wanted to talk about, actually.
""")
THER_CLOSE = _bank("""
We'll need to stop there for today. Same time next week?
We're nearly at time. Shall we set some homework, and pick this up next week?
""")
CLIENT_CLOSE_REPLY = _bank("""
Yeah, that's fine. Thanks, {ther}.
Yeah. Thanks, {ther_dr}.
Okay. See you next week, {ther}.
""")
THER_BYE = _bank("""
Take care, {addr}. See you next week.
Right, same time next week, then. Take it easy, {addr}.
""")
THER_TECHNIQUE = _bank("""
It sounds like that week really knocked you back.
What went through your mind, right in that moment?
Let's put that on the thought record. What was the situation?
And how strongly did you believe that thought, out of a hundred?
If someone you cared about said that about themselves, what would you say back?
So there's the thought, I'm useless, then the feeling. And what did you do next?
That's a really common pattern with anxiety. Avoiding helps in the short term, doesn't it?
What did you notice in your body?
Shall we set some homework for this week? Maybe one small behavioural experiment.
I'm hearing a lot of shoulds in what you're saying.
How did the breathing exercises go?
You said earlier you felt like a failure. Can we look at the evidence for that?
On a scale of nought to ten, where's your mood today?
What would it mean about you, if that were true?
Let's come back to the CBT model for a minute. Thoughts, feelings, behaviour.
So the sertraline's been increased. How are you finding that?
That sounds exhausting.
When you say you shut down, what does that look like?
Can I reflect back what I'm hearing? You're scared that if you stop, everything falls apart.
You've done really well to get here today, given how the week's been.
What's the worst that could happen? And how likely is that, really?
We've got six sessions left, so it's worth thinking about what you want from them.
How's sleep been?
Did you manage the activity diary this week?
Who else knows about the PTSD diagnosis?
Have you been in touch with the crisis team since last time?
It sounds like part of you wants to go, and part of you is terrified.
Let's try some grounding. Five things you can see, four things you can hear.
What's the evidence against that thought?
So the pattern seems to be, you feel low, you withdraw, and then you feel lower.
What would you like to be different, by the end of our sessions?
Mm. Go on.
Take your time.
That's a lot to carry.
""")
THER_FOLLOW = _bank("""
Mm. Say a bit more about that.
What's that like for you?
Okay. Go on.
I'm glad you said that.
Mm-hm.
That's really important. Let's stay with it for a minute.
What do you make of that?
""")
CLIENT_NEUTRAL = _bank("""
I've just been really low. I can't be bothered with anything.
I had another panic attack on the bus on Tuesday. Had to get off two stops early.
The nightmares are back. The PTSD stuff. I wake up at two in the morning, every night.
I did the thought record, sort of. I filled half of it in.
I didn't do the homework, sorry. It's been a mad week.
I went back on the sertraline. The GP said to give it six weeks.
I keep going over what happened that night. Over and over.
I just feel like a burden to everyone.
I've not been sleeping. Maybe four hours if I'm lucky.
I did manage to go to the shop on my own, which is something.
It was years ago, but it still feels like yesterday sometimes.
My mum's not well, so I've been going over to {town2} every other day.
I've been drinking more than I should. Most nights, really.
I keep cancelling on people. My mate {friend} has given up asking.
I had a good day on Sunday, actually. Went for a walk up by the reservoir.
The CBT stuff is fine in here. It's doing it at home that's hard.
Erm. Yeah.
I don't know.
Mm, maybe.
I suppose so.
Yeah, that's it exactly.
My head's just full of noise.
I keep checking the doors, the windows, the cooker. It's getting worse.
I keep thinking I'll get sacked.
I've been signed off since {date}.
The crisis team came round on Friday. They were alright, to be fair.
Since {fam} moved out it's been really quiet in the house.
I know it's daft, but I can't stop thinking everyone's talking about me.
I tried the breathing thing. It helped a bit, once.
The NHS letter said six more sessions. Then that's it, isn't it?
It's mostly evenings. The day's fine, then it gets dark and I'm gone.
I rang the crisis team at two in the morning on Saturday. I didn't know what else to do.
I've stopped going on Instagram. It was making me feel worse.
Work's asked for a fit note again. I hate ringing the surgery.
I think it's guilt, mostly. About everything.
""")
CLIENT_REACT = {
    "helper_self_disclosure": _bank("""
Oh. I didn't know that.
Right. Thanks for telling me.
I wouldn't have guessed that.
That's... yeah. Thanks.
Really? You always seem so calm.
"""),
    "disclosure_process": _bank("""
No, it's fine. I don't mind.
Yeah, go on.
It was okay, actually. It helped.
Okay.
"""),
    "shared_identity": _bank("""
Mm. Yeah.
I suppose.
Fair enough.
"""),
    "being_understood": _bank("""
Yeah, that's right.
Pretty much, yeah.
Yeah. Thanks.
"""),
    "dual_roles_boundaries": _bank("""
No, that's fair.
Yeah, I get it. I just thought I'd ask.
Okay. I know.
Oh, right. Fair enough.
"""),
}
THER_THEMES = {
    "helper_self_disclosure": _bank("""
I'll share something, if that's okay. I lost my own dad a few years ago, so I know how raw it is.
Speaking personally, I've had periods of anxiety myself, and what helped me was slowing down.
I don't often say much about myself, but I've been a carer for a parent too.
I can tell you I've had my own therapy, as most of us in this job have.
I've got teenagers myself, so I can picture the slammed doors.
When I was at university I had a spell of depression myself, so I know that fog.
I've had panic attacks myself, years ago. They're horrible, but they do pass.
I grew up with a parent who drank, so I've some sense of what that house might have felt like.
I've had times myself where getting out of bed felt impossible.
My own mum had dementia, so I know a little about that kind of caring.
I'm a bit of a worrier myself, if I'm honest, so I recognise that.
Speaking personally, walking helped me when I was low. But everyone's different.
I went through a divorce myself, a while back. The paperwork alone nearly finished me off.
I've been off sick with stress myself once, so I know how guilty that can feel.
"""),
    "disclosure_process": _bank("""
I'm going to share something about myself, briefly, and then I want to bring it back to you.
Can I tell you something personal? You can say no, it's your time.
I don't normally talk about myself in here, but I think it might help to say this.
I wondered whether to tell you that last week. I wasn't sure the timing was right.
I'll keep it short, because this is your time, not mine.
I mentioned something about my own family last week. How was that, hearing it?
I want to check, was it okay that I said that? Sometimes it can feel like a lot.
I'm telling you this because I think it's relevant, not to make it about me.
I thought carefully about how much to say, so I'll just say this much.
"""),
    "shared_identity": _bank("""
I can't say I've been where you are, but I'd like to understand it.
I'm from round here too, so I know the estate you mean.
We're not in the same boat, I know that. But I'm in the room with you.
You're right, I haven't been through what you've been through.
"""),
    "being_understood": _bank("""
I want to make sure I've understood you properly. You felt let down, is that it?
Have I understood that right? Correct me if not.
I'm not here to judge you. Whatever you say, it's okay.
It sounds like you haven't felt listened to for a long time.
It sounds like nobody's really taken you seriously before.
"""),
    "dual_roles_boundaries": _bank("""
I can't be in touch between sessions, but the crisis team can, any time of day or night.
It's a fair question. I keep a boundary around social media, so I don't accept friend requests.
If we bump into each other in town, I'll leave it up to you whether to say hello.
I think it's worth us talking about the ending, since we've only got a few sessions left.
I'm not able to give you my personal number, but you can ring the team on {phone_b}.
I'm glad this feels safe. It is a professional relationship, though, and that's part of why.
I know it can feel one-sided, me knowing so much about you. That's part of the boundary here.
I can't accept gifts, I'm afraid, but it's really kind of you to think of it.
"""),
}
CLIENT_THEMES = {
    "helper_self_disclosure": _bank("""
When you told me about your own dad, that really stuck with me.
I didn't expect you to say you'd been through something like that yourself.
It helped, knowing you've had your own stuff too. You're not a robot.
You said last week you've got kids yourself. Do they drive you mad as well?
I keep thinking about what you said, about being off sick yourself.
Can I ask, have you ever been depressed yourself? You don't have to answer.
I liked hearing that you'd had your own therapy. It made it feel less weird.
"""),
    "disclosure_process": _bank("""
I liked that you asked before you told me. It felt respectful.
When you told me that last week, I didn't know what to say at first.
You didn't go on about it. You said it and brought it back to me, which was right.
I was surprised you said it so early. Second session and all.
It was the way you said it, really matter of fact. I liked that.
If you'd told me right at the start I'd have thought you were showing off. Later on was better.
"""),
    "shared_identity": _bank("""
You've not been there, though, have you? You don't know what it's like.
Sometimes I wish I had someone who'd been through it. Someone like me.
The lads at {group}, they're all in the same boat. It's different from in here.
You sound like you're from round here. Are you? It helps, weirdly.
My {fam_rel} says therapists are all posh and never had a bad day. You're not like that.
In hospital the other patients got it more than the staff did. We were all in the same boat.
I sometimes think only people who've had it can really know what it's like.
"""),
    "being_understood": _bank("""
You're the first person who's actually listened.
I feel like you get it. Like I don't have to explain everything.
It's nice to feel understood for once.
I didn't think you'd understand, but you did.
You never make me feel stupid for saying this stuff.
My {fam_rel} doesn't get it. You do, I think.
I feel heard in here, which is more than I get at home.
Honestly, I thought you'd judge me for the drinking. You didn't.
Nobody's ever taken me seriously before.
When you said that back to me just then, it made sense of it.
Sometimes I don't think you understand, to be honest. No offence.
{doc} never listened. It was in one ear and out the other.
"""),
    "dual_roles_boundaries": _bank("""
Can I text you if it gets bad? Like, between sessions?
Are we allowed to be friends on Facebook when this finishes? I'm only half joking.
It's weird. You know everything about me and I don't even know if you've got kids.
I saw you in town on Saturday. I didn't know whether to say hello.
I know you're not my friend, but sometimes this feels like the only proper conversation I have.
I'll miss this when it ends. Is that weird?
My {fam_rel} asked if you were a friend of mine. I said no, it's my therapist.
I got you a little something, for the end. I don't know if you're allowed.
"""),
}
THERAPIST_LEADS = {
    "helper_self_disclosure": 0.7,
    "disclosure_process": 0.6,
    "shared_identity": 0.3,
    "being_understood": 0.25,
    "dual_roles_boundaries": 0.5,
}
THERAPY_ID_SLOTS = {
    "age": (
        ("Therapist", "How old were you when it started?"),
        ("Client", "Erm, {age_then}, I think. And I'm {age_now} now, so that's a long time."),
    ),
    "therapist": (
        (
            "Client",
            "When the letter said I'd be seeing {ther_full}, I nearly didn't come. No offence.",
        ),
    ),
    "fam": (("Client", "My {fam_rel}, {fam}, keeps saying I should just snap out of it."),),
    "date": (("Client", "I've got an appointment at {hospital} on {date}, about my back."),),
    "phone": (
        ("Client", "I've got a new number, by the way. It's {phone}, if you can update it."),
    ),
    "phone_b": (
        (
            "Therapist",
            "If you do need to cancel, just ring the team on {phone_b} and leave a message.",
        ),
    ),
    "email_p": (
        ("Therapist", "Is {email_p} still the best email for the letters?"),
        ("Client", "Yeah, that's right."),
    ),
    "nhs": (
        ("Client", "The letter from {hospital} had my NHS number wrong. It's {nhs}, I checked."),
    ),
    "postcode": (
        (
            "Client",
            "We've moved, by the way. It's {street}, {postcode}, if you need it for letters.",
        ),
    ),
    "nino": (
        (
            "Client",
            "The DWP lost my form again. I had to read out my national insurance number, {nino}, "
            "three times.",
        ),
    ),
    "url": (("Client", "I've joined {group}. They've got a website, {url}, I had a look first."),),
    "doc": (("Client", "{doc} wants me to see a psychiatrist, but the waiting list's massive."),),
    "ward": (
        ("Client", "I was on {ward} for a bit, a few years back. I don't like talking about it."),
    ),
    "school": (("Client", "The school, {school}, rang me again about my lad. That set me off."),),
    "employer": (
        ("Client", "Work's been a nightmare. My manager at {employer} keeps having a go."),
    ),
    "group": (("Client", "I've started going to {group} on Wednesdays, like we said."),),
    "friend": (("Client", "My mate {friend} has stopped asking me out. I don't blame them."),),
    "town": (
        ("Client", "I went over to {town2} to see my mum on Sunday. It was alright, actually."),
    ),
}

# --------------------------------------------------------------------------------------------
# Codebook
# --------------------------------------------------------------------------------------------

PRONOUN = r"(?:she|he|they|you)"
POSSESSIVE = r"(?:her|his|their|your|my)"
CODEBOOK = {
    "codebook_id": "demo-consortium-codebook",
    "version": "1",
    "themes": [
        {
            "theme_id": "disclosure_process",
            "name": "Process of disclosure",
            "definition": "How, when and why the helper (peer support worker or therapist) "
            "disclosed something personal: timing, asking first, how much was said, and "
            "returning the focus to the service user.",
            "include": "Talk about the moment or manner of a helper's disclosure: first or later "
            "sessions, straight away or weeks in, asking permission, keeping it brief, bringing it "
            "back to the client, checking afterwards.",
            "exclude": "What was disclosed (code helper_self_disclosure); the service user's own "
            "disclosures to the helper.",
            "rules": {
                "keywords": [
                    "straight away",
                    "right at the start",
                    "the timing",
                    "how much to share",
                    "how much to say",
                    "a few weeks in",
                    "something personal",
                    "matter of fact",
                ],
                "patterns": [
                    r"\b(first|second|third|fourth) (session|meeting|proper session)\b",
                    rf"\b(when|how|the way) {PRONOUN} (first )?(told|mentioned|said|brought) "
                    r"(me|you|it|that)\b",
                    r"\b(bring|brought) it back (to|round to) (me|you)\b",
                    r"\b(asked|checked)( afterwards)? (if|whether|before)\b",
                    rf"\b(picked|chose) {POSSESSIVE} moment\b",
                    r"\b(didn't|did not) tell me until\b",
                    r"\bfirst time (she|he|you) mentioned\b",
                    r"\b(share|say|tell you) something about myself\b",
                    r"\btalk about myself\b",
                    r"\bnot to make it about (me|her|him)\b",
                ],
            },
        },
        {
            "theme_id": "shared_identity",
            "name": "Shared identity",
            "definition": "A sense that helper and service user share experience or belong to "
            "the same group: having been there, being one of us, being in the same boat, coming "
            "from the same place; or the felt absence of this.",
            "include": "Statements of common experience, membership or background between the "
            "helper and the service user, including 'you've not been there'.",
            "exclude": "The helper's account of their own experience without any sense of "
            "commonality (code helper_self_disclosure).",
            "rules": {
                "keywords": [
                    "been there",
                    "one of us",
                    "same boat",
                    "someone like me",
                    "people like us",
                    "them and us",
                    "walked in my shoes",
                    "in common",
                    "same language",
                    "round here",
                    "same thing",
                    "lived it",
                    "service user as well",
                    "been where you are",
                    "been through what you've been through",
                ],
                "patterns": [
                    r"\b(know|knows|knew) what it'?s like\b",
                    r"\b(been|gone) through (it|the same|the system|something similar)\b",
                    r"\bboth (been|got|had)\b",
                    r"\bsame as me\b",
                    r"\bright where I was\b",
                ],
            },
        },
        {
            "theme_id": "being_understood",
            "name": "Being understood",
            "definition": "The service user feeling, or not feeling, understood, listened to, "
            "taken seriously and not judged; and the helper checking their understanding.",
            "include": "Feeling heard, understood, not judged or taken seriously; not having to "
            "explain or pretend; the helper checking they have understood.",
            "exclude": "Descriptions of techniques or content without reference to the felt "
            "experience of being understood.",
            "rules": {
                "keywords": [
                    "understood",
                    "felt heard",
                    "feel heard",
                    "listened",
                    "judged",
                    "judge me",
                    "judge you",
                    "no judgement",
                    "made sense of it",
                    "on my side",
                    "taken me seriously",
                    "taken you seriously",
                    "took me seriously",
                    "bat an eyelid",
                    "feel stupid",
                    "felt stupid",
                    "felt like a person",
                    "felt listened to",
                ],
                "patterns": [
                    rf"\b{PRONOUN} (just |really )?(got|gets|get) it\b",
                    r"\b(doesn't|does not|don't) get it\b",
                    r"\b(didn't|don't|do not|did not) have to (explain|pretend)\b",
                    r"\bunderstand(s)?\b",
                ],
            },
        },
        {
            "theme_id": "dual_roles_boundaries",
            "name": "Dual roles and boundaries",
            "definition": "The line between a professional helping relationship and friendship: "
            "contact outside sessions, texting and phones, social media, meeting socially, gifts, "
            "endings and rules about contact.",
            "include": "Friendship versus professional role, contact between or after sessions, "
            "social media, bumping into each other, gifts, endings, ground rules.",
            "exclude": "Ordinary appointment logistics with no sense of where the line is.",
            "rules": {
                "keywords": [
                    "boundary",
                    "boundaries",
                    "friendship",
                    "friend request",
                    "friend requests",
                    "friends on Facebook",
                    "ground rules",
                    "between sessions",
                    "social media",
                    "personal number",
                    "professional relationship",
                    "work phone",
                    "home visit",
                    "stay in touch",
                    "keep in touch",
                    "one-sided",
                    "blurry",
                    "wasn't allowed",
                    "if you're allowed",
                    "accept gifts",
                    "the ending",
                    "when it ends",
                    "when it ended",
                    "where the line was",
                ],
                "patterns": [
                    r"\btext(ed|ing)?\b",
                    r"\b(like|than|not quite|losing) (a )?(mates?|friends?)\b",
                    r"\b(not|n't) (your|my) friend\b",
                    r"\b(a|my) friend\b",
                    r"\bmore like friends\b",
                    r"\b(bump|bumped) into\b",
                    r"\bsaw you in\b",
                    r"\boutside of the appointments\b",
                    r"\bfollow(s)? (me|the group)\b",
                    r"\bwhere (she|he) lives\b",
                    r"\bhad to check with\b",
                    r"\bforgot (she|he) was at work\b",
                ],
            },
        },
        {
            "theme_id": "helper_self_disclosure",
            "name": "Helper self-disclosure",
            "definition": "The helper sharing their own mental-health experience or wider "
            "personal life (family, history, recovery), as told by the helper or reported by "
            "the service user.",
            "include": "The helper's own diagnoses, admissions, medication, recovery, family, "
            "upbringing or life events, whoever mentions them.",
            "exclude": "The service user's own history; the manner or timing of the disclosure "
            "on its own (code disclosure_process).",
            "rules": {
                "keywords": [
                    "lived experience",
                    "speaking personally",
                    "herself",
                    "himself",
                    "yourself",
                ],
                "patterns": [
                    rf"\b{POSSESSIVE} own (experience|experiences|story|stuff|breakdown|anxiety|"
                    r"recovery|mental health|life|dad|mum|therapy|background|family)\b",
                    r"\b(she|he) (told|tells) me (about )?(her|his|she|he)\b",
                    r"\b(she|he) (said|mentioned|once said) (she|he|her|his)\b",
                    r"\b(opened up|talked|was dead open) about (her|his)\b",
                    r"\b(she|he)'d (had|been sectioned|been homeless|been on|grown up)\b",
                    r"\b(she|he) used to\b",
                    r"\bwhen (she|he) was (unwell|poorly|younger|low)\b",
                    r"\bwhen I was (poorly|unwell|low|at university)\b",
                    r"\bI('ve| have| had|'m| went| grew up)\b[^.?!]{0,60}\bmyself\b",
                    r"\bI grew up with\b",
                    r"\bmy own (dad|mum|therapy|family)\b",
                    r"\b(she|he) (still takes|mentioned)\b",
                ],
            },
        },
    ],
}


# --------------------------------------------------------------------------------------------
# Synthetic identifiers
# --------------------------------------------------------------------------------------------


def _ordinal(day: int) -> str:
    """Return a day of the month as an English ordinal (1st, 2nd, 3rd, 4th...)."""
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def nhs_check_digit(digits: str) -> int | None:
    """Return the mod-11 check digit of nine NHS number digits, or None if none is valid."""
    total = sum(int(d) * w for d, w in zip(digits, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def _nhs_number(rng: random.Random) -> str:
    """Return a random ten-digit NHS number with a valid checksum, spaced 3-3-4 or unspaced."""
    while True:
        digits = "".join(str(rng.randint(0, 9)) for _ in range(9))
        check = nhs_check_digit(digits)
        if digits[0] != "0" and check is not None:
            number = f"{digits}{check}"
            break
    if rng.random() < 0.7:
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    return number


def _mobile(rng: random.Random) -> str:
    """Return a mobile number from Ofcom's drama range 07700 900000-900999."""
    tail = f"{rng.randint(0, 999):03d}"
    return rng.choice((f"07700 900{tail}", f"+44 7700 900{tail}", f"07700900{tail}"))


def _landline(rng: random.Random) -> str:
    """Return a landline number from one of Ofcom's drama ranges."""
    tail = f"{rng.randint(0, 999):03d}"
    return rng.choice((f"0113 496 0{tail}", f"0161 496 0{tail}", f"01632 960{tail}"))


def _postcode(rng: random.Random, town: str) -> str:
    """Return a valid-format postcode in the town's postcode district."""
    area, districts = TOWNS[town]
    inward_letters = "ABDEFGHJLNPQRSTUWXYZ"
    return (
        f"{area}{rng.choice(districts)} {rng.randint(1, 9)}"
        f"{rng.choice(inward_letters)}{rng.choice(inward_letters)}"
    )


def _nino(rng: random.Random) -> str:
    """Return a National Insurance number in a valid format."""
    first, second = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
    while True:
        prefix = rng.choice(first) + rng.choice(second)
        if prefix not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    pairs = [f"{rng.randint(0, 99):02d}" for _ in range(3)]
    suffix = rng.choice("ABCD")
    if rng.random() < 0.7:
        return f"{prefix} {' '.join(pairs)} {suffix}"
    return f"{prefix}{''.join(pairs)}{suffix}"


def _date(rng: random.Random) -> tuple[str, str]:
    """Return a specific date as spoken, and the part of it that identifies."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 11), rng.randint(2014, 2023)
    name = MONTHS[month - 1]
    form = rng.randrange(4)
    if form == 0:
        value = f"{_ordinal(day)} of {name} {year}"
        return f"the {value}", value
    if form == 1:
        value = f"{day:02d}/{month:02d}/{year}"
    elif form == 2:
        value = f"{day} {name}"
    else:
        value = f"{day} {name} {year}"
    return value, value


def _slug(text: str) -> str:
    """Return a lower-case, hyphenated web slug of a name."""
    kept = "".join(c if c.isalnum() else " " for c in text.lower())
    return "-".join(kept.split())


def age_band(age: int) -> str:
    """Return the manifest age band of an age."""
    for low, high in ((18, 24), (25, 34), (35, 44), (45, 54), (55, 64)):
        if low <= age <= high:
            return f"{low}-{high}"
    return "65+"


# --------------------------------------------------------------------------------------------
# Participants and the placeholder values of one transcript
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Participant:
    """One synthetic participant of a study."""

    transcript_id: str
    name: str
    gender: str
    age: int
    staff: tuple[str, str, str, str]


@dataclass
class Context:
    """Placeholder values of one transcript, and the identifier each placeholder plants."""

    values: dict[str, str] = field(default_factory=dict)
    plants: dict[str, tuple[str, str]] = field(default_factory=dict)

    def put(self, key: str, text: str, planted: str | None = None) -> None:
        """Set a placeholder; keys listed in ENTITY_OF also record the identifier planted."""
        self.values[key] = text
        if key in ENTITY_OF:
            self.plants[key] = (ENTITY_OF[key], planted or text)


def _participants(
    rng: random.Random, prefix: str, count: int, staff: tuple[tuple[str, str, str, str], ...]
) -> list[Participant]:
    """Draw a study's participants: distinct names, about a third of them with a nickname."""
    pools = {}
    for sex, names in (("female", FEMALE_NAMES), ("male", MALE_NAMES)):
        nicknamed = [n for n in names if n in NICKNAMES]
        plain = [n for n in names if n not in NICKNAMES]
        rng.shuffle(nicknamed)
        rng.shuffle(plain)
        pools[sex] = (nicknamed, plain)
    people = []
    for i in range(count):
        sex = "female" if i % 2 == 0 else "male"
        nicknamed, plain = pools[sex]
        pool = nicknamed if (rng.random() < 0.35 and nicknamed) else plain
        name = pool.pop() if pool else rng.choice(FEMALE_NAMES + MALE_NAMES)
        gender = sex if rng.random() < 0.9 else rng.choice(("non-binary", "not stated"))
        people.append(
            Participant(
                transcript_id=f"{prefix}{i + 1:02d}",
                name=name,
                gender=gender,
                age=rng.randint(19, 67),
                staff=staff[i % len(staff)],
            )
        )
    return people


def _family(rng: random.Random, age: int, taken: set[str]) -> tuple[str, str]:
    """Return a family relation and a name that fits it and the participant's age."""
    relations = ["sister", "brother", "partner", "cousin"]
    relations += ["nan", "auntie"] if age < 35 else ["son", "daughter", "husband", "wife"]
    relation = rng.choice(relations)
    if relation == "nan":
        pool = OLDER_FEMALE_NAMES
    elif relation in ("son", "daughter") and age < 45:
        pool = BOY_NAMES if relation == "son" else GIRL_NAMES
    elif relation in ("sister", "daughter", "wife", "auntie"):
        pool = FEMALE_NAMES
    elif relation in ("brother", "son", "husband"):
        pool = MALE_NAMES
    else:
        pool = FEMALE_NAMES + MALE_NAMES
    return relation, rng.choice([n for n in pool if n not in taken])


def _common_context(rng: random.Random, person: Participant, site: dict) -> Context:
    """Return the placeholders shared by both kinds of transcript."""
    ctx = Context()
    taken = {person.name} | {s[0] for s in SITES["site_a"]["staff"] + SITES["site_b"]["staff"]}
    ctx.put("pname", person.name)
    if person.name in NICKNAMES:
        ctx.put("nick", NICKNAMES[person.name])
    ctx.put("addr", NICKNAMES.get(person.name, person.name))
    relation, fam = _family(rng, person.age, taken)
    taken.add(fam)
    ctx.put("fam_rel", relation)
    ctx.put("fam", fam)
    ctx.put("friend", rng.choice([n for n in FEMALE_NAMES + MALE_NAMES if n not in taken]))
    town, town2 = rng.sample(sorted(TOWNS), 2)
    ctx.put("town", town)
    ctx.put("town2", town2)
    ctx.put("street", rng.choice(STREETS))
    ctx.put("postcode", _postcode(rng, town))
    doctor = rng.choice(DOCTORS)
    ctx.put("doc", f"Dr {doctor}", doctor)
    date_text, date_value = _date(rng)
    ctx.put("date", date_text, date_value)
    then = rng.randint(11, max(11, min(30, person.age - 6)))
    ctx.put("age_now", f"{person.age} years old")
    ctx.put("age_then", f"I was {then}")
    ctx.put("phone", _mobile(rng))
    ctx.put("phone_b", _landline(rng))
    surname = rng.choice(SURNAMES)
    handle = NICKNAMES.get(person.name, person.name).lower()
    domain = rng.choice(("example.com", "example.net"))
    ctx.put("email_p", f"{handle}.{surname.lower()}{rng.randint(1, 99)}@{domain}")
    ctx.put("nhs", _nhs_number(rng))
    ctx.put("nino", _nino(rng))
    ctx.put("hospital", rng.choice(site["hospitals"]))
    ctx.put("ward", rng.choice(site["wards"]))
    ctx.put("trust", site["trust"])
    group = rng.choice(site["groups"])
    ctx.put("group", group)
    ctx.put("url", f"www.example.org/{_slug(group)}")
    ctx.put("employer", rng.choice(EMPLOYERS))
    ctx.put("school", rng.choice(SCHOOLS))
    return ctx


def _peer_context(rng: random.Random, person: Participant) -> Context:
    """Return the placeholders of a peer support interview."""
    ctx = _common_context(rng, person, SITES["site_a"])
    first, last, sex, _ = person.staff
    ctx.put("psw", first)
    ctx.put("psw_full", f"{first} {last}")
    ctx.put("email_w", f"{first.lower()}.{last.lower()}@example.org")
    words = ("she", "She", "her", "her", "Her", "herself")
    if sex == "m":
        words = ("he", "He", "him", "his", "His", "himself")
    for key, word in zip(("she", "She", "her_o", "her_p", "Her_p", "herself"), words, strict=True):
        ctx.put(key, word)
    return ctx


def _therapy_context(rng: random.Random, person: Participant) -> Context:
    """Return the placeholders of a therapy session."""
    ctx = _common_context(rng, person, SITES["site_b"])
    first, last, _, title = person.staff
    ctx.put("ther", first)
    ctx.put("ther_full", f"{title} {first} {last}".strip())
    if title:
        ctx.put("ther_dr", f"{title} {last}", last)
    return ctx


# --------------------------------------------------------------------------------------------
# Writing one transcript
# --------------------------------------------------------------------------------------------


def _fields(template: str) -> list[str]:
    """Return the placeholder names of a template, in order of appearance."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


@dataclass
class Transcript:
    """The lines of one transcript being written, and the identifiers they plant."""

    ctx: Context
    rng: random.Random
    lines: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    planted: dict[tuple[str, str], None] = field(default_factory=dict)
    fillers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    last: str = ""

    def pick(self, bank: tuple[str, ...]) -> str:
        """Choose a template whose placeholders are all known, preferring unused ones."""
        usable = [t for t in bank if all(k in self.ctx.values for k in _fields(t))]
        fresh = [t for t in usable if t not in self.used]
        template = self.rng.choice(fresh or usable)
        self.used.add(template)
        return template

    def say(self, label: str, template: str) -> None:
        """Append one utterance, first letting the other speaker fill in if the same one spoke."""
        if label == self.last and self.fillers:
            other = next(k for k in self.fillers if k != label)
            self._append(other, self.pick(self.fillers[other]))
        self._append(label, template)

    def _append(self, label: str, template: str) -> None:
        """Append one utterance as written, recording the identifiers it plants."""
        self.last = label
        for key in _fields(template):
            if key in self.ctx.plants:
                self.planted[self.ctx.plants[key]] = None
        self.lines.append(f"{label}: {template.format(**self.ctx.values)}")

    def pick_say(self, label: str, bank: tuple[str, ...]) -> None:
        """Choose a template from a bank and append it."""
        self.say(label, self.pick(bank))

    def text(self) -> str:
        """Return the transcript as text, one utterance a line."""
        return "\n".join(self.lines) + "\n"


def _id_slots(rng: random.Random, mandatory: tuple[str, ...], optional: list[str]) -> list[str]:
    """Return the identifier slots of one transcript: the mandatory ones and some others."""
    slots = list(mandatory) + rng.sample(optional, rng.randint(2, 4))
    rng.shuffle(slots)
    return slots


def _slot_positions(rng: random.Random, slots: int, lines: int) -> set[int]:
    """Return the exchange numbers, spread over the body, that carry identifier slots."""
    exchanges = max(slots + 2, round(lines / 2.6))
    return set(rng.sample(range(exchanges), slots))


def _weighted_theme(rng: random.Random, weights: dict[str | None, int]) -> str | None:
    """Draw a theme (None for neutral talk) from a weight table."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


PEER_WEIGHTS: dict[str | None, int] = {
    None: 16,
    "helper_self_disclosure": 17,
    "shared_identity": 14,
    "being_understood": 15,
    "dual_roles_boundaries": 13,
    "disclosure_process": 9,
}
THERAPY_WEIGHTS: dict[str | None, int] = {
    None: 28,
    "helper_self_disclosure": 7,
    "shared_identity": 4,
    "being_understood": 18,
    "dual_roles_boundaries": 9,
    "disclosure_process": 5,
}


def _peer_exchange(t: Transcript, theme: str | None) -> None:
    """Append one interviewer question and the participant's answer (and maybe a follow-up)."""
    rng = t.rng
    if theme is None:
        t.pick_say("Interviewer", PEER_TOPICS if rng.random() < 0.5 else PEER_PROMPTS)
        t.pick_say("Participant", PEER_NEUTRAL)
        return
    t.pick_say("Interviewer", PEER_QUESTIONS[theme] if rng.random() < 0.75 else PEER_PROMPTS)
    t.pick_say("Participant", PEER_THEMES[theme])
    if rng.random() < 0.4:
        t.pick_say("Interviewer", BACKCHANNEL)
        t.pick_say("Participant", PEER_THEMES[theme] if rng.random() < 0.6 else PEER_NEUTRAL)


def _peer_id_exchange(t: Transcript, slot: str) -> None:
    """Append an exchange that plants the identifiers of one slot."""
    question, answer = PEER_ID_SLOTS[slot]
    if question is None:
        t.pick_say("Interviewer", PEER_PROMPTS)
    else:
        t.say("Interviewer", question)
    t.say("Participant", answer)


def _therapy_exchange(t: Transcript, theme: str | None) -> None:
    """Append one client-therapist exchange, themed or neutral."""
    rng = t.rng
    if theme is None:
        if t.last == "Client":
            t.pick_say("Therapist", THER_TECHNIQUE)
        for _ in range(rng.choice((1, 1, 1, 2))):
            t.pick_say("Client", CLIENT_NEUTRAL)
            t.pick_say("Therapist", THER_TECHNIQUE)
        return
    lead = THERAPIST_LEADS[theme] * (0.6 if t.last == "Therapist" else 1.0)
    if rng.random() < lead:
        t.pick_say("Therapist", THER_THEMES[theme])
        if theme == "disclosure_process" and rng.random() < 0.6:
            t.pick_say("Client", CLIENT_REACT[theme])
            theme = "helper_self_disclosure"
            t.pick_say("Therapist", THER_THEMES[theme])
        t.pick_say("Client", CLIENT_REACT[theme] if rng.random() < 0.65 else CLIENT_THEMES[theme])
    else:
        t.pick_say("Client", CLIENT_THEMES[theme])
        t.pick_say("Therapist", THER_FOLLOW if rng.random() < 0.65 else THER_THEMES[theme])


def _therapy_id_exchange(t: Transcript, slot: str) -> None:
    """Append the utterances that plant the identifiers of one slot, with a reply."""
    turns = THERAPY_ID_SLOTS[slot]
    for label, template in turns:
        t.say(label, template)
    if turns[-1][0] == "Client":
        t.pick_say("Therapist", THER_FOLLOW)
    else:
        t.pick_say("Client", CLIENT_FILLERS)


THER_FILLERS = _bank("""
Mm.
Mm-hm.
Okay.
Right.
Go on.
""")
CLIENT_FILLERS = _bank("""
Yeah.
Mm.
Mm-hm.
Okay.
""")


def _body(
    t: Transcript,
    slots: list[str],
    exchange: Callable[[Transcript, str | None], None],
    id_exchange: Callable[[Transcript, str], None],
    weights: dict[str | None, int],
) -> None:
    """Append themed and neutral exchanges up to a target length, spreading identifier slots."""
    target = t.rng.randint(40, 62)
    pending = list(slots)
    positions = _slot_positions(t.rng, len(pending), target - len(t.lines))
    number = 0
    while len(t.lines) < target or pending:
        if pending and (number in positions or len(t.lines) >= target):
            id_exchange(t, pending.pop())
        else:
            exchange(t, _weighted_theme(t.rng, weights))
        number += 1


def build_peer(rng: random.Random, person: Participant) -> Transcript:
    """Write one peer support interview."""
    t = Transcript(_peer_context(rng, person), rng)
    t.pick_say("Interviewer", PEER_OPEN)
    t.pick_say("Participant", PEER_NICK_REPLY if "nick" in t.ctx.values else PEER_OPEN_REPLY)
    _peer_id_exchange(t, "age")
    t.pick_say("Interviewer", PEER_START)
    t.pick_say("Participant", PEER_START_REPLY)
    _peer_id_exchange(t, "worker")
    optional = [s for s in PEER_ID_SLOTS if s not in {"age", "worker", "fam", "date"}]
    slots = _id_slots(rng, ("fam", "date"), optional)
    _body(t, slots, _peer_exchange, _peer_id_exchange, PEER_WEIGHTS)
    t.pick_say("Interviewer", PEER_CLOSE)
    t.pick_say("Participant", PEER_CLOSE_REPLY)
    t.pick_say("Interviewer", PEER_BYE)
    return t


def build_therapy(rng: random.Random, person: Participant) -> Transcript:
    """Write one therapy session."""
    fillers = {"Therapist": THER_FILLERS, "Client": CLIENT_FILLERS}
    t = Transcript(_therapy_context(rng, person), rng, fillers=fillers)
    t.pick_say("Therapist", THER_OPEN)
    t.pick_say("Client", CLIENT_NICK_REPLY if "nick" in t.ctx.values else CLIENT_OPEN_REPLY)
    t.pick_say("Therapist", THER_AGENDA)
    t.pick_say("Client", CLIENT_AGENDA_REPLY)
    mandatory = ("age", "fam", "date")
    optional = [s for s in THERAPY_ID_SLOTS if s not in mandatory]
    slots = _id_slots(rng, mandatory, optional)
    _body(t, slots, _therapy_exchange, _therapy_id_exchange, THERAPY_WEIGHTS)
    t.pick_say("Therapist", THER_CLOSE)
    t.pick_say("Client", CLIENT_CLOSE_REPLY)
    t.pick_say("Therapist", THER_BYE)
    return t


# --------------------------------------------------------------------------------------------
# Studies and output files
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StudySpec:
    """How to write one study of the demo consortium."""

    study_id: str
    title: str
    prefix: str
    corpus: str
    site: str
    speakers: dict[str, str]
    builder: Callable[[random.Random, Participant], Transcript]
    # The study's own code names mapped onto consortium themes (written as crosswalk.yaml).
    crosswalk: dict[str, str] | None = None


# The peer support study coded with its own codebook before joining the consortium.
PEER_SUPPORT_CROSSWALK = {
    "Peer worker's own story": "helper_self_disclosure",
    "Lived experience shared": "helper_self_disclosure",
    "When and how they shared": "disclosure_process",
    "Been there too": "shared_identity",
    "One of us": "shared_identity",
    "Felt heard": "being_understood",
    "Not judged": "being_understood",
    "Friend or worker?": "dual_roles_boundaries",
    "Contact between sessions": "dual_roles_boundaries",
}


STUDIES = (
    StudySpec(
        study_id="peer_support",
        title="Service users' experiences of peer support workers",
        prefix="PS",
        corpus="peer_support",
        site="site_a",
        speakers={"Interviewer": "interviewer", "Participant": "participant"},
        builder=build_peer,
        crosswalk=PEER_SUPPORT_CROSSWALK,
    ),
    StudySpec(
        study_id="therapist_disclosure",
        title="Therapist self-disclosure in NHS talking therapy sessions",
        prefix="TD",
        corpus="therapy",
        site="site_b",
        speakers={"Therapist": "therapist", "Client": "client"},
        builder=build_therapy,
    ),
)


HEADER = "# Synthetic demo data written by examples/generate_demo.py; do not edit by hand.\n"


def _write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with LF line endings, creating parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _known_identifiers(site: str) -> list[str]:
    """Return what a site already knows and wants masked: staff, hospitals, wards, trust, groups."""
    data = SITES[site]
    names: list[str] = []
    for first, last, _, title in data["staff"]:
        names += [f"{first} {last}", first, last]
        if title:
            names.append(f"{title} {last}")
    return (
        names
        + list(data["hospitals"])
        + list(data["wards"])
        + [data["trust"]]
        + list(data["groups"])
    )


def write_study(out: Path, spec: StudySpec, per_study: int, seed: int) -> list[dict[str, str]]:
    """Write one study's transcripts, manifest and deny list; return its planted identifiers."""
    folder = out / "studies" / spec.study_id
    staff = SITES[spec.site]["staff"]
    people = _participants(random.Random(f"{seed}:{spec.study_id}"), spec.prefix, per_study, staff)
    for stale in sorted((folder / "transcripts").glob(f"{spec.prefix}[0-9][0-9].txt")):
        stale.unlink()
    rows, planted = [], []
    for person in people:
        rng = random.Random(f"{seed}:{spec.study_id}:{person.transcript_id}")
        transcript = spec.builder(rng, person)
        text = transcript.text()
        if not 35 <= len(transcript.lines) <= 70:
            raise RuntimeError(f"{person.transcript_id}: {len(transcript.lines)} utterances")
        _write_text(folder / "transcripts" / f"{person.transcript_id}.txt", text)
        for entity_type, value in transcript.planted:
            if value not in text:
                raise RuntimeError(f"{person.transcript_id}: planted {value!r} not in text")
            planted.append(
                {
                    "transcript_id": person.transcript_id,
                    "study_id": spec.study_id,
                    "entity_type": entity_type,
                    "value": value,
                }
            )
        rows.append(
            {
                "transcript_id": person.transcript_id,
                "file": f"transcripts/{person.transcript_id}.txt",
                "participant_id": f"P-{person.transcript_id}",
                "site": spec.site,
                "age_band": age_band(person.age),
                "gender": person.gender,
            }
        )
    _write_manifest(folder / "manifest.csv", rows)
    _write_text(folder / "known_identifiers.txt", "\n".join(_known_identifiers(spec.site)) + "\n")
    if spec.crosswalk is not None:
        crosswalk = {
            "study_id": spec.study_id,
            "codebook_id": CODEBOOK["codebook_id"],
            "version": "1",
            "codes": dict(spec.crosswalk),
        }
        _write_text(folder / "crosswalk.yaml", HEADER + _dump_yaml(crosswalk))
    return planted


def _write_manifest(path: Path, rows: list[dict[str, str]]) -> None:
    """Write a study manifest as CSV with LF line endings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _dump_yaml(data: dict) -> str:
    """Return data as block-style YAML in insertion order."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def consortium_config(output_dir: str = "out") -> dict:
    """Return the consortium configuration of the demo."""
    studies = [
        {
            "study_id": spec.study_id,
            "corpus": spec.corpus,
            "site": spec.site,
            "title": spec.title,
            "manifest": f"studies/{spec.study_id}/manifest.csv",
            "speakers": dict(spec.speakers),
            "deny_list": f"studies/{spec.study_id}/known_identifiers.txt",
        }
        | ({"crosswalk": f"studies/{spec.study_id}/crosswalk.yaml"} if spec.crosswalk else {})
        for spec in STUDIES
    ]
    return {
        "consortium": "demo-consortium",
        "codebook": "codebook.yaml",
        "studies": studies,
        "output_dir": output_dir,
        "comparisons": [
            {
                "comparison_id": "peer_vs_therapy_all",
                "by": "corpus",
                "group_a": "peer_support",
                "group_b": "therapy",
            },
            {
                "comparison_id": "helper_talk",
                "by": "corpus",
                "group_a": "peer_support",
                "group_b": "therapy",
                "speaker_roles": ["participant", "therapist"],
            },
        ],
        "stats": {"bootstrap_resamples": 1000},
    }


def generate(
    out: Path, per_study: int = 12, seed: int = DEFAULT_SEED, output_dir: str = "out"
) -> list[dict[str, str]]:
    """Write the whole demo consortium under a folder; return the planted identifiers."""
    if not 1 <= per_study <= 99:
        raise ValueError("per_study must be between 1 and 99")
    _write_text(out / "consortium.yaml", HEADER + _dump_yaml(consortium_config(output_dir)))
    _write_text(out / "codebook.yaml", HEADER + _dump_yaml(CODEBOOK))
    planted = []
    for spec in STUDIES:
        planted += write_study(out, spec, per_study, seed)
    _write_text(
        out / "planted_identifiers.json", json.dumps(planted, indent=2, ensure_ascii=False) + "\n"
    )
    return planted


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and write the demo consortium."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--per-study", type=int, default=12, help="transcripts per study")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--output-dir", default="out", help="the config's output_dir (relative to --out)"
    )
    args = parser.parse_args(argv)
    planted = generate(args.out, args.per_study, args.seed, args.output_dir)
    print(f"wrote {args.per_study} transcripts per study and {len(planted)} planted identifiers")
    print(f"to {args.out}")


if __name__ == "__main__":
    main()
