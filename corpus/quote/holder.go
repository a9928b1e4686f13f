package quote

import (
	"strings"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
)

// A description names its speaker only through someone the article names
// who fits every part of it: "a Kremlin spokesman" is not the Foreign
// Ministry's spokeswoman, though both speak for Russia. A wrong name is
// worse than none, so a person fits only when the article (or the
// gazetteer) says enough about them; otherwise the description stays
// unnamed.

// qualifiers are what a description says of its speaker besides the
// role: "a Kremlin spokesman", "a spokeswoman for the House Armed
// Services Committee", "a Russian official", "a Biden campaign aide".
type qualifiers struct {
	orgs   []string // organisations it names, canonical
	places []string // places it names, canonical ("Russian" is Russia)
	// words are the other capitalised words it holds, folded: names of
	// people and bodies the entity finder did not know ("Biden",
	// "Justice").
	words  []string
	gender gender // what the role word says ("spokeswoman")
}

// qualifiersOf reads the qualifiers of the description toks[b:e] whose
// head is toks[h-1].
func (a *article) qualifiersOf(toks []token, b, h, e int) qualifiers {
	var q qualifiers
	q.gender = genderedRoles[toks[h-1].lower]
	ms := a.mentionsIn(toks[b].start, toks[e-1].end)
	inMention := func(t *token) bool {
		for _, m := range ms {
			if (m.Type == entity.Org || m.Type == entity.Place) && m.Start <= t.start && t.start < m.End {
				return true
			}
		}
		return false
	}
	for _, m := range ms {
		switch m.Type {
		case entity.Org:
			q.orgs = appendNew(q.orgs, m.Name)
		case entity.Place:
			q.places = appendNew(q.places, m.Name)
		}
	}
	for i := b; i < e; i++ {
		t := &toks[i]
		if t.kind != word || !t.capital || i == h-1 || inMention(t) || !a.qualifies(t) {
			continue
		}
		q.words = appendNew(q.words, corpus.Fold(t.text))
	}
	return q
}

// qualifies reports whether a capitalised word of a description says
// whose the role is: not a determiner, title or role word ("The",
// "Senior", "Deputy"), nor a party ("the Republican president" is the
// president, whatever else the article says of him).
func (a *article) qualifies(t *token) bool {
	low := strings.TrimSuffix(t.lower, ".")
	return !determiners[low] && !personTitles[low] && !roleNouns[low] && !describes(low) &&
		roleGroups[low] == "" && !rankWords[low] && !partyWords[low] && !timeWords[low]
}

// rankWords qualify a role without saying whose it is.
var rankWords = wordSet(`senior junior top chief deputy assistant principal lead longtime former acting interim
	official press national general first second`)

// partyWords name a political camp, not whom a role is for.
var partyWords = wordSet(`republican republicans democratic democrat democrats gop conservative conservatives labour
	labor liberal liberals libertarian green greens socialist socialists communist communists progressive`)

// facts is what an article says of a person it names, as far as the
// words around their name tell: the roles it gives them, the
// organisations they speak for, and their gender.
type facts struct {
	roles  []string // role keys (see roleGroups) of the words around the name
	orgs   []string // organisations named in those words, canonical
	words  []string // other capitalised words there, folded
	gender gender
	// places are the places a description said the person is from
	// before the article named them (see apposition).
	places []string
}

// factsOf gathers what the article says around every mention of the
// person: the title before the name ("Kremlin spokesman Dmitry
// Peskov", "the press secretary of the Russian President Dmitry
// Peskov") and an apposition after it ("Ilya Brodsen, the palace's press
// secretary,").
func (a *article) factsOf(name string) *facts {
	if fs, ok := a.people[name]; ok {
		return fs
	}
	fs := &facts{}
	if a.people == nil {
		a.people = map[string]*facts{}
	}
	a.people[name] = fs
	g := a.genderOf(name)
	seen := func(w gender) {
		switch {
		case w == unknownGender:
		case g == unknownGender:
			g = w
		case g != w:
			g = unknownGender
		}
	}
	var affiliation string
	if e, ok := a.f.g.Lookup(name, entity.Person); ok {
		affiliation = e.Affiliation
		for _, r := range e.Roles {
			words := strings.Fields(strings.ToLower(r))
			if len(words) > 0 {
				seen(genderedRoles[words[len(words)-1]])
			}
		}
	}
	for _, m := range a.mentions {
		if m.Type != entity.Person || m.Name != name {
			continue
		}
		if affiliation == "" {
			affiliation = m.Affiliation
		}
		pi := a.paraAt(m.Start)
		if pi < 0 {
			continue
		}
		toks := a.tokens(pi)
		i := tokenAt(toks, m.Start)
		// The title before the name, back to where it starts; it may
		// stand before a comma ("Harvard's president, Drew Faust").
		hi := i
		if i > 0 && toks[i-1].isPunct(",") {
			hi = i - 1
		}
		lo := hi
		for lo > 0 && hi-lo < 10 && titleWord(toks, lo-1) && !a.insideQuote(toks[lo-1].start) {
			lo--
		}
		a.readFacts(fs, toks, lo, hi, affiliation, seen)
		// An apposition after it.
		j := tokenAt(toks, m.End)
		if j < len(toks) && toks[j].isPunct(",(") {
			hi := j + 1
			for hi < len(toks) && hi-j < 12 && toks[hi].kind == word && !isCueToken(toks, hi) && !boundaries[toks[hi].lower] {
				hi++
			}
			if hi < len(toks) && toks[hi].isPunct(",)") || hi < len(toks) && toks[hi].sentenceEnd() {
				a.readFacts(fs, toks, j+1, hi, affiliation, seen)
			}
		}
	}
	// What a description said of the person before the article named
	// them (see apposition).
	for _, ap := range a.appositions() {
		if ap.name != name || ap.role == "" {
			continue
		}
		for _, o := range ap.q.orgs {
			fs.orgs = appendNew(fs.orgs, o)
		}
		for _, p := range ap.q.places {
			fs.places = appendNew(fs.places, p)
		}
		for _, w := range ap.q.words {
			fs.words = appendNew(fs.words, w)
		}
		seen(ap.q.gender)
	}
	fs.gender = g
	return fs
}

// titleWord reports whether toks[k] may stand in a title before a name:
// "the press secretary of the Russian President", "Kremlin spokesman".
func titleWord(toks []token, k int) bool {
	t := &toks[k]
	if t.kind != word {
		return t.isPunct("-")
	}
	if t.capital {
		return !clauseStarters[t.lower] && !timeWords[t.lower]
	}
	return !boundaries[t.lower] && !isCueToken(toks, k) && !skipBeforeCue[t.lower] && !pronounToken(t) && t.lower != "by" &&
		t.lower != "and"
}

// readFacts notes what the words toks[lo:hi] next to a person's name say
// of them. They say whom the person speaks for only when they give the
// person a role.
func (a *article) readFacts(fs *facts, toks []token, lo, hi int, affiliation string, seen func(gender)) {
	if hi <= lo {
		return
	}
	var roles []string
	president := false
	for i := lo; i < hi; i++ {
		t := &toks[i]
		if t.kind != word {
			continue
		}
		if i+1 < hi {
			if g, ok := roleGroups[singular(t.lower)+"-"+singular(toks[i+1].lower)]; ok {
				roles = appendNew(roles, g)
				i++
				continue
			}
		}
		if g, ok := roleGroups[singular(t.lower)]; ok && !t.possessive {
			roles = appendNew(roles, g)
		}
		seen(genderedRoles[t.lower])
		president = president || t.lower == "president" || t.lower == "presidential"
	}
	if len(roles) == 0 {
		return
	}
	for _, r := range roles {
		fs.roles = appendNew(fs.roles, r)
	}
	ms := a.mentionsIn(toks[lo].start, toks[hi-1].end)
	inMention := func(t *token) bool {
		for _, m := range ms {
			if m.Start <= t.start && t.start < m.End {
				return true
			}
		}
		return false
	}
	place := affiliation
	for _, m := range ms {
		switch m.Type {
		case entity.Org:
			fs.orgs = appendNew(fs.orgs, m.Name)
		case entity.Place:
			place = m.Name
		case entity.Person:
			// "spokesman for President Tomas Ferrin": his office.
			if m.Role != "" && strings.EqualFold(lastWord(m.Role), "president") {
				president = true
				if m.Affiliation != "" {
					place = m.Affiliation
				}
			}
			fs.words = appendNew(fs.words, corpus.Fold(lastWord(m.Name)))
		}
	}
	if president && place != "" {
		// The president's spokesman speaks for the president's office.
		if org := a.f.presidencies[place]; org != "" {
			fs.orgs = appendNew(fs.orgs, org)
		}
	}
	for i := lo; i < hi; i++ {
		t := &toks[i]
		if t.kind != word || inMention(t) {
			continue
		}
		if t.capital {
			if a.qualifies(t) {
				fs.words = appendNew(fs.words, corpus.Fold(t.text))
			}
			continue
		}
		// "the palace's press secretary": the organisation the article
		// last named by that word.
		if org := a.orgBefore(t.lower, t.start); org != "" {
			fs.orgs = appendNew(fs.orgs, org)
		}
	}
}

// orgBefore returns the organisation named last before offset at whose
// name ends with the word: "the palace" after "the Halvik Palace".
func (a *article) orgBefore(w string, at int) string {
	if roleNouns[w] && !orgWords[w] {
		return ""
	}
	for i := len(a.mentions) - 1; i >= 0; i-- {
		m := a.mentions[i]
		if m.Start >= at || m.Type != entity.Org {
			continue
		}
		if strings.EqualFold(lastWord(m.Name), w) {
			return m.Name
		}
	}
	return ""
}

func lastWord(s string) string {
	if k := strings.LastIndexByte(s, ' '); k >= 0 {
		return s[k+1:]
	}
	return s
}

func appendNew(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}

// fits reports whether the person the article names fits the
// description's qualifiers, as far as what is known of them shows. An
// organisation must be one the person speaks for; other names must stand
// around the person's name; a country is enough only when the
// description names no more than that ("a Russian official"); the
// gender of "spokeswoman" must not contradict what is known.
func (a *article) fits(m entity.Mention, q qualifiers) bool {
	fs := a.factsOf(m.Name)
	if q.gender != unknownGender && fs.gender != unknownGender && q.gender != fs.gender {
		return false
	}
	if len(q.orgs) > 0 {
		ok := false
		for _, o := range q.orgs {
			ok = ok || contains(fs.orgs, o)
		}
		if !ok {
			return false
		}
	}
	for _, w := range q.words {
		if !contains(fs.words, w) {
			return false
		}
	}
	if len(q.places) > 0 && len(q.orgs) == 0 {
		aff := m.Affiliation
		if e, ok := a.f.g.Lookup(m.Name, entity.Person); ok && e.Affiliation != "" {
			aff = e.Affiliation
		}
		if !contains(q.places, aff) && !anyOf(fs.places, q.places) {
			return false
		}
	}
	return true
}

// presidencies maps each country to the one organisation the gazetteer
// gives as its president's office ("Kremlin": its aliases say
// "Presidential Administration"), for the spokesmen of presidents.
func presidencies(g *entity.Gazetteer) map[string]string {
	count := map[string]int{}
	out := map[string]string{}
	for _, e := range g.Entries() {
		if e.Type != entity.Org || e.Country == "" || e.Kind != "government" {
			continue
		}
		office := false
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			l := strings.ToLower(n)
			office = office || strings.Contains(l, "presidential administration") || strings.Contains(l, "presidential office") ||
				strings.Contains(l, "president's office") || strings.Contains(l, "office of the president")
		}
		if office {
			count[e.Country]++
			out[e.Country] = e.Name
		}
	}
	for c, n := range count {
		if n > 1 {
			delete(out, c) // two offices: whose?
		}
	}
	return out
}

// anyOf reports whether any of xs is in list.
func anyOf(xs, list []string) bool {
	for _, x := range xs {
		if contains(list, x) {
			return true
		}
	}
	return false
}
