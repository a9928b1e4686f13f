package quote

import "strings"

// cue describes a word that reports speech.
type cue struct {
	// form is how the verb stands in its clause: finite ("said", "says"),
	// participle ("saying", "adding"), or base ("say": after "did", "to").
	form cueForm
	// label marks verbs that name or describe rather than report
	// ("called it", "dubbed"): a short quotation after them is a label,
	// not speech.
	label bool
	// object marks verbs whose hearer comes first: "told reporters",
	// "assured allies", "asked the court".
	object bool
}

type cueForm uint8

const (
	finite cueForm = iota
	participle
	base
)

// cues are the verbs that report speech or writing, by form. The list is
// general English reporting vocabulary, not any corpus's.
var cues = func() map[string]cue {
	m := map[string]cue{}
	add := func(words string, c cue) {
		for _, w := range strings.Fields(words) {
			m[w] = c
		}
	}
	add(`said says added adds stressed stresses noted notes emphasized emphasizes emphasised emphasises
		warned warns insisted insists wrote writes tweeted tweets claimed claims argued argues explained explains
		stated states declared declares announced announces continued continues concluded concludes
		responded responds replied replies recalled recalls remarked remarks observed observes
		acknowledged acknowledges admitted admits asserted asserts maintained maintains suggested suggests
		complained complains exclaimed exclaims shouted shouts yelled yells predicted predicts promised promises
		pledged pledges vowed vows conceded concedes confirmed confirms reported reports agreed agrees
		quipped quips joked jokes boasted boasts lamented laments recounted recounts testified testifies
		mentioned mentions posted posts urged urges cautioned cautions countered counters contended contends
		charged charges alleged alleges affirmed affirms reiterated reiterates underlined underlines
		underscored underscores highlighted highlights clarified clarifies commented comments opined
		mused muses wondered wonders demanded demands proclaimed proclaims reasoned reasons surmised
		interjected interrupted interrupts chimed murmured whispered screamed cried elaborated elaborates
		pondered ponders chanted chants sang sings scoffed scoffs sniped snapped retorted retorts gushed raged
		complained admonished thundered fumed hinted hints implored begged pleaded lectured
		read reads`, cue{form: finite})
	add(`told tells assured assures reminded reminds informed informs asked asks`, cue{form: finite, object: true})
	add(`saying adding stressing noting emphasizing emphasising warning insisting writing tweeting claiming
		arguing explaining stating declaring announcing concluding responding replying recalling remarking
		observing acknowledging admitting asserting maintaining suggesting complaining predicting promising
		pledging vowing conceding confirming reporting quipping joking boasting lamenting mentioning posting
		urging cautioning countering contending charging alleging affirming reiterating underlining
		underscoring highlighting clarifying commenting demanding proclaiming reasoning elaborating
		chanting retorting hinting pleading`, cue{form: participle})
	add(`telling assuring reminding informing asking`, cue{form: participle, object: true})
	add(`say tell add stress note emphasize emphasise warn insist write tweet claim argue explain state
		declare announce conclude respond reply recall remark acknowledge admit assert suggest complain
		predict promise pledge vow concede confirm report agree joke boast lament mention post urge
		caution counter contend allege affirm reiterate underline underscore highlight clarify comment`, cue{form: base})
	add(`called calls dubbed dubs branded brands labeled labels labelled termed terms described describes
		nicknamed`, cue{form: finite, label: true})
	add(`calling dubbing branding labeling labelling terming describing nicknaming`, cue{form: participle, label: true})
	return m
}()

// statementWords are documents that speak for whoever issued them: "the
// statement said".
var statementWords = wordSet(`statement statements release communique communiqué readout declaration`)

// documents speak too, for whoever wrote them, whom the article may not
// say: "the report said", "the column noted".
var documents = wordSet(`report reports letter memo memorandum notice post tweet tweets message announcement column
	editorial article book ad advertisement video email emails poll survey study analysis review filing complaint
	lawsuit indictment document documents website site paper newspaper magazine network channel show program
	programme petition platform resolution bill manifesto flyer sign banner caption headline transcript
	blog podcast interview speech remarks comments testimony ruling verdict order warrant decree agreement
	deal text draft plan proposal`)

// pronouns that can name a speaker, with the grammatical gender they ask
// of their antecedent.
var pronouns = map[string]gender{"he": male, "she": female, "they": unknownGender, "it": unknownGender,
	"i": unknownGender, "we": unknownGender}

// longestPronoun is the length of the longest of pronouns: a longer word
// needs no look-up.
var longestPronoun = func() int {
	n := 0
	for w := range pronouns {
		n = max(n, len(w))
	}
	return n
}()

// roleGroups join role words that name one job: "a Kremlin spokesman" and
// "the press secretary" may be one person.
var roleGroups = func() map[string]string {
	m := map[string]string{}
	for _, g := range []string{
		"spokesperson spokesman spokeswoman spokesmen spokeswomen spokespeople spokespersons press-secretary press-officer",
		"minister ministers",
		"foreign-minister foreign-ministers top-diplomat top-diplomats chief-diplomat",
		"defence-minister defense-minister defence-ministers defense-ministers",
		"president presidents",
		"prime-minister prime-ministers premier",
		"ambassador ambassadors envoy envoys",
		"adviser advisers advisor advisors",
		"secretary-of-state",
		"secretary-general",
	} {
		fields := strings.Fields(g)
		for _, w := range fields {
			m[w] = fields[0]
		}
	}
	return m
}()

// roleNouns head a description of a speaker: "a Kremlin spokesman", "a
// senior official", "two sources". They are what a speaker's words may
// end with when they name no one.
var roleNouns = wordSet(`spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople official officials
	source sources aide aides adviser advisers advisor advisors minister ministers ministry ministries diplomat diplomats
	envoy envoys ambassador ambassadors secretary president presidents premier chancellor leader leaders
	lawyer lawyers attorney attorneys analyst analysts expert experts observer observers critic critics
	supporter supporters opponent opponents resident residents witness witnesses activist activists
	officer officers commander commanders soldier soldiers police policeman spokesperson agency government
	governments administration department office campaign committee council authorities authority
	statement report military army army's ministry's official's people person man woman men women
	member members head chief director chairman chairwoman chair representative representatives
	negotiator negotiators mediator mediators monitor monitors delegation delegate delegates
	candidate candidates senator senators congressman congresswoman lawmaker lawmakers legislator
	legislators governor mayor judge prosecutor prosecutors investigator investigators researcher
	researchers economist economists strategist strategists pollster pollsters consultant consultants
	operative operatives insider insiders staffer staffers employee employees worker workers voter voters
	group groups organization organisation organizers organisers founder executive executives manager
	host anchor reporter reporters journalist journalists editor editors writer author authors columnist
	doctor doctors nurse nurses scientist scientists professor professors student students teacher
	teachers farmer farmers father mother son daughter wife husband brother sister friend friends
	neighbour neighbor relative relatives family spokesmen party parties union coalition alliance forces
	rebels militants fighters troops mission observatory service services agency's correspondent
	insurgents commission court tribunal parliament assembly regime cabinet team colleague colleagues
	counterpart counterparts partner partners rival rivals survivor survivors victim victims owner owners
	citizen citizens villager villagers refugee refugees protester protesters demonstrators
	republican democrat`)

// groupNouns describe several people or a body without naming anyone:
// when they head a speaker's words the speaker stays unnamed.
var groupNouns = wordSet(`officials sources aides advisers advisors diplomats envoys analysts experts observers critics
	supporters opponents residents witnesses activists officers commanders soldiers police authorities people men
	women members leaders lawyers attorneys negotiators mediators monitors delegates candidates senators lawmakers
	legislators prosecutors investigators researchers economists strategists pollsters consultants operatives
	insiders staffers employees workers voters organizers organisers executives reporters journalists doctors
	nurses scientists professors students teachers farmers friends neighbours neighbors relatives rebels militants
	fighters troops insurgents colleagues counterparts partners rivals survivors victims owners citizens villagers
	refugees protesters demonstrators democrats republicans conservatives liberals progressives others many some
	several both`)

// determiners start a description: "a Kremlin spokesman", "the statement".
var determiners = wordSet(`a an the this that these those one two three four five several some many another other
	each both its his her their our`)

// skipBeforeCue are words that may stand between a speaker and the cue:
// "he also said", "Kelmarin has repeatedly warned".
var skipBeforeCue = wordSet(`also later then has had have previously once again further simply repeatedly quickly
	reportedly recently earlier subsequently initially originally flatly publicly privately long already only
	just even still would will could might may can must should did does do separately angrily
	openly bluntly briefly frankly firmly clearly explicitly directly succinctly specifically often frequently
	always never not yet finally additionally similarly likewise emphatically famously jokingly quietly loudly
	sarcastically proudly`)

// boundaries end a speaker's words when reading backwards from a cue:
// clause words and verbs that no description of a speaker holds.
var boundaries = wordSet(`that which when while as because if but after before since although though where so then
	whether than is was were are be been being am do does did not no nor yet or how why what whom whose
	to into onto upon about against between through during without within under over across toward towards
	around behind beyond despite except near past via amid amidst among unlike like told said says say
	asked called`)

// npPrepositions may join the words of a speaker's description: "a
// spokesman for the campaign", "a source in the ministry", "the foreign
// ministers of Azerbaijan and Armenia".
var npPrepositions = wordSet(`of for in at from with close`)

// adverbials are words that may stand between a cue and the words it
// reports or its speaker: "said on Tuesday", "told reporters in Kelvash".
var timeWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow
	morning afternoon evening night week weekend month year earlier later recently last this next ago`)

// abbreviations end in a dot that does not end a sentence.
var abbreviations = wordSet(`mr mrs ms dr sen rep gov gen lt col sgt capt cpl maj adm st jr sr prof rev hon
	pres supt insp det fr messrs mme mlle no nos vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept
	oct nov dec mon tue tues wed thu thur thurs fri sat sun ft mt ave blvd dept est approx fig vol ed eds
	pp op univ assn bros ph al`)

// honorifics state a person's gender.
var honorifics = map[string]gender{"mr": male, "mr.": male, "mrs": female, "mrs.": female, "ms": female, "ms.": female,
	"miss": female, "sir": male, "lord": male, "lady": female, "dame": female, "madam": female, "madame": female,
	"king": male, "queen": female, "prince": male, "princess": female, "sheikh": male, "sheikha": female}

// genderedRoles are role words that state their holder's gender.
var genderedRoles = map[string]gender{"spokesman": male, "spokeswoman": female, "chairman": male, "chairwoman": female,
	"congressman": male, "congresswoman": female, "businessman": male, "businesswoman": female, "policeman": male,
	"policewoman": female, "councilman": male, "councilwoman": female, "assemblyman": male, "assemblywoman": female,
	"actress": female, "actor": male, "widow": female, "widower": male, "mother": female, "father": male,
	"wife": female, "husband": male, "daughter": female, "son": male, "sister": female, "brother": male,
	"grandmother": female, "grandfather": male, "girl": female, "boy": male, "woman": female, "man": male,
	"nun": female, "priest": male, "anchorwoman": female, "anchorman": male, "first lady": female}

// shapeFilter is a set of the shapes of words: length, first and last
// byte. A word whose shape it lacks is none of the words it was built
// from, which three loads tell where a map look-up hashes the word. The
// finder looks up far more words that are not cues or abbreviations than
// words that are.
type shapeFilter [32 * 32 * 32 / 64]uint64

// shape returns the bit of w in a shapeFilter.
func shape(w string) uint32 {
	if w == "" {
		return 0
	}
	return uint32(min(len(w), 31))<<10 | uint32(w[0]&31)<<5 | uint32(w[len(w)-1]&31)
}

// newShapeFilter returns the filter of the words of a set.
func newShapeFilter[V any](set map[string]V) *shapeFilter {
	f := &shapeFilter{}
	for w := range set {
		h := shape(w)
		f[h/64] |= 1 << (h % 64)
	}
	return f
}

// mayHave reports whether w may be one of the filter's words: if not, it
// is not.
func (f *shapeFilter) mayHave(w string) bool {
	h := shape(w)
	return f[h/64]&(1<<(h%64)) != 0
}

// cueShapes and abbreviationShapes filter the look-ups in cues and
// abbreviations.
var cueShapes, abbreviationShapes = newShapeFilter(cues), newShapeFilter(abbreviations)

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}
