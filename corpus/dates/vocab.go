package dates

import "encoding/binary"

// wordInfo is what a lower-case word can do in a date or around one.
type wordInfo struct {
	flags uint64
	val   int8
}

// The roles a word can play. A word may have several ("next" is a future
// marker and a relative word).
const (
	fMonth       uint64 = 1 << iota // a month name; val 1–12
	fMonthAbbr                      // an abbreviated month: only a month with a day or year beside it
	fLowerOK                        // a month or weekday name that is no ordinary word in lower case
	fWeekday                        // a weekday name; val is its time.Weekday
	fWeekdayAbbr                    // an abbreviated weekday: only in "Wed 05 Apr 2017"
	fYearBefore                     // a bare year after it is a year: "in 2014", "since 1992"
	fMonthBefore                    // a month name alone after it is a month: "in October"
	fEvent                          // a year before it is a year: "1994 ceasefire"
	fFollows                        // ends in s but may follow a year: "2014 was", "2014 saw tens"
	fCount                          // a number before it counts: "2000 people"
	fWill                           // marks the future: will, shall, next
	fDueTo                          // an expectation before "to": "is due to", "expected to"
	fPlanTo                         // an intention before "to": "plans to", "going to"
	fBe                             // a form of "be", for "is due to"
	fReport                         // a reporting verb in the past: "said on Tuesday"
	fSeam                           // starts a clause: "but", "while"
	fAbbrev                         // a full stop after it ends no sentence: "Mr."
	fOrdinal                        // st, nd, rd, th
	fRelDay                         // yesterday, today, tonight, tomorrow; val: days from publication
	fUnit                           // month, year, week; val: unitMonth…
	fLast                           // last
	fThis                           // this
	fNext                           // next
	fPast                           // past, as in "this past July"
	fModifier                       // early, mid, late, earlier, later
	fBetween                        // between
	fFrom                           // from
	fAnd                            // and, or
	fTo                             // to, until, till, through
	fNamedDay                       // a weekday after it names an occasion: "Bloody Sunday"
	fPaper                          // a weekday before it names a newspaper: "Sunday Times"
	fGeneric                        // a weekday after it is no particular day: "every Tuesday"
	fThe                            // the
	fSpeech                         // a verb of speech: what follows is what was said ("saying he will")
	fRelative                       // starts a relative clause: which, who
	fPastAux                        // was, were, had, did
	fWould                          // would: the future seen from the past
	fAdverb                         // may stand between be and a participle: "was originally expected"
	fPastForm                       // a past tense not in -ed: met, held, broke
	fNotPast                        // ends in -ed but is no past tense: hundred, armed, proceed
	fIntend                         // a verb of intent before an infinitive: agree, hope, vow
	fDeterminer                     // a past form after it is no verb: "the planned talks", "as planned"
	fModal                          // a past form after it is a participle or bare: "will be held", "to have met"
	fPrep                           // a preposition: a past form after it is an adjective: "behind closed doors"
	fSubord                         // starts a subordinate clause: that, if, unless
	fSubject                        // a subject pronoun, which starts a clause: "said he hopes…"
)

// The units of fUnit.
const (
	unitMonth = 1
	unitYear  = 2
	unitWeek  = 3 // too vague to date: never reported
)

// vocab holds the lower-case words Find looks for. It is built once and only
// read.
var vocab = func() map[string]wordInfo {
	m := make(map[string]wordInfo, 512)
	add := func(flags uint64, val int8, words ...string) {
		for _, w := range words {
			if len(w) > maxWord {
				panic("dates: vocab word longer than maxWord: " + w)
			}
			info := m[w]
			info.flags |= flags
			if val != 0 {
				info.val = val
			}
			m[w] = info
		}
	}
	months := []struct {
		full  string
		abbrs []string
	}{
		{"january", []string{"jan"}}, {"february", []string{"feb"}}, {"march", []string{"mar"}},
		{"april", []string{"apr"}}, {"may", nil}, {"june", []string{"jun"}}, {"july", []string{"jul"}},
		{"august", []string{"aug"}}, {"september", []string{"sep", "sept"}}, {"october", []string{"oct"}},
		{"november", []string{"nov"}}, {"december", []string{"dec"}},
	}
	for i, mo := range months {
		flags := fMonth
		switch mo.full {
		case "may", "march", "august": // also "may", "march" and "august" the words
		default:
			flags |= fLowerOK
		}
		add(flags, int8(i+1), mo.full)
		add(fMonth|fMonthAbbr, int8(i+1), mo.abbrs...)
	}
	weekdays := []struct {
		full  string
		abbrs []string
	}{
		{"sunday", []string{"sun"}}, {"monday", []string{"mon"}}, {"tuesday", []string{"tue", "tues"}},
		{"wednesday", []string{"wed"}}, {"thursday", []string{"thu", "thur", "thurs"}},
		{"friday", []string{"fri"}}, {"saturday", []string{"sat"}},
	}
	for i, wd := range weekdays {
		add(fWeekday|fLowerOK, int8(i), wd.full)
		add(fWeekdayAbbr, int8(i), wd.abbrs...)
	}

	add(fYearBefore|fMonthBefore, 0, "in", "since", "until", "till", "by", "from", "of", "during",
		"before", "after", "through", "throughout", "early", "late", "mid")
	add(fMonthBefore, 0, "between")
	add(fYearBefore, 0, "year", "circa", "pre", "post", "end", "summer", "winter", "spring", "autumn",
		"fall", "fiscal")
	add(fThe, 0, "the")

	add(fEvent, 0, "war", "wars", "ceasefire", "ceasefires", "cease", "truce", "truces", "armistice",
		"election", "elections", "vote", "votes", "poll", "polls", "referendum", "agreement",
		"agreements", "accord", "accords", "treaty", "treaties", "protocol", "protocols", "deal",
		"deals", "offensive", "counteroffensive", "conflict", "conflicts", "clashes", "fighting",
		"invasion", "incursion", "attack", "attacks", "assault", "raid", "raids", "bombing",
		"bombings", "shelling", "strike", "strikes", "massacre", "massacres", "genocide", "pogrom",
		"earthquake", "floods", "famine", "drought", "revolution", "uprising", "coup", "protests",
		"riots", "unrest", "violence", "siege", "battle", "battles", "operation", "campaign",
		"escalation", "hostilities", "crisis", "summit", "talks", "negotiations", "meeting",
		"meetings", "conference", "round", "peace", "plan", "roadmap", "framework", "memorandum",
		"declaration", "statement", "resolution", "resolutions", "census", "budget", "report",
		"law", "laws", "constitution", "amendment", "ruling", "verdict", "trial", "sanctions",
		"annexation", "occupation", "independence", "withdrawal", "deportation", "deportations",
		"exchange", "swap", "mandate", "mission", "visit", "olympics", "games", "season",
		"tournament", "cup", "championship", "edition", "book", "film", "documentary", "survey",
		"study", "interview", "document", "documents", "disaster", "crash", "blast", "explosion",
		"explosions", "flare", "standoff", "partition", "borders", "border", "map", "maps", "line",
		"lines", "level", "levels", "figures", "data", "estimate", "estimates", "record",
		"records", "decree", "order", "bill", "act")
	add(fFollows, 0, "was", "is", "has", "as", "its", "his", "this", "thus", "hers", "theirs", "tens",
		"hundreds", "thousands", "dozens", "millions", "towards", "afterwards", "unless", "yes",
		"always", "perhaps", "plus", "versus", "whereas", "besides", "across", "us", "does",
		"remains", "marks", "sees", "brings", "becomes", "seems", "looks", "means", "makes",
		"takes", "gives", "shows", "comes", "goes", "begins", "ends", "turns", "lies", "stands",
		"saw", "its", "yours", "ours", "alas")
	add(fCount, 0, "people", "persons", "men", "women", "children", "soldiers", "troops", "civilians",
		"refugees", "fighters", "militants", "rebels", "dead", "killed", "wounded", "injured",
		"missing", "casualties", "deaths", "prisoners", "detainees", "hostages", "residents",
		"families", "homes", "houses", "buildings", "voters", "km", "kg", "kilometres",
		"kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre",
		"meter", "feet", "foot", "tonnes", "tons", "tonne", "ton", "dollars", "dollar", "euros",
		"euro", "pounds", "rubles", "roubles", "manats", "drams", "hectares", "hectare", "acres",
		"square", "cubic", "percent", "per", "times", "aircraft", "police", "personnel", "staff",
		"strong", "more", "fewer", "other", "others", "additional", "extra", "new", "square",
		"units", "cases", "hours", "minutes", "seconds", "days", "weeks", "months", "years",
		"shells", "rockets", "missiles", "tanks", "vehicles", "trucks", "drones", "sorties",
		"airstrikes", "mines", "pages", "words", "votes", "signatures", "names")

	add(fWill, 0, "will", "shall", "ll", "next", "upcoming", "forthcoming", "won", "might", "may",
		"expect", "expects", "predict", "predicts", "forecast", "forecasts") // what is expected is to come
	add(fDueTo, 0, "due", "expected", "scheduled", "set", "slated", "poised", "likely", "supposed", "meant")
	add(fWould, 0, "would")
	add(fAdverb, 0, "not", "now", "still", "also", "already", "then", "only", "even", "just", "yet", "never", "again")
	add(fPlanTo, 0, "plans", "plan", "planning", "planned", "intends", "intend", "intending", "going")
	add(fBe, 0, "is", "are", "be", "was", "were", "been", "am", "s", "being", "isn", "aren", "wasn", "weren",
		"get", "gets", "getting") // "gets elected" is no past tense
	add(fReport, 0, "said", "told", "announced", "stated", "added", "reported", "confirmed", "warned",
		"claimed", "insisted", "noted", "declared", "wrote", "tweeted", "explained", "urged",
		"accused", "denied", "acknowledged", "alleged", "revealed", "disclosed", "recalled",
		"complained", "argued", "stressed", "admitted", "replied", "responded")
	add(fSpeech, 0, "says", "saying", "said", "tells", "telling", "told", "announces", "announcing",
		"announced", "stated", "stating", "added", "adding", "confirmed", "confirming", "warned",
		"claimed", "claiming", "insisted", "insisting", "declared", "declaring", "wrote", "tweeted",
		"explained", "explaining", "urged", "urging", "accused", "denied", "denying", "acknowledged",
		"revealed", "argued", "arguing", "stressed", "stressing", "admitted", "according", "promised",
		"pledged", "vowed", "vowing", "predicted", "predicting")
	add(fRelative, 0, "which", "who", "whom", "whose", "where", "when")
	add(fPastAux, 0, "was", "were", "had", "did", "wasn", "weren", "hadn", "didn")
	add(fPastForm, 0, "met", "held", "went", "came", "began", "saw", "took", "gave", "made", "left", "fought",
		"struck", "broke", "fell", "rose", "won", "lost", "led", "fled", "sent", "spent", "built", "brought",
		"bought", "caught", "drew", "drove", "flew", "froze", "got", "grew", "hid", "hung", "kept", "knew",
		"laid", "paid", "ran", "rode", "sank", "sat", "shot", "shook", "sold", "sought", "spoke", "stood",
		"stole", "stuck", "swore", "swept", "taught", "threw", "thought", "understood", "woke", "wore",
		"withdrew", "became", "bore", "dealt", "dug", "felt", "found", "heard", "overran", "overthrew",
		"undertook", "upheld", "withheld", "forgave", "mistook", "arose", "blew", "chose", "forgot", "slept",
		"wept", "tore", "sped", "lit", "leapt", "bled", "sprang", "swam", "sang", "rang", "shone", "slid",
		"stung", "swung", "spun", "ate", "hit", "cut", "put", "shut", "spread", "hurt", "quit", "meant",
		"told", "wrote", "said", "did")
	add(fNotPast, 0, "bed", "red", "shed", "wed", "embed", "need", "seed", "speed", "feed", "greed", "breed",
		"bleed", "heed", "deed", "creed", "weed", "steed", "indeed", "proceed", "exceed", "succeed",
		"hundred", "kindred", "sacred", "naked", "wicked", "wretched", "rugged", "ragged", "crooked",
		"beloved", "armed", "unarmed", "united", "limited", "detailed", "advanced", "experienced",
		"concerned", "interested", "related", "based", "tired", "sophisticated", "complicated", "dedicated",
		"unprecedented", "unexpected", "unidentified", "unnamed", "unspecified", "undisclosed",
		"unconfirmed", "unprovoked", "unverified", "unexploded")
	add(fIntend, 0, "agree", "agrees", "agreed", "decide", "decides", "decided", "pledge", "pledges",
		"pledged", "vow", "vows", "vowed", "promise", "promises", "promised", "threaten", "threatens",
		"threatened", "hope", "hopes", "hoped", "want", "wants", "wanted", "aim", "aims", "aimed", "prepare",
		"prepares", "prepared", "urge", "urges", "urged", "ask", "asks", "asked", "invite", "invites",
		"invited", "seek", "seeks", "sought", "offer", "offers", "offered", "propose", "proposes", "proposed",
		"vote", "votes", "voted", "resolve", "resolves", "resolved", "order", "orders", "ordered", "call",
		"calls", "called", "try", "tries", "tried", "refuse", "refuses", "refused", "need", "needs", "needed")
	add(fDeterminer, 0, "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our",
		"my", "your", "every", "each", "any", "some", "another", "no", "both", "whose", "than", "as")
	add(fModal, 0, "will", "would", "shall", "should", "could", "can", "must", "may", "might", "to", "have",
		"ll", "do", "does", "cannot")
	add(fPrep, 0, "in", "on", "at", "by", "for", "with", "of", "from", "behind", "into", "over", "under",
		"about", "against", "among", "between", "through", "without", "within", "across", "near", "upon",
		"onto", "toward", "towards", "amid", "despite", "via", "like")
	add(fSubord, 0, "that", "if", "unless", "whether", "because", "once", "lest")
	add(fSubject, 0, "he", "she", "they", "we", "i")
	add(fSeam, 0, "but", "while", "whereas", "although", "though", "however")
	add(fAbbrev, 0, "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "st", "sen",
		"rep", "gov", "prof", "jr", "sr", "no", "vs", "etc", "inc", "co", "corp", "ltd", "cpl", "pte",
		"adm", "cmdr", "brig", "rev", "hon", "approx", "est", "fig", "vol", "pp", "ft")
	add(fOrdinal, 0, "st", "nd", "rd", "th")

	add(fRelDay, -1, "yesterday")
	add(fRelDay, 0, "today", "tonight")
	add(fRelDay, 1, "tomorrow")
	add(fUnit, unitMonth, "month")
	add(fUnit, unitYear, "year")
	add(fUnit, unitWeek, "week", "weekend")
	add(fLast, 0, "last")
	add(fThis, 0, "this")
	add(fNext, 0, "next")
	add(fPast, 0, "past")
	add(fModifier, 0, "early", "mid", "late", "earlier", "later")
	add(fBetween, 0, "between")
	add(fFrom, 0, "from")
	add(fAnd, 0, "and", "or")
	add(fTo, 0, "to", "until", "till", "through")

	add(fNamedDay, 0, "bloody", "good", "black", "holy", "ash", "palm", "easter", "super", "cyber",
		"maundy", "shrove", "whit", "orthodox")
	add(fPaper, 0, "times", "telegraph", "express", "mirror", "post", "herald", "mail", "independent",
		"observer", "star", "tribune", "sport", "school", "people", "business", "review", "edition")
	add(fGeneric, 0, "a", "an", "every", "each", "any", "that", "one", "some", "another")
	return m
}()

// vocabKeys[first][last] has bit n set when vocab holds a word of n letters
// that starts and ends with those letters, so that most words of a text are
// known not to be in vocab without hashing them.
var vocabKeys = func() (keys [26][26]uint32) {
	for w := range vocab {
		keys[w[0]-'a'][w[len(w)-1]-'a'] |= 1 << len(w)
	}
	return keys
}()

// vocabTable holds vocab in open addressing for the tokenizer, which looks
// up most words of a text: keyed by a word's 16 bytes, zero-padded, it
// is cheaper to probe than the map is to hash.
var vocabTable = func() (t vocabSlots) {
	for w, info := range vocab {
		var buf [maxWord]byte
		copy(buf[:], w)
		lo, hi := binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])
		for k := vocabSlot(lo, hi); ; k = (k + 1) & (len(t) - 1) {
			if t[k].n == 0 {
				t[k] = vocabEntry{lo, hi, uint8(len(w)), info}
				break
			}
		}
	}
	return t
}()

type vocabEntry struct {
	lo, hi uint64
	n      uint8 // the word's length; 0 for an empty slot
	info   wordInfo
}

// vocabSlots is a power of two four times or so as large as vocab.
type vocabSlots [2048]vocabEntry

func vocabSlot(lo, hi uint64) int {
	return int((lo*0x9E3779B97F4A7C15 ^ hi*0xC2B2AE3D27D4EB4F) >> (64 - 11))
}

// lookup returns the vocab entry of buf[:n], lower-case and zero past n.
func lookup(buf *[maxWord]byte, n int) (wordInfo, bool) {
	return lookupKey(binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:]), n)
}

// lookupKey is lookup of the word of n bytes whose first 8 are lo and next
// 8 hi, little-endian.
func lookupKey(lo, hi uint64, n int) (wordInfo, bool) {
	for k := vocabSlot(lo, hi); ; k = (k + 1) & (len(vocabTable) - 1) {
		e := &vocabTable[k]
		if e.n == 0 {
			return wordInfo{}, false
		}
		if e.lo == lo && e.hi == hi && int(e.n) == n {
			return e.info, true
		}
	}
}
