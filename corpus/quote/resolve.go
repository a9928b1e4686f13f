package quote

import (
	"strings"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
)

// how says how a speaker was named.
type how uint8

const (
	unnamed   how = iota // a description that names no one: "officials", "a source"
	named                // a name in the speaker's words
	byPronoun            // "he", resolved to a name or not
	byRole               // "a Kremlin spokesman", resolved to the one person the article gives that role
	byIssuer             // "the statement", resolved to whoever issued it
	asGroup              // "the foreign ministers of Dravonia and Velora"
)

// speaker is whom a quotation is attributed to.
type speaker struct {
	name       string // canonical name, "" when unknown
	start, end int    // the words that name them
	org        string // the organisation a description names
	how        how
	person     bool // name is a person's
	// unsure marks a pronoun resolved to the likelier of two people who
	// fit it ("Aliyev met Pashinyan. “…,” he said").
	unsure bool
}

// resolve reads the words toks[b:e] that name a speaker, at offset at
// of the text. ok is false when they are no description of a speaker.
func (a *article) resolve(toks []token, b, e, at int) (speaker, bool) {
	b, e = trimSpeaker(toks, b, e)
	if prepositions[toks[b].lower] && !toks[b].capital {
		// "in Columbia", what is left of "Here in Columbia": a place
		// where something was said, not who said it.
		return speaker{}, false
	}
	sp := speaker{start: toks[b].start, end: toks[e-1].end}
	if e-b == 1 && pronounToken(&toks[b]) {
		sp.end = sp.start + len(toks[b].text) // "he" of "he's"
		sp.how = byPronoun
		sp.name, sp.unsure = a.antecedent(toks[b].lower, sp.start)
		sp.person = sp.name != ""
		return sp, true
	}
	if !a.namesSomeone(toks[b:e]) {
		return speaker{}, false
	}
	// The head of the description: its words before a preposition that
	// is not inside a name.
	h := e
	for i := b + 1; i < e; i++ {
		if npPrepositions[toks[i].lower] && !toks[i].capital && !a.insideMention(toks[i].start) {
			h = i
			break
		}
	}
	head := &toks[h-1]
	ms := a.mentionsIn(toks[b].start, toks[h-1].end)
	// A name that ends the head: "Kelmarin", "Foreign Minister Aleksandr
	// Kelmarin", "the Russian Foreign Ministry". A name followed by more
	// words is a qualifier: "a Kremlin spokesman", "Trump's campaign".
	if n := len(ms); n > 0 && ms[n-1].End >= head.end-len("'s") && !head.possessive {
		last := ms[n-1]
		switch last.Type {
		case entity.Person:
			// Gathered on the stack: most speakers are one person.
			persons := make([]entity.Mention, 0, 4)
			for _, m := range ms {
				if m.Type == entity.Person {
					persons = append(persons, m)
				}
			}
			if len(persons) >= 2 && joinedByAnd(a.text, persons) {
				sp.name = groupName(persons)
				sp.how = asGroup
				return sp, true
			}
			sp.name, sp.how, sp.person = last.Name, named, true
			return sp, true
		case entity.Org, entity.Place:
			if last.Type == entity.Place && last.Start == toks[h-1].start && a.demonym(last) {
				// "Cuban said" after "Mark Cuban": his surname. Otherwise
				// "a German", "the Russians" describe people, not their
				// country's government.
				if m, ok := a.surname(head.text); ok && h-b == 1 {
					sp.name, sp.how, sp.person = m.Name, named, true
					return sp, true
				}
				sp.how = unnamed
				return sp, true
			}
			// "Baku says…": a capital or country speaks for its government.
			sp.name, sp.how = last.Name, named
			return sp, true
		}
	}
	low := head.lower
	if !head.capital && !describes(low) {
		// "another source familiar with…": the last word that names a
		// speaker, before words that qualify it.
		for x := h - 2; x >= b; x-- {
			if describes(toks[x].lower) {
				h, head, low = x+1, &toks[x], toks[x].lower
				break
			}
		}
	}
	switch {
	case statementWords[low]:
		return a.statementSpeaker(toks, b, h, e, at, sp), true
	case documents[low] && h+1 < e && (toks[h].is("from") || toks[h].is("by")):
		// "this tweet from Rikkie Wells": whoever wrote it.
		if who, ok := a.resolve(toks, h+1, e, at); ok && who.how == named {
			sp.name, sp.person, sp.how = who.name, who.person, byIssuer
			return sp, true
		}
		return a.description(toks, b, h, e, ms, sp), true
	case roleNouns[low] || groupNouns[low] || documents[low]:
		return a.description(toks, b, h, e, ms, sp), true
	case head.capital && !head.possessive:
		return a.unknownName(toks, b, h, sp)
	case determiners[toks[b].lower] && !head.possessive && !boundaries[low] && !determiners[low] || determiners[low] && (h < e || e-b >= 2):
		// "the progressive heavyweights", "one of those advisers".
		sp.how = unnamed
		return sp, true
	}
	return speaker{}, false
}

// namesSomeone reports whether words may name or describe a speaker: not
// when they are only articles, conjunctions, adverbs and the like ("The",
// "But", "After", "Later") or a party's adjective ("Democratic"). A
// quantifier stands for people ("Others shouted", "the two wrote").
func (a *article) namesSomeone(words []token) bool {
	last := &words[len(words)-1]
	if quantifiers[last.lower] || numberWords[last.lower] {
		return true
	}
	if len(words) == 1 && partyAdjectives[last.lower] {
		return false
	}
	for i := range words {
		t := &words[i]
		w := strings.TrimSuffix(t.lower, ".")
		if t.kind != word || isNumber(w) || contraction(w) || len(words) == 1 && singleCapital(strings.TrimSuffix(t.text, ".")) {
			continue // "You'll", the "Y." of "(D-N.Y.)"
		}
		if !functionWords[w] {
			return true
		}
		// "Will wrote", "May said": a name the article writes with a
		// capital where no sentence starts.
		if t.capital && !closedClass[w] && a.properNoun(*t) {
			return true
		}
	}
	return false
}

// contraction reports whether a word ends with a contracted verb, as no
// name does: "you'll", "they're", "wouldn't".
func contraction(w string) bool {
	w = strings.ReplaceAll(w, "’", "'")
	for _, end := range []string{"'ll", "'re", "'ve", "'d", "n't", "'m"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// prepositions never start the words that name a speaker.
var prepositions = wordSet(`in on at to from with for of into onto about over under after before during since
	through across near amid among`)

// quantifiers stand for people on their own: "Others shouted", "Many
// argue", "Another tweeted".
var quantifiers = wordSet(`one another some many several both others few most all each`)

var numberWords = wordSet(`two three four five six seven eight nine ten dozen dozens hundreds thousands`)

// partyAdjectives describe a person by their party: alone they name no one.
var partyAdjectives = wordSet(`republican democratic conservative liberal progressive libertarian socialist
	communist`)

// closedClass are function words that are never anyone's name.
var closedClass = func() map[string]bool {
	m := wordSet(`perhaps even soon nearly shortly there here now instead indeed thus hence yes first finally
		again almost so and but or nor yet however meanwhile moreover furthermore besides therefore otherwise
		anyway why what who whom how where when whether`)
	for _, set := range []map[string]bool{determiners, clauseStarters, introWords, boundaries, timeWords, npPrepositions} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// functionWords never name a speaker by themselves; the adverbs and
// auxiliaries among them may be names when capitalised ("Will", "May").
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]bool{closedClass, skipBeforeCue} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// demonym reports whether a place is mentioned by the adjective or the
// name of its people ("Russian", "Americans") rather than its name.
func (a *article) demonym(m entity.Mention) bool {
	_, ok := a.f.g.Lookup(m.Text, entity.Place)
	return !ok && !strings.Contains(m.Text, " ")
}

// describes reports whether a word may head a description of a speaker.
func describes(w string) bool { return describers[w] }

// describers are the words that may head a description of a speaker: one
// set, for one look-up where four sets took up to four.
var describers = func() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]bool{roleNouns, groupNouns, documents, statementWords} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// insideMention reports whether offset at lies inside an entity mention.
func (a *article) insideMention(at int) bool {
	for _, m := range a.mentionsIn(at-80, at+80) {
		if m.Start < at && at < m.End {
			return true
		}
	}
	return false
}

// joinedByAnd reports whether the persons are written as a list: "Kelmarin
// and Oryen", "Kelmarin, Oryen and Selvari".
func joinedByAnd(text string, ms []entity.Mention) bool {
	for i := 1; i < len(ms); i++ {
		gap := strings.TrimSpace(text[ms[i-1].End:ms[i].Start])
		if gap != "and" && gap != "," && gap != ", and" && gap != "&" {
			return false
		}
	}
	return true
}

func groupName(ms []entity.Mention) string {
	var names []string
	for _, m := range ms {
		if !contains(names, m.Name) {
			names = append(names, m.Name)
		}
	}
	return strings.Join(names, "; ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unknownName reads a capitalised name the entity finder did not name:
// the surname of a person the article names in full, or a name written
// as the article writes it. A single capitalised word that the article
// writes capitalised only where sentences start is no name ("Officials").
func (a *article) unknownName(toks []token, b, h int, sp speaker) (speaker, bool) {
	// The capitalised run that ends the head, without titles before it.
	r := h
	for r > b && (toks[r-1].capital || toks[r-1].kind == word && nameConnectors[toks[r-1].lower] && r < h) {
		r--
		if toks[r].possessive && r < h-1 {
			r++
			break
		}
	}
	for r < h && (personTitles[strings.TrimSuffix(toks[r].lower, ".")] || determiners[toks[r].lower]) {
		r++
	}
	if r >= h {
		// A title alone: "the President said".
		sp.how = unnamed
		return sp, true
	}
	run := toks[r:h]
	last := run[len(run)-1].lower
	if groupNouns[last] || roleNouns[last] {
		sp.how = unnamed
		return sp, true
	}
	if len(run) == 1 {
		if quantifiers[last] || numberWords[last] || partyAdjectives[last] {
			// "Eight said", "Others shouted"; "Other Democratic [senators]":
			// a party's adjective is nobody's name.
			sp.how = unnamed
			return sp, true
		}
		if m, ok := a.surname(run[0].text); ok {
			sp.name, sp.how, sp.person = m.Name, named, true
			return sp, true
		}
		if !a.properNoun(run[0]) {
			// A word capitalised only where sentences start may still be a
			// name ("Cruz said."), but not when the article writes it in
			// lower case too ("Story highlights", "Reached by phone") or
			// it is an adverb ("Hastily").
			if strings.HasSuffix(last, "ly") || a.writtenLower(run[0]) {
				return speaker{}, false
			}
			sp.how = unnamed
			return sp, true
		}
	}
	name := a.text[run[0].start:run[len(run)-1].end]
	if e, ok := a.f.g.Lookup(name, ""); ok {
		name = e.Name
		sp.person = e.Type == entity.Person
	} else if len(run) == 1 {
		name = a.fullName(run[0])
	}
	sp.name, sp.how = strings.Join(strings.Fields(name), " "), named
	if !sp.person {
		sp.person = a.looksLikePerson(strings.Fields(sp.name), run)
	}
	return sp, true
}

// nameConnectors stand inside names in lower case.
var nameConnectors = wordSet(`de da del der van von al el bin ibn la le di du`)

// personTitles stand before a person's name and are no part of it.
var personTitles = wordSet(`mr mrs ms miss dr sen senator rep representative gov governor president vice
	secretary minister prime gen general adm admiral col colonel lt lieutenant maj major capt captain sgt sergeant
	judge justice mayor chairman chairwoman chair speaker leader sheikh king queen prince princess prof professor
	ambassador commissioner director deputy former acting interim chief spokesman spokeswoman spokesperson sir lord
	lady dame rev reverend father pastor rabbi imam pope cardinal bishop archbishop ayatollah emir sultan
	candidate nominee host anchor attorney detective officer agent`)

// surname finds the one person the article names whose name ends with
// the word.
func (a *article) surname(w string) (entity.Mention, bool) {
	key := corpus.Fold(w)
	var found entity.Mention
	n := 0
	for _, s := range a.surnames() {
		m := a.mentions[s.mention]
		if s.last == key && found.Name != m.Name {
			found = m
			n++
		}
	}
	return found, n == 1
}

// surnameOf is the last word of the name of a person the article
// names, folded: mentions[mention] is the person.
type surnameOf struct {
	last    string
	mention int
}

// surnames returns the last words of the names of more than one word of
// the persons the article names, in the order of the mentions. They are
// read once an article: every speaker named by one word looks them up.
func (a *article) surnames() []surnameOf {
	if !a.surnamesRead {
		a.surnamesRead = true
		// Fold leaves single spaces between words, none at the ends: its
		// last word follows the last space. A name is often mentioned
		// several times over: it is folded again only when it changes.
		prev, last := "", -1
		for i, m := range a.mentions {
			if m.Type != entity.Person {
				continue
			}
			if m.Name != prev {
				prev, last = m.Name, -1
				f := corpus.Fold(m.Name)
				if k := strings.LastIndexByte(f, ' '); k >= 0 {
					a.surnameList = append(a.surnameList, surnameOf{f[k+1:], i})
					last = len(a.surnameList) - 1
				}
				continue
			}
			if last >= 0 {
				a.surnameList = append(a.surnameList, surnameOf{a.surnameList[last].last, i})
			}
		}
	}
	return a.surnameList
}

// properNoun reports whether a capitalised word is a name: the article
// writes it capitalised where no sentence starts.
func (a *article) properNoun(t token) bool {
	if !a.sentenceInitial(t.start) {
		return true
	}
	for i := 0; ; {
		j := strings.Index(a.text[i:], t.text)
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len(t.text)
		if at == t.start || at > 0 && isWordByte(a.text[at-1]) || i < len(a.text) && isWordByte(a.text[i]) {
			continue
		}
		if !a.sentenceInitial(at) {
			return true
		}
	}
}

// writtenLower reports whether the article writes the capitalised word t
// in lower case somewhere, as a word of its own.
func (a *article) writtenLower(t token) bool {
	w := t.lower
	if w == t.text {
		return true
	}
	for i := 0; ; {
		j := strings.Index(a.text[i:], w)
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len(w)
		if (at == 0 || !isWordByte(a.text[at-1])) && (i == len(a.text) || !isWordByte(a.text[i])) {
			return true
		}
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// sentenceInitial reports whether the word at offset at starts a
// sentence: only space, quotation marks or brackets stand between it and
// a sentence end or the start of a line.
func (a *article) sentenceInitial(at int) bool {
	i := at
	for i > 0 {
		c := a.text[i-1]
		switch {
		case c == ' ' || c == '\t' || c == '(' || c == '[' || c == '"' || c == '\'':
			i--
		case c >= 0x80:
			// A curly mark or other punctuation: look at the rune.
			j := i - 1
			for j > 0 && a.text[j]&0xC0 == 0x80 {
				j--
			}
			r := a.text[j:i]
			if r == "“" || r == "‘" || r == "”" || r == "’" || r == "«" || r == "—" || r == "–" {
				i = j
				continue
			}
			return false
		case c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';':
			return true
		default:
			return false
		}
	}
	return true
}

// fullName returns the fullest form the article gives a one-word name:
// "Caddell" is "Pat Caddell" when the article writes that.
func (a *article) fullName(t token) string {
	best := t.text
	for i := 0; ; {
		j := strings.Index(a.text[i:], t.text)
		if j < 0 {
			return best
		}
		at := i + j
		i = at + len(t.text)
		if i < len(a.text) && isWordByte(a.text[i]) {
			continue
		}
		// The capitalised word right before, if it is a given name.
		k := at
		for k > 0 && a.text[k-1] == ' ' {
			k--
		}
		if k == at {
			continue
		}
		s := k
		for s > 0 && isWordByte(a.text[s-1]) {
			s--
		}
		prev := a.text[s:k]
		if prev != "" && a.f.names[strings.ToLower(prev)] != unknownGender && prev[0] >= 'A' && prev[0] <= 'Z' {
			return prev + " " + t.text
		}
	}
}

// looksLikePerson reports whether a name that speaks reads as a
// person's: its first word a given name Parley knows, or a single word
// that no organisation's name ends with (Caddell, but not Gallup News or
// CNN).
func (a *article) looksLikePerson(name []string, run []token) bool {
	if _, ok := a.f.names[strings.ToLower(name[0])]; ok && len(name) >= 2 {
		return true
	}
	last := run[len(run)-1]
	return len(run) == 1 && !isAllCaps(last.text) && !orgWords[last.lower]
}

// orgWords end the names of organisations, outlets and places.
var orgWords = wordSet(`party committee news times post press network campaign inc corp group institute
	university college foundation agency council commission department ministry office service company
	association union league center centre fund bank journal magazine review tribune herald gazette
	telegraph daily weekly radio television tv channel house senate congress court reuters`)

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// description reads a speaker described but not named: "a Kremlin
// spokesman", "officials", "the foreign ministers of Dravonia and
// Velora". The described person is named only when the article names
// exactly one person who fits the description (see fits).
func (a *article) description(toks []token, b, h, e int, ms []entity.Mention, sp speaker) speaker {
	sp.how = unnamed
	all := a.mentionsIn(toks[b].start, toks[e-1].end)
	for _, m := range all {
		if m.Type == entity.Org {
			sp.org = m.Name
		}
	}
	if toks[b].is("another") || toks[b].is("other") {
		// "another Democratic president": not the one the article names.
		return sp
	}
	role := roleKey(toks, b, h)
	if role == "" {
		// "an official", whom no role group joins to anyone else: named
		// only when an apposition names this very description ("The
		// official, Halden Marsk, said").
		if name, ok := a.introduced(toks[h-1].start); ok {
			sp.name, sp.how, sp.person = name, byRole, true
		}
		return sp
	}
	q := a.qualifiersOf(toks, b, h, e)
	head := toks[h-1].lower
	if plural(head) {
		// "the foreign ministers of Dravonia and Velora": one holder of the
		// role for each place the description names.
		if len(q.places) < 2 || len(q.orgs) > 0 || len(q.words) > 0 {
			return sp
		}
		var names []string
		for _, p := range q.places {
			name, ok := a.holder(role, qualifiers{places: []string{p}})
			if !ok || contains(names, name) {
				return sp
			}
			names = append(names, name)
		}
		sp.name, sp.how = strings.Join(names, "; "), asGroup
		return sp
	}
	if name, ok := a.holder(role, q); ok {
		sp.name, sp.how, sp.person = name, byRole, true
	}
	return sp
}

func plural(w string) bool {
	return groupNouns[w] || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && w != "chiefs" && roleNouns[w]
}

// roleKey returns the role group the description's head names, two words
// ("foreign minister") before one ("minister").
func roleKey(toks []token, b, h int) string {
	head := singular(toks[h-1].lower)
	if h-2 >= b {
		if g, ok := roleGroups[singular(toks[h-2].lower)+"-"+head]; ok {
			return g
		}
	}
	return roleGroups[head]
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "men"):
		return strings.TrimSuffix(w, "men") + "man"
	case strings.HasSuffix(w, "ers"), strings.HasSuffix(w, "ors"), strings.HasSuffix(w, "ents"), strings.HasSuffix(w, "ats"), strings.HasSuffix(w, "oys"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// holder returns the one person the article names who holds the role and
// fits the description's qualifiers.
func (a *article) holder(role string, q qualifiers) (string, bool) {
	found := ""
	for _, m := range a.mentions {
		if m.Type != entity.Person || m.Name == found {
			continue
		}
		if !a.holds(m, role) || !a.fits(m, q) {
			continue
		}
		if found != "" {
			return "", false
		}
		found = m.Name
	}
	return found, found != ""
}

// holds reports whether a person has the role, by the gazetteer, by the
// words the article puts before their name, or by an apposition.
func (a *article) holds(m entity.Mention, role string) bool {
	var roles []string
	if m.Role != "" {
		roles = append(roles, m.Role)
	}
	if e, ok := a.f.g.Lookup(m.Name, entity.Person); ok {
		roles = append(roles, e.Roles...)
	}
	for _, r := range roles {
		words := strings.Fields(strings.ToLower(r))
		if len(words) == 0 {
			continue
		}
		key := roleGroups[words[len(words)-1]]
		if len(words) >= 2 {
			if g, ok := roleGroups[words[len(words)-2]+"-"+words[len(words)-1]]; ok {
				key = g
			}
		}
		if key == role {
			return true
		}
	}
	// "The spokesman, Halden Marsk," after "a Port Authority spokesman".
	for _, ap := range a.appositions() {
		if ap.name == m.Name && ap.role == role {
			return true
		}
	}
	return false
}
