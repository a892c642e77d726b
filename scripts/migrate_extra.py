"""Content the notebooks did not hold: skills, rubric points, common wrong answers, checks."""

SKILL = {
    "00-q1": "corroboration",
    **{f"01-q{n}": "sourcing" for n in range(1, 15)},
    "01-q7": "contextualisation", "01-q13": "contextualisation",
    "02-q1": "close reading", "02-q2": "close reading", "02-q3": "corroboration",
    "02-q4": "close reading", "02-q5": "close reading", "02-q6": "corroboration",
    "02-q7": "close reading", "02-q8": "close reading", "02-q9": "sourcing",
    "02-q10": "close reading",
    "03-q1": "close reading", "03-q2": "contextualisation", "03-q3": "corroboration",
    "03-q4": "close reading", "03-q5": "corroboration", "03-q6": "corroboration",
    "04-q1": "sourcing", "04-q2": "close reading", "04-q3": "corroboration",
    "04-q4": "close reading", "04-q5": "close reading", "04-q6": "corroboration",
    "04-q7": "corroboration", "04-q8": "sourcing",
    "05-q1": "close reading", "05-q2": "sourcing", "05-q3": "corroboration",
    "05-q4": "close reading", "05-q5": "close reading", "05-q6": "close reading",
    "05-q7": "close reading",
    "06-q1": "corroboration", "06-q2": "corroboration", "06-q3": "corroboration",
}

CHECK = {
    "01-q3": {"regex": r"(?<!\d)2022(?!\d)"},
    "01-q7": {"texts": ["2022", "October 2022", "20 October 2022", "October 20, 2022"]},
    "02-q2": {"texts": ["falls"]},
    "02-q4": {"numbers": [{"value": 18}, {"value": 98.99, "unit": "million"},
                          {"value": 10, "unit": "years"}, {"value": 2030}]},
    "02-q8": {"numbers": [{"value": 2, "unit": "sentences"}]},
    "03-q3": {"numbers": [{"value": 98.99, "unit": "million"}]},
    "03-q5": {"numbers": [{"value": 4, "unit": "days"}]},
    "04-q3": {"regex": r"sprout"},
    "04-q6": {"numbers": [{"value": 2030}]},
    "05-q3": {"regex": r"edelman"},
}

EXTRA_ANSWERS = {"01-q9": ["rewrite"]}
EXTRA_EXPLANATION = {
    "01-q9": " 'Rewrite' fits as a second label: the report was republished by another site "
    "under its 'Original title:'.",
}

RUBRIC = {
    "01-q12": [
        "Says it is probably a translation from Chinese, and that this stays uncertain (the "
        "page does not say so; no original has been found)",
        "Quotes at least two clues from the wording (literal sayings, party formulae, British "
        "spelling)",
        "Tells human slips apart from machine-translation traces",
        "States how sure it is (low or medium) and why",
    ],
    "01-q13": [
        "Names the audience and the purpose of two texts",
        "Quotes one line per text that supports it",
        "Says what each text is good evidence of, and what it is weak evidence for",
    ],
    "01-q14": [
        "Names one text and what is unknown about it (author, date, venue, language of origin)",
        "Names a specific document that would make it surer",
        "Says where to look for that document",
    ],
    "02-q6": [
        "Names the Spanish report the English page was made from, and what it should show",
        "Names a second check (other pages with 'XNUMX' or shifted numbers, or Xinhua's own "
        "reports)",
        "Says which finding would refute the hypothesis",
    ],
    "02-q7": [
        "Names kinds of content left out (forms of address, thanks, the world situation, "
        "proposals, examples)",
        "Says what the report kept and what it added",
        "Says how a reader's idea of the speech would change",
    ],
    "02-q10": [
        "Puts an ellipsis where sentences are cut",
        "Sees that the last sentence rearranges the speech's words",
        "Makes it a paraphrase outside quotation marks, or quotes it in order with an ellipsis",
    ],
    "03-q6": [
        "Names the texts that give the figure, with its unit and date",
        "Says whether they agree, conflict or count different things",
        "Tells agreement apart from independent confirmation",
        "Names the check that would settle it",
    ],
    "04-q4": [
        "Quotes two traces the finder does not mark",
        "Says what each one renders or misreads",
        "Explains why no general rule of English catches them (knowledge of the subject, the "
        "official terms or the other language is needed)",
    ],
    "04-q8": [
        "Says the words are a back-translation, not Xi's words",
        "Describes the chain of translation steps",
        "Quotes the official translation and names it, or paraphrases and cites the report as "
        "a report",
    ],
    "05-q2": [
        "Gives both possibilities: re-spelled in the page's American house style, or copied "
        "from a copy already in American spelling",
        "Notes that the official text circulated in American spelling too",
        "Says that spelling alone cannot decide, and how sure one can be",
    ],
    "05-q4": [
        "Lists at least three skipped questions (which report, how many countries, method and "
        "sample, exact question, who published it)",
        "Says why each matters for 'highest among all countries surveyed'",
        "Notices that the description lends prestige without letting the reader check",
    ],
    "05-q6": [
        "Lists who is quoted, with their roles",
        "Notes who has no voice (foreign party representatives, critics)",
        "Finds views given without attribution (the 'extension' sentence)",
    ],
    "05-q7": [
        "Explains the difference by translation (one word in Spanish and Chinese, two in "
        "English)",
        "Adds the two words together before comparing",
        "Notes that both texts report officials' words, and that short texts make rates swing",
    ],
    "06-q3": [
        "Names a specific document",
        "Says where to look for it (an archive, the outlet's site, an official record)",
        "Says how it would change the verdict",
    ],
}

# Common wrong answers: the option (or a typical typed answer) and what to say to it.
WRONG = {
    "00-q1": [
        ("Sourcing", "Sourcing asks who made the text, when and why. Checking what it says "
         "against another document is corroboration."),
        ("Contextualisation", "Context is the circumstances of the time. Looking up the speech "
         "to compare is corroboration."),
        ("Close reading", "Partly right: comparing exact words is close reading too. Checking "
         "against another document is corroboration; the skills work together."),
    ],
    "01-q1": [
        ("The headline of the article, as the reporter wrote it", "Compare it with the "
         "headline two lines below: this line starts with 'HomeWorld' and is cut off with "
         "'...', as a site's navigation is."),
        ("The name of the news agency that wrote the report", "No agency is named in the "
         "line: 'Home' and 'World' are the names of site sections."),
        ("A label saying that the text is a translation", "Nothing in the line says "
         "'translation': it is the site's navigation trail run together."),
    ],
    "01-q2": [
        ("8 January 2021 (month first, as usual in the US)", "Read month first, the page was "
         "modified before the July 2021 events it reports. Can that be?"),
        ("It cannot be decided", "Try both readings against the events the page reports: "
         "one is impossible, so it can be decided."),
        ("5 July 2021", "That is the date of a statement the page reports, not of its stamp."),
    ],
    "01-q3": [
        ("2021", "2021 is the year of the 'last modified' stamp. When could the UNITED24 "
         "banner first appear?"),
    ],
    "01-q4": [
        ("Qiushi Journal wrote the article", "A journal does not disclaim its own articles; "
         "the byline credits People's Daily Online."),
        ("The article was translated by machine", "The line says nothing about language: it "
         "is a standard disclaimer of the host site."),
        ("The author disagrees with Qiushi Journal", "The line is the site's, not the "
         "author's: it says whose view the text is not."),
    ],
    "01-q5": [
        ("The day Song Tao wrote the article", "'Updated' describes the page, not the "
         "writing; the text itself points to 2020."),
        ("The day the article was first published anywhere", "A page can be updated long "
         "after an article first appeared, and elsewhere."),
        ("Nothing: it is a translation error", "It is an ordinary page stamp and reads as it "
         "stands."),
    ],
    "01-q6": [
        ("The reporters, asking readers to reply", "Reporters do not end a report with a "
         "comment-box heading: 'Leave a Reply' is template text, here misspelt."),
        ("A machine translation of the Chinese headline", "It is English template text, not "
         "a rendering of Chinese."),
        ("The last words of the press conference", "Nothing in the report quotes it; it sits "
         "after the report, where comment boxes sit."),
    ],
    "01-q7": [
        ("2021", "The summit in the other texts was in 2021; this report is about the press "
         "centre of the 20th Congress. When did that Congress meet?"),
    ],
    "01-q8": [
        ("original", "The page labels itself '(Translation)': Xi spoke Chinese."),
        ("machine translation", "Look for broken numbers or word-by-word renderings: there "
         "are none, and the English matches the official version China Daily quoted."),
        ("rewrite", "It speaks as the speaker, in the first person: it is the speech itself, "
         "translated."),
        ("aggregation", "It is one speech from beginning to end, not pieces of several "
         "texts."),
    ],
    "01-q9": [
        ("original", "'My country' for China and 'Miao' left untranslated show that the "
         "English was made from Chinese."),
        ("official translation", "An official translator writes 'China' and 'Spring "
         "Sprout': these are word-for-word renderings."),
        ("aggregation", "It is one report of one press conference, not a compilation."),
    ],
    "01-q10": [
        ("original", "A page written in 2021 would not call a 2017 meeting 'ongoing': the "
         "paragraphs come from texts of different years."),
        ("rewrite", "A rewrite reworks one source; this page puts together paragraphs from "
         "several, of different years."),
        ("machine translation", "Its odd tenses come from copying older reports, not from "
         "a translation tool."),
    ],
    "01-q11": [
        ("the original speech", "It speaks about Xi in the third person ('Xi said'): a "
         "speech does not."),
        ("an official translation of the speech", "An official translation keeps the "
         "speaker's first person; this text reports and quotes the speech."),
        ("an aggregation of unrelated texts", "It follows one source, Xinhua's report of the "
         "speech, sentence by sentence."),
    ],
    "02-q1": [
        ("It repeats the speech word for word, from beginning to end", "Look at the relation "
         "column: most rows are 'paraphrase' or 'close', few 'verbatim'."),
        ("It quotes the speech's sentences in a random order", "The markers on the map rise "
         "from left to right: the report follows the speech's order."),
        ("It has nothing to do with the speech", "Most rows have a source sentence in the "
         "speech."),
    ],
    "02-q2": [
        ("lies", "Read the official sentence in that row word by word: which verb comes "
         "before 'on our shoulders'?"),
    ],
    "02-q3": [
        ("The reporter misheard the speech", "The speech was given in Chinese: the difference "
         "lies in how the words reached English, not in hearing."),
        ("The official translation was changed after the report", "Nothing suggests a "
         "change: the same official wording appears in China Daily's highlights."),
        ("The report quotes a different speech", "The report names the same summit, date and "
         "speaker, and the sense is the same."),
    ],
    "02-q4": [
        ("98,99 10 2030 XNUMX", "These are the report's numbers. The question asks for the "
         "speech's numbers in those places."),
        ("18 98.99 2030 10", "The right numbers in the wrong order: keep the report's order "
         "of places."),
    ],
    "02-q5": [
        ("Four separate typing mistakes", "Four separate slips that each put a number of "
         "the same sentence in a neighbour's place would be a coincidence."),
        ("The reporter rounded the numbers", "No number in the report is a rounded form of "
         "the number in its place; each belongs to another place."),
        ("The speech was corrected after the report appeared", "The report's numbers are the "
         "speech's own numbers, in other places."),
    ],
    "02-q8": [
        ("1", "Check the omitted_before column again: how many sentences does it list?"),
    ],
    "02-q9": [
        ("Nothing: spelling does not matter in a quotation", "Inside quotation marks every "
         "letter is a claim about the source; a changed spelling is a clue to the copy used."),
        ("GlobalSecurity.org changed the spelling on purpose to mislead", "The texts cannot "
         "show intent: the page spells the American way throughout."),
        ("The official translation is wrong", "'Recognised' is correct British spelling."),
    ],
    "03-q1": [
        ("exact: 1500 is written in digits", "Digits do not make a figure exact: '-plus' says "
         "the true figure is 1500 or more."),
        ("about: round numbers are estimates", "'-plus' is not 'about': it marks a lower "
         "bound."),
        ("under: it is a maximum", "'-plus' means more, not less: a lower bound."),
    ],
    "03-q2": [
        ("One of the two texts is wrong", "Check the years first: a count of contacts can "
         "grow between 2020 and 2022."),
        ("They conflict, because 'nearly 600' and 'more than 600' cannot both be true",
         "They exclude each other only at the same moment; these are two years apart."),
        ("They agree, because both are about 600", "'Nearly' and 'more than' point in "
         "opposite directions; both can be right only at different dates."),
    ],
    "03-q3": [
        ("98", "Read '98,99' with a decimal comma: it is one figure, not two."),
    ],
    "03-q4": [
        ("Because one of the figures is a typing error", "Both sentences are coherent; read "
         "what the parties did in each."),
        ("Because one figure is 'over 240' and the other 'more than 240'", "'Over' and 'more "
         "than' mean the same; what differs is the event counted."),
        ("Because the article is translated", "Translation does not explain one number "
         "appearing twice; read what the parties did in each sentence."),
    ],
    "03-q5": [
        ("14", "That follows globalsecurity's 'Dec. 13'. Which dates does Xinhua give?"),
        ("3", "Count both the first and the last day: 30 November, 1, 2 and 3 December."),
    ],
    "04-q1": [
        ("ultimas-noticias and workers-daily: they were written in English", "These two have "
         "the most traces: look again at the rows of zeros."),
        ("xi-keynote and song-tao: they cannot be translations", "xi-keynote labels itself "
         "'(Translation)': no traces means no mechanical damage, not no translation."),
        ("globalsecurity and song-tao: they are originals", "Check the table for "
         "globalsecurity; and an absence of traces cannot show that a text is an original."),
    ],
    "04-q2": [
        ("10 evacuations in the past few years", "The sentence goes on to give 'nearly 20' "
         "evacuations; the 10 belongs to the start of the sentence."),
        ("Footnote 10 of the transcript", "The report has no footnotes; other paragraphs "
         "begin 'In the past 10 years'."),
        ("Item 10 of a list", "No numbered list surrounds it; compare how other paragraphs "
         "of the report begin."),
    ],
    "04-q3": [
        ("Spring Seedling Action", "That is one of the machine renderings that circulate; "
         "the official transcript uses another word."),
    ],
    "04-q5": [
        ("The population estimate was revised between the two texts", "It is the same figure "
         "in both; only its notation differs."),
        ("It is a typing error for 1,400 billion", "1,400 billion would be a thousand times "
         "China's population; read '1.400' as a Spanish writer would."),
        ("The speaker gave two different figures", "Both texts report the same speech; the "
         "figure is the same, written in two conventions."),
    ],
    "04-q6": [
        ("2021", "That is the year of the speech. Search xi-keynote for the Agenda's name."),
    ],
    "04-q7": [
        ("He said exactly these words in English", "Xi spoke Chinese, and the official "
         "translation has other words."),
        ("He named particular countries, since the text says 'other countries'", "'Other "
         "countries' names none, and 'countries' is not in the official translation."),
        ("Nothing at all: the text is unreliable", "The sense matches the official "
         "translation: the report is evidence of the point made, not of the wording."),
    ],
    "05-q1": [
        ("The two texts report different ideas", "'Mankind' and 'humanity' render the same "
         "idea; the official translation uses both."),
        ("The speakers chose different words on purpose", "The speakers spoke Chinese; the "
         "English words were chosen by translators and software."),
        ("'Humanity' is the more recent official term, so ultimas-noticias is more up to date",
         "Both words circulated in official English in these years."),
    ],
    "05-q3": [
        ("Gallup", "Gallup runs polls, but not the 'Trust Barometer': search for the exact "
         "phrase."),
    ],
    "05-q5": [
        ("xi-keynote", "Read the 'intensifier' row again: compare the rates per 1,000 words, "
         "not the counts."),
        ("song-tao", "Read the 'intensifier' row again: compare the rates per 1,000 words, "
         "not the counts."),
    ],
    "06-q1": [
        ("supported", "'Supported' needs evidence that confirms the claim; there is none."),
        ("partly supported", "'Partly supported' needs some confirmation; there is none "
         "either way."),
        ("contradicted", "Nothing contradicts it either: not finding a confirmation is not a "
         "refutation."),
    ],
    "06-q2": [
        ("reliable, because it is in quotation marks", "Quotation marks in a translated "
         "report do not guarantee the speaker's words."),
        ("proof that Xi never said this", "The meaning matches the official translation: the "
         "report is evidence that the point was made."),
        ("worthless for any purpose", "It is weak evidence of the wording, but still "
         "evidence of how the speech was reported."),
    ],
}
