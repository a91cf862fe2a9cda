"""Name, place and organisation pools for the gold evaluation set (fictional people and bodies).

Written out here on purpose, never imported from the engine's gazetteers or from Faker, so the
evaluation measures names and places the engine has not been built from.
"""

from __future__ import annotations


def words(block: str) -> tuple[str, ...]:
    """Split a block into one entry per non-empty line."""
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


COMMON_FIRST = words("""
Sarah
Karen
Michelle
Tracey
Lisa
Joanne
Nicola
Claire
Emma
Kirsty
Chloe
Jade
Shannon
Danielle
Stacey
Lorraine
Bev
Janet
Carol
Paula
Paul
Darren
Wayne
Lee
Craig
Gary
Dean
Shaun
Stuart
Martin
Kevin
Andy
Steve
Jamie
Connor
Kyle
Callum
Liam
Ryan
Jordan
Tyler
Mohammed
Imran
Tariq
Nasreen
Shabana
Rukhsana
Zubair
Asif
Harpreet
Gurpreet
Jaspreet
Sukhdeep
Parminder
Priya
Rajesh
Deepa
Anjali
Hamza
Yusuf
Khadija
Maryam
Bilal
Aisha
Marcia
Delroy
Winston
Leroy
Sandra
Denise
Trevor
Colin
Brian
Maureen
Pauline
Siobhan
Declan
Ciaran
Fiona
Graham
Alison
Becky
Hayley
Natalie
Josh
Ellie
Megan
Bethan
""")

UNUSUAL_FIRST = words("""
Oisín
Kwabena
Saoirse
Thandiwe
Przemek
Niamh
Aoife
Tadhg
Caoimhe
Eilidh
Rhiannon
Dafydd
Gethin
Chidera
Oluwaseun
Adebayo
Nkechi
Yaw
Kofi
Tendai
Farai
Rutendo
Bogdan
Grzegorz
Małgorzata
Wojciech
Dorota
Mihai
Ioana
Zsófia
Abdirahman
Hodan
Fartun
Ayaan
Elif
Dilnoza
Siddharth
Nirmala
Ngozi
Temitope
Lowri
Ffion
Ruairí
Beatriz
Joaquim
Anh
Thuy
Ishbel
Zdeněk
Keziah
""")

# First names that are also English words; annotated only where context makes them a name.
WORD_NAMES = words("""
Hope
Grace
Will
May
Mark
Bill
Frank
Rose
Faith
Joy
Summer
April
June
Dawn
Holly
Ruby
Amber
Jack
Robin
Heather
Ivy
Daisy
Poppy
Blessing
Patience
Precious
Gift
Memory
Sunny
Rich
""")

SURNAMES = words("""
Khan
Patel
Hussain
Ahmed
Begum
Akhtar
Iqbal
Shah
Smith
Jones
Taylor
Brown
Wilson
Walker
Wood
Thompson
Robinson
Wright
Hughes
Clarke
Sutcliffe
Ackroyd
Haigh
Greenwood
Holroyd
Barraclough
Crossley
Whiteley
Mitchell
O'Connor
McCarthy
Murphy
Kowalski
Nowak
Wiśniewski
Okafor
Mensah
Boateng
Adeyemi
Moyo
Ncube
Dlamini
Kaur
Singh
Sandhu
Gill
Chaudhry
Mahmood
Rashid
Nguyen
Chen
Evans
Price
Pritchard
MacLeod
Campbell
Fraser
Nolan
Doherty
Brennan
Quigley
Lumb
Firth
Sykes
Priestley
Shackleton
Dyson
Illingworth
Oyelaran
Nwosu
Szymański
Ó Briain
Ferreira
Mahon
""")

TITLES = ("Dr", "Dr", "Dr", "Mrs", "Mr", "Ms", "Miss", "Dr.", "Nurse", "Doctor")

NICKNAMES = words("""
Gaz
Shaz
Big Dave
Daz
Baz
Kaz
Tez
Moz
Jonesy
Smithy
Little Kev
Mags
Bex
Jonno
Robbo
Titch
Wilko
Macca
Stevo
Fozzy
Deano
""")

TOWNS = words("""
Brighouse
Shipley
Todmorden
Halifax
Huddersfield
Dewsbury
Batley
Keighley
Bingley
Hebden Bridge
Sowerby Bridge
Elland
Heckmondwike
Cleckheaton
Mirfield
Ossett
Wakefield
Pontefract
Castleford
Rochdale
Oldham
Salford
Stockport
Bradford
Holmfirth
Marsden
Skelmanthorpe
Barnsley
Rotherham
Doncaster
Sheffield
Scarborough
Blackpool
Morecambe
Whitby
Accrington
Burnley
Colne
Glasgow
Swansea
Gateshead
Middlesbrough
Luton
Slough
Leeds
Manchester
Liverpool
Wigan
Bolton
Rugby
""")

DISTRICTS = words("""
Chapeltown
Moss Side
Harehills
Beeston
Armley
Seacroft
Headingley
Wythenshawe
Longsight
Rusholme
Manningham
Lidget Green
Great Horton
Sparkbrook
Handsworth
Toxteth
Pitsmoor
Burngreave
Illingworth
Ovenden
Mixenden
Park Ward
Lockwood
Dalton
Thornhill Lees
Ravensthorpe
Savile Town
Allerton
Holme Wood
Buttershaw
Peckham
Brixton
Tottenham
Lewisham
Gipton
""")

# Places that are also everyday words; planted only in place-making context.
WORD_TOWNS = words("""
Reading
Bath
Deal
Wells
March
""")

ABROAD = words("""
Lagos
Kraków
Mirpur
Harare
Kingston
Warsaw
Sylhet
Accra
Bucharest
Cork
Mogadishu
Gujranwala
Bulawayo
Galway
Vilnius
""")

# Streets used as landmarks ("near the top of Kirkgate"): quasi-identifying locations.
LANDMARK_STREETS = words("""
Kirkgate
Commercial Street
Briggate
Westgate
Manningham Lane
Oldham Road
Wilmslow Road
Chapeltown Road
Roundhay Road
Dewsbury Road
King Cross Road
Halifax Road
Leeds Road
Market Street
Skircoat Road
""")

STREET_STEMS = words("""
Ashgrove
Mill
Victoria
Clover
Brunswick
Hebble
Stoney
Moorfield
Beech
Sycamore
Chapel
Albert
Carr
Sunny Bank
Hollin
Greenroyd
Whitegate
Birch
Lister
Foundry
Bradshaw
Saville
Cragg
Laburnum
""")

STREET_SUFFIXES = words("""
Road
Street
Lane
Avenue
Close
Drive
Terrace
Grove
Crescent
Way
Fold
Mount
Walk
Gardens
Court
""")

POSTCODE_AREAS = words("""
LS6
LS7
LS8
LS9
LS11
LS12
LS14
HX1
HX2
HX3
HX5
HX6
HX7
HD1
HD2
HD6
HD9
BD1
BD3
BD8
BD9
BD18
BD21
WF13
WF17
WF1
M14
M16
M8
M22
OL11
OL16
S4
SK1
B11
L8
HU3
NE4
CF24
G31
E1
SW9
N17
SE15
""")

HOSPITALS = words("""
St Luke's Hospital
St Aidan's Hospital
Moorside General
Kirkwood Infirmary
Hollybank Hospital
Becklands Unit
Thornfield House
Royal Calder Infirmary
Greystones Hospital
Oakhurst Clinic
""")

WARDS = words("""
Ward 7
Ward 31
Ward 23
Ward 4
Willow Ward
Elmwood Ward
Bronte Ward
Heather Ward
Ash Ward
Juniper Ward
Heron Unit
Kestrel Ward
""")

TRUSTS = words("""
South Pennine Partnership NHS Foundation Trust
Calder and Aire Care NHS Trust
Northern Moors Mental Health Trust
Airedale and Wharfe NHS Trust
Greater Irwell Mental Health NHS Foundation Trust
""")

SCHOOLS = words("""
Hollins Grove Academy
Crossleigh High School
St Bede's
Brackenhall Primary
Moorlands Academy
Highfield Juniors
Kirkstall College
Saint Wilfrid's Catholic High School
Ryburn Valley High
Northgate Infants
""")

EMPLOYERS = words("""
Asda
Morrisons
Greggs
Tesco
Sainsbury's
Primark
B&Q
Royal Mail
Yorkshire Water
First Bus
Arriva
Wetherspoons
Amazon
Boots
Lidl
Aldi
Matalan
Poundland
""")

COUNCILS = words("""
Calderdale Council
Kirklees Council
Bradford Council
Leeds City Council
Manchester City Council
Rochdale Council
Wakefield Council
""")

VENUES = words("""
Lighthouse Café
Open Door drop-in
Cornerstone Centre
Threads and Yarns group
Calder Valley Walkers
Friends of Greenhead Park
Brew and Natter group
Sunflower Women's Centre
Hebble Allotment Society
Rainbow Community Centre
Beacon House
Elland Men's Shed
Saltaire Stitchers
Moorside Boxing Club
""")

WORSHIP = words("""
St Mary's Church
Jamia Masjid
Madni Mosque
Elim Pentecostal Church
Guru Nanak Gurdwara
Bethel Chapel
Al-Hikmah Mosque
Holy Trinity Church
New Testament Church of God
St Patrick's
""")

SURGERIES = words("""
Northowram Surgery
Park Lane Medical Centre
Spring Hall Surgery
Bankfield Health Centre
Rosewood Practice
Ravenscliffe Medical Practice
Kings Cross Surgery
""")

LOCAL_CHARITIES = words("""
Kirklees Mind
Calderdale Carers Project
Bradford Survivors Network
Leeds Women's Aid
Hebden Hub
Open Minds Halifax
Pennine Recovery Network
""")

URL_PATHS = words("""
recovery-stories
my-journey
blog/peer-support
groups/hearing-voices
shaz
gaz-blog
art-for-recovery
podcast/episode-12
walks
""")

HANDLE_STEMS = words("""
gazza_77
shaz.makes
kwabena_draws
big.dave.walks
thandi_heals
recovery_rach
oisin.runs
moz_the_poet
calderdale_kaz
saoirse.paints
""")
