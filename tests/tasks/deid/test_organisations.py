"""Organisations named by their trade or body, and lower-case names of several words."""

from __future__ import annotations

import pytest

from tests.helpers.coverage import masked, touched


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i work at coldwell brewery", "coldwell brewery"),
        ("I was at Brackenridge Haulage for years.", "Brackenridge Haulage"),
        (
            "They sent me to kirkstall forge community hospital.",
            "kirkstall forge community hospital",
        ),
        ("I ended up on wren ward at greystones general", "greystones general"),
        ("there was a girl on hazel ward with me", "hazel ward"),  # a colour, and a name
        ("The quarry bank recovery cafe saved my life.", "quarry bank recovery cafe"),
        ("i used to work for aireborough care homes on the tills", "aireborough care homes"),
        ("I have been with elmhirst glazing since school.", "elmhirst glazing"),
        ("She did her nursing at Thornleigh Infirmary.", "Thornleigh Infirmary"),
        ("The Wharfedale men's group saved my life.", "Wharfedale men's group"),
        ("i got referred to oldfield carers", "oldfield carers"),
        ("The Aireborough drop-in in Westhoughton saved my life.", "Aireborough drop-in"),
        ("I work at ingleby bakery.", "ingleby bakery"),
        ("my son goes to our lady's catholic school", "our lady's catholic school"),
        ("She's at All Saints primary.", "All Saints primary"),
        ("we went to st bede's rc primary", "st bede's rc primary"),
        ("I go to holy trinity church.", "holy trinity church"),
        ("They sent me to QUARRY BANK INFIRMARY.", "QUARRY BANK INFIRMARY"),
        ("I was at AIREBOROUGH PLASTICS for twelve years.", "AIREBOROUGH PLASTICS"),
        ("She's in year 9 at Brighouse High.", "Brighouse High"),
        ("my daughter started at castle hill high in september", "castle hill high"),
        # Heads of food banks, hubs, regiments and hospitals named 'Royal' after their town.
        ("i volunteer at hartlepool foodbank on thursdays", "hartlepool foodbank"),
        ("i go to horton park wellbeing hub on wednesdays", "horton park wellbeing hub"),
        ("shes been taken into calderdale royal with her heart", "calderdale royal"),
        # A church or school by its saint alone.
        ("my daughter goes to saint bedes and the head", "saint bedes"),
        ("a dementia cafe at saint pauls methodist on tuesdays", "saint pauls methodist"),
        ("Just out of St Patrick's after 6 weeks", "St Patrick's"),
        ("get yourself down the crypt under st marks they do a hot dinner", "st marks"),
        ("i was at the st martins hostel in norwich before", "st martins hostel"),  # a hostel
        ("my wee boy started at kirkton nursery and i cried", "kirkton nursery"),
        ("i'm an mh nurse at hmp Forest Bank and the trauma", "hmp Forest Bank"),
        # Words joined by a digit, as services name themselves.
        ("the therapy you had through Steps2Wellbeing, if", "Steps2Wellbeing"),
        # Places of worship, pits, bridges and named teams; words the recaser capitalised.
        ("she wanted to go to the shree ram mandir in southall", "shree ram mandir"),
        ("he was a miner at kellingley colliery till it shut", "kellingley colliery"),
        ("i can see the humber bridge from where im parked", "humber bridge"),
        ("my coordinator is from the north bristol c m h t but", "north bristol c m h t"),
        ("the group meets at st marys church hall in lewisham", "st marys church hall"),
        ("Yeah, Our Lady of Mount Carmel, but that was more", "Our Lady of Mount Carmel"),
        # A local branch of a national charity, or a hospital, named by its place.
        ("bola said the group at hackney mind has moved", "hackney mind"),
        ("nasir from kirklees mind is coming with me", "kirklees mind"),  # a big place
        # A pub by its head, a ship of the forces by its prefix.
        ("We live right by the Feathers pub, you can't miss it.", "Feathers pub"),
        ("twenty-two years in, HMS Cornwall was my last ship", "HMS Cornwall"),
        ("I called Leeds Samaritans at 3am", "Leeds Samaritans"),
        ("her number is for the royal wolverhampton", "royal wolverhampton"),
        # Heads written before the name, as most languages but English do.
        (
            "its the hospital universitari vall d'hebron in barcelona",
            "hospital universitari vall d'hebron",
        ),
        ("shes at the école maternelle jules ferry and she bites", "école maternelle jules ferry"),
        ("he's at Kura Kaupapa Māori o Te Rito, fully te reo", "Kura Kaupapa Māori o Te Rito"),
        ("She was at Hospital Universitario La Paz for a month.", "Hospital Universitario La Paz"),
        ("Rendez-vous avec Dr Boucher à l'Hôpital Notre-Dame.", "l'Hôpital Notre-Dame"),
        ("in Roath Park now, they call themselves Dads Who Run.", "Dads Who Run"),
        ("Our group chat's called Mums in Recovery Hull, and", "Mums in Recovery Hull"),
        # A charity's branch by its place said after it; day services and police stations by
        # their name; a group said to be called something, in lower case.
        ("i got this number off mind in lewisham", "mind in lewisham"),
        ("declan was at the hollies day service until the funding stopped", "hollies day service"),
        ("the meeting is at hendon police station", "hendon police station"),
        ("on the bench by fenton bus station and i dont know", "fenton bus station"),
        # Where a named helper works, and the practice one is registered with, in any case.
        ("my worker at turning point is lisa she comes out", "turning point"),
        ("dawn my key worker at riverside says the bid is in", "riverside"),
        ("my sponsor from a a is big dave but", "a a"),
        ("which gp are you registered with the limes on wellington road", "limes"),
        ("i rang the shelter helpline and they said", "shelter helpline"),
        # A body before the town it is in, capitalised or unknown to the dictionary.
        ("he got a job at Brackenfield in Leeds last year", "Brackenfield"),
        ("she works with zorbex in manchester now", "zorbex"),
        # A body said to be a group right after its name; bars; 'in' inside a group's name.
        ("we met at breathe easy its a group for people with lung problems", "breathe easy"),
        ("I heard you in the Anchor Bar in 2019.", "Anchor Bar"),
        ("The Hongkongers in Britain group has a WhatsApp.", "Hongkongers in Britain group"),
        ("he played in a tribute band called the fake roses and he still", "the fake roses"),
        # A lower-case name before a head after a cue, the cue never inside it; a describing
        # word, then a noun that names it; courts and halls by their heads.
        ("i must say the respite at sycamore lodge was brilliant", "sycamore lodge"),
        ("a carer at sunny brow nursing home til it all started", "sunny brow nursing home"),
        ("we met at the dance at the oxford galleries in nineteen fifty eight", "oxford galleries"),
    ],
)
def test_organisations_by_trade_or_body_are_found(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I went to the local hospital.", "local hospital"),
        ("I go to the day unit on Mondays.", "day unit"),
        ("I was on the children ward.", "children ward"),
        ("she was on the acute ward", "acute ward"),
        ("I work for the council in general.", "general"),
        ("We went to the swimming club.", "swimming club"),
        ("He works in engineering now.", "engineering"),
        ("It's a men's group for dads.", "men's group"),
        ("My mum has carers twice a day.", "carers"),
        ("I saw the Case Manager on Friday.", "Case Manager"),
        ("We went to the local bakery.", "local bakery"),
        ("All Saints Day is in November.", "All Saints"),
        ("The holy spirit moved me.", "holy spirit"),
        ("I was on the NHS TRUST list.", "NHS TRUST"),
        ("The CAMHS UNIT was full.", "CAMHS UNIT"),
        ("the rent was high in the city", "high"),
        ("we walked over the old bridge to the crisis team", "old bridge"),
        ("never mind, the royal family were on telly", "royal family"),
        ("never mind, I had the royal treatment", "mind"),
        ("the hospital food was bad and the centre of town was busy", "hospital food"),
        ("University was hard.", "University"),
        ("i dont mind in leeds what we do", "mind"),
        ("my worker at the council is lovely", "council"),
        ("my nurse at the hospital said so", "hospital"),
        ("im registered with a gp but never go", "gp"),
        ("i went out with friends in leeds", "friends"),
        ("i was at work in leeds all day", "work"),
        ("i went to the gym its a nice place", "gym"),
        ("the team called us yesterday", "us yesterday"),
        ("the team called me back", "me back"),
        ("we went to the local pub after", "local pub"),
        ("the village pub shut last year", "village pub"),
        ("Calgary folks: the DBT skills group has spaces", "DBT skills group"),
        ("they took him down to the operating theatre at midnight", "operating theatre"),
        ("we went to the local cinema on Friday", "local cinema"),
        ("they found him a bed at the homeless hostel", "homeless hostel"),
    ],
)
def test_generic_places_and_trades_are_not_organisations(speech_engine, text, value):
    assert not touched(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I went down Brighouse High Street.", "Brighouse High"),
        ("We live off Leeds High Road.", "Leeds High"),
        ("we went out on St Patrick's day", "St Patrick's"),
        ("I moved to St Mary's Road last year", "St Mary's"),
    ],
)
def test_a_high_street_or_a_saints_day_is_no_organisation(speech_engine, text, value):
    [found] = speech_engine.detect([text])
    start = text.index(value)
    assert not any(
        d.entity_type == "ORGANIZATION" and d.start < start + len(value) and d.end > start
        for d in found
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i was a welder at cammell laird for eleven years", "cammell laird"),
        ("my aunty is a nurse at north middlesex so she knew", "north middlesex"),
        ("my counsellor at rape crisis tyneside was lovely", "rape crisis tyneside"),
    ],
)
def test_bodies_one_works_at_after_a_role_are_found_in_any_case(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i worked at home for years", "home"),
        ("she's a nurse at night mostly", "night"),
        ("my mate at work said so", "work"),
    ],
)
def test_everyday_words_after_a_role_are_no_body(speech_engine, text, value):
    assert not touched(speech_engine, text, value)
