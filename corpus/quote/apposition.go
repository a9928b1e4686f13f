package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
)

// News often describes a speaker first and names them a sentence later:
// "“…,” a Port Authority spokesman said. The spokesman, Halden Marsk,
// declined to say…". The bare definite description points back to the
// indefinite one, and the name beside it says whom both describe; so the
// person takes over what the indefinite description said of them (whom
// they speak for), and the description resolves to them as any
// description does (see holder). Nothing else in the article ties Marsk
// to the Port Authority, and holder rightly asks for that tie.
//
// A wrong name is worse than none, so the link is made only when the
// text leaves one reading: the two descriptions close together, the
// definite one adding nothing of its own, one description it can point
// back to, one person named beside it, and no gender that contradicts.
// As for any description, holder still names no one when a second person
// fits it.

// appositionSentences is how many sentences before the definite
// description's own the indefinite one may stand in: a reader still
// holds it there.
const appositionSentences = 2

// apposition is a person named beside a definite description ("The
// spokesman, Halden Marsk") and the indefinite description it points
// back to ("a Port Authority spokesman").
type apposition struct {
	name string // canonical name of the person
	// role is the role key of the indefinite description (see
	// roleGroups); "" when its head has no group ("an official"), and the
	// link holds for that one description only.
	role string
	q    qualifiers // what the indefinite description says of the person
	head int        // offset of the indefinite description's head word
}

// appositions returns the links the article makes, read once.
func (a *article) appositions() []apposition {
	if a.appositionsRead {
		return a.appositionList
	}
	a.appositionsRead = true
	var all []apposition
	for _, m := range a.mentions {
		if m.Type != entity.Person || !a.mayBeApposed(m) {
			continue
		}
		if ap, ok := a.appositionOf(m); ok {
			all = append(all, ap)
		}
	}
	// Two people named as the one description, or one person as two
	// different ones: no reading is safe.
	for i, x := range all {
		ok := true
		for j, y := range all {
			if i != j && (x.head == y.head && x.name != y.name || x.name == y.name && !sameQualifiers(x.q, y.q)) {
				ok = false
				break
			}
		}
		if ok && !containsApposition(a.appositionList, x) {
			a.appositionList = append(a.appositionList, x)
		}
	}
	return a.appositionList
}

func containsApposition(list []apposition, x apposition) bool {
	for _, y := range list {
		if y.name == x.name && y.head == x.head {
			return true
		}
	}
	return false
}

// introduced returns the person an apposition names as the description
// whose head word starts at offset head.
func (a *article) introduced(head int) (string, bool) {
	for _, ap := range a.appositions() {
		if ap.head == head {
			return ap.name, true
		}
	}
	return "", false
}

// appositionOf links the person mentioned at m to an indefinite
// description before it, when a bare definite description stands in
// apposition to the name: "The spokesman, Halden Marsk, declined",
// "Halden Marsk, the spokesman, declined".
func (a *article) appositionOf(m entity.Mention) (apposition, bool) {
	pi := a.paraAt(m.Start)
	if pi < 0 || a.insideQuote(m.Start) {
		return apposition{}, false
	}
	toks := a.tokens(pi)
	i, j := tokenAt(toks, m.Start), tokenAt(toks, m.End)
	d, h, ok := a.definiteBefore(toks, i, j)
	if !ok {
		d, h, ok = a.definiteAfter(toks, i, j)
	}
	if !ok {
		return apposition{}, false
	}
	ind, ok := a.pointsBackTo(pi, toks, d, h)
	if !ok {
		return apposition{}, false
	}
	// "spokesman" for a person known as a woman, or after "a
	// spokeswoman": another person, or a mistake; either way no name.
	g := a.knownGender(m.Name)
	for _, w := range []gender{genderedRoles[toks[h].lower], ind.q.gender} {
		if w == unknownGender {
			continue
		}
		if g != unknownGender && g != w {
			return apposition{}, false
		}
		g = w
	}
	ind.name = m.Name
	return ind, true
}

// knownGender is a person's gender as their name, an honorific or the
// gazetteer's roles for them tell it, before anything a description says.
func (a *article) knownGender(name string) gender {
	g := a.genderOf(name)
	if e, ok := a.f.g.Lookup(name, entity.Person); ok {
		for _, r := range e.Roles {
			w := genderedRoles[corpus.LowerASCII(lastWord(r))]
			switch {
			case w == unknownGender:
			case g == unknownGender:
				g = w
			case g != w:
				return unknownGender
			}
		}
	}
	return g
}

// mayBeApposed reports whether the bytes beside a name allow either form
// of apposition, as definiteBefore and definiteAfter read them: a role
// noun and a comma right before the name ("The spokesman, Halden Marsk"),
// or a comma and "the" right after it ("Halden Marsk, the spokesman").
// Most names have neither, and reading the words of their paragraphs to
// find that out was a tenth of what finding quotations cost. It reads
// the bytes as the tokenizer would (which skips only white space), and
// says yes whenever it cannot tell, as when the name may end inside a
// word ("Marsk's, …").
func (a *article) mayBeApposed(m entity.Mention) bool {
	return a.mayFollowRole(m.Start) || a.mayPrecedeThe(m.End)
}

// mayFollowRole reports whether the words before offset at may end with
// a role noun and a comma.
func (a *article) mayFollowRole(at int) bool {
	before, ok := strings.CutSuffix(strings.TrimRightFunc(a.text[:at], unicode.IsSpace), ",")
	if !ok {
		return false
	}
	before = strings.TrimRightFunc(before, unicode.IsSpace)
	word := before[strings.LastIndexFunc(before, func(r rune) bool { return !isASCIILetter(r) })+1:]
	if word == "" {
		return false // a number, a mark or a word beyond ASCII: no role noun
	}
	if rest := before[:len(before)-len(word)]; rest != "" {
		if r, _ := utf8.DecodeLastRuneInString(rest); !unicode.IsSpace(r) {
			return true // the word may be the end of a longer one
		}
	}
	return roleNouns[strings.ToLower(word)]
}

// mayPrecedeThe reports whether a comma and "the" may come right after
// the word ending at offset at. What definiteAfter reads there is the
// first token that starts at or after at. No token holds white space and
// every other character is in one, and a comma is always a token of its
// own; so that token is a comma only if a comma stands before the next
// white space (the name's last word may go on past at: "Marsk's", "Jr.")
// or right after it. Most names are followed by neither, possessives
// ("Trump's") included.
func (a *article) mayPrecedeThe(at int) bool {
	if at >= len(a.text) {
		return false
	}
	after := a.text[at:]
	word := after // the characters up to the next white space
	if k := strings.IndexFunc(after, unicode.IsSpace); k >= 0 {
		word = after[:k]
	}
	if c := strings.IndexByte(word, ','); c >= 0 {
		after = after[c+1:]
	} else {
		var ok bool
		after, ok = strings.CutPrefix(strings.TrimLeftFunc(after[len(word):], unicode.IsSpace), ",")
		if !ok {
			return false
		}
	}
	after = strings.TrimLeftFunc(after, unicode.IsSpace)
	if len(after) < 3 || !strings.EqualFold(after[:3], "the") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after[3:])
	return len(after) == 3 || !isASCIILetter(r)
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// definiteBefore finds a bare definite description before the name at
// toks[i:j], set off by a comma: "The spokesman, Halden Marsk, …". It
// returns the index of "the" and of the head word.
func (a *article) definiteBefore(toks []token, i, j int) (int, int, bool) {
	if i < 3 || !toks[i-1].isPunct(",") || !appositionHead(&toks[i-2]) {
		return 0, 0, false
	}
	if !appositionEnds(toks, j) || a.personAfterComma(toks, j) {
		return 0, 0, false
	}
	h := i - 2
	d, ok := definiteStart(toks, h)
	return d, h, ok
}

// definiteAfter finds a bare definite description after the name at
// toks[i:j], set off by commas: "Halden Marsk, the spokesman, …".
func (a *article) definiteAfter(toks []token, i, j int) (int, int, bool) {
	if j+2 >= len(toks) || !toks[j].isPunct(",") || !toks[j+1].is("the") {
		return 0, 0, false
	}
	// "Ilkan Dervishov, Halden Marsk, the spokesman": a list, whose last
	// description may be anyone's in it.
	if i > 0 && (toks[i-1].is("and") || toks[i-1].isPunct(",") && a.personEndsAt(toks[i-1].start)) {
		return 0, 0, false
	}
	for h := j + 2; h < len(toks) && h <= j+2+maxModifiers; h++ {
		if appositionHead(&toks[h]) && appositionEnds(toks, h+1) {
			return j + 1, h, true
		}
		if toks[h].kind != word || !modifier(toks, h) {
			break
		}
	}
	return 0, 0, false
}

// maxModifiers bounds the words between a description's determiner and
// its head: "a senior Norvalian Defence Ministry spokesman".
const maxModifiers = 5

// definiteStart returns the index of the "the" that starts the
// description whose head is toks[h].
func definiteStart(toks []token, h int) (int, bool) {
	for d := h - 1; d >= 0 && d >= h-1-maxModifiers; d-- {
		t := &toks[d]
		if t.is("the") {
			return d, true
		}
		if t.kind != word || !modifier(toks, d) {
			return 0, false
		}
	}
	return 0, false
}

// appositionEnds reports whether an apposition may end before toks[j]:
// a comma or bracket, the end of the sentence or of the paragraph.
func appositionEnds(toks []token, j int) bool {
	return j >= len(toks) || toks[j].isPunct(",()") || toks[j].sentenceEnd()
}

// personAfterComma reports whether a person's name follows the comma at
// toks[j]: "the spokesmen, Halden Marsk, Ilkan Dervishov and…" lists
// people.
func (a *article) personAfterComma(toks []token, j int) bool {
	if j+1 >= len(toks) || !toks[j].isPunct(",") {
		return false
	}
	for _, m := range a.mentionsIn(toks[j+1].start, toks[j+1].end+200) {
		if m.Start == toks[j+1].start && m.Type == entity.Person {
			return true
		}
	}
	return false
}

// personEndsAt reports whether a person's name ends right before offset
// at (a comma's).
func (a *article) personEndsAt(at int) bool {
	for _, m := range a.mentionsIn(at-200, at) {
		if m.Type == entity.Person && onlySpace(a.text[m.End:at]) {
			return true
		}
	}
	return false
}

// appositionHead reports whether a word may head a description of one
// person: "spokesman", "official", not "officials", "ministry" or "the
// Democrat".
func appositionHead(t *token) bool {
	return t.kind == word && !t.capital && !t.possessive && roleNouns[t.lower] && !plural(t.lower) &&
		!bodyNouns[t.lower] && !documents[t.lower] && !statementWords[t.lower] && !orgWords[t.lower]
}

// bodyNouns are role nouns that name a body, not a person.
var bodyNouns = wordSet(`ministry government administration department office campaign committee council authority
	military army agency party union coalition alliance forces mission observatory service commission court tribunal
	parliament assembly regime cabinet team family group organization organisation delegation republican democrat`)

// modifier reports whether toks[k] may stand between a description's
// determiner and its head: "senior", "Port Authority", "Kremlin".
func modifier(toks []token, k int) bool {
	t := &toks[k]
	if t.capital {
		return !clauseStarters[t.lower] && !determiners[t.lower]
	}
	return !boundaries[t.lower] && !determiners[t.lower] && !npPrepositions[t.lower] && !isCueToken(toks, k) &&
		!pronounToken(t) && !skipBeforeCue[t.lower] && !clauseStarters[t.lower]
}

// described is a description the definite one may point back to.
type described struct {
	det        string // its determiner, lower case; "" for a title before a name
	start, end int    // its words
	head       int    // offset of its head word
	role       string // role key of its head (see roleKey)
	q          qualifiers
}

// pointsBackTo finds the indefinite description that the definite one at
// toks[d:h+1] of paragraph pi points back to: the nearest with the same
// head in its own sentence before it or in the appositionSentences
// before, within the paragraph or, when the definite one is in a
// paragraph's first sentence, the paragraph before. Every other
// description with that head there must say the same of its holder, and
// the definite one may repeat the indefinite one's words but add none.
func (a *article) pointsBackTo(pi int, toks []token, d, h int) (apposition, bool) {
	var found []described
	sentences := 0
	ptoks := toks
	for p, k := pi, d-1; ; k-- {
		if k < 0 {
			// A paragraph break ends the window, unless the definite
			// description is in the first sentence of its paragraph.
			if p == 0 || p != pi || sentences > 0 {
				break
			}
			p--
			ptoks = a.tokens(p)
			k = len(ptoks) - 1
			sentences = 1
			if k < 0 {
				break
			}
			if ptoks[k].sentenceEnd() {
				continue // the end of the sentence just counted
			}
		}
		t := &ptoks[k]
		if a.insideQuote(t.start) {
			continue
		}
		if t.sentenceEnd() {
			if sentences++; sentences > appositionSentences {
				break
			}
		}
		if t.kind == word && !t.possessive && sameHead(t.lower, toks[h].lower) {
			found = append(found, a.describedAt(ptoks, k))
		}
	}
	ind := -1
	for i, x := range found {
		if x.det == "a" || x.det == "an" {
			ind = i
			break
		}
	}
	if ind < 0 {
		return apposition{}, false
	}
	x := found[ind]
	// Another description of the head that says something else ("a
	// Kremlin spokesman … a Foreign Ministry spokesman"): either may be
	// the one meant. A bare "the spokesman" only carries on.
	for _, y := range found {
		if !sameQualifiers(y.q, x.q) && !(y.det == "the" && emptyQualifiers(y.q)) {
			return apposition{}, false
		}
	}
	// "the ministry's spokeswoman" after "a Kremlin spokesman": her own
	// organisation, not the Kremlin.
	words := strings.Fields(corpus.Fold(a.text[x.start:x.end]))
	for i := d + 1; i < h; i++ {
		if toks[i].possessive || !contains(words, corpus.Fold(toks[i].text)) {
			return apposition{}, false
		}
	}
	return apposition{role: x.role, q: x.q, head: x.head}, true
}

// describedAt reads the description whose head is toks[k]: its
// determiner and modifiers before, a name joined by a preposition after
// ("a spokesman for the Port Authority").
func (a *article) describedAt(toks []token, k int) described {
	b, e := k, k+1
	det := ""
	for i := k - 1; i >= 0 && i >= k-maxModifiers-1; i-- {
		t := &toks[i]
		if t.kind == word && determiners[t.lower] {
			det, b = t.lower, i
			break
		}
		if t.kind == word && modifier(toks, i) || t.isPunct("-") {
			b = i
			continue
		}
		break
	}
	if j := k + 1; j+1 < len(toks) && toks[j].kind == word && !toks[j].capital && npPrepositions[toks[j].lower] {
		// "for the Port Authority", "for Sen. Tom Verlan of Norvalia": the
		// name the preposition joins, whosever it is.
		j++
		if toks[j].is("the") {
			j++
		}
		for n := 0; j < len(toks) && n < maxSpeakerWords; j, n = j+1, n+1 {
			t := &toks[j]
			if t.kind == word && t.capital && !clauseStarters[t.lower] {
				e = j + 1
				if t.possessive {
					break
				}
				continue
			}
			// "of", "and" and hyphens inside a name: "Department of
			// Corrections".
			if !(t.is("of") || t.is("and") || t.isPunct("-&")) {
				break
			}
		}
	}
	return described{det: det, start: toks[b].start, end: toks[e-1].end, head: toks[k].start,
		role: roleKey(toks, b, k+1), q: a.qualifiersOf(toks, b, k+1, e)}
}

// sameHead reports whether two head words name the same role of one
// person: "spokesman" and "spokesman", "spokesperson" and "spokeswoman".
func sameHead(x, y string) bool {
	tx, ty := token{kind: word, lower: x}, token{kind: word, lower: y}
	if !appositionHead(&tx) || !appositionHead(&ty) {
		return false
	}
	x, y = singular(x), singular(y)
	return x == y || roleGroups[x] != "" && roleGroups[x] == roleGroups[y]
}

func sameQualifiers(x, y qualifiers) bool {
	return sameSet(x.orgs, y.orgs) && sameSet(x.places, y.places) && sameSet(x.words, y.words)
}

func emptyQualifiers(q qualifiers) bool {
	return len(q.orgs) == 0 && len(q.places) == 0 && len(q.words) == 0
}

func sameSet(x, y []string) bool {
	if len(x) != len(y) {
		return false
	}
	for _, s := range x {
		if !contains(y, s) {
			return false
		}
	}
	return true
}
