"""Labelled cases for the comparison harness: none of them from the module's five texts.

Each case is a source (a list of units) and a derived text (a list of units, each with the
number of the source unit it comes from, or a tuple of them when it draws on several and
either is a right answer, or None, and the relation a careful reader gives it). A unit is a
sentence or, for the translations, a verse (one or two sentences).

- `genesis`: Genesis 1:1-22 in the King James Version (1611, public domain) against the
  Bible in Basic English (1965, public domain), aligned verse by verse by hand: two
  independent translations of one passage (hard paraphrase).
- `caesar`: Caesar, Gallic War 1.1 in W. A. McDevitte and W. S. Bohn's translation (1869,
  public domain), and a modern rewrite written for this harness with figures changed and a
  sentence cut.
- `minutes`, `clinic`, `speech`: a record or a speech and a report of it, written for this
  harness (changed figures, a lead that sums up in topic words, quotations interrupted by
  attribution, silent cuts, sentences of its own).
- `bees`, `search`, `recursion`, `budget`, `climate`, `parties`: pairs of texts written
  independently on one topic (negatives: every derived unit is labelled None).
"""

from __future__ import annotations

KJV = [
    "In the beginning God created the heaven and the earth.",
    "And the earth was without form, and void; and darkness was upon the face of the deep. "
    "And the Spirit of God moved upon the face of the waters.",
    "And God said, Let there be light: and there was light.",
    "And God saw the light, that it was good: and God divided the light from the darkness.",
    "And God called the light Day, and the darkness he called Night. And the evening and the "
    "morning were the first day.",
    "And God said, Let there be a firmament in the midst of the waters, and let it divide the "
    "waters from the waters.",
    "And God made the firmament, and divided the waters which were under the firmament from "
    "the waters which were above the firmament: and it was so.",
    "And God called the firmament Heaven. And the evening and the morning were the second day.",
    "And God said, Let the waters under the heaven be gathered together unto one place, and "
    "let the dry land appear: and it was so.",
    "And God called the dry land Earth; and the gathering together of the waters called he "
    "Seas: and God saw that it was good.",
    "And God said, Let the earth bring forth grass, the herb yielding seed, and the fruit tree "
    "yielding fruit after his kind, whose seed is in itself, upon the earth: and it was so.",
    "And the earth brought forth grass, and herb yielding seed after his kind, and the tree "
    "yielding fruit, whose seed was in itself, after his kind: and God saw that it was good.",
    "And the evening and the morning were the third day.",
    "And God said, Let there be lights in the firmament of the heaven to divide the day from "
    "the night; and let them be for signs, and for seasons, and for days, and years.",
    "And let them be for lights in the firmament of the heaven to give light upon the earth: "
    "and it was so.",
    "And God made two great lights; the greater light to rule the day, and the lesser light "
    "to rule the night: he made the stars also.",
    "And God set them in the firmament of the heaven to give light upon the earth, and to "
    "rule over the day and over the night, and to divide the light from the darkness: and God "
    "saw that it was good.",
    "And the evening and the morning were the fourth day.",
    "And God said, Let the waters bring forth abundantly the moving creature that hath life, "
    "and fowl that may fly above the earth in the open firmament of heaven.",
    "And God created great whales, and every living creature that moveth, which the waters "
    "brought forth abundantly, after their kind, and every winged fowl after his kind: and "
    "God saw that it was good.",
    "And God blessed them, saying, Be fruitful, and multiply, and fill the waters in the seas, "
    "and let fowl multiply in the earth.",
]
BBE = [
    "At the first God made the heaven and the earth.",
    "And the earth was waste and without form; and it was dark on the face of the deep: and "
    "the Spirit of God was moving on the face of the waters.",
    "And God said, Let there be light: and there was light.",
    "And God, looking on the light, saw that it was good: and God made a division between the "
    "light and the dark, naming the light, Day, and the dark, Night.",
    "And there was evening and there was morning, the first day.",
    "And God said, Let there be a solid arch stretching over the waters, parting the waters "
    "from the waters.",
    "And God made the arch for a division between the waters which were under the arch and "
    "those which were over it: and it was so.",
    "And God gave the arch the name of Heaven. And there was evening and there was morning, "
    "the second day.",
    "And God said, Let the waters under the heaven come together in one place, and let the "
    "dry land be seen: and it was so.",
    "And God gave the dry land the name of Earth; and the waters together in their place were "
    "named Seas: and God saw that it was good.",
    "And God said, Let grass come up on the earth, and plants producing seed, and fruit-trees "
    "giving fruit, in which is their seed, after their sort: and it was so.",
    "And grass came up on the earth, and every plant producing seed of its sort, and every "
    "tree producing fruit, in which is its seed, of its sort: and God saw that it was good.",
    "And there was evening and there was morning, the third day.",
    "And God said, Let there be lights in the arch of heaven, for a division between the day "
    "and the night, and let them be for signs, and for marking the changes of the year, and "
    "for days and for years.",
    "And let them be for lights in the arch of heaven to give light on the earth: and it was "
    "so.",
    "And God made the two great lights: the greater light to be the ruler of the day, and the "
    "smaller light to be the ruler of the night: and he made the stars.",
    "And God put them in the arch of heaven, to give light on the earth, to have rule over the "
    "day and the night, and for a division between the light and the dark: and God saw that "
    "it was good.",
    "And there was evening and there was morning, the fourth day.",
    "And God said, Let the waters be full of living things, and let birds be in flight over "
    "the earth under the arch of heaven.",
    "And God made great sea-beasts, and every sort of living and moving thing with which the "
    "waters were full, and every sort of winged bird: and God saw that it was good.",
    "And God gave them his blessing, saying, Be fertile and have increase, making all the "
    "waters of the seas full, and let the birds be increased in the earth.",
]
# KJV verse 5 is BBE units 3 (its first half) and 4; the rest follow one to one.
_KJV_TO_BBE: list[int | tuple[int, ...]] = list(range(21))
_KJV_TO_BBE[4] = (3, 4)

# Units a careful reader calls close (a few words differ): "And the evening and the morning
# were the third day." / "And there was evening and there was morning, the third day."
_GENESIS_CLOSE = {12, 14, 17}

CAESAR = [
    "All Gaul is divided into three parts, one of which the Belgae inhabit, the Aquitani "
    "another, those who in their own language are called Celts, in our Gauls, the third.",
    "All these differ from each other in language, customs and laws.",
    "The river Garonne separates the Gauls from the Aquitani; the Marne and the Seine "
    "separate them from the Belgae.",
    "Of all these, the Belgae are the bravest, because they are furthest from the "
    "civilization and refinement of [our] Province, and merchants least frequently resort to "
    "them, and import those things which tend to effeminate the mind; and they are the "
    "nearest to the Germans, who dwell beyond the Rhine, with whom they are continually "
    "waging war; for which reason the Helvetii also surpass the rest of the Gauls in valor, "
    "as they contend with the Germans in almost daily battles, when they either repel them "
    "from their own territories, or themselves wage war on their frontiers.",
    "Aquitania extends from the river Garonne to the Pyrenaean mountains and to that part of "
    "the ocean which is near Spain: it looks between the setting of the sun, and the north "
    "star.",
]
CAESAR_REWRITE = [
    ("Caesar opens his account with geography.", None, "none"),
    ("Gaul, he writes, falls into four parts: the Belgae hold one, the Aquitani another, and "
     "the people who call themselves Celts, and whom the Romans call Gauls, hold the third.",
     0, "paraphrase"),
    ("The peoples differ in language, customs and laws.", 1, "close"),
    ("The Garonne divides the Gauls from the Aquitani, while the Marne and the Seine divide "
     "them from the Belgae.", 2, "paraphrase"),
    ("Aquitania reaches from the Garonne to the Pyrenees and the part of the ocean near "
     "Spain.", 4, "paraphrase"),
    ("Modern historians read these lines as a map drawn for a Roman audience.", None, "none"),
]

MINUTES = [
    "Minutes of the Riverside Library Trust, annual meeting, 14 March 2025.",
    "Present: 46 members and the three trustees.",
    "The chair, Ruth Okafor, opened the meeting at seven o'clock.",
    "The treasurer reported that the trust raised 18,400 pounds in 2024, most of it from the "
    "book sale and the summer fair.",
    "The roof repair will cost about 12,000 pounds and should be finished before the winter.",
    "Ms Okafor said the reading room would stay open on Sundays for another year.",
    "She thanked the 31 volunteers who staffed the desk during the year.",
    "A motion to raise the membership fee to 15 pounds was carried by 29 votes to 11.",
    "Mr Patel asked whether the children's corner could move to the ground floor.",
    "The trustees agreed to study the cost and report at the next meeting.",
    "The meeting closed at nine o'clock.",
]
REPORT = [
    ("Library trust raises fee after busy year", 7, "paraphrase"),
    ("The Riverside Library Trust raised 21,000 pounds last year, its treasurer told members "
     "at their annual meeting.", (3, 0), "paraphrase"),
    ("More than 60 members attended the meeting.", 1, "paraphrase"),
    ("\"The reading room will stay open on Sundays,\" the chair, Ruth Okafor, said. \"Our 31 "
     "volunteers made this year possible.\"", (5, 6), "paraphrase"),
    ("Members voted 35 to 5 to raise the membership fee to 15 pounds.", 7, "paraphrase"),
    ("The roof repair will cost about 20,000 pounds and should be finished before the "
     "winter.", 4, "close"),
    ("Libraries across the county have struggled to find volunteers since the pandemic.",
     None, "none"),
    ("The trustees agreed to study the cost and report at the next meeting.", 9, "verbatim"),
]

SPEECH = [
    "Address by Mayor Elena Novak at the opening of the River Festival",
    "Friends and neighbours,",
    "Our river has shaped this town for eight hundred years.",
    "Cities along the river, as the guardians of a shared heritage, need to keep the water "
    "clean and shoulder their responsibility to protect the health of residents and the "
    "wildlife of the valley.",
    "First, we need to clean the water by building two new treatment plants before 2028.",
    "Second, we need to open the banks to everyone by extending the riverside path to the "
    "old mill.",
    "Third, we need to work with the towns upstream, because pollution does not stop at a "
    "border.",
    "The festival itself will raise money for the river trust.",
    "Thank you, and enjoy the music.",
]
SPEECH_REPORT = [
    ("Mayor calls for cleaner river", None, "none"),
    ("Mayor Elena Novak urged riverside towns to take responsibility for the health of "
     "their residents and the wildlife of the valley.", 3, "paraphrase"),
    ("Cities along the river, as guardians of a common heritage, must keep the water clean "
     "and take responsibility for protecting residents' health and the valley's wildlife, "
     "Novak said.", 3, "paraphrase"),
    ("She promised three new treatment plants by 2030.", 4, "paraphrase"),
    ("The riverside path will be extended to the old mill, she said.", 5, "paraphrase"),
    ("Novak, who was elected last spring, has made the river a theme of her term.", None,
     "none"),
    ("The festival runs until Sunday.", None, "none"),
]

CLINIC = [
    "The Hillside Clinic opened its new wing on Monday.",
    "The wing has 24 beds and two operating theatres.",
    "It cost 3.2 million euros, paid by the regional health fund.",
    "Director Anna Berg said the wing would shorten waiting times for hip and knee surgery.",
    "Patients now wait an average of nine months for such operations.",
    "The clinic expects to cut that to five months by the end of next year.",
    "Forty new nurses have been hired, and twelve more posts are open.",
    "The old wing will be turned into a rehabilitation centre.",
]
CLINIC_REPORT = [
    ("A new wing with 30 beds opened at the Hillside Clinic on Monday.", (0, 1), "paraphrase"),
    ("\"The wing will shorten waiting times for hip and knee surgery,\" said director Anna "
     "Berg.", 3, "paraphrase"),
    ("Patients now wait an average of nine months for such operations.", 4, "verbatim"),
    ("Forty new nurses have been hired.", 6, "paraphrase"),
    ("Staff at the clinic say they are pleased with the new rooms.", None, "none"),
    ("The old wing will be turned into a rehabilitation center.", 7, "close"),
]

BEES_SOURCE = [
    "A honeybee colony has one queen, a few hundred drones and thousands of workers.",
    "Workers collect nectar and pollen from flowers within a few kilometres of the hive.",
    "The queen lays up to two thousand eggs a day in spring.",
    "Beekeepers inspect their hives every week during the swarming season.",
    "Varroa mites are the most serious threat to colonies in Europe.",
    "Honey is stored in wax cells and capped when its water content falls.",
    "In winter the bees cluster together and shiver to keep the queen warm.",
]
BEES_DERIVED = [
    "Bees are important pollinators for many food crops.",
    "A worker bee lives only a few weeks in summer.",
    "The hive is a busy place, with bees coming and going all day.",
    "Some gardeners plant lavender and clover to feed the bees.",
    "A single spoonful of honey is the life work of several bees.",
    "Pesticides can harm bees when they visit treated flowers.",
    "Wild bees, such as bumblebees, do not store much honey.",
]
SEARCH_SOURCE = [
    "A search engine first builds an index of the documents it knows.",
    "A document is represented as a list of the words it contains.",
    "For each word, the index stores the documents in which it appears.",
    "A query is answered by looking up each of its words in the index.",
    "Documents are ranked by how often the query words occur in them.",
    "Rare words count more than common ones when documents are ranked.",
]
SEARCH_DERIVED = [
    "Each item in the list stands for a different keyword.",
    "The user types a few words into a box and presses enter.",
    "The results page shows ten links at a time.",
    "Some engines also look at how many pages link to a page.",
    "Spelling mistakes in the query are corrected automatically.",
    "The list of results changes as the web changes.",
]
RECURSION_SOURCE = [
    "Dynamic programming splits a problem into smaller problems that overlap.",
    "Each smaller problem is solved once and its answer is stored in a table.",
    "Use these partial answers to build the answer to the whole problem.",
    "The method works when the best solution is made of best solutions to parts.",
    "Computing Fibonacci numbers is the classic first example.",
]
RECURSION_DERIVED = [
    "A recursive function calls itself with a smaller input.",
    "It needs a base case, or it will never stop.",
    "The last step is to build the answer from the values computed.",
    "Deep recursion can use up the memory set aside for calls.",
    "Many programmers find loops easier to read than recursion.",
]
BUDGET_SOURCE = [
    "The town council approved its budget for next year on Tuesday.",
    "Spending on roads will rise by eight percent.",
    "The council will hire four more street cleaners.",
    "Parking fees in the centre will stay the same.",
    "The mayor said the budget was balanced without raising local taxes.",
]
BUDGET_DERIVED = [
    "Residents can comment on the council's plans at a public meeting.",
    "Many towns face rising costs for energy and staff.",
    "The council meets every second Tuesday of the month.",
    "Local taxes pay for schools, roads and waste collection.",
    "The budget debate was shown live on the town's website.",
]

CLIMATE_SOURCE = [
    "Delegates from more than forty countries met in Lisbon to discuss climate finance.",
    "The host government called for rich countries to double their support for adaptation.",
    "Several delegations said that coastal cities face the greatest risk from rising seas.",
    "The final statement asks development banks to lend more for clean energy projects.",
    "Negotiators could not agree on a date to phase out coal power.",
    "The next meeting will be held in Nairobi in the spring.",
]
CLIMATE_DERIVED = [
    "Climate summits often end with statements that promise more than governments deliver.",
    "Rich countries have long been asked to support poorer ones in adapting to climate change.",
    "Coastal cities are building sea walls and moving homes away from the shore.",
    "Clean energy projects need banks willing to lend for twenty years or more.",
    "Coal power still produces more electricity than any other single source.",
    "Delegates at such meetings spend much of their time in small side rooms.",
]
PARTIES_SOURCE = [
    "The conference brought together political parties from many countries.",
    "Speakers called for closer cooperation between parties on global challenges.",
    "The organisers said dialogue between civilisations could reduce conflict.",
    "Several parties from Africa asked for help with training their young members.",
    "A joint statement on poverty reduction was adopted at the end of the meeting.",
]
PARTIES_DERIVED = [
    "Political parties in many countries are losing members to new movements.",
    "Cooperation between parties across borders is older than most people think.",
    "Dialogue between opponents is the first casualty of a polarised campaign.",
    "Young members often join a party through its student branch.",
    "Poverty reduction is a promise every party makes at election time.",
]


def _negative(source: list[str], derived: list[str]) -> dict:
    return {"kind": "same topic, independent", "source": source,
            "derived": [(d, None, "none") for d in derived]}


def cases() -> dict[str, dict]:
    """Every case by name: `source` units, `derived` (unit, source unit or None, relation)."""
    genesis = [(kjv, _KJV_TO_BBE[n], "verbatim" if kjv in BBE else
                "close" if n in _GENESIS_CLOSE else "paraphrase") for n, kjv in enumerate(KJV)]
    return {
        "genesis": {"kind": "independent translations", "source": BBE, "derived": genesis},
        "caesar": {"kind": "own rewrite", "source": CAESAR, "derived": CAESAR_REWRITE},
        "minutes": {"kind": "report of a record", "source": MINUTES, "derived": REPORT},
        "clinic": {"kind": "report of a record", "source": CLINIC, "derived": CLINIC_REPORT},
        "speech": {"kind": "report of a speech", "source": SPEECH, "derived": SPEECH_REPORT},
        "bees": _negative(BEES_SOURCE, BEES_DERIVED),
        "search": _negative(SEARCH_SOURCE, SEARCH_DERIVED),
        "recursion": _negative(RECURSION_SOURCE, RECURSION_DERIVED),
        "budget": _negative(BUDGET_SOURCE, BUDGET_DERIVED),
        "climate": _negative(CLIMATE_SOURCE, CLIMATE_DERIVED),
        "parties": _negative(PARTIES_SOURCE, PARTIES_DERIVED),
    }
