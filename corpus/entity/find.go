package entity

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/parleysearch/parley/corpus"
)

// Mention is one naming of a person, organisation or place in a text.
type Mention struct {
	Type string `json:"type"`
	// Name is the canonical name: the gazetteer's, or for someone it does
	// not know, the name as the article first writes it in full.
	Name string `json:"name"`
	// Text is the words that name the entity, exactly as written, at
	// Start:End (byte offsets into the text given).
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Role and Affiliation are a person's title and what it is for, as
	// the text gives them ("Foreign Minister", "Russia").
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
}

// token is a word of the text. It holds offsets and flags, no pointer:
// the finder appends a thousand words an article to a slice it keeps,
// and while the garbage collector marks (most of the time when Bleve
// indexes), every pointer written into the slice costs a write barrier
// and every pointer kept in it is scanned. The strings a word stands
// for are cut from the words that hold it (see words) when asked.
type token struct {
	start, end int // byte offsets of the word, without a possessive 's
	// keyFrom:keyTo is the word's folded form, with 's when possessive:
	// the folded form without it (words.foldOf) is the key less its last
	// two bytes. It is in the text itself for a word that is its own
	// folded form, in words.lowered when lowered.
	keyFrom, keyTo int
	// facts are what the gazetteer and the rules know of the folded
	// form: 1 + its index in Gazetteer.factList, 0 until first asked
	// (see finder.facts).
	facts      int32
	lowered    bool // the key is in words.lowered, not in the text
	possessive bool // followed by 's or ’s
	capital    bool // starts with an upper-case letter
	allCaps    bool // two or more letters, all upper case (NATO, OSCE)
	// joined marks a word that only spaces separate from the word before
	// (or the dot of an initial: "George C. Edwards"). A name runs over
	// joined words only: "Christopher Weber, Brian Melley" is two people,
	// "Mr. Bannon.\n\nUndeterred" is no one's name.
	joined bool
	// descriptor marks a capitalised word whose last part is lower case
	// ("Yerevan-based", "U.S.-led"): it describes a name, it is not one.
	descriptor bool
	// card marks the words of a hover card (see hoverCards): read past.
	card bool
}

// words holds what tokens' offsets point into: the text they were cut
// from and the folded forms of those that are not their own (words with
// capitals, beyond ASCII, with ’s), written one after the other.
type words struct {
	text string // the whole text, to which start and end point, not a part of it
	// lowered is not written over while the words are read (a finder's,
	// until it is reset for the next article): strings are cut from it.
	lowered []byte
}

// written returns the word t as written.
func (w *words) written(t *token) string { return w.text[t.start:t.end] }

// keyOf returns t's folded form, with 's when possessive.
func (w *words) keyOf(t *token) string {
	if t.lowered {
		// SliceData rather than &w.lowered[t.keyFrom], which would fail
		// on an empty key at the end of the buffer.
		return unsafe.String(unsafe.SliceData(w.lowered[t.keyFrom:t.keyTo]), t.keyTo-t.keyFrom)
	}
	return w.text[t.keyFrom:t.keyTo]
}

// foldOf returns t's folded form, without 's.
func (w *words) foldOf(t *token) string {
	key := w.keyOf(t)
	if t.possessive {
		return key[:len(key)-len("'s")]
	}
	return key
}

// tokenize cuts text into words: runs of letters and digits, with
// apostrophes, hyphens and the dots of abbreviations (U.S.) inside them.
// It returns the words with what their offsets point into.
func tokenize(text string) ([]token, words) {
	return appendTokens(nil, text)
}

// appendTokens is tokenize appending to toks, so that a caller can reuse
// one slice for every part of an article.
func appendTokens(toks []token, text string) ([]token, words) {
	toks, lowered, _ := appendWords(toks, nil, text, 0)
	return toks, words{text: text, lowered: lowered}
}

// appendWords is appendTokens for a text that begins at offset base of
// another (a part of an article), to which the words' offsets point. The
// folded forms that are not in the text go on after those in lower
// (words.lowered), which it returns with the index of the first word
// that may begin a hover card's glued word (see hoverCards), or
// len(toks) when none may: it tells while the word is at hand, which
// spares hoverCards a pass over the words of most parts, which have none.
func appendWords(toks []token, lower []byte, text string, base int) (_ []token, lowered []byte, glued int) {
	glued = -1
	if toks == nil {
		toks = make([]token, 0, len(text)/6+1) // English averages about six bytes a word
	}
	// An ASCII word without capitals is its own folded form. The folded
	// forms of the others are lower-cased into one buffer (lower) that
	// the words share and that is not written over while they are read,
	// so that the text is not copied for the few words with capitals.
	if lower == nil && len(text) > 64 {
		// About what the words with capitals of news hold, in one allocation.
		lower = make([]byte, 0, len(text)/5)
	}
	from, prevEnd := len(toks), 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && asciiWordBytes[c] == 0 {
			i++ // white space and punctuation, most of what is not a word
			continue
		}
		start := i
		// Most words are ASCII letters and digits only, read eight bytes
		// at a time, before a space or punctuation that joins nothing.
		// The others, and a rune beyond ASCII, are for appendOtherWord:
		// out of this loop, their many cases leave its few variables in
		// registers.
		j, caps := asciiRunEnd(text, start)
		n := len(toks)
		gap := text[prevEnd:start]
		joined := n > from && (gap == " " || joins(gap, text[toks[n-1].start-base:toks[n-1].end-base]))
		if j > start && plainEnd(text, start, j) {
			var t *token
			toks, t = appendToken(toks, base+start, base+j)
			t.joined = joined
			if caps {
				lower = capitalize(t, lower, text, start, j)
				if glued < 0 && mayGlue(t, text[start:j]) {
					glued = n
				}
			}
			i, prevEnd = j, j
			continue
		}
		toks, lower, i = appendOtherWord(toks, lower, text, base, start, j, caps)
		if len(toks) == n {
			continue // a rune that is no letter or digit
		}
		t := &toks[n]
		t.joined = joined
		if glued < 0 && mayGlue(t, text[t.start-base:t.end-base]) {
			glued = n
		}
		prevEnd = i
	}
	if glued < 0 {
		glued = len(toks)
	}
	return toks, lower, glued
}

// appendToken appends the word at start:end of the text, its key as
// written, for the caller to fill in. It writes the word in place:
// appending a composite literal built it on the stack and then copied it,
// reading back 16 bytes at a time what had just been written 8 at a
// time, which stalls the processor (store forwarding fails). In a CPU
// profile, that append was a quarter of the tokenizer's time.
func appendToken(toks []token, start, end int) ([]token, *token) {
	n := len(toks)
	toks = slices.Grow(toks, 1)[:n+1]
	t := &toks[n]
	*t = token{} // the slice is reused from article to article
	t.start, t.end, t.keyFrom, t.keyTo = start, end, start, end
	return toks, t
}

// plainEnd reports whether the run of ASCII letters and digits
// text[start:j] is a word as it stands: what follows it joins nothing to
// it, as appendOtherWord would find. A dot joins only after one letter
// (U.S.), a hyphen or an apostrophe only before a letter or digit.
func plainEnd(text string, start, j int) bool {
	if j == len(text) {
		return true
	}
	switch c := text[j]; c {
	case '.':
		if j-start >= 2 {
			return true // "said."
		}
		fallthrough
	case '-', '\'':
		return j+1 == len(text) || text[j+1] < utf8.RuneSelf && asciiWordBytes[text[j+1]] == 0
	default:
		return c < utf8.RuneSelf // a rune beyond ASCII may be a letter or a ’
	}
}

// capitalize fills in a token of ASCII letters and digits, text[start:j],
// that has a capital: its key, lower-cased into lower, and its capitals.
func capitalize(t *token, lower []byte, text string, start, j int) []byte {
	lower = lowerKey(t, lower, text, start, j)
	t.capital = asciiWordBytes[text[start]] == 3
	t.allCaps = isAllCaps(text[start:j])
	return lower
}

// lowerKey makes t's key the lower case of text[from:to], ASCII, appended
// to lower.
func lowerKey(t *token, lower []byte, text string, from, to int) []byte {
	t.keyFrom, t.lowered = len(lower), true
	_, lower = lowerASCII(lower, text, from, to)
	t.keyTo = len(lower)
	return lower
}

// appendOtherWord is appendWords for a word that is not ASCII letters and
// digits only, or that a joiner follows: the ASCII letters and digits
// text[start:j] (caps when they have a capital), then whatever stands at
// j. It appends the word, all of it but joined, and returns where the
// next may start; a rune at start that is no letter or digit it skips.
func appendOtherWord(toks []token, lower []byte, text string, base, start, j int, caps bool) (_ []token, _ []byte, next int) {
	if j == start {
		// Only a rune beyond ASCII needs decoding: an ASCII byte that
		// is no space or punctuation starts a word.
		if r, size := utf8.DecodeRuneInString(text[start:]); !isWordRune(r) {
			return toks, lower, start + size
		}
	}
	// Most words are ASCII: noting the one that is not spares checking
	// each word again below. kinds gathers the asciiWordBytes of the
	// word's ASCII letters and digits; mixed says it took anything else.
	nonASCII, mixed, kinds := false, false, uint8(0)
	if caps {
		kinds = 3
	}
	for j < len(text) {
		c := text[j]
		if k := asciiWordBytes[c]; k != 0 {
			kinds |= k
			j++ // the common case, without decoding a rune
			continue
		}
		if c < utf8.RuneSelf && c != '-' && c != '\'' && c != '.' {
			break // a space or a comma: no joiner, no rune to decode
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		nonASCII = nonASCII || r >= utf8.RuneSelf
		if isWordRune(r) {
			j += size
			mixed = true
			continue
		}
		// Joiners stay inside a word when a letter or digit follows:
		// Nagorno-Karabakh, don't, U.S.
		if (r == '-' || r == '\'' || r == '’' || r == '.') && j+size < len(text) {
			next, _ := utf8.DecodeRuneInString(text[j+size:])
			if isWordRune(next) && (r != '.' || singleLetterBefore(text[start:j])) {
				j += size
				mixed = true
				continue
			}
		}
		// The dot after the last letter of an abbreviation (U.S.) belongs to it.
		if r == '.' && strings.Contains(text[start:j], ".") && singleLetterBefore(text[start:j]) {
			j += size
			mixed = true
		}
		break
	}
	toks, t := appendToken(toks, base+start, base+j)
	upper := kinds&2 != 0
	if !mixed {
		// ASCII letters and digits only, before a joiner that joins
		// nothing ("said."), so no possessive, no hyphen and nothing
		// beyond ASCII to fold; without capitals, the word is its own
		// folded form and no abbreviation.
		if upper {
			lower = capitalize(t, lower, text, start, j)
		}
		return toks, lower, j
	}
	word := text[start:j]
	if last := len(word) - 1; word[last] == 's' && (strings.HasSuffix(word[:last], "'") || strings.HasSuffix(word[:last], "’")) {
		cut := len("'s")
		if strings.HasSuffix(word, "’s") {
			cut = len("’s")
		}
		t.end -= cut
		word = text[start : j-cut]
		t.possessive = true
	}
	end := t.end - base                        // the end of the word in text
	ascii := !nonASCII || corpus.IsASCII(word) // "Trump’s" is ASCII without its ’s
	switch {
	case !ascii:
		t.keyFrom, t.lowered = len(lower), true
		lower = append(lower, corpus.Fold(word)...)
		t.keyTo = len(lower)
	case t.possessive && text[end] == '\'':
		// The key is the folded word and its 's: "trump's".
		t.keyTo = t.end + len("'s")
		if upper {
			lower = lowerKey(t, lower, text, start, end+len("'s"))
		}
	default:
		t.keyTo = t.end
		if upper {
			lower = lowerKey(t, lower, text, start, end)
		}
	}
	if t.possessive && (!ascii || text[end] != '\'') {
		// The key is the folded word and 's whatever the apostrophe:
		// the word, lowered last when it had to be, gets its 's after it.
		if !t.lowered {
			t.keyFrom, t.lowered = len(lower), true
			lower = append(lower, word...)
		}
		lower = append(lower, "'s"...)
		t.keyTo = len(lower)
	}
	if k := asciiWordBytes[word[0]]; k != 0 {
		t.capital = k == 3 // startsUpper without a call
	} else {
		t.capital = startsUpper(word)
	}
	t.allCaps = isAllCaps(word)
	if t.capital {
		if dash := strings.LastIndexByte(word, '-'); dash > 0 && dash+1 < len(word) {
			last, _ := utf8.DecodeRuneInString(word[dash+1:])
			t.descriptor = unicode.IsLower(last) && !connectors[strings.ToLower(word[:dash])]
		}
	}
	if t.possessive {
		return toks, lower, end + cutLen(text[end:])
	}
	return toks, lower, j
}

// asciiWordBytes tells the ASCII letters and digits (1) and among them the
// capitals (3) from every other byte (0).
var asciiWordBytes = func() (kinds [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if corpus.IsASCIIWordByte(byte(c)) {
			kinds[c] = 1
		}
		if 'A' <= c && c <= 'Z' {
			kinds[c] = 3
		}
	}
	return kinds
}()

// lowerASCII appends the lower case of text[from:to], ASCII, to buf and
// returns it as a string with the buffer. The bytes a string is given are
// not written again while the words are read: when buf is full, its bytes
// move to a new array, where the words' keys stay at their offsets, and
// the old one is left to the strings that hold it.
//
// It lowers eight bytes at a time (corpus.Lower8) while text has eight more,
// past the word's end too: those bytes land beyond len(buf), where the
// next word writes over them. A byte at a time, the capital of most
// words cost a mispredicted branch.
func lowerASCII(buf []byte, text string, from, to int) (string, []byte) {
	n := to - from
	if cap(buf)-len(buf) < n+8 {
		buf = append(make([]byte, 0, max(64, 2*cap(buf), len(buf)+n+8)), buf...)
	}
	at := len(buf)
	dst := buf[at : at+n+8]
	k := 0
	for ; k < n && from+k+8 <= len(text); k += 8 {
		binary.LittleEndian.PutUint64(dst[k:], corpus.Lower8(corpus.Load8(text, from+k)))
	}
	for ; k < n; k++ {
		c := text[from+k]
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		dst[k] = c
	}
	return unsafe.String(&dst[0], n), buf[:at+n]
}

// joins reports whether gap, the text between a word and the next, keeps
// them in one name: spaces only, or an initial's dot and spaces.
func joins(gap, before string) bool {
	if gap == " " {
		return true // most words of a text
	}
	if strings.HasPrefix(gap, ".") && len(before) == 1 && 'A' <= before[0] && before[0] <= 'Z' {
		gap = gap[1:]
	}
	if gap == "" {
		return false // a joiner the word did not take: "Weber/Melley"
	}
	for _, r := range gap {
		if !unicode.IsSpace(r) || r == '\n' || r == '\r' {
			return false
		}
	}
	return true
}

// startsUpper reports whether word starts with an upper-case letter,
// without decoding the rune of an ASCII word.
func startsUpper(word string) bool {
	if c := word[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	first, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(first)
}

func cutLen(s string) int {
	if strings.HasPrefix(s, "’s") {
		return len("’s")
	}
	return len("'s")
}

// isWordRune reports whether r is a letter, a digit or a mark that goes
// with a letter: a rune of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return corpus.IsASCIIWordByte(byte(r))
	}
	if generalPunctuation(r) {
		// The quotation marks, dashes and spaces of news (“ ” ’ — and
		// the like) are none, and the tables would be searched for each.
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// generalPunctuation reports whether r is of the General Punctuation
// block, U+2000 to U+206F, which has no letter, digit or mark.
func generalPunctuation(r rune) bool { return 0x2000 <= r && r <= 0x206f }

// singleLetterBefore reports whether s ends with one letter after a dot or
// at its start: the U and S of U.S.
func singleLetterBefore(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	rest := s[:len(s)-size]
	return rest == "" || strings.HasSuffix(rest, ".")
}

func isAllCaps(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return isAllCapsRunes(s)
		}
		if c-'a' < 26 {
			return false
		}
		if c-'A' < 26 {
			letters++
		}
	}
	return letters >= 2
}

// isAllCapsRunes is isAllCaps for a word with letters beyond ASCII.
func isAllCapsRunes(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// tokenKey folds a name into the key it is looked up under: its words,
// folded, separated by single spaces.
func tokenKey(name string) string {
	// Names are a few words: their tokens fit on the stack, and a name of
	// one word is its key as it stands.
	var buf [8]token
	toks, w := appendTokens(buf[:0], name)
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return w.keyOf(&toks[0])
	}
	n := len(toks) - 1
	for k := range toks {
		n += len(w.keyOf(&toks[k]))
	}
	var b strings.Builder
	b.Grow(n)
	for k := range toks {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.keyOf(&toks[k]))
	}
	return b.String()
}

// connectors may stand, lower case, inside a person's name: Bashar
// al-Assad is one word to the tokenizer, but "Osama bin Laden" and
// "Charles de Gaulle" are three.
var connectors = wordSet("al bin ibn bint de del da van von der den la le el abu abd")

// orgConnectors may stand inside an organisation's name after its head
// word: "Institute of Caucasus", "Committee for the Protection".
var orgConnectors = wordSet("of for the on and")

// notNames are capitalised words that begin sentences and headlines but
// are never part of a name.
var notNames = wordSet(`monday tuesday wednesday thursday friday saturday sunday january february march april june july august
	september october november december the a an this that these those he she it they we i you his her its their our my your
	mr mrs ms dr but and or if when while after before as at by for from in into on of to with without since until
	however meanwhile also yet still then there here what who whom whose which why how all both each every some many
	most more less no not according earlier later last next new first second third former late`)

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// ministryWords turn a country's name into a ministry: "Azerbaijan's
// foreign ministry", "the Russian Defence Ministry".
var ministryWords = map[string]string{"foreign": "Foreign", "defence": "Defence", "defense": "Defence", "interior": "Interior",
	"justice": "Justice", "health": "Health", "finance": "Finance", "emergency": "Emergency", "emergencies": "Emergency"}

// placeHeads begin the names of places after a saint's or a given name:
// San Francisco, Santa Clarita, Fort Bragg, Camp David.
var placeHeads = wordSet("san santa santo sao são los las st saint sainte fort port mount lake camp cape")

// workHeads end the names of things named after people, which are not
// people: "The Andy Griffith Show", "the Bernie Sanders Act", "the
// Nobel Prize", "the Monroe Doctrine", "John Lennon Airport". Words that
// are also surnames (Hall, Day, Law, Street, Park) are left out: a
// missed exclusion costs less than a lost person.
var workHeads = wordSet("show shows act doctrine prize award awards amendment syndrome avenue boulevard airport " +
	"stadium museum memorial cup festival treaty accords plan")

// orgHeads end the names of organisations Parley does not know:
// "Baku Club of Political Scientists", "Institute of Caucasus".
var orgHeads = map[string]bool{"ministry": true, "agency": true, "council": true, "committee": true, "commission": true,
	"organization": true, "organisation": true, "union": true, "party": true, "front": true, "movement": true, "army": true,
	"forces": true, "guard": true, "guards": true, "brigade": true, "brigades": true, "corps": true, "group": true,
	"institute": true, "university": true, "court": true, "bank": true, "company": true, "corporation": true, "service": true,
	"office": true, "department": true, "parliament": true, "assembly": true, "club": true, "foundation": true, "fund": true,
	"center": true, "centre": true, "association": true, "league": true, "alliance": true, "coalition": true, "observatory": true,
	"network": true, "authority": true, "administration": true, "directorate": true, "militia": true, "battalion": true}

// Find returns the people, organisations and places named in the given
// parts of text (the article's body parts), in order. Offsets are into text.
func (g *Gazetteer) Find(text string, parts [][2]int) []Mention {
	f, ok := g.finders.Get().(*finder)
	if !ok {
		f = &finder{g: g, surnames: map[string]string{}, ambiguous: map[string]bool{}}
	}
	f.text = text
	for _, p := range parts {
		f.part(text, p[0], p[1])
	}
	var out []Mention // as before the scratch: no mention, no slice
	if len(f.out) > 0 {
		// The mentions gathered in the scratch slice, which grew by
		// doubling, leave in one allocation of their own size: growing
		// the caller's slice was half of what Find allocated.
		out = make([]Mention, len(f.out))
		copy(out, f.out)
	}
	f.reset()
	g.finders.Put(f)
	slices.SortStableFunc(out, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// reset readies a finder that has read an article for the next: its
// slices and maps, cleared, serve again, and nothing of the article stays
// reachable from it.
func (f *finder) reset() {
	// The folded forms of the next article's words go over this one's:
	// no string cut from them leaves Find, and the maps that kept some
	// are cleared below. A new array for each part was a third of what
	// Find allocated.
	f.words = words{lowered: f.lowered[:0]}
	// The words hold no pointer, only offsets: nothing to clear, and
	// appendWords writes each in full.
	f.toks = f.toks[:0]
	clear(f.out) // the mentions hold the article's strings
	f.out = f.out[:0]
	clear(f.surnames)
	clear(f.ambiguous)
	clear(f.remembered)
	clear(f.tails)
	clear(f.homonymArticle)
	clear(f.canonical)
	clear(f.people)
}

// finder holds what one article's parts share: the people already named,
// by surname, to resolve a surname alone. Find keeps finders for the next
// articles (Gazetteer.finders), with their slices and maps: a thousand
// words and a dozen maps an article were most of what it allocated.
type finder struct {
	g *Gazetteer
	// words holds the whole article, to which the words' offsets point,
	// and the folded forms of its words that are not their own.
	words
	out       []Mention
	key       []byte            // scratch for lookup keys
	toks      []token           // the words of the part being read, reused from part to part
	surnames  map[string]string // translit key of a surname → canonical name
	ambiguous map[string]bool   // surnames shared by two people of the article
	// remembered holds the names and last words remember has recorded.
	remembered map[[2]string]bool
	tails      map[string]string // the folded last words of a longer name → its person, "" when shared
	// homonymArticle records, by place, whether the article's words make
	// its name the US state's (see usState).
	homonymArticle map[string]bool
	// canonical and people keep, for names the article repeats, what
	// canonicalPerson and Lookup found for them: each costs a
	// tokenization of the name and more, and an article names the same
	// people again and again.
	canonical map[string]string // name as written → canonicalPerson
	people    map[string]*Entry // canonical name → known person, nil for none
}

// context is what the words before a name say about it.
type context struct {
	role        string // a title right before the name
	affiliation string // a place right before the title
	end         int    // token index the context reaches; a name must start here
}

func (f *finder) part(text string, from, to int) {
	var glued int
	// The parts' folded forms follow one another in f.lowered: strings
	// cut from those of a part may be kept for the article (remember).
	f.toks, f.lowered, glued = appendWords(f.toks[:0], f.lowered, text[from:to], from)
	toks := f.toks
	hoverCards(&f.words, toks, glued)
	var ctx context
	for i := 0; i < len(toks); {
		if ctx.end != i {
			ctx = context{}
		}
		t := &toks[i]
		if t.card {
			i++
			continue
		}
		if !t.capital {
			// Most words: a title may start lower case ("foreign minister"),
			// but no name, demonym or unknown name does. Most start no
			// title either, as the shapes of titleLens tell without a call
			// of title, which asks them the same of f.keyOf(t).
			if !f.g.titleLens.mayStart(f.keyOf(t)) {
				i++
				continue
			}
			if n, title := f.title(toks, i); n > 0 {
				ctx = context{role: title, affiliation: ctx.affiliation, end: i + n}
				i += n
				continue
			}
			i++
			continue
		}
		// A known name, the longest that fits.
		if n, entries := f.match(toks, i); n > 0 {
			e := pick(entries)
			m := f.mention(text, toks[i:i+n], e)
			if state, ok := f.usState(toks, i, n, e); ok {
				m.Name = state
				f.out = append(f.out, m)
				i += n
				continue
			}
			if e.Type == Person {
				f.roleFor(&m, e, ctx)
				f.remember(e.Name, toks[i+n-1])
			}
			if e.Type == Org && n > 1 {
				// "Lirenia's interior ministry" also names Lirenia, but
				// "Minsk Group" does not name Minsk.
				if place := f.placeOf(toks[i]); place != nil && e.Country != "" && foldEqual(place.Name, e.Country) {
					f.out = append(f.out, Mention{Type: Place, Name: place.Name, Text: f.written(&toks[i]), Start: toks[i].start, End: toks[i].end})
				}
			}
			f.out = append(f.out, m)
			if e.Type == Place && (e.Kind == "country" || e.Kind == "territory") {
				// "Azerbaijan's foreign ministry".
				if org, k := f.ministry(text, toks, i+n, e.Name); k > 0 {
					f.out = append(f.out, org)
					i += n + k
					continue
				}
			}
			if e.Type == Place {
				if k := f.orgAfterPlace(text, toks, i, n, e); k > 0 {
					i += n + k
					continue
				}
			}
			if e.Type == Place && (e.Kind == "country" || e.Kind == "territory") {
				// A country before a title is whom the title is for; a
				// city (a dateline's "TREVANNA —") is not.
				ctx = context{affiliation: e.Name, end: i + n}
			}
			if e.Type == Person && toks[i+n-1].possessive {
				f.personsMinistry(text, toks, i+n, e)
			}
			i += n
			continue
		}
		// A country or its demonym before a ministry: "Azerbaijan's
		// foreign ministry", "Armenian foreign ministry".
		if place, n := f.demonym(toks, i); place != nil {
			f.out = append(f.out, Mention{Type: Place, Name: place.Name, Text: text[t.start:toks[i+n-1].end], Start: t.start, End: toks[i+n-1].end})
			if m, k := f.ministry(text, toks, i+n, place.Name); k > 0 {
				f.out = append(f.out, m)
				i += n + k
				ctx = context{}
				continue
			}
			ctx = context{affiliation: place.Name, end: i + n}
			i += n
			continue
		}
		// A title: remember it for the name that follows.
		if n, title := f.title(toks, i); n > 0 {
			ctx = context{role: title, affiliation: ctx.affiliation, end: i + n}
			i += n
			continue
		}
		// A capitalised name Parley does not know.
		if n := f.unknown(text, toks, i, ctx); n > 0 {
			i += n
			continue
		}
		i++
	}
}

// match finds the longest known name starting at toks[i].
func (f *finder) match(toks []token, i int) (int, []*Entry) {
	if !toks[i].capital {
		return 0, nil
	}
	try := func(n int, possessive bool) []*Entry {
		var sp *spellings
		switch {
		case n == 1 && possessive && toks[i].possessive:
			sp = f.g.spellings[f.keyOf(&toks[i])] // "people's": the key with its 's
		case n == 1:
			// Most names tried: the word's spellings came with its other
			// facts, in the one lookup of the word.
			sp = f.facts(&toks[i]).spelling
		default:
			second := f.keyOf(&toks[i+1]) // as appendKey writes it
			if n == 2 && !possessive {
				second = f.foldOf(&toks[i+1])
			}
			if !f.g.aliasLens.mayPair(f.keyOf(&toks[i]), second) {
				return nil // most tries: no key to build and look up
			}
			f.key = appendKey(f.key[:0], &f.words, toks[i:i+n], possessive)
			sp = f.g.spellings[string(f.key)]
		}
		if sp == nil || !capitalsAgree(toks[i:i+n], sp) {
			return nil
		}
		if sp.exactCase != nil && n == 1 && !slices.Contains(sp.exactCase, f.written(&toks[i])) {
			return nil
		}
		return sp.entries
	}
	for _, n := range f.keyAliasLens(&toks[i]) {
		if n <= len(toks)-i {
			if entries := try(n, true); entries != nil {
				if e := pick(entries); n == 1 && f.surnameHere(toks, i, e) {
					return 0, nil
				}
				return n, entries
			}
		}
	}
	// "Ostmark's envoy": a name without its possessive.
	if toks[i].possessive {
		for _, n := range f.facts(&toks[i]).aliasLens {
			if n == 1 {
				if entries := try(1, false); entries != nil {
					return 1, entries
				}
			}
		}
	}
	for _, n := range f.facts(&toks[i]).aliasLens {
		if n > 1 && n <= len(toks)-i && toks[i+n-1].possessive {
			if entries := try(n, false); entries != nil {
				return n, entries
			}
		}
	}
	return 0, nil
}

// keyAliasLens returns the numbers of words of the names that t, with
// its 's when possessive, starts.
func (f *finder) keyAliasLens(t *token) []int {
	if t.possessive {
		return f.g.aliasLens.of(f.keyOf(t)) // "people's": key is not fold
	}
	return f.facts(t).aliasLens
}

// surnameHere reports whether a one-word name the gazetteer knows is,
// at toks[i], the surname of someone else: of the person a given name
// right before it begins ("George Washington" is not the city, "Paulette
// Jordan" not the country, "Melania Trump" not Donald), or of the one
// person the article has named with it.
func (f *finder) surnameHere(toks []token, i int, e *Entry) bool {
	switch e.Type {
	case Person:
		return f.afterOtherGivenName(toks, i, e) || f.namedOther(toks[i], e)
	case Place:
		// "New Mexico" is not Mexico when the gazetteer does not know it.
		return f.afterGivenName(toks, i) || i > 0 && toks[i].joined && f.written(&toks[i-1]) == "New"
	}
	return false
}

// afterGivenName reports whether toks[i] follows a capitalised given name.
func (f *finder) afterGivenName(toks []token, i int) bool {
	return i > 0 && toks[i].joined && toks[i-1].capital && f.is(&toks[i-1], givenName)
}

// afterOtherGivenName reports whether toks[i] follows a given name that
// is not the person's: "Henry McMaster" is not H.R. McMaster and "Melania
// Trump" not Donald Trump, though the gazetteer knows both men by their
// surnames alone; "Recep Erdogan" and "Mohammad Morsi" stay who they are.
func (f *finder) afterOtherGivenName(toks []token, i int, e *Entry) bool {
	if !f.afterGivenName(toks, i) {
		return false
	}
	var fold [64]byte // most names fit: the first name is only compared and looked up
	first, _, _ := bytes.Cut(appendFold(fold[:0], e.Name), []byte(" "))
	given := f.foldOf(&toks[i-1])
	if string(first) == given {
		return false
	}
	v, ok := f.g.variantOf[string(first)]
	return !ok || v != f.g.variantOf[given]
}

// namedOther reports whether the article has named someone else, in
// full, with the surname t, and only them: after "Greta Varga", "Varga"
// alone is Greta, not the Ilse Varga the gazetteer knows by her surname.
// When the article has named two (Melania and Donald Trump), the
// gazetteer's choice stands, as the news most often means that one.
func (f *finder) namedOther(t token, e *Entry) bool {
	if len(f.surnames) == 0 {
		return false
	}
	f.key = appendTranslitKey(f.key[:0], f.foldOf(&t)) // only looked up: no string to allocate
	name, ok := f.surnames[string(f.key)]
	return ok && name != e.Name && !f.ambiguous[string(f.key)]
}

// appendKey appends the lookup key of a run of words to dst; without
// possessive, the last word's 's is left out.
func appendKey(dst []byte, w *words, toks []token, possessive bool) []byte {
	for j := range toks {
		if j > 0 {
			dst = append(dst, ' ')
		}
		if j == len(toks)-1 && !possessive {
			dst = append(dst, w.foldOf(&toks[j])...)
		} else {
			dst = append(dst, w.keyOf(&toks[j])...)
		}
	}
	return dst
}

// capitalsAgree reports whether the words are capitalised where some
// spelling of the name is: "Lebanese Forces" (the party) is not "Lebanese
// forces" (soldiers), "Democratic Party" is not a democratic party.
func capitalsAgree(toks []token, sp *spellings) bool {
	for _, caps := range sp.capitals {
		if len(caps) != len(toks) {
			continue
		}
		ok := true
		for j, capital := range caps {
			if capital && !toks[j].capital {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// capitalWords reports, for each word of a name, whether it is capitalised.
func capitalWords(name string) []bool {
	toks, _ := tokenize(name)
	caps := make([]bool, len(toks))
	for j, t := range toks {
		caps[j] = t.capital
	}
	return caps
}

// pick chooses among entries sharing a spelling: people first, then
// organisations, then places, which is the order in which a capitalised
// name in the news most often means each.
func pick(entries []*Entry) *Entry {
	best := entries[0]
	for _, e := range entries[1:] {
		if typeRank(e.Type) < typeRank(best.Type) {
			best = e
		}
	}
	return best
}

func typeRank(t string) int {
	switch t {
	case Person:
		return 0
	case Org:
		return 1
	case Place:
		return 2
	}
	return 0 // as a type Parley does not have ranked before
}

func (f *finder) mention(text string, toks []token, e *Entry) Mention {
	start, end := toks[0].start, toks[len(toks)-1].end
	m := Mention{Type: e.Type, Name: e.Name, Text: text[start:end], Start: start, End: end}
	if e.Type == Person {
		m.Affiliation = e.Affiliation
	}
	return m
}

// roleFor gives a known person the role the words before the name state,
// when the gazetteer agrees that it is one of theirs: "the press secretary
// of the Russian President Dmitry Peskov" does not make Peskov president.
func (f *finder) roleFor(m *Mention, e *Entry, ctx context) {
	if ctx.role == "" {
		return
	}
	// The gazetteer's affiliation stands; the text's fills a gap.
	if m.Affiliation == "" {
		m.Affiliation = ctx.affiliation
	}
	if len(e.Roles) == 0 {
		m.Role = ctx.role
		return
	}
	for _, r := range e.Roles {
		if foldEqual(r, ctx.role) {
			m.Role = r
			return
		}
	}
}

// remember records a person's surname, so that the surname alone can name
// them later in the article.
func (f *finder) remember(name string, last token) {
	// Remembering a name again with the same last word changes nothing:
	// skip the folding, which a name repeated through an article would
	// pay at every mention.
	seen := [2]string{name, f.foldOf(&last)}
	if f.remembered[seen] {
		return
	}
	if f.remembered == nil {
		f.remembered = map[[2]string]bool{}
	}
	f.remembered[seen] = true
	lastName := ""
	if foldsToLower(name) && strings.Count(name, " ") < 2 {
		// Most names: two words or one, which fold to their lower case
		// (see foldsToLower), the last of them most often the last word
		// as the text has it, folded already: no string to make.
		lastName = name[strings.LastIndexByte(name, ' ')+1:]
		if isLowerCase(f.foldOf(&last), lastName) {
			lastName = f.foldOf(&last)
		} else {
			lastName = strings.ToLower(lastName)
		}
	} else {
		// The last words of a longer name name its person too: "Abdel
		// Rahman" after "Rami Abdel Rahman". Two people sharing them
		// share none.
		words := strings.Fields(corpus.Fold(name))
		if len(words) > 2 {
			if f.tails == nil {
				f.tails = map[string]string{}
			}
			for k := 2; k < len(words); k++ {
				key := strings.Join(words[len(words)-k:], " ")
				if old, ok := f.tails[key]; ok && old != name {
					f.tails[key] = "" // shared: no one's
					continue
				}
				f.tails[key] = name
			}
		}
		if len(words) > 0 {
			lastName = words[len(words)-1]
		}
	}
	for _, key := range []string{translitKey(lastName), translitKey(f.foldOf(&last))} {
		if old, ok := f.surnames[key]; ok && old != name {
			f.ambiguous[key] = true
			continue
		}
		f.surnames[key] = name
	}
}

// translitKey folds the differences between transliterations of one
// surname: Aliyev and Aliev, Pashinyan and Pashinian, Mammadyarov and
// Mamadyarov. It is used only to match a surname against a person the same
// article has named, never across articles.
func translitKey(s string) string {
	s = strings.ReplaceAll(corpus.Fold(s), "y", "i")
	if asciiWithoutRepeats(s) {
		return s // most surnames: nothing to fold, nothing to allocate
	}
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// appendTranslitKey appends translitKey(s) to dst: a key that is only
// looked up needs no string of its own, and most surnames with a y or a
// double letter made translitKey allocate one.
func appendTranslitKey(dst []byte, s string) []byte {
	if foldsToLower(s) {
		// Most surnames: ASCII, and folded already (the folds of words),
		// so that one pass over their bytes does.
		var prev byte
		for i := 0; i < len(s); i++ {
			c := lowerByte(s[i])
			if c == 'y' {
				c = 'i'
			}
			if c != prev {
				dst = append(dst, c)
				prev = c
			}
		}
		return dst
	}
	var prev rune
	for _, r := range corpus.Fold(s) {
		if r == 'y' {
			r = 'i'
		}
		if r == prev {
			continue
		}
		dst = utf8.AppendRune(dst, r)
		prev = r
	}
	return dst
}

// asciiWithoutRepeats reports whether s is ASCII and no byte of it
// repeats the one before (the first not being NUL), so that translitKey
// would keep it as it is.
func asciiWithoutRepeats(s string) bool {
	var prev byte
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == prev {
			return false
		}
		prev = s[i]
	}
	return true
}

// personsMinistry reads "Lavrov's ministry" as the ministry of the
// person's role.
func (f *finder) personsMinistry(text string, toks []token, i int, e *Entry) {
	if i >= len(toks) || f.foldOf(&toks[i]) != "ministry" {
		return
	}
	for _, role := range e.Roles {
		words := strings.Fields(corpus.Fold(role))
		if len(words) < 2 || words[len(words)-1] != "minister" {
			continue
		}
		if org := f.g.ministryOf(e.Affiliation, words[len(words)-2]); org != nil {
			start := toks[i-1].start
			f.out = append(f.out, Mention{Type: Org, Name: org.Name, Text: text[start:toks[i].end], Start: start, End: toks[i].end})
			return
		}
	}
}

// placeOf returns the place a single word names: a demonym or a place's
// name or alias.
func (f *finder) placeOf(t token) *Entry {
	if p, ok := f.g.demonyms[f.foldOf(&t)]; ok {
		return p
	}
	for _, e := range f.g.byAlias[f.foldOf(&t)] {
		if e.Type == Place {
			return e
		}
	}
	return nil
}

// demonym finds a demonym or a country written in the possessive at
// toks[i]: they point to a place.
func (f *finder) demonym(toks []token, i int) (*Entry, int) {
	t := &toks[i]
	if !t.capital {
		return nil, 0
	}
	if p := f.facts(t).demonym; p != nil && !f.afterGivenName(toks, i) && !f.surnameSpeaks(toks, i) {
		return p, 1 // but "David French" is no Frenchman
	}
	return nil, 0
}

// surnameSpeaks reports whether a demonym at toks[i] is the surname of
// someone the article named in full, as the word after it tells: "Mark
// Cuban said ... Cuban added", "Cuban's company". Otherwise it stays a
// place: "Cuban officials" after "Mark Cuban" are not him, and a wrong
// person is worse than a wrong place.
func (f *finder) surnameSpeaks(toks []token, i int) bool {
	// The words around first: most demonyms ("Russian officials") need no
	// surname looked up.
	speaks := toks[i].possessive ||
		i+1 < len(toks) && toks[i+1].joined && !toks[i+1].capital && speechVerbs[f.keyOf(&toks[i+1])]
	if !speaks {
		return false
	}
	_, ok := f.surname(toks[i], context{})
	return ok
}

// speechVerbs are the verbs of saying that follow a speaker's name: a
// demonym before one is someone's surname (see surnameSpeaks).
var speechVerbs = wordSet(`said says added adds told tells wrote writes argued argues noted notes
	explained explains insisted insists warned warns stressed stresses claimed claims replied
	replies responded responds tweeted tweets declared declares continued continues`)

// ministry reads "[foreign] ministry" after a country's name.
func (f *finder) ministry(text string, toks []token, i int, country string) (Mention, int) {
	if i+1 >= len(toks) {
		return Mention{}, 0
	}
	word, ok := ministryWords[f.foldOf(&toks[i])]
	if !ok || f.foldOf(&toks[i+1]) != "ministry" {
		return Mention{}, 0
	}
	org := f.g.ministryOf(country, word)
	if org == nil {
		return Mention{}, 0
	}
	start, end := toks[i].start, toks[i+1].end
	return Mention{Type: Org, Name: org.Name, Text: text[start:end], Start: start, End: end}, 2
}

// ministryOf finds the ministry of a country whose name has the word
// (Foreign, Defence…).
func (g *Gazetteer) ministryOf(country, word string) *Entry {
	word = corpus.Fold(word)
	if word == "defense" {
		word = "defence"
	}
	for _, e := range g.entries {
		if e.Type != Org || e.Kind != "ministry" || corpus.Fold(e.Country) != corpus.Fold(country) {
			continue
		}
		name := strings.ReplaceAll(corpus.Fold(e.Name), "defense", "defence")
		if strings.Contains(name, word+" ministry") || strings.Contains(name, "ministry of "+word) {
			return e
		}
	}
	return nil
}

// title finds the longest title starting at toks[i].
func (f *finder) title(toks []token, i int) (int, string) {
	t := &toks[i]
	var lens []int
	if t.capital && !t.possessive {
		lens = f.facts(t).titleLens // key is fold
	} else {
		// Most lower-case words: the shapes of titleLens pass them by
		// without a map lookup, which facts would make.
		lens = f.g.titleLens.of(f.keyOf(t))
	}
	for _, n := range lens {
		if n > len(toks)-i {
			continue
		}
		var ok bool
		if n == 1 {
			_, ok = f.g.titles[f.keyOf(t)] // appendKey of one word
		} else if f.g.titleLens.mayPair(f.keyOf(t), f.keyOf(&toks[i+1])) {
			f.key = appendKey(f.key[:0], &f.words, toks[i:i+n], true)
			_, ok = f.g.titles[string(f.key)]
		}
		if ok {
			return n, f.joinText(toks[i : i+n])
		}
	}
	return 0, ""
}

// joinText returns the words as written, separated by single spaces.
func (f *finder) joinText(toks []token) string {
	if f.singleSpaced(toks) {
		// Most names are written so: the text has them as they are,
		// and the name needs no string of its own.
		return f.text[toks[0].start:toks[len(toks)-1].end]
	}
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = f.written(&t)
	}
	return strings.Join(parts, " ")
}

// singleSpaced reports whether the text has the words one after the
// other with one space between each two, so that their joinText is the
// text from the first to the last. A word's text is always the text at
// its offsets: f.text[t.start:t.end].
func (f *finder) singleSpaced(toks []token) bool {
	for k := 1; k < len(toks); k++ {
		if toks[k].start != toks[k-1].end+1 || f.text[toks[k-1].end] != ' ' {
			return false
		}
	}
	return true
}

// unknown reads a capitalised name the gazetteer does not know: a person
// when a given name or a title says so, an organisation when its last
// word says so, a surname alone when it is the surname of someone the
// article has named. It returns how many words it took, 0 for none.
func (f *finder) unknown(text string, toks []token, i int, ctx context) int {
	n := f.capitalRun(toks, i, true) // part calls unknown only where nothing else matched
	if n == 0 {
		return 0
	}
	run, isOrg := f.orgTail(toks, i, n)
	start, end := run[0].start, run[len(run)-1].end
	last := run[len(run)-1]
	switch {
	case isOrg && len(run) >= 2:
		if f.generic(run) {
			break // "Foreign Ministry" alone: whose?
		}
		name := f.joinText(run)
		f.out = append(f.out, Mention{Type: Org, Name: name, Text: text[start:end], Start: start, End: end})
	case len(run) >= 3 && !f.personShaped(run, ctx) && f.is(&run[1], givenName) && !f.is(&run[0], placeHead):
		// "Republican Mitt Romney", "Freshman Rosie Rodriguez": a word
		// before a given name is not part of the name; read on from the
		// given name. "San Francisco Chronicle" is no Francisco.
		return 1
	case len(run) >= 2 && len(run) <= 4 && f.personShaped(run, ctx):
		name, ok := "", false
		if len(f.tails) > 0 { // no longer name yet: nothing to fold the run for
			f.key = appendFold(f.key[:0], f.joinText(run))
			name, ok = f.tails[string(f.key)]
		}
		if !ok || name == "" {
			name = f.canonicalPerson(run)
		}
		m := Mention{Type: Person, Name: name, Text: text[start:end], Start: start, End: end, Role: ctx.role, Affiliation: ctx.affiliation}
		f.out = append(f.out, m)
		f.remember(name, last)
	case len(run) == 1:
		if name, ok := f.surname(run[0], ctx); ok {
			m := Mention{Type: Person, Name: name, Text: text[start:end], Start: start, End: end}
			e, known := f.person(name)
			if known {
				m.Affiliation = e.Affiliation
				f.roleFor(&m, e, ctx)
			}
			f.out = append(f.out, m)
			if known && run[0].possessive {
				f.personsMinistry(text, toks, i+1, e)
			}
		}
	}
	return len(run)
}

// capitalRun returns how many words from toks[i] make a run of
// capitalised words the gazetteer and the rules do not know, with the
// particles inside it ("Abu Bakr al Baghdadi").
//
// unmatched says that toks[i] is known to start no known name, demonym or
// title (part tried them all just before): only the rest of known is left
// to ask of it.
func (f *finder) capitalRun(toks []token, i int, unmatched bool) int {
	n := 0
	for i+n < len(toks) {
		t := &toks[i+n]
		if n > 0 && !t.joined {
			break
		}
		if t.capital && !t.descriptor && !f.known(toks, i+n, n == 0 && unmatched) {
			n++
			if t.possessive {
				break
			}
			continue
		}
		// A particle inside a name, followed by more of it. The word
		// after it is asked first: most words after a name are lower
		// case, and their facts would be looked up for nothing.
		if n > 0 && i+n+1 < len(toks) && toks[i+n+1].capital && toks[i+n+1].joined && f.is(t, connector) {
			n++
			continue
		}
		break
	}
	return n
}

// orgTail extends the run of n capitalised words at toks[i] over the rest
// of an organisation's name, and reports whether the run names an
// organisation: its head word last, or an "of", "for" or "on" after it.
// An organisation's name may go on after its head word: "Institute of
// Caucasus", "Committee for the Protection of Journalists", "Forum for
// Security and Cooperation"; but "and" never begins the rest, and never
// comes before "the": "the Self-Defence Army and the Dravonian army" are
// two.
func (f *finder) orgTail(toks []token, i, n int) ([]token, bool) {
	run := toks[i : i+n]
	last := &run[len(run)-1]
	if !f.is(last, orgHead) {
		return run, false
	}
	if last.possessive {
		return run, true
	}
	for j := i + n; j+1 < len(toks) && f.is(&toks[j], orgConnector) && toks[j].joined; {
		k := j
		for k < len(toks) && f.is(&toks[k], orgConnector) && toks[k].joined {
			k++
		}
		if f.foldOf(&toks[j]) == "and" && (len(run) == n || k > j+1) || f.foldOf(&toks[j]) == "the" {
			break
		}
		m := k
		for m < len(toks) && toks[m].joined && toks[m].capital && !toks[m].allCaps && !f.startsPerson(toks, m) {
			m++
		}
		if m == k {
			break
		}
		run = toks[i:m]
		j = m
	}
	return run, true
}

// orgAfterPlace reads an organisation whose name begins with the place
// toks[i:i+n] and goes on with words the gazetteer does not know: the
// "Trevanna Centre for Highland Studies", the "Varkesch Self-Defence
// Army". Its name begins with the place's canonical name when that has as
// many words, so that one organisation has one name however the place is
// spelled. The place stays a mention of its own. It returns how many words after the place
// it took, 0 for none.
func (f *finder) orgAfterPlace(text string, toks []token, i, n int, place *Entry) int {
	j := i + n
	if j >= len(toks) || !toks[j].joined || toks[j-1].possessive {
		return 0
	}
	k := f.capitalRun(toks, j, false)
	if k == 0 {
		return 0
	}
	run, isOrg := f.orgTail(toks, j, k)
	if !isOrg {
		return 0
	}
	// A spelling of the place's name stands for it ("Varkesch" for
	// "Varkesh"); a shorter name stays as written: "Tarnow Farmers
	// Association" is not the "Tarnow Valley Farmers Association".
	name := f.joinText(toks[i:j])
	if strings.Count(place.Name, " ")+1 == n {
		name = place.Name
	}
	start, end := toks[i].start, run[len(run)-1].end
	f.out = append(f.out, Mention{Type: Org, Name: name + " " + f.joinText(run), Text: text[start:end], Start: start, End: end})
	return len(run)
}

// startsPerson reports whether toks[i] begins a person's name: a given
// name followed by another capitalised word.
func (f *finder) startsPerson(toks []token, i int) bool {
	return f.is(&toks[i], givenName) && i+1 < len(toks) && toks[i+1].capital
}

// genericWords describe organisations of every country; a name made only
// of them and a head word ("Foreign Ministry", "National Security
// Council") does not say whose it is.
var genericWords = wordSet(`foreign defence defense interior justice health finance emergency emergencies state national federal
	central security general armed supreme public political military ministry of the and for`)

// generic reports whether an organisation's name has no word of its own.
func (f *finder) generic(run []token) bool {
	for k := range run {
		if !f.is(&run[k], genericWord|orgHead) {
			return false
		}
	}
	return true
}

// known reports whether toks[i] starts something the gazetteer or the
// rules already read: a known name, a demonym, a title, or a word that is
// never a name. unmatched says that no known name, demonym or title
// starts there, as part found just before: only the last is left to ask.
func (f *finder) known(toks []token, i int, unmatched bool) bool {
	t := &toks[i]
	if t.allCaps || f.is(t, notName) {
		return true
	}
	if unmatched {
		return false
	}
	if n, _ := f.match(toks, i); n > 0 {
		return true
	}
	if p, _ := f.demonym(toks, i); p != nil {
		return true
	}
	if n, _ := f.title(toks, i); n > 0 {
		return true
	}
	return false
}

// personShaped reports whether a run of capitalised words is a person's
// name: its first word a known given name, or a title right before it;
// never a word that is all digits.
func (f *finder) personShaped(run []token, ctx context) bool {
	for _, t := range run {
		if hasDigit(f.written(&t)) {
			return false
		}
	}
	if run[len(run)-1].possessive && len(run) == 1 {
		return false
	}
	if f.is(&run[len(run)-1], workHead) {
		return false
	}
	return f.is(&run[0], givenName) || ctx.role != ""
}

// hasDigit reports whether word has a digit (unicode.IsDigit), without a
// call a letter for the ASCII ones.
func hasDigit(word string) bool {
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= utf8.RuneSelf:
			return strings.IndexFunc(word[i:], unicode.IsDigit) >= 0
		case '0' <= c && c <= '9':
			return true
		}
	}
	return false
}

// canonicalPerson writes an unknown person's name as Canonical does, so
// that one person is one name across articles (Sergei Volkov and Sergey
// Volkov are Sergey Volkov) and a query finds them under it.
func (f *finder) canonicalPerson(run []token) string {
	written := f.joinText(run)
	if name, ok := f.canonical[written]; ok {
		return name
	}
	name := f.g.Canonical(written, Person)
	if f.canonical == nil {
		f.canonical = map[string]string{}
	}
	f.canonical[written] = name
	return name
}

// person is Lookup(name, Person), remembered for the article.
func (f *finder) person(name string) (*Entry, bool) {
	if e, ok := f.people[name]; ok {
		return e, e != nil
	}
	e, ok := f.g.Lookup(name, Person)
	if f.people == nil {
		f.people = map[string]*Entry{}
	}
	f.people[name] = e // nil when not ok
	return e, ok
}

// surname resolves a single capitalised word to a person: someone this
// article named in full with that surname (and nobody else with it), or a
// person the gazetteer knows by that surname alone.
func (f *finder) surname(t token, ctx context) (string, bool) {
	if len(f.surnames) == 0 {
		return "", false // no one named yet: nothing to fold t for
	}
	f.key = appendTranslitKey(f.key[:0], f.foldOf(&t)) // only looked up: no string to allocate
	if !f.ambiguous[string(f.key)] {
		if name, ok := f.surnames[string(f.key)]; ok {
			return name, true
		}
	}
	return "", false
}
