"""Names told by what surrounds them, and postcodes with a pause or read out in lower case."""

from __future__ import annotations

import pytest

from tests.helpers.coverage import masked, touched


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I text rose most nights just to check in.", "rose"),
        ("Yeah I was with amber at the time.", "amber"),
        ("It's me, Steven and pearl in the flat now.", "pearl"),
        ("I used to go with Autumn's mum.", "Autumn"),
        ("April, that's my daughter, she's ten.", "April"),
        ("Ruby came with me to the appointment.", "Ruby"),
        ("I ring dawn every Sunday.", "dawn"),
        ("and then acharya from the housing turned up", "acharya"),
        ("Ring julianna on a Sunday.", "julianna"),
        ("We called him nicola after my grandad.", "nicola"),
        ("I've got a lad, shannon, he's at college now.", "shannon"),
        ("it's me sylwia and rusty in the flat now", "rusty"),
        ("Me and erm, ANNETTE were there the whole night.", "ANNETTE"),
        ("I text RAY most nights just to check in.", "RAY"),
        ("I'm Natasha dhingra, date of birth to follow.", "Natasha dhingra"),
        ("Her name was Hope Marsh.", "Hope Marsh"),  # naming cue: both capitalised words
        ("her name was hope marsh and she", "hope marsh"),  # a noun after the first name
        ("My worker was Hope Marsh.", "Hope Marsh"),  # who a role is, said as a fact
        ("our nurse is Summer, she's lovely", "Summer"),
        ("her name was will baker and honestly", "will baker"),  # a stop word, then a surname
        ("and nurse sky would text me", "sky"),  # a title, then what a person does
        ("then nurse amber came in", "amber"),
        # A self-introduction before where one calls from, a recogniser's 'names' for
        # 'name's', and a title said in full in lower case.
        ("hi this is jasmine from your housing association", "jasmine"),
        ("her names mei ling and shes a pharmacist", "mei ling"),
        ("hello mister oduya this is the memory service", "mister oduya"),
        # A listed name with no everyday reading is a name whatever the tagger reads before it.
        ("So anyway.\n.\nIbrahim you mentioned your dad.", "Ibrahim"),
        # A word-name before 'my' and a relation names that relation.
        ("Sunny my grandson set us up a group.", "Sunny"),
        # Restated by a pronoun as a role or relation.
        ("So I went with precious, she was my support worker.", "precious"),
        ("can i speak to mr a kowalski please", "mr a kowalski"),  # a title and an initial
        ("It was signora Bianchi from upstairs who called", "signora Bianchi"),
        ("MMG dott. Ferraris, pensionato.", "dott. Ferraris"),
        ("Sis Lindiwe from SADAG phoned me every day that week.", "Sis Lindiwe"),
        # A pause between a title and the name; a speaker saying who they are as the turn
        # opens; a name opening a turn before what only a person does.
        ("M1: We had another. Doctor, um, Lindqvist? Something Swedish.", "Doctor, um, Lindqvist"),
        ("W1: Dawn again. The thing for women is the kids.", "Dawn"),
        ("M3: Will here. I'm the chair.", "Will"),
        ("Carer 2: Rose went to the day centre for years.", "Rose"),
        # What one is called, and a short form said as such.
        ("At the drop-in. Everyone calls her Shiv, mind.", "Shiv"),
        ("now i'm glad he did we call him pickles because he eats them", "pickles"),
        ("he calls himself big mo on the estate", "big mo"),
        # A word-name introduced by its relation, or before what only a person does.
        ("dawn my key worker at riverside says the bid is in", "dawn"),
        ("my sister may found me in the bathroom", "may"),
        ("my partner will will be on the call as well", "will"),
        ("bola asked me to tell you the group moved", "bola"),
        ("she was going to take my little girl hope off me", "hope"),
        ("My sister, Agnieszka Nowak. Aga for short. She translated.", "Aga"),
        # A nickname or family title restated by a pronoun, and 'Will' before a verb that no
        # modal takes.
        ("my sponsor at na big mick he's been brilliant", "big mick"),
        ("and youve met auntie bimbo shes seventy eight", "auntie bimbo"),
        ("Will will be back from work about six", "Will"),
        # Said as a recogniser writes them: a self-introduction with a stop-word first name or
        # before 'again', a relation's name before a pronoun without its apostrophe, a word-name
        # opening a clause before a denied auxiliary, a short form before what it is short for.
        ("hi yeah good morning its will okonkwo ringing about my mum", "will okonkwo"),
        ("its mo again i rang earlier", "mo"),
        ("i look after my wife pat shes had ms for years", "pat"),
        ("mark hasnt rung back and its been three days now", "mark"),
        ("yeah its ade short for adebayo", "ade"),
        ("can i just say thank you to pauline for the lift last time", "pauline"),
        ("Nadia set it up — nads, we call her — she keeps it going.", "nads"),
        ("P63: Jade's nine, Kaden's five, and social services came", "Jade"),
        ("my husband dieter he drinks since he lost the job", "dieter"),  # taken up by 'he'
        # 'will' where no modal can stand: after thanks, before a past tense or a pronoun.
        ("thanks will so what do you think helped most", "will"),
        ("good actually me and will made a volcano last week", "will"),
        ("yeah my boy will hes seven i see him saturdays", "will"),
        ("beats i made one for my boy will", "will"),
        ("just me and will my son he's eight", "will"),  # no modal before 'my son'
        ("im nkem im siobhans peer support worker", "siobhans"),  # no apostrophe
        ("Anyone else's psychiatrist called Will? Mine is", "Will"),
        ("my brother's Cash App is $DerekNeedsHelp2023 for rehab", "$DerekNeedsHelp2023"),
        # A nickname after 'calls you', a short name said with 'by the way'.
        ("and everyone calls you shiv is that right", "shiv"),
        ("yeah alright its ty by the way nobody calls me tyrone", "ty"),
        ("my username on the forum is night owl eighty two if you want", "night owl eighty two"),
        # A speaker named in the label of the turn, addressed after a label, or said as a
        # sentence of its own and taken up by a pronoun.
        ("Paddy: Walking. I do the coast path.", "Paddy"),
        ("Facilitator: May, did you want to say anything today?", "May"),
        ("P33: She set me up on the computer. Amber. She's fourteen.", "Amber"),
        # A word-name opening a clause in unpunctuated speech, before what is done to a person
        # or what a person does; introduced after a greeting; taken up by 'who'; paired with
        # the speaker by what they did together; shouted out to.
        ("right. so grace was discharged from the unit on the second", "grace"),
        ("she said sunny had been sleeping in his car", "sunny"),
        ("right er precious has asked for a female worker", "precious"),
        ("hi everyone i'm dawn and i've been coming here a year", "dawn"),
        ("it was fisher who did my assessment not the other one", "fisher"),
        ("yeah so me and patch met years ago when we were both drinking", "patch"),
        ("big shout out to ade who's finally got the keys", "ade"),
        # Named as a turn signs off.
        ("thanks see you next week kiran", "kiran"),
        ("ok bye oksana x", "oksana"),
        ("Will from the carers group dropped off a lasagne", "Will"),  # no modal before 'from'
        # A clause opened by 'since', 'until', 'before' or 'while'; a name someone is called
        # by; who a carer is; a title that is nothing else, then any word.
        ("its just me and the dog now since ray passed in november", "ray"),
        ("i was fine until rose came back", "rose"),
        ("while mark was staying with us it was hard", "mark"),
        ("he keeps calling me lily which was his sisters name", "lily"),
        ("care coordinator is jo and the consultant is dr rahman", "jo"),
        ("the social worker was kemi and she was ok", "kemi"),
        ("he was under dr marsh on the ward", "dr marsh"),
        ("mrs white rang me yesterday about the flat", "mrs white"),
        ("the admiral nurse caroline from dementia uk came out", "caroline"),  # an adjective too
        ("rose from carers first reckons i could get a grant", "rose"),  # from a service
        ("i was with rose for six years and she kept me off it", "rose"),  # how long
        ("we were with grace for a year after that", "grace"),
        ("Staff Nurse Kowalski sat with me for an hour", "Staff Nurse Kowalski"),
        # Who one is with, works with or collects; what a person does or is doing; who lives
        # next door; a relation said straight after the name.
        ("She's with florin all day and she doesn't speak to anyone.", "florin"),
        ("im doing a bit of work with chester on his roofs", "chester"),
        ("i pick up sky every other weekend", "sky"),
        ("until paddy drove down to the college with me", "paddy"),
        ("Thank you. I must go, florin is waiting with the neighbour.", "florin"),
        ("Then in the holidays elowen next door had him.", "elowen"),
        ("seeing more of kemi shes my daughter", "kemi"),
        ("could help out maybe dawn next door", "dawn"),
        ("bill and june from next door have been good", "june"),  # no month lives next door
        ("okay precious im just going to ask you some questions", "precious"),  # addressed
        # The name inside a phrasal verb; a clause that opens after a pronoun or a time.
        ("we go swimming on a sunday i picked heather up from hers", "heather"),
        ("now he leads it on thursdays faith picked him up the first time", "faith"),
        ("and then back to him faith drilled that into me", "faith"),
        ("my health visitor dawn rang the gp because of my scores", "dawn"),
        ("known to them as daniel but hes calling himself prophet", "prophet"),
        # 'will' before a verb no modal takes, or after a verb whose object is a person.
        ("would come but will turned up on his own no clipboard", "will"),
        ("more people who get it cos will gets it and none of the others did", "will"),
        ("i told will about it and he said you dont have to", "will"),
        ("I was in bed most days. I told will everything about it.", "will"),
        ("still dragged me out surfing, him and jack. We didn't talk", "jack"),
        (
            "R: Hope was the name of the midwife, isn't that mad?",
            "Hope",
        ),  # said to be a name  # a word-name beside where they live
        # 'my names': a verb too is the name said ('storm'); who someone is, after 'the'.
        ("its storm my names storm my mum was a hippy", "storm"),
        ("twice a week and blessing the carer comes morning and night", "blessing"),
        ("at the time my snapchat is c mac ninety four if you want it", "c mac ninety four"),
    ],
)
def test_word_names_are_found_by_their_surroundings(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mark my words, it'll get worse.", "Mark"),
        ("The rent rose and will rise again.", "rose"),
        ("There's always hope and faith.", "hope"),
        ("I was with pride at the time.", "pride"),
        ("April was a hard month for me.", "April"),
        ("I got a letter from the council.", "letter"),
        ("She called me back on Monday.", "back"),
        ("you can call me crazy but i like it", "crazy"),
        ("my sister may come round later", "may"),
        ("and call her names if i want", "names"),
        ("I've got a girl, she's at college.", "she"),
        ("I went to the NHS on Monday.", "NHS"),
        ("I think MAY is good.", "MAY"),
        ("I told Grace tomorrow would do.", "tomorrow"),
        ("my nurse was Lovely, honestly", "Lovely"),
        ("his name was dave really", "really"),
        ("my name was called out twice", "called"),
        ("i hope the nurse comes soon", "hope"),
        ("for me faith helped a lot", "faith"),
        ("i told will be there", "will"),
        ("but will turn up eventually i hope", "will"),
        ("she asked will you come", "will"),
        ("he picked it up again", "it"),
        ("a dog going mad next door", "mad"),
        ("the nurse station was busy", "station"),
        ("doctor said it was fine", "said"),
        # A surname joined to a lower-case name stops at a contraction or a word about names.
        ("i look after my wife pat shes had ms for years", "shes"),
        ("yeah its ade short for adebayo surname ogunleye", "surname"),
        # Turn labels by role, and a colon after an everyday word in a sentence.
        ("Interviewer: And how was that?", "Interviewer"),
        ("Facilitator: Welcome back, everyone.", "Facilitator"),
        ("Note: the recording paused here.", "Note"),
        ("Update: thanks for all the kind replies", "Update"),
        ("my sis is coming round later", "sis"),
        ("alright bro how are you", "bro"),
        ("thanks to god for all of it", "god"),
        ("my username is the same as my email", "same"),
        # Clause openers, greetings and pairings that name no one.
        ("she said sunny had been sleeping in his car", "said"),  # 'Said' is a name too
        ("and summer came round again", "summer"),
        ("hi everyone i'm tired and i've had a rough week", "tired"),
        ("hello i'm calling about my mum", "calling"),
        ("so hope was all i had left", "hope"),
        ("it was people who helped me most", "people"),
        ("me and mum went to the shops", "mum"),
        ("me and mates went out", "mates"),
        ("me and work have never got on", "work"),
        ("thanks love", "love"),
        ("So from the start it was hard", "So"),
        ("ok thanks hun", "hun"),
        ("right thanks everyone", "everyone"),
        ("lovely, see you tomorrow", "tomorrow"),
        ("i rang her and we call her back later", "and"),
        ("Life's too short, nine times out of ten", "Life"),
        ("my husband said he would", "said"),
        ("my son today he was fine", "today"),
        ("thanks will be given to all of you", "will"),
        ("i will so miss you all", "will"),
        ("my son will be there", "will"),
        ("and will my son be okay do you think", "will"),
        ("we stayed at our parents house for a week", "parents"),
        ("bought $AAPL and lost $500 on it", "$AAPL"),
        ("hope has been hard to find lately", "hope"),
        ("ever since summer came round i have felt better", "summer"),
        ("after work got busy i stopped going", "work"),
        ("she keeps calling me stupid", "stupid"),
        ("is anyone calling me back today", "back"),
        ("the nurse is lovely and the consultant is off sick", "lovely"),
        ("my gp is rubbish to be honest", "rubbish"),
        ("my probation officer is new", "new"),
        ("i've got a sky bill a water bill and a phone bill all red letters", "bill"),
        ("sorry theres a dog going mad next door", "mad"),
        ("the house next door is empty", "house"),
        ("she's with work all day", "work"),
        ("i pick up food on the way home", "food"),
        ("my snapchat is private so you cant see", "private"),
        ("the rent from next month says the letter", "rent"),
        ("i was with hope for the future", "hope"),
        ("Missing my grandad so much today", "Missing"),  # a verb before its object
    ],
)
def test_words_that_are_names_stay_words_without_a_cue(speech_engine, text, value):
    assert not touched(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It's PE1, 8GN.", "PE1, 8GN"),
        ("it's g l one five a f", "g l one five a f"),
        ("my postcode is l s six two a b", "l s six two a b"),
        ("It's the B D seven, four B X one.", "B D seven, four B X"),
        (
            "my email is o'herlihy ninety-seven at hotmail dot co dot uk",
            "o'herlihy ninety-seven at hotmail dot co dot uk",
        ),
    ],
)
def test_paused_and_lower_case_spoken_postcodes_are_found(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "I said a one two a bit.",
        "We had to, 1, 2, 3.",
        "I have a two, 3rd.",
        "she'll be eighty five in may",  # 'be' and 'in' are words, not postcode letters
    ],
)
def test_letters_and_numbers_that_are_no_postcode(speech_engine, text):
    [found] = speech_engine.detect([text])
    assert not any(d.entity_type == "UK_POSTCODE" for d in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I'm forty, I live at thirteen park view court.", "thirteen park view court"),
        ("She's at SEVENTY-ONE PARK VIEW ROAD, the green door.", "SEVENTY-ONE PARK VIEW ROAD"),
        ("We live at 3 Mill Lane Close now.", "3 Mill Lane Close"),
        ("We used to live on, um, forty-four oakwood grove.", "forty-four oakwood grove"),
    ],
)
def test_street_types_that_follow_another_join_the_address(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We walked up the hill and down the lane.", "lane"),
        ("I live at the end of the road.", "road"),
        ("i was one the drive home and it hit me", "drive"),
        ("we had one of the green cards", "green"),
    ],
)
def test_street_words_without_a_number_are_no_address(speech_engine, text, value):
    [found] = speech_engine.detect([text])
    start = text.index(value)
    assert not any(
        d.entity_type == "STREET_ADDRESS" and d.start < start + len(value) and d.end > start
        for d in found
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my twitter is at sunny underscore days", "sunny underscore days"),
        ("my insta's jade dot marie dot x", "jade dot marie dot x"),
        ("the username was big underscore dave", "big underscore dave"),
        ("her tiktok handle is just mo dash beats", "mo dash beats"),
    ],
)
def test_user_names_read_out_are_found(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    "text", ["the snap was fun", "my twitter is full of dogs", "the handle is broken"]
)
def test_accounts_without_a_spoken_user_name_mask_nothing_after_them(speech_engine, text):
    [found] = speech_engine.detect([text])
    assert all(d.entity_type != "URL" for d in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Uh, email is jack, dot, smith, at gmail, dot com.",
            "jack, dot, smith, at gmail, dot com",
        ),
        ("It's J Smith at hotmail.co.uk", "J Smith at hotmail.co.uk"),
        ("My email's jacksmith123 at gmail.", "jacksmith123 at gmail"),
        ("email address, um, it's priya underscore k at outlook", "priya underscore k at outlook"),
        ("It's jsmith@gmail .com", "jsmith@gmail .com"),
        # A domain said as two words, and a name of two words before 'at'.
        (
            "Yes, my email is jack smith at acme health dot com.",
            "jack smith at acme health dot com",
        ),
        (
            "It's jo dot bloggs at acme health dot co dot uk",
            "jo dot bloggs at acme health dot co dot uk",
        ),
        ("sent to ann.lee @ example.org yesterday", "ann.lee @ example.org"),
    ],
)
def test_e_mail_addresses_read_out_with_pauses_or_spaces_are_found(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Okay, and your email? Uh, we'll do that at the end.",
        "It's on at the community centre, so.",  # 'It's' never opens an address
        "I looked at it on my email at work.",
    ],
)
def test_words_near_email_that_are_no_address(speech_engine, text):
    [found] = speech_engine.detect([text])
    assert not any(d.entity_type == "EMAIL_ADDRESS" for d in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I live at twenty three, um, Babylon Road.", "twenty three, um, Babylon Road"),
        ("I live at number twenty two Elm Grove, in Leeds.", "number twenty two Elm Grove"),
        ("Uh, it's flat three, fourteen Park Street.", "flat three, fourteen Park Street"),
        ("It's flat six, Rosewood Court, Highbury.", "flat six, Rosewood Court"),
        # Where one lives needs no street type: 'Towngate', 'Kirkgate'.
        ("i live at 6 Towngate in Heckmondwike", "6 Towngate"),
        ("my address is twelve Kirkgate, Otley", "twelve Kirkgate"),
        # A street named by its type alone, with 'the'.
        ("she lives at number four the crescent in morecambe", "number four the crescent"),
        ("she lives at 12 The Green now", "12 The Green"),
    ],
)
def test_house_numbers_said_with_their_words_and_pauses_join_the_address(
    speech_engine, text, value
):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A title said twice: the second starts inside the first one's match.
        ("uh yeah the doctor um doctor fashola said i needed a follow up", "doctor fashola"),
        # A family title, then a name that is also a modal, restated by a pronoun.
        ("grandad will he was thirteen when he went down the pit", "grandad will"),
        # A title with initials and their full stops.
        ("the letter was from a Ms D. Fairweather at the council", "Ms D. Fairweather"),
        # After 'called', a first name of any country's lists, though it is also a word.
        ("the therapist was called marguerite, she was french", "marguerite"),
        # Capitals that come and go: a listed name in lower case is still read as one.
        ("hi it's kerry from the Carers Hub in Ashton", "kerry"),
    ],
)
def test_names_in_speech_with_unreliable_capitals_are_found(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it is called depression", "depression"),
        ("the app is called headspace", "headspace"),
        ("the group was called recovery", "recovery"),
        ("Mr T. Is he there yet", "Is"),  # two letters after initials, but a word
        ("her name is important to her", "important"),  # naming cue, then an adjective
        ("it's nothing from the council", "nothing"),
        ("Honestly, he was my best mate.", "Honestly"),
        ("the dr a said so", "said"),
        ("P1: Yes. I think so.", "Yes"),
        ("Her little brother couldn't say it.", "couldn't"),  # no name ends in n't
        ("nan said she was tired", "said"),
        ("the will was read out", "will"),
        ("the big man is here", "big"),
        ("R: Well, it was hard.", "Well"),
    ],
)
def test_things_called_by_a_word_are_no_name(speech_engine, text, value):
    assert not touched(speech_engine, text, value)


def test_a_turn_opening_on_a_role_names_the_carer_inside_a_batch(speech_engine):
    # The texts are packed into one document for the model: a turn opens after a newline.
    texts = ["so is it kwame or kwami for the letter", "care coordinator is jo and the consultant"]
    assert masked(speech_engine, texts[1], "jo")
    found = speech_engine.detect(texts)[1]
    assert any(texts[1][d.start : d.end] == "jo" for d in found)
