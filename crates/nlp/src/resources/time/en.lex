# English words for the time tagger: one class, one value, then the words that have it.
#
#   CLASS VALUE word word ...
#
# Words are matched without regard to case, with their periods ("jan." is not "jan"); a word
# ending in "!" must be written with a capital first letter ("May!" is not the modal "may").
# The rules in en.rules refer to a class as @CLASS; every literal word of a rule is known too.
# Values are numbers or codes the engine understands (units, parts of day, seasons, tenses).

# ---------------------------------------------------------------- calendar names
# month: every spelling, for use beside a day or a year ("Jan. 5", "May 2018")
month 1 january jan. jan
month 2 february feb. feb
month 3 March! Mar. Mar!
month 4 april apr. apr
month 5 May!
month 6 june jun. jun
month 7 july jul. jul
month 8 august aug. aug
month 9 september sept. sep. sept sep
month 10 october oct. oct
month 11 november nov. nov
month 12 december dec. dec
# "march" and "may" in lowercase are months only after a preposition and before a year ("in
# march 2022" in an all-lowercase message), where the verb and the modal do not stand
lowmonth 3 march
lowmonth 5 may
# monthname: months that can stand alone ("in January"); May and March need a preposition first
monthname 1 January! Jan.!
monthname 2 February! Feb.!
monthname 4 April!
monthname 6 June!
monthname 7 July!
monthname 8 August!
monthname 9 September! Sept.!
monthname 10 October! Oct.!
monthname 11 November! Nov.!
monthname 12 December! Dec.!
monthctx 3 March!
monthctx 5 May!
# words before May or March that make them months ("in May", "since March", "a March speech")
monthprep 0 the a an in since until till by during through throughout before after from to toward towards between early late mid last next this of each every since
weekday 1 monday Mon.!
weekday 2 tuesday Tue.! Tues.!
weekday 3 wednesday Wed.!
weekday 4 thursday Thu.! Thur.! Thurs.!
weekday 5 friday Fri.!
weekday 6 saturday Sat.!
weekday 7 sunday Sun.!
weekdays 1 mondays
weekdays 2 tuesdays
weekdays 3 wednesdays
weekdays 4 thursdays
weekdays 5 fridays
weekdays 6 saturdays
weekdays 7 sundays
season SP spring springtime
season SU summer summertime
season FA fall autumn
season WI winter wintertime
pod MO morning
pod AF afternoon
pod EV evening
pod NI night
# parts of a day in the plural, which make a weekday before them a set ("Saturday evenings")
pods MO mornings
pods AF afternoons
pods EV evenings
pods NI nights
# nouns after a part of a day that make it name a thing ("the morning shows", "evening prayers")
podnoun 0 show shows program programs programme edition editions news newspaper paper papers prayer prayers tipsheet briefing briefings commute rush anchor anchors host hosts star stars meetings
# parts of a day that add nothing to a named day ("Friday night" is the date of that Friday, as
# TimeBank annotates it more often than not; "Friday morning" keeps its TMO, 3 times against 2).
# With TNI (the TimeML guidelines' value), TBAQ's held-back part fell from 0.8157 to 0.8070 and
# its tuning part from 0.8286 to 0.8273 (session 33).
podday 0 night
# words of holidays that name one only when capitalized ("Mother's Day", "Veterans Day"; not
# "his mother's day-to-day care", "her father's day off")
capmother 0 Mother!
capfather 0 Father!
capveteran 0 Veteran! Veterans!
capday 0 Day!
# clock words: hour:minute, or the hour alone
clockword 12:00 noon midday
clockword 24 midnight
ampm am am a.m. a.m
ampm pm pm p.m. p.m
# the half of the day a part of it says ("4 in the morning", "10 at night")
dayhalf am morning
dayhalf pm afternoon evening night
zone 0 gmt utc est edt cst cdt mst mdt pst pdt bst cet cest et pt ct z
# the first word of a zone's name of words ("Eastern Time", "Greenwich Mean Time")
zonearea 0 eastern central pacific mountain atlantic alaska hawaii greenwich british
# the nineties
decadeword 2 twenties
decadeword 3 thirties
decadeword 4 forties
decadeword 5 fifties
decadeword 6 sixties
decadeword 7 seventies
decadeword 8 eighties
decadeword 9 nineties

# ---------------------------------------------------------------- units
# Y year, M month, W week, D day, H hour, MIN minute, S second, Q quarter, DE decade,
# CE century, FN fortnight, WE weekend
unit Y year years yr yrs
unit M month months mo. mos.
unit W week weeks wk wks
unit D day days
unit H hour hours hr hrs
unit MIN minute minutes min mins
unit S second seconds sec secs
unit Q quarter quarters
unit DE decade decades
unit CE century centuries
unit FN fortnight fortnights
unit WE weekend weekends
# plural units alone mean an unknown number of them ("for years")
unitpl Y years
unitpl M months
unitpl W weeks
unitpl D days
unitpl H hours
unitpl MIN minutes
unitpl DE decades
unitpl CE centuries
# short units: "two days later" is a length of time, "a year earlier" a date
shortunit D day days
shortunit W week weeks
shortunit H hour hours hr hrs
shortunit MIN minute minutes min mins
shortunit S second seconds sec secs
# units that a calendar can count back from today ("last week", "this month")
# words that make a stretch of time of a count after "the" ("the past four years", "the next two
# or three weeks")
stretch 0 past last next coming first previous following latest preceding
calunit Y year
calunit M month
calunit W week
calunit Q quarter
calunit D day

# ---------------------------------------------------------------- numbers
num 0 zero
num 1 one a an
num 2 two
num 3 three
num 4 four
num 5 five
num 6 six
num 7 seven
num 8 eight
num 9 nine
num 10 ten
num 11 eleven
num 12 twelve dozen
num 13 thirteen
num 14 fourteen
num 15 fifteen
num 16 sixteen
num 17 seventeen
num 18 eighteen
num 19 nineteen
tens 20 twenty
tens 30 thirty
tens 40 forty
tens 50 fifty
tens 60 sixty
tens 70 seventy
tens 80 eighty
tens 90 ninety
scale 100 hundred
scale 1000 thousand
half 0.5 half
# articles that count as one ("a week") but do not end a number ("twenty a day")
article 0 a an
# an unknown count ("several years"); couple is two
vague X several few many numerous some
vague 2 couple
ord 1 first
ord 2 second
ord 3 third
ord 4 fourth
ord 5 fifth
ord 6 sixth
ord 7 seventh
ord 8 eighth
ord 9 ninth
ord 10 tenth
ord 11 eleventh
ord 12 twelfth
ord 13 thirteenth
ord 14 fourteenth
ord 15 fifteenth
ord 16 sixteenth
ord 17 seventeenth
ord 18 eighteenth
ord 19 nineteenth
ord 20 twentieth
ord 21 twenty-first
ord 30 thirtieth
# the word that joins number words ("two and a half") and the word after a count of "a couple of"
numand 0 and
numof 0 of

# ---------------------------------------------------------------- frequent words
# Words too frequent to look for: the matcher starts only near the rarer words of a rule, so a
# rule must have at least one required element that is not common (the grammar checks this).
common 0 the a an of in on at to for by from with and or this that these those last next early late about around over under nearly almost every each per more less than least up no just only
common 0 , - ' 's . new other most same following previous preceding prior subsequent coming upcoming latest good election veterans labor memorial independence presidents martin luther king jr. boxing fiscal full whole entire

# ---------------------------------------------------------------- context
# words before "a year" that make it a rate ("$5 a year", "twice a day"): a set, not a length
setctx 0 times twice once thrice million billion trillion cents dollars pounds euros pence percent % share apiece each
# counted things before "a year", "a day": a rate ("two million passengers a year", "500 cases a week")
ratenoun 0 people passengers visitors tourists customers patients cases deaths births students workers jobs homes cars vehicles trains flights barrels tons tonnes units copies calls visits meals miles kilometres kilometers gallons litres liters words pages
# parts of a period before "of the week", "of the month" that make it the current one
partof 0 end rest middle beginning start course balance much most remainder part half turn close
# time words written lowercase in running text: capitalized inside a sentence beside another
# capitalized word, they are part of a name ("New York Daily News", "Current TV", "Morning Joe")
inname 0 daily weekly monthly nightly yearly quarterly annually now current currently today tonight tomorrow yesterday morning afternoon evening night midnight noon week weekend day year month decade century season this the
# words of a match report: two of them or more around "the second half" make it a half of a game
# ("scored in the second half"), not of a year
# a street's word after a number like a year and up to three capitalized words: the number is
# a house's ("1180 Orchard Ave.")
street 0 Street! St! St.! Avenue! Ave! Ave.! Road! Rd! Rd.! Boulevard! Blvd! Blvd.! Lane! Ln! Ln.! Drive! Dr! Dr.! Way! Place! Pl! Pl.! Court! Ct! Ct.! Terrace! Crescent! Close! Parkway! Highway! Hwy! Hwy.!
sport 0 scored equalised equalized equaliser equalizer header half-time halftime kick-off touchdown touchdowns innings striker goalkeeper midfielder referee quarterback wicket wickets rebounds three-pointer three-pointers layup layups dunk dunks buzzer-beater
# set words that name a newspaper or magazine between a capitalized word and a name ("the
# Communist Party daily Granma", "the Kellish weekly Der Kurier") or after "the" before a
# reporting verb ("the daily said")
periodical 0 daily weekly monthly
# books of the Bible, cited with chapter and verse ("Exodus 18:21"); those that are also common
# nouns (job, acts, judges, kings, numbers) are left out
scripture 0 genesis exodus leviticus deuteronomy joshua ruth samuel chronicles ezra nehemiah esther psalm psalms proverbs ecclesiastes isaiah jeremiah lamentations ezekiel daniel hosea joel amos obadiah jonah micah nahum habakkuk zephaniah haggai zechariah malachi matthew mark luke john romans corinthians galatians ephesians philippians colossians thessalonians timothy titus philemon hebrews james peter jude revelation
# words between two expressions that join them into one ("Friday, Oct. 23", "5 p.m. EST, Nov. 6")
join 0 ,
# the word between a clock time and its day, which join into one expression ("at 10.30am on Tuesday")
clockday 0 on
# the word between a part of a day and its day, which join into one expression ("the evening of
# April 4", "the morning of Sept. 11")
podof 0 of

# ---------------------------------------------------------------- tense
# The tense of the nearest verb picks the direction of "in January" and "on Friday".
future 0 will 'll shall wo might must soon going expects expect expected scheduled slated due planned planning intends intend upcoming looming impending forthcoming
# modals before a perfect put it in the past ("must have known in January"; not "will have")
modal 0 must might should would could
# future words only before "to" ("plans to", but "a plan")
futureto 0 plans plan hopes hope needs need wants want aims aim seeks seek vows vow likely
# past verbs of a promise before "to": ahead of an expression after them ("several threatened to
# disrupt the convention in July"), past for one before them ("At a Thursday rally, Sanders
# promised to")
promisedto 0 threatened promised pledged vowed
# past verbs of a decision before "to": ahead of a month or a date after them ("NATO has decided
# to admit Poland in early March"), but a weekday is the decision's ("the Senate voted to confirm
# Smith on Tuesday"); not "agreed", which is as often "agreed to a phone call on Wednesday"
decidedto 0 decided voted
# time words that are none right before a verb in the past, listed ("soon became") or known by
# its suffix ("Things soon changed"): shortly after, in a past story
beforepast 0 soon
past 0 was were had did previously recently has have ended began came went took made gave got saw met won lost left fell rose held kept sent spent paid led ran became began brought bought thought found felt heard knew meant sold stood wrote spoke broke chose drove flew grew threw died lied tied sued owed shot struck fought caught taught sought underwent arose swore stole drew blew shook woke hung sank hid stuck swung dug fled bled laid slept swept dealt built lent bent forgot forgave overcame oversaw undertook withdrew foresaw
# future words that count only before the expression ("said it would meet Friday", but "On Friday, he said he would")
futurebefore 0 would could can
# "could" and "can" point ahead like "would" ("could win on Tuesday", "a candidate who can win in
# November"), but negated they tell what was not done ("could not be reached Saturday", "neither
# he nor his aides could be located Wednesday")
ability 0 could can
negation 0 not n't never no none nobody neither nor
# after a negation, words that make it "not only ... but" and no negation ("Not only can he win in
# November, he ...")
additive 0 only just merely
# reporting verbs: past, but weaker than any other verb of the sentence ("will meet Monday, he said")
report 0 said told added noted announced reported
# reporting verbs in the present: no tense of their own, but the clause after them is the report's
# ("a poll in January shows voters say gun policy will matter")
reportnow 0 say says shows show suggests suggest finds find
# present verbs of scheduled events: news writes what is planned in the present ("the summit
# opens Thursday", "the contract expires in June", "as Election Day nears"), so they point ahead
# like the future words
present 0 opens begins starts expires falls meets resumes arrives visits travels travel hosts host flies departs convenes reconvenes holds hold heads faces competes compete ends meet begin resume arrive visit convene nears approaches looms takes reopens reopen launches debuts airs premieres concludes closes goes speaks speak testifies testify addresses votes vote
# words after which a present verb is a bare infinitive, with no tense of its own ("would hold", "to face")
basebefore 0 would could should may might can must to not n't did does do
# verbs after which, and their object, an infinitive goes bare and has no tense of its own ("let
# Kingson speak first", "made the board meet")
causative 0 let lets make makes made help helps helped watch watched saw see hear heard
# a condition points ahead for an expression after it in its clause ("if he wins in November"),
# unless the expression names a thing ("if October's debate was")
conditional 0 if unless
# scheduled events after an expression with no verb to give its tense: "before the November
# election" is the coming one (with an adjective between: "the November general election")
event 0 election elections ballot ballots primary primaries caucus caucuses convention conventions vote runoff runoffs run-off run-offs
eventadj 0 general presidential national state midterm congressional
# events named with a bare weekday after them ("the New Hampshire primary on Tuesday", "a debate
# Thursday"): news names one six days back as "last Tuesday", so a past or no tense that lands
# there means the coming day (with the words of the class event)
dayevent 0 debate debates rally rallies speech address contest contests summit hearing forum
# what belongs to one day, after "today's" ("today's session", "today's editions"), beside the
# classes event and dayevent: the day itself; before other words "today's" is the present of an
# era ("today's world", "today's Democrats")
dayitem 0 session sessions trading meeting meetings ruling decision announcement report reports topic editions edition paper papers newspaper newspapers issue broadcast show episode game games match attack attacks events schedule agenda headlines
# "News" before a weekday that names a show ("Fox News Sunday"), only capitalized
capnews 0 News!
# what a year before it names as an event ("his 2008 campaign"), beside event, eventadj and dayevent
campaign 0 campaign campaigns race races bid candidacy
# words before an expression that make it name a thing ("his Tuesday wins")
owner 0 his her their its our my your
# "is to", "are set to": these before "to" (or "set") point ahead too
tobe 0 is are 're
# "set to resume Monday", "set for Tuesday" point ahead; not "a record high set on Aug. 6"
scheduled 0 set
schedulednext 0 to for
# "Iowans kick off the voting Monday" points ahead; not "scored from a free kick Saturday"
kickoff 0 kick kicks
kickoffnext 0 off
# a present copula right before an expression points ahead ("the deadline is Friday")
copula 0 is are 're
tobenext 0 to set on likely expected due
# prepositions before a year said in hundreds ("in nineteen hundred"; "twelve hundred pupils" is a count)
yearprep 0 in since of by until from
# the last word of "the day before" or "the day after" when a day follows it: one expression,
# counted from that day ("the day before last Tuesday's hearing")
anchornext 0 before after
# prepositions just before an expression that give its direction ("since May", "by May")
pastprep 0 since
# words before an event named by a possessive weekday after which the verbs decide its direction
# ("after Thursday's debate, Cruz must travel"; "after Wednesday's attacks, the issue ratcheted up")
retro 0 after following
# a comparison names the period it compares with after "the same" ("up 12% from the same period
# last year"): a period the text does not go on about, so no anchor for "a year earlier"
sameword 0 same
# the article before a weekday that makes it the next of its name after the day last named ("On
# Tuesday 11 March ... on the Friday")
definite 0 the
sameperiod 0 period periods quarter quarters month months week weeks time season
futureprep 0 by until till through starting beginning
# the word that opens a range: "until" or "through" after it closes the range, no deadline ("From
# March through May, the show was")
rangefrom 0 from
# words that open a range of two dates in order: the first lies before the second ("between
# January 1 and September 26")
rangeopen 0 from between
# a past verb before "by", "until" or "through" makes a deadline past ("had raised $38 million by
# the end of June"), unless it grants time ("extended its deadline until Tuesday", "gave him until",
# "adjourned until Monday")
granting 0 extended extend extends gave give gives given granted grant grants allowed allow allows adjourned adjourn adjourns postponed postpone postpones delayed delay delays deferred defer defers recessed
# past participles not in the past list: "has" and "have" make a perfect (a past) only before a
# participle ("has been", "have won"); "they have a new weapon" is a present
participle 0 been done gone seen taken given written spoken broken chosen driven flown grown thrown known shown begun become come run drawn fallen eaten beaten forgotten hidden ridden risen stolen sworn torn worn
# before "to", an obligation ahead, not a perfect ("has to move through a June hearing")
haveto 0 has have
# words that point ahead before "of" (or "to") and an expression ("ahead of Tuesday's vote", "in
# advance of", "looking ahead to the fall", "closer to November")
futureprepof 0 ahead advance closer nearer
# before an expression, words that point ahead with no deadline ("marching toward November")
toward 0 toward towards
aheadjoin 0 of to
# "as early as Tuesday", "as soon as Monday": a deadline of sorts, ahead unless a past verb of
# its clause puts it behind ("was seen as early as Monday")
equative 0 as
earliest 0 early soon
# "as far back as June", "as recently as February": behind
lookback 0 back recently
# auxiliaries that put the verb after them in the past ("had been scheduled to")
pastaux 0 had
# words that make "going" after them no future ("kept going until 2 a.m. Friday")
goingon 0 kept keep keeps keeping got get gets getting
# past auxiliaries of a plan that still looks ahead ("was scheduled for March", "were planning
# to drive there Monday"): before a future word or "to" they count as neither tense
planaux 0 was were
# words that open a relative clause on the expression ("in July, where he will speak")
relative 0 where when which who whose whom
# a word that opens a clause of its own after a verb ("said that in January the law will
# change", "decided that on Monday, he will resign"): the verb before it is not the expression's
complementizer 0 that
# words that join a second predicate: right after the expression they end its clause, as a comma
# does ("appeared in court Wednesday and is due back in August")
coordinator 0 and but
# words that open a clause's subject: after an expression they end the phrase it sits in ("told
# reporters in March he would run"; but "said the gathering in September would be the last")
subject 0 he she they it we i you there
# auxiliaries of a present or future passive, and verbs that keep a state: the participle after
# them is no past ("would be paid in January", "will remain closed until May")
passaux 0 is are be being remain remains stay stays
# the mark of an infinitive: before a passive auxiliary and a participle it points ahead ("an
# address to be delivered Wednesday")
infinitive 0 to
# a word ending in one of these suffixes is a past verb unless listed in notpast, or after one of
# these words, where it describes a noun ("a contested convention in July", "the revised plan")
determiner 0 a an the his her their its our my your this these those
# a word ending in one of these suffixes is a past verb unless listed in notpast
pastsuffix 0 ed
notpast 0 needed unspecified unidentified unnamed unexpected unprecedented undisclosed unfinished unemployed unrelated unlimited unresolved unconfirmed unarmed unchanged need speed seed feed bed red shed hundred united indeed proceed exceed succeed breed weed deed creed steed embed wed bred sled naked wicked sacred kindred hatred limited based scheduled expected planned
# words between two days that share a month ("2 and 4 March", "4-5 June", "from 9 to 11 July")
dayrange 0 and or to through until -
# words that can follow the second day of "April 24 and 25": after any other word, the number
# may count it ("May 3 and 4 people")
afterday 0 in at on during when for with before after and but as via among by across throughout
# words of an election race: a bare month of elections (OPTION elections in en.rules) with no
# tense in a sentence that holds one is the election's ("Cruz's chances of winning in November",
# "electability in November"; not "the Paris attacks in November")
electionword 0 win wins winning victory electability election elections polls ballot ballots electoral turnout
