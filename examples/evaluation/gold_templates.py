"""Utterance templates for the gold evaluation set.

`{slot}` is filled by generate_gold.py (entity slots are annotated, the others are not);
`{a|b}` picks one literal; a leading `~` makes the utterance lowercase, as an automatic
transcriber writes it. A line indented by four spaces continues the template above it.
"""

from __future__ import annotations


def bank(block: str) -> tuple[str, ...]:
    """One template per line; indented lines continue the previous template."""
    templates: list[str] = []
    for line in block.strip("\n").splitlines():
        if not line.strip():
            continue
        if line.startswith("    ") and templates:
            templates[-1] += " " + line.strip()
        else:
            templates.append(line.strip())
    return tuple(templates)


# Service users talking about peer support workers and services.
SERVICE_USER = bank("""
{F}my peer support worker, {first}, {f}she'd been through it herself, so I didn't have to
    explain everything.
{first} was the first person who didn't look at me like I was mad, {f}honestly.
I met {first} at the {venue} and we just clicked straight away, {f}same sense of humour.
{F}{nick} used to pick me up from {district} and we'd go for a brew before the group.
~i told {first} everything you know stuff i'd never even told my mam
~me and {nick} used to sit in the car park at {hospital} and just talk for hours
When I was on {ward} at {hospital} there was a peer worker called {first} who came in on
    Tuesdays.
{titled} referred me to the peer support service in {date_my}, {f}after I'd been discharged.
I'm {age} now but I've been in and out of services since I was {age_teen}.
She said she'd been sectioned herself when she was {age_teen}, {f}and that's when I thought,
    right, she gets it.
{first} from the Recovery College put me in touch with {full} at {charity}.
We used to meet at the {venue} near the top of {landmark}, {f}every week without fail.
He got me an interview at {employer} in {town}, which {f}I never thought I'd do again.
{nick} rang me every day that week when my dad died, {f}on the {date_ord}.
I moved to {town} in {year} to get away from {district}, from all the people I used to use
    with.
{F}I live in {district} now, just off {landmark}, so it's two buses to get to the group.
My peer worker {full} {f}took me to the {venue} the first time because I couldn't face it on
    my own.
{F}{first} and {first} run the hearing voices group at the {venue}, {f}on a Thursday.
I'd go into {town} with {nick} and {f}we'd just walk round, you know, nothing big.
~my peer worker was called {first} she was from {district} same as me
{F}there was this lad, {first}, {f}he was {age_old}, and he'd been through exactly what I had.
{first} said, look, I was on {ward} too, {f}in {year}, and I'm still here.
I didn't trust anyone until {first}, {f}and then {first} left in {date_my} and I went
    downhill again.
{first}'s the reason I'm still here, {f}if I'm honest.
The peer support worker from {trust}, {first}, came to the house because I wasn't leaving it.
{F}I go to the {venue} on a Monday and {worship} on a Friday, {f}that's my week really.
When they closed the {venue} in {date_my}, {f}a lot of us just lost touch.
{F}I was born in {abroad} and came over when I was {age_teen}, {f}so it's a different thing
    for us, mental health.
{nick}'s been clean {f}for about six years now, and he was the one who got me to the group.
My key worker at {charity}, {full}, {f}sorted my Universal Credit out when I couldn't.
My daughter {wordname} was the one who found the peer support group online.
I went with my mate {wordname} to the {venue} and {f}she did all the talking the first time.
~{wordname} my sister she rang the crisis team that night not me
Me and {wordname} from the group go walking up {landmark} {f}every Sunday.
I moved down to {wordtown} for work in {year} and {f}that's when it all fell apart.
We went to {wordtown} for the day, me and the peer worker, {f}first trip out in months.
I used to work at {employer} on {landmark} until I got poorly {f}in {year}.
~i was living in {district} at the time with my nan and she was {age_old}
{F}{titled} on {ward} said I'd never work again and {first} proved them wrong, {f}basically.
I'd known {nick} from school, {school}, {f}so when he turned up as my peer worker I nearly
    walked out.
{first}, {first} and {nick}, {f}that was our little gang at the {venue}.
I'm {age_old} and I'd never heard of a peer support worker until {first}.
The group moved from {town} to {town} in {date_my} and {f}half of us couldn't get there.
{first} said she'd been in {hospital} in her {age_decade}, {f}and I thought, if she can do it.
I've got the peer worker's number, {first}, {f}but I only ring if it's really bad.
I was on {ward} over {date_hol}, {f}which was grim, but {first} brought us all a selection
    box.
{F}after the overdose on {date_num} they sent {first} round, {f}and she just sat with me.
~we go to the drop in at the {venue} on {landmark} its only small
{F}{full} from the council, {f}the housing officer, was the only one who listened in the end.
My son {first} is {age_teen} and he came to one of the family sessions with me.
Our kid {nick} drove me to {hospital} that night, {f}I don't remember much of it.
I spent my {age_decade} in and out of {hospital}, {f}it's like a second home, the ward.
I met {first} at {worship}, {f}she runs the women's group there.
""")

# Therapy clients.
THERAPY_CLIENT = bank("""
I first saw {titled} at {surgery} in {date_my}, {f}and she put me on the waiting list for CBT.
My therapist, {first}, {f}she never once made me feel judged.
I was in {hospital} on {ward} for about six weeks after {date_spoken}.
It all started after my divorce, {year}, when I moved back to {town}.
I'm {age_old} and this is the first time I've ever talked about it.
My daughter {wordname} is {age_teen} now and {f}she worries about me.
When my husband {first} left I was in my {age_decade}, with three kids under five.
My mum died on {date_num} and I just couldn't function.
Something happened at {school} when I was {age_teen} and {f}nobody did anything.
{titled} at {trust} said it was complex PTSD, {f}which made sense of a lot.
I work at {employer} on the tills, so I see people from {district} all the time, {f}which is
    hard.
We went to {abroad} for my cousin's wedding in {date_my} and I had a massive panic attack on the
    plane.
My ex, {full}, still lives round the corner on {landmark}.
I go to {worship} and the imam there, {full}, {f}has been really good with me.
{date_hol} was the worst, {f}I ended up in A and E.
I was {age_teen} when my dad went to prison, {f}and I've been angry ever since, basically.
~i was {age} when i had my first panic attack i was on the bus going into {town}
~my therapist {first} said i should write it down so i did
The anniversary's coming up, the {date_ord}, {f}and I always go downhill around then.
I grew up in {district}, {f}and round there you didn't talk about feelings.
{titled} said I could have twelve sessions of DBT at {hospital}, {f}and I've had eight.
My brother {first} took his own life on the {date_ord}, {f}and I found him.
{F}I'm a carer for my mum, she's {age_old}, {f}and I just don't get a minute.
I had my first baby at {age_teen} and {f}social services were round all the time.
My partner {first} works nights at {employer}, so {f}I'm on my own with it all at night.
{F}we moved from {abroad} in {year}, {f}I was only {age_teen}, and I had to translate for my
    mum at the GP.
I'd been off work from {employer} since the {date_ord}, {f}signed off with stress.
The EMDR was at {hospital}, {f}with {titled}, and it was horrible but it worked.
My dad's {age_old} and he still doesn't know, {f}he'd never understand it.
~i was in my {age_decade} when i got diagnosed with bipolar
~{titled} on {ward} was lovely to be fair
I'm seeing {first} at {charity} now {f}instead of the IAPT lot.
I used to teach at {school} {f}till the breakdown in {date_my}.
I'm {age} and I've never had a proper job, {f}that's what eats at me.
The assault was in {town}, {f}outside a pub, {date_spoken}.
{F}my grandad, {first}, brought me up in {district}, {f}he was the only stable thing.
My wife {wordname} comes to the sessions sometimes, {f}she wants to understand.
We've been together since we were {age_teen}, me and {first}.
My husband {wordname}, {f}he's a good man, but he doesn't get anxiety at all.
I was at {school} till I was {age_teen} {f}and then they kicked me out.
I've been on the waiting list since {date_num}, {f}that's over a year.
{titled}'s clinic moved to {surgery} and {f}I couldn't get there on the bus.
My nan lived in {wordtown}, {f}we'd go every summer, and that was the only place I felt safe.
When I was in {wordtown} {f}I had nobody, it was just me and the flat.
I went to {abroad} on my own in {date_my} and {f}it was like starting over.
My counsellor {first} at the {venue} {f}used to let me just sit there and not talk.
{F}my auntie {wordname} is {age_old} and she's the one I ring when it's bad.
I was {age_teen} the first time I self-harmed, {f}and nobody noticed.
~im {age} and i still live with my mum
My son's {age_teen}, {f}he's the one who keeps me going.
She turned {age} in {date_my} {f}and we had a little do at the {venue}.
He's only {age_young}, {f}the peer worker, but he's wise beyond his years.
By the time I was {age_young} I'd been sectioned three times.
There was a {age_adj} girl on {ward} {f}who reminded me of myself.
I'm nearly {age}, {f}can you believe it, and I've only just started talking about it.
At {age_teen} I was drinking every day, {f}cider in the park.
""")

# Staff: managers, nurses, peer workers talking about their work.
STAFF = bank("""
I've worked on {ward} for about six years, {f}mostly nights.
I manage the peer support team for {trust}, {f}we cover {town} and {town}.
One of my peer workers, {first}, {f}had a really hard time when a client she knew from {district}
    died.
I qualified in {year} and started at {hospital} straight after.
{titled} is the consultant on {ward}, {f}and she's very supportive of peer roles.
We had a lad, a {age_adj} from {district}, {f}who'd been in and out since he was {age_teen}.
I'm the team leader at {hospital}, {f}I've been there since {date_my}.
We run the group at the {venue} on a Wednesday, {f}usually eight or nine people.
My colleague {full} set up the WhatsApp group, {f}which probably breaks every policy going.
Our manager {first} told us in supervision on the {date_ord} that funding was cut.
{council} commission the service and {f}they're cutting it by a third.
I started as a peer worker in {date_my} after being a service user at {hospital} myself.
We've got a new peer worker, {first}, {f}lovely girl, she's only {age_young}.
{F}I was a nurse at {hospital} for twenty years before I moved to {charity}.
{titled} and I did the training together in {town} {f}back in {year}.
The referral came from {surgery} on {date_num}, {f}but we didn't see her till March.
~we had a client from {district} who was {age_old} and had never been offered anything
~{first} on the team covers {town} and i cover {district}
We had a safeguarding issue on the {date_ord} with a gentleman from {district}, {f}I'll not say
    more.
{full}, our peer lead, {f}used to be on {ward} as a patient, so the staff know her both ways.
I did my placement at {school}, {f}in the pastoral team, before I came into mental health.
The inquest was {date_my}, {f}and {titled} gave evidence, it was hard on the whole team.
We meet the {council} commissioners every quarter, {f}and it's always about numbers.
Peer workers at {trust} are band 3, {f}which {first} says is an insult, and she's right.
We moved the service from {town} to {district} in {year}, {f}which lost us half the men.
My peer worker {nick} has the best rapport with the young lads, {f}because he's from
    {district}.
I supervise {first}, {first} and {first}, {f}and they all have lived experience.
The new manager started on {date_spoken} and {f}changed the lone working policy straight away.
{F}I was {age_old} when I went back into training, {f}which shows you it's never too late.
{first} did her training through {charity} and came to us in {date_my}.
We get a lot of referrals from {worship}, {f}the pastor there, {full}, is really switched on.
I worked at {employer} for ten years before nursing, {f}so I know what it's like on a till.
{F}I cover {hospital} and {hospital}, {f}so I'm in the car half the day.
I trained at {school} {f}and then did my nursing in {town}.
The clinic's moved to {surgery}, {f}which is right at the bottom of {landmark}.
""")

# Utterances carrying direct identifiers: phone, e-mail, NHS number, NI number, addresses.
CONTACT = bank("""
You can ring me on {phone}, {f}that's my mobile, or the house phone is {phone}.
My email's {email} {f}if you want to send me the transcript.
{F}my NHS number is {nhs}, {f}it's on the letter.
I had to give my national insurance number, {nino}, {f}about five times to the Jobcentre.
I live at {address}, {town}, {postcode}.
Send it to {address}, {postcode}, {f}it's the one with the green door.
They sent the letter to {address}, which is my old flat, {f}so I never got it.
I've got a blog, {url}, {f}where I write about my recovery.
Follow me on Instagram, I'm {handle}, {f}I post my art on there.
{F}my TikTok's {handle} {f}if you want to see the videos.
The group's website is {url}, {f}it's got all the times on.
The peer support line is {phone}, {f}it's open till 8 at night.
NI number's {nino} I think, {f}let me check, yeah.
The NHS number, {f}hang on, {nhs}.
Ring {first} on {phone}, {f}she's the peer worker there.
Write to me at {email} or text {phone}.
Postcode's {postcode}, {f}if you put it in the sat nav it takes you round the back.
~i live at {address} in {town}
~my number is {phone} if you need it
~you can email me its {email}
I moved to {address} in {date_my}, {f}council flat, it's alright.
{F}my mum's at {address}, {district}, {f}I'm there most weekends.
My new address is {address}, {town} {postcode}.
It's {nhs}, my NHS number, {f}the GP wanted it for the referral.
The Jobcentre had my NI number as {nino} {f}and it was wrong on the letter.
Her number's {phone}, {f}she said it's fine to give it you.
Email {first} at {email}, {f}she sorts the rotas.
{first}'s on {phone}, {f}but don't ring after nine.
You can find the recordings on {url} {f}if you search for the project.
I'm {handle} on Instagram and {handle} on TikTok, {f}same thing really.
The foodbank's at {address}, {f}behind the church.
I'm at {address}, {postcode}, {f}third floor, no lift.
Ring the office on {phone} or email {email}.
{F}I was staying at my sister's, {address}, {f}for about three months.
~the postcode is {postcode}
~my nhs number is {nhs} sorry i know it off by heart
My NI number is {nino}, {f}they kept asking me for it at the assessment.
It's {email}, {f}all one word.
{F}my email's {email}, {f}or my old one was {email}, I still check that.
National insurance, {f}{nino}.
They asked for my NHS number, {nhs}, and my NI number, {nino}, {f}on the same form.
My NHS number's {nhs} {f}if that helps with the records.
~my national insurance number is {nino}
Her email is {email}, {f}she's the peer lead.
Text me on {phone} or email {email}, {f}either's fine.
{F}the postcode for the group is {postcode}, {f}it's round the back of {employer}.
~its {address} {postcode}
The letter had my NHS number, {nhs}, and my date of birth, {date_num}, {f}right on the front.
""")

# Hard negatives: no identifier at all, but full of the words engines mistake for one.
NEGATIVE = bank("""
{F}my peer support worker was just there for me, {f}every week without fail.
I was under the CMHT for {tgen} and {f}nobody really listened until I got a peer support
    worker.
{F}the Recovery College was brilliant, I did a course on hearing voices and one on managing
    money.
They put me on sertraline first and then mirtazapine because I couldn't sleep, {f}I was up till
    two in the morning every night.
I'd done CBT before but DBT was different, {f}it was more about getting through the moment.
When it all kicked off that night I rang the crisis team and they said go to A and E.
My care coordinator changed three times in a year, {f}which doesn't help when you've got PTSD.
The GP just upped my tablets, {f}two tablets in the morning instead of one.
I've had OCD since I can remember, {f}checking the door 3 times before I leave.
It's all on Facebook now, they've got a WhatsApp group and an Instagram page for the group.
I'm on Universal Credit and the Jobcentre keep wanting me to go in every fortnight.
I will be honest with you, {f}I hope it gets better but I may need more support.
It was a big deal for me to walk through those doors, {f}to be frank.
Mark my words, if they cut the service people will end up in A and E.
I was reading a lot, having a bath, {f}doing all the things they tell you to do.
Last summer I lost all faith in the system, {f}no joy from anyone.
The gas bill came and I just sat there with it for 10 minutes crying.
It costs 10 pounds for the bus there and back, {f}which is a lot when you're on benefits.
I'm 5 foot 2 and I was down to about 7 stone at one point.
I'm 18 months clean now, {f}first time since I was a teenager.
I'm 2 years sober in April, {f}touch wood.
I've been going 3 times a week, {f}sometimes 4 if it's a bad week.
We meet at half 10 on a Thursday, {f}it's only an hour but it helps.
I wake up at 4 o'clock most mornings and {f}that's when it's worst.
The rose bushes in the garden, {f}that's my therapy, honestly.
She said grace before we ate, {f}which I hadn't done since I was little.
When the NHS works it's brilliant, {f}it's just getting through the door.
I got the train into town, it took about 20 minutes, and I sat in the café on my own.
~in june it was a year since the overdose
~back in april i was in a really dark place
It was a couple of months before I could even open up about it.
Last Tuesday I had my review and {f}it went alright actually.
Years ago you'd never talk about this stuff, {f}you'd just get on with it.
I went to Mind a few times, {f}the drop-in, it was alright.
The peer support worker said she'd been on the ward herself years ago, and that changed
    everything.
I take 50 milligrams of sertraline and 15 of mirtazapine at night.
He was about six foot, big lad, {f}but dead gentle with it.
I was 20 minutes late and they'd given my slot away.
I'd wait 2 hours in A and E, {f}every single time.
My mood was like a 3 out of 10 most days.
I lost 3 stone in a year, {f}I wasn't eating.
My daughter's at uni, {f}first one in the family to go.
Me mam was the one who rang the crisis team, {f}bless her.
We do a walk every week, up the hill and back, {f}nothing fancy.
I made a will because I genuinely thought I wasn't going to be here.
It's the hope, {f}that's what peer support gives you, seeing someone who's come out the other
    side.
May I just say, the staff on the ward were amazing most of the time.
Will you put that in the report? Because people need to hear it.
Frank conversations, that's what I needed, {f}not leaflets.
Joy's not a word I'd have used about my life back then.
Summer was always worse for me, {f}everyone out having fun.
Reading was my escape, {f}I'd get through a book a week.
My therapist talks about giving yourself some grace.
Bill after bill after bill, {f}and the letters from the DWP.
Hope is a funny thing, {f}it comes and goes.
I was on 15 minute obs for the first few days.
Two in the morning, {f}that's when the thoughts come.
I've got a 9 o'clock appointment with the GP on Monday.
~i told the gp i wasnt sleeping and he just gave me more tablets
The waiting list for talking therapies was 18 months.
Staff turnover on the team is terrible, {f}you tell your story ten times.
The psychiatrist asked if I'd ever heard voices and I said, {f}well, yeah, since forever.
The Jobcentre sanctioned me for missing one appointment because I was in crisis.
We were 3 hours in the waiting room {f}before anyone even looked at him.
I'm a hundred percent sure that peer support saved my life.
I'm 6 months into the course now {f}and I'm loving it.
She's 5 foot nothing but you would not mess with her.
It was 2 in the morning when the police came.
I did a bit of volunteering at the food bank, {f}3 mornings a week.
He's 6 foot 4 and he cried in front of me, {f}that's when I knew it was safe.
I rang 999 and then 111 and {f}nobody could tell me what to do.
The home treatment team came out twice a day for {tgen}.
I'm on {med} now, {f}40 milligrams, and the side effects are {f}horrible.
They diagnosed {diag} {tgen}, {f}and then it was {diag}, and now nobody knows.
I stopped the {med} because I put on 2 stone.
{F}the {service} was the only one who ever rang me back.
My {service} said to ring the crisis team but {f}they never pick up.
I saw the post on {app} about the group and I just turned up.
I'm on PIP and ESA, {f}and every assessment sets me back months.
We had section 2 and then section 3, {f}it was a long summer.
I was in the PICU for about a fortnight, {f}it's a blur.
I'm the youngest of 4, {f}so I got away with a lot.
It took me 45 minutes to get there and the session was 50 minutes.
I used to be 25 stone, {f}I'm 16 now.
Half 7 in the morning, {f}every morning, the tablets.
I'd get there for 10am and be out by quarter past 11.
The Samaritans have been there for me at 3 in the morning more times than I can count.
~im on universal credit so every pound counts like
~the peer worker was there every week you know that was the thing
~we use whatsapp for the group and zoom if someone cant make it
Every other Thursday we have a peer supervision, {f}which is really good.
In lockdown {f}everything went online and I just stopped going.
On a Monday I can barely get out of bed, {f}by Friday I'm a bit better.
The tablets are 20 quid a month on prescription, {f}that adds up.
I was sleeping 3 hours a night, {f}if that.
{F}I told my worker I will try, {f}that's all I can do.
If it may help someone else, {f}then I'm happy to talk about it.
It was 12 sessions of CBT and {f}then they just sign you off.
""")
