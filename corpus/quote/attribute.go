package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
)

// pattern is where a quotation's attribution was found.
type pattern uint8

const (
	noCue          pattern = iota
	cueAfter               // “…,” he said / “…,” said Kelmarin
	cueBefore              // Kelmarin said: “…”
	cueInSentence          // Kelmarin said he would “never abandon” them
	cueTrailing            // … “urgent matters” of the conflict, the statement said.
	continued              // a quotation that goes on from the speaker's previous one
	paragraphIntro         // Kelmarin continued:¶“…”
	reported               // indirect speech
	bySubject              // Ryan worried that it was “a hammock…”: the subject speaks
)

// rule is how a quotation was attributed.
type rule struct {
	pattern pattern
}

// attribute decides whether span i is speech and who said it.
func (a *article) attribute(i int) {
	fd := &a.found[i]
	s := fd.span
	if s.end <= s.start {
		return
	}
	first := a.tokens(s.first)
	oi := tokenAt(first, s.open)
	last := a.tokens(s.last)
	ci := len(last)
	if !s.unclosed {
		ci = tokenAt(last, s.close)
	}
	// The sentence around the quotation: what precedes it back to the
	// previous sentence end or quotation, and what follows it to the next.
	lo := a.sentenceStart(first, oi, i)
	hi := a.sentenceEnd(last, ci+1, i)
	inner := a.text[s.start:s.end]
	// No rule below tells apart counts over 8.
	words, title := wordShape(inner, 8)
	standalone := lo == oi || endsIntro(first, lo, oi)
	fd.kind = Partial
	if standalone {
		fd.kind = Direct
	}
	// Quoted names and titles: “South Caucasus”, ‘Stealing America’.
	if title && words <= 8 && !endsTerminal(inner) {
		return
	}
	if s.unclosed && !standalone {
		return
	}
	if fd.kind == Direct {
		if oi > lo && first[oi-1].isPunct(":") && !strings.HasSuffix(inner, ",") {
			// Kelmarin said: “…” The remarks drew criticism. The words
			// that introduce the quotation attribute it.
			if who, cue, ok := a.before(first, lo, oi); ok {
				a.settle(fd, who, cue, cueBefore)
				return
			}
		}
		if who, cue, ok := a.after(last, ci, hi, inner); ok {
			a.settle(fd, who, cue, cueAfter)
			return
		}
		if cue, ok := cueFollows(last, ci, hi, inner); ok {
			// “…,” an official who asked not to be named told reporters:
			// an attribution Parley cannot read is still one, and the
			// quotation continues no earlier speaker.
			a.settle(fd, speaker{}, cue, cueAfter)
			return
		}
		if who, cue, ok := a.before(first, lo, oi); ok {
			a.settle(fd, who, cue, cueBefore)
			return
		}
		// “…” and against the law, Clinton said.
		if who, cue, ok := a.trailing(last, ci, hi, false); ok {
			a.settle(fd, who, cue, cueTrailing)
			return
		}
		if oi > lo && first[oi-1].isPunct(":") {
			// Clinton: “…”; Perez lobbies for a higher wage: “…”.
			if who, ok := a.colonSpeaker(first, lo, oi-1); ok {
				a.settle(fd, who, "", bySubject)
				return
			}
		}
		if lo == oi && oi == 0 && s.first > 0 {
			if who, cue, ok := a.intro(s.first - 1); ok {
				a.settle(fd, who, cue, paragraphIntro)
				return
			}
		}
		if lo == oi && oi > 0 {
			// Bystrom agreed. “…”
			if who, cue, ok := a.introSentence(first, oi); ok {
				a.settle(fd, who, cue, paragraphIntro)
				return
			}
		}
		// No attribution of its own: speech when it reads as sentences,
		// a speaker's continuation settled later.
		if words >= 3 && (endsTerminal(inner) || strings.HasSuffix(inner, ",")) || s.first != s.last {
			fd.speech = true
			fd.rule = rule{noCue}
		}
		return
	}
	// Partial quotations: a few words, in a sentence that reports speech,
	// which may hold other quotations before them.
	if words < 2 {
		return
	}
	if strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!") || strings.HasSuffix(inner, ",") {
		if who, cue, ok := a.after(last, ci, hi, inner); ok {
			a.settle(fd, who, cue, cueAfter)
			return
		}
	}
	lo = a.sentenceStart(first, oi, -1)
	if who, cue, ok := a.before(first, lo, oi); ok {
		if cues[cue].label && words <= 3 {
			return
		}
		a.settle(fd, who, cue, cueInSentence)
		return
	}
	if who, cue, ok := a.trailing(last, ci, hi, strings.HasSuffix(inner, ",")); ok {
		a.settle(fd, who, cue, cueTrailing)
		return
	}
	// Quotations joined in one sentence share their speaker: agreed to
	// “…” and “…”.
	if i > 0 {
		prev := &a.found[i-1]
		if prev.speech && prev.kind == Partial && prev.span.last == s.first && onlyJoiners(a.text[prev.span.closeEnd:s.open]) {
			a.settle(fd, prev.who, prev.cue, prev.rule.pattern)
			return
		}
	}
	// A quotation of several words in a sentence whose subject is a
	// speaker, whatever the verb: Ryan worried that the safety net was
	// becoming “a hammock that lulls able-bodied people”.
	if words >= 3 && !title {
		if who, ok := a.clauseSubject(first, lo, oi); ok && who.end <= s.open && who.name != "" && !passiveAfter(first, who.end) {
			a.settle(fd, who, "", bySubject)
			return
		}
		// "…for saying that green coffee extract was a “magic weight
		// loss cure”": a cue that reports the words, whose speaker the
		// sentence does not say in words Parley can read.
		if cue, ok := reportingCueBefore(first, lo, oi); ok {
			a.settle(fd, speaker{}, cue, cueInSentence)
		}
	}
}

// reportingCueBefore finds a cue that reports the words of a quotation opening at
// toks[oi], a few words before it in its sentence: "saying that it was
// “…”", "said the plan was “…”". Labels ("called it") do not count.
func reportingCueBefore(toks []token, lo, oi int) (string, bool) {
	for k := oi - 1; k >= lo && k >= oi-8; k-- {
		t := &toks[k]
		if t.kind != word || t.sentenceEnd() {
			return "", false
		}
		if isCueToken(toks, k) && !cues[t.lower].label && !weakCues[t.lower] && cues[t.lower].form != base {
			return t.lower, true
		}
	}
	return "", false
}

// passiveAfter reports whether a passive verb follows the words that end
// at offset at: "Rubio was asked by the moderator whether…".
func passiveAfter(toks []token, at int) bool {
	i := tokenAt(toks, at)
	for n := 0; i < len(toks) && n < 3; i, n = i+1, n+1 {
		t := &toks[i]
		if t.kind != word {
			return false
		}
		if progressive[t.lower] || t.lower == "got" || t.lower == "get" || t.lower == "gets" {
			continue
		}
		return n > 0 && (strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "en") || irregularParticiples[t.lower])
	}
	return false
}

var irregularParticiples = wordSet(`told asked said thought held brought caught taught sought found made paid put hit
	shown known seen given taken`)

// onlyJoiners reports whether s holds nothing but space, commas and
// words that join two quotations of one sentence.
func onlyJoiners(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '—' }) {
		switch w {
		case "and", "or", "but", "then", "also", "nor":
		default:
			return false
		}
	}
	return true
}

func (a *article) settle(fd *found, who speaker, cue string, p pattern) {
	fd.speech = true
	fd.who = who
	fd.cue = cue
	fd.rule = rule{p}
}

// sentenceStart returns the index of the first token of the sentence
// holding toks[i], not before the end of quotation si-1.
func (a *article) sentenceStart(toks []token, i, si int) int {
	floor := 0
	if si > 0 && si < len(a.spans) {
		prev := a.spans[si-1]
		if prev.closeEnd > toks[0].start || prev.last == a.paraAt(toks[0].start) {
			floor = tokenAt(toks, prev.closeEnd)
		}
	}
	j := i
	for j > floor {
		t := &toks[j-1]
		if t.sentenceEnd() {
			break
		}
		j--
	}
	return j
}

// sentenceEnd returns the index past the last token of the sentence that
// starts or goes on at toks[i], not beyond the opening of quotation si+1.
func (a *article) sentenceEnd(toks []token, i, si int) int {
	ceil := len(toks)
	if si+1 < len(a.spans) {
		next := a.spans[si+1]
		if len(toks) > 0 && next.open < toks[len(toks)-1].end {
			ceil = tokenAt(toks, next.open)
		}
	}
	j := i
	for j < ceil {
		if toks[j].sentenceEnd() {
			return j + 1
		}
		j++
	}
	if j > ceil {
		return ceil
	}
	return j
}

// endsIntro reports whether the words before a quotation introduce it as
// a sentence of its own: they end with a colon or comma after a cue
// ("Kelmarin said:", "he added,") or with a cue ("said Kelmarin:").
func endsIntro(toks []token, lo, oi int) bool {
	if oi == 0 || oi <= lo {
		return false
	}
	t := &toks[oi-1]
	if t.isPunct(":") {
		return true
	}
	if !t.isPunct(",—–") {
		return isCueToken(toks, oi-1) && oi-1 > lo
	}
	for j := oi - 2; j >= lo && j >= oi-8; j-- {
		if isCueToken(toks, j) {
			return true
		}
		if toks[j].kind != word {
			break
		}
	}
	return false
}

// wordShape counts the words of a quotation and says whether every word
// of it starts with a capital letter, as names and titles do (small
// words aside). Once it has counted more than max words and knows the
// quotation is no title it stops: a count over max is all callers need
// to know, and a long quotation need not be read to its end.
func wordShape(s string, max int) (words int, title bool) {
	title = true
	inWord := false
	capitalised := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isWordRune(r) || (inWord && (r == '\'' || r == '’' || r == '-')) {
			if !inWord {
				words++
				inWord = true
				if unicode.IsUpper(r) || unicode.IsDigit(r) {
					capitalised++
				} else if title && !smallTitleWord(s[i:]) {
					// Once a word says the quotation is no title, the
					// others need not be read for it.
					title = false
				}
				if words > max && !title {
					return words, false
				}
			}
			// The rest of a run of ASCII letters and digits tells
			// nothing more: it is skipped eight bytes at a time.
			i = corpus.ASCIIWordEnd(s, i+size, len(s))
			continue
		}
		inWord = false
		i += size
	}
	return words, title && capitalised > 0
}

// smallTitleWord reports whether s starts with a word that titles leave
// in lower case.
func smallTitleWord(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		end = len(s)
	}
	switch s[:end] {
	case "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "de", "la", "al", "el", "du", "von", "van":
		return true
	}
	return false
}

// endsTerminal reports whether a quotation ends as a sentence does.
func endsTerminal(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, ")]'’\"”"))
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// isCueToken reports whether toks[k] is a word that reports speech. After
// an article or a possessive it is a noun: "The remarks drew criticism",
// "his post read". That is looked at last, for the few words that are
// cues: marking the nouns of every word tokenized cost a twentieth of
// finding quotations.
func isCueToken(toks []token, k int) bool {
	t := &toks[k]
	if t.kind != word || t.capital && t.lower != "said" && t.lower != "says" {
		return false
	}
	if !cueShapes.mayHave(t.lower) {
		return false
	}
	if _, ok := cues[t.lower]; !ok {
		return false
	}
	return !(k > 0 && toks[k-1].kind == word && nounMarker(toks[k-1].lower))
}

func pronounToken(t *token) bool {
	if len(t.lower) > longestPronoun {
		return false
	}
	_, ok := pronouns[t.lower]
	return ok && t.kind == word
}

// after reads an attribution after the closing mark: “…,” he said;
// “…,” said a Kremlin spokesman; “…,” Samsel, the ministry's spokesman,
// told reporters; “…,” according to Kelmarin.
func (a *article) after(toks []token, ci, hi int, inner string) (speaker, string, bool) {
	j := ci + 1
	if j >= hi {
		return speaker{}, "", false
	}
	comma := toks[j].isPunct(",—–")
	if comma {
		j++
	}
	if j >= hi {
		return speaker{}, "", false
	}
	// After a quotation that ends a sentence, only a short attribution
	// that ends the sentence too belongs to it: “….” he said. A new
	// sentence that reports other speech does not.
	strict := !comma && !strings.HasSuffix(inner, ",") && toks[j].capital
	// “…?” Trump added during an interview: after a question or an
	// exclamation a speaker and cue right after the mark attribute it,
	// however the sentence goes on.
	asked := strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!")
	if toks[j].is("according") && j+1 < hi && toks[j+1].is("to") {
		if who, ok := a.speakerAfter(toks, j+2, hi); ok {
			return who, "according to", true
		}
		return speaker{}, "", false
	}
	if isCueToken(toks, j) && cues[toks[j].lower].form != base {
		if who, ok := a.speakerAfter(toks, j+1, hi); ok {
			if strict && !endsSoon(toks, j+1, hi, who) {
				return speaker{}, "", false
			}
			return who, toks[j].lower, true
		}
		return speaker{}, "", false
	}
	// A speaker, then the cue.
	for k := j + 1; k < hi && k <= j+30; k++ {
		if toks[k].sentenceEnd() || toks[k].kind == mark {
			break
		}
		if !reportsAfterSpeaker(toks, k) {
			continue
		}
		b, e, ok := npBefore(toks, j, k)
		if !ok || b != j {
			return speaker{}, "", false
		}
		if strict && !endsAfterCue(toks, k+1, hi) && !(asked && k-j <= 3) {
			return speaker{}, "", false
		}
		who, ok := a.resolve(toks, b, e, toks[ci].start)
		return who, toks[k].lower, ok
	}
	return speaker{}, "", false
}

// reportsAfterSpeaker reports whether toks[k] is a cue that may follow
// its speaker: a finite verb, or a base form in the present ("officials
// say", "the Saudis state"), but not an infinitive ("to say").
func reportsAfterSpeaker(toks []token, k int) bool {
	if !isCueToken(toks, k) {
		return false
	}
	switch cues[toks[k].lower].form {
	case finite:
		return true
	case base:
		return k > 0 && toks[k-1].kind == word && !auxiliaries[toks[k-1].lower]
	}
	return false
}

// auxiliaries before a base form make it no present tense.
var auxiliaries = wordSet(`to did does do not will would could should can may might must shall cannot let
	never`)

// cueFollows reports whether an attribution follows the quotation in its
// sentence, and its cue.
func cueFollows(toks []token, ci, hi int, inner string) (string, bool) {
	j := ci + 1
	limit := j + 25
	if j < hi && toks[j].isPunct(",—–") {
		j++
	} else if (strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!")) && j < hi && (toks[j].capital || pronounToken(&toks[j])) {
		// “…!” MacNab said: a short attribution, or none.
		limit = j + 4
	} else if !strings.HasSuffix(inner, ",") {
		return "", false
	}
	for k := j; k < hi && k < limit; k++ {
		if toks[k].kind == mark {
			break
		}
		if reportsAfterSpeaker(toks, k) || isCueToken(toks, k) && cues[toks[k].lower].form == finite {
			return toks[k].lower, true
		}
	}
	return "", false
}

// endsSoon reports whether the sentence ends within a few words after the
// speaker's words.
func endsSoon(toks []token, from, hi int, who speaker) bool {
	j := from
	for j < hi && toks[j].end <= who.end {
		j++
	}
	return endsAfterCue(toks, j, hi)
}

// endsAfterCue reports whether at most a short adverbial stands between
// toks[j] and the end of the sentence: "he said on Tuesday."
func endsAfterCue(toks []token, j, hi int) bool {
	n := 0
	for ; j < hi; j++ {
		if toks[j].sentenceEnd() || toks[j].isPunct(",") {
			return true
		}
		n++
		if n > 6 {
			return false
		}
	}
	return true
}

// before reads an attribution in the sentence before the opening mark:
// Kelmarin said: “…”; he added, “…”; Karasin welcomed the meeting,
// saying, “…”; Aliyev noted that he is ready to “…”. The cue nearest the
// quotation whose speaker can be read wins.
func (a *article) before(toks []token, lo, oi int) (speaker, string, bool) {
	tried := 0
	coordinated := -1 // a cue after "and", whose speaker is the subject before
	for k := oi - 1; k >= lo && tried < 3; k-- {
		t := &toks[k]
		if t.kind == mark {
			// Back over an earlier quotation of the sentence.
			if open, ok := a.openOf(t.start); ok && open >= toks[lo].start {
				k = tokenAt(toks, open)
				continue
			}
			break
		}
		if t.is("according") && k+1 < oi && toks[k+1].is("to") {
			if who, ok := a.speakerAfter(toks, k+2, oi); ok {
				return who, "according to", true
			}
			tried++
			continue
		}
		if !isCueToken(toks, k) {
			continue
		}
		tried++
		if who, ok := a.speakerOfCue(toks, lo, k, oi); ok {
			if coordinated >= 0 {
				// "Trump called on her to resign and said": the subject
				// of the first verb says it.
				return who, toks[coordinated].lower, true
			}
			// "the MFSC said that both delegations had agreed to meet
			// “without preconditions”": the words are the report's.
			if weakCues[t.lower] {
				if outer, cue, ok := a.before(toks, lo, k); ok && !weakCues[cue] {
					return outer, cue, true
				}
			}
			return who, t.lower, true
		}
		if coordinated < 0 && k-1 > lo && toks[k-1].is("and") {
			coordinated = k
		}
	}
	// "the Wisconsin Republican criticized the policy and said": when no
	// earlier cue of the sentence gives the speaker, the clause's subject.
	// The speaker of a cue after "and" is the subject of the verb before
	// it: "Trump called on her to resign and said", "Lazar said he
	// welcomed it and added".
	if coordinated >= 0 {
		if who, ok := a.clauseSubject(toks, lo, coordinated); ok {
			return who, toks[coordinated].lower, true
		}
	}
	return speaker{}, "", false
}

// speakerOfCue reads the speaker of the cue at toks[k], in the sentence
// from toks[lo], the quotation opening at toks[oi].
func (a *article) speakerOfCue(toks []token, lo, k, oi int) (speaker, bool) {
	t := &toks[k]
	switch cues[t.lower].form {
	case participle:
		if k > lo && (progressive[toks[k-1].lower] || pronounToken(&toks[k-1]) && toks[k-1].possessive) {
			// "Trump is insisting", "he's saying".
			j := k - 1
			if !toks[j].possessive {
				for j > lo && progressive[toks[j-1].lower] {
					j--
				}
			} else {
				j = k
			}
			return a.subjectBefore(toks, lo, j, k)
		}
		if k == lo || k == lo+1 && introWords[toks[lo].lower] {
			// "After saying her foot was “so swollen…,” she was…": the
			// participle opens the sentence, whose subject comes after.
			if who, ok := a.subjectAfterOpening(toks, k); ok {
				return who, true
			}
		}
		if k == lo || toks[k-1].isPunct(",") || introWords[toks[k-1].lower] {
			// "Karasin welcomed the meeting, saying…", "upon saying".
			return a.clauseSubject(toks, lo, k)
		}
	case base:
		// "officials say"; but not "would insist", "did not say".
		if reportsAfterSpeaker(toks, k) {
			return a.subjectBefore(toks, lo, k, k)
		}
		// "Bryne went on to say, “…”".
		if k > lo && toks[k-1].is("to") && oi-k <= 3 {
			return a.clauseSubject(toks, lo, k)
		}
	default:
		if who, ok := a.subjectBefore(toks, lo, k, k); ok {
			return who, true
		}

		// Inverted: "said Kelmarin: “…”".
		if k+1 < oi && (k == lo || toks[k-1].isPunct(",")) {
			return a.speakerAfter(toks, k+1, oi)
		}
	}
	return speaker{}, false
}

// subjectAfterOpening reads the subject of a sentence that opens with a
// participial phrase ending at the first comma after toks[k], within or
// after a quotation: "After saying it was “swollen,” she left".
func (a *article) subjectAfterOpening(toks []token, k int) (speaker, bool) {
	end := k
	for end < len(toks) && !toks[end].sentenceEnd() {
		end++
	}
	for i := k + 1; i < end; i++ {
		if !toks[i].isPunct(",") {
			continue
		}
		j := i + 1
		for j < end && toks[j].kind == mark {
			j++
		}
		if j < end && toks[j].kind == word && !a.insideQuote(toks[j].start) {
			return a.speakerAfter(toks, j, end)
		}
	}
	return speaker{}, false
}

// subjectBefore reads the speaker named just before toks[j], the cue
// being toks[k].
func (a *article) subjectBefore(toks []token, lo, j, k int) (speaker, bool) {
	b, e, ok := npBefore(toks, lo, j)
	if !ok {
		return speaker{}, false
	}
	// "the racial remarks", "offered states": a cue that is also a noun
	// follows a name or a description only when it is the verb.
	if nounLike[toks[k].lower] && !namesSpeaker(&toks[e-1]) {
		return speaker{}, false
	}
	return a.resolve(toks, b, e, toks[k].start)
}

// namesSpeaker reports whether a word can end the words naming a speaker.
func namesSpeaker(t *token) bool {
	return t.capital || pronounToken(t) || describes(t.lower)
}

// weakCues report what someone did in words rather than the words:
// when a reporting verb before them says whose account it is, the
// quotation is that account's.
var weakCues = wordSet(`agreed agrees promised promises pledged pledges vowed vows urged urges demanded demands
	predicted predicts suggested suggests hinted hints called calls described describes agreeing promising
	pledging vowing urging demanding calling describing`)

// progressive are the auxiliaries of "is saying", "had been warning".
var progressive = wordSet(`is are was were be been being am keeps kept`)

// nounLike cues are also nouns: "his remarks", "the reports".
var nounLike = wordSet(`remarks comments claims reports notes calls charges states posts promises pledges vows
	counters reasons highlights reads demands replies tweets jokes quips boasts laments answers warnings
	statements cries cautions concedes admits`)

// trailing reads an attribution that ends the sentence after a partial
// quotation: “…” of the conflict, the statement said.
func (a *article) trailing(toks []token, ci, hi int, comma bool) (speaker, string, bool) {
	end := hi
	if end > 0 && end <= len(toks) && toks[end-1].sentenceEnd() {
		end--
	}
	// “… a false choice,” she said.
	if comma && ci+1 < end {
		if who, cue, ok := a.attributionAt(toks, ci+1, end); ok {
			return who, cue, true
		}
	}
	// A comma after the quotation starts the attribution.
	for c := ci + 1; c < end; c++ {
		if toks[c].kind == mark {
			return speaker{}, "", false
		}
		if !toks[c].isPunct(",") || c+1 >= end {
			continue
		}
		if who, cue, ok := a.attributionAt(toks, c+1, end); ok {
			return who, cue, true
		}
	}
	return speaker{}, "", false
}

// attributionAt reads an attribution that starts at toks[j] and ends
// the sentence at end: "according to Kelmarin", "said Kelmarin, the
// foreign minister", "the statement said", "Oryen, who arrived later, said".
func (a *article) attributionAt(toks []token, j, end int) (speaker, string, bool) {
	if toks[j].is("according") && j+1 < end && toks[j+1].is("to") {
		if who, ok := a.speakerAfter(toks, j+2, end); ok {
			return who, "according to", true
		}
		return speaker{}, "", false
	}
	if isCueToken(toks, j) && cues[toks[j].lower].form == finite {
		if who, ok := a.speakerAfter(toks, j+1, end); ok {
			return who, toks[j].lower, true
		}
		return speaker{}, "", false
	}
	for k := j + 1; k < end && k < j+30; k++ {
		if reportsAfterSpeaker(toks, k) {
			b, e, ok := npBefore(toks, j, k)
			if !ok || b != j || !endsAfterCue(toks, k+1, end) {
				return speaker{}, "", false
			}
			who, ok := a.resolve(toks, b, e, toks[k].start)
			return who, toks[k].lower, ok
		}
	}
	return speaker{}, "", false
}

// colonSpeaker reads the speaker of a quotation after a colon that no
// cue introduces: a name alone ("Clinton:"), or the subject of the
// sentence ("Perez lobbies for a higher minimum wage:").
func (a *article) colonSpeaker(toks []token, lo, c int) (speaker, bool) {
	if b, e, ok := npWords(toks, lo, c); ok && (b == lo || toks[b-1].isPunct("-—–")) && toks[e-1].capital {
		if who, ok := a.resolve(toks, b, e, toks[b].start); ok && who.name != "" {
			return who, true
		}
	}
	who, ok := a.clauseSubject(toks, lo, c)
	if !ok || who.name == "" || passiveAfter(toks, who.end) {
		return speaker{}, false
	}
	return who, true
}

// introSentence reads a short sentence that attributes the quotation
// after it: "Bystrom agreed.", "Lau said in a statement."
func (a *article) introSentence(toks []token, oi int) (speaker, string, bool) {
	end := oi - 1 // the sentence's end
	lo := end
	for lo > 0 && !toks[lo-1].sentenceEnd() {
		lo--
	}
	if end-lo > 20 || toks[end].kind == mark {
		return speaker{}, "", false
	}
	for k := lo + 1; k < end; k++ {
		if reportsAfterSpeaker(toks, k) && endsAfterCue(toks, k+1, end) {
			b, e, ok := npBefore(toks, lo, k)
			if !ok || b != lo && !toks[b-1].isPunct(",") {
				return speaker{}, "", false
			}
			who, ok := a.resolve(toks, b, e, toks[k].start)
			return who, toks[k].lower, ok
		}
	}
	return speaker{}, "", false
}

// intro reads a paragraph that introduces the quotation of the next one:
// "Kelmarin continued:", "In a statement, the ministry said:".
func (a *article) intro(pi int) (speaker, string, bool) {
	toks := a.tokens(pi)
	n := len(toks)
	if n < 2 || !toks[n-1].isPunct(":") {
		return speaker{}, "", false
	}
	lo := n - 1
	for lo > 0 && !toks[lo-1].sentenceEnd() {
		lo--
	}
	return a.before(toks, lo, n-1)
}

// clauseSubject finds the subject of the clause that holds toks[k]: its
// first words after an introductory phrase ("In an interview with
// Interfax, Karasin welcomed…").
func (a *article) clauseSubject(toks []token, lo, k int) (speaker, bool) {
	// “…,” she said, adding that…: the quotation's speaker.
	for i := len(a.found) - 1; i >= 0; i-- {
		fd := &a.found[i]
		if fd.speech && fd.who.end > fd.who.start && fd.span.close >= toks[lo].start && fd.span.close < toks[k].start &&
			fd.who.start >= toks[lo].start && fd.who.end <= toks[k].start {
			return fd.who, true
		}
	}
	j := lo
	for j < k && toks[j].kind != word {
		j++
	}
	if j >= k {
		return speaker{}, false
	}
	j = skipDateline(toks, j, k)
	j = skipIntro(toks, j, k)
	if j+1 < k && a.opensPhrase(&toks[j]) && (toks[j+1].isPunct(",") || toks[j+1].kind == word && !toks[j+1].capital) {
		// "Reached by phone, Carson explained", "Continuing, he said";
		// past an apposition of a name in the phrase too ("Preceded by
		// Joe Arpaio, the Arizona sheriff, Trump launched…").
		for n := 0; n < 2 && j < k; n++ {
			c := j
			for c < k && !toks[c].isPunct(",") {
				c++
			}
			j = c + 1
			if !(c > 0 && toks[c-1].capital && j < k && determiners[toks[j].lower]) {
				break
			}
		}
	}
	if j >= k {
		return speaker{}, false
	}
	return a.speakerAfter(toks, j, k)
}

// opensPhrase reports whether a capitalised word that starts a sentence
// opens a phrase before its subject: a participle or an adverb that is no
// name ("Reached", "Continuing", "Hastily").
func (a *article) opensPhrase(t *token) bool {
	if !t.capital || a.properNoun(*t) {
		return false
	}
	w := t.lower
	return len(w) > 4 && !strings.Contains(w, "-") && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly"))
}

// skipDateline skips a dateline that starts a paragraph at toks[j]:
// "PORT SAVA — Kestrian President Tomas Ferrin…", "LINDGRAD, Norvalia —".
func skipDateline(toks []token, j, k int) int {
	if j >= k || toks[j].kind != word || !isAllCaps(toks[j].text) {
		return j
	}
	for i := j + 1; i < k && i <= j+6; i++ {
		switch {
		case toks[i].isPunct("—–"):
			return i + 1
		case toks[i].kind == word || toks[i].isPunct(",("):
		default:
			return j
		}
	}
	return j
}

// skipIntro skips the introductory phrases that start a sentence at
// toks[j] ("Thursday, after remaining neutral, Warren…"), up to toks[k].
func skipIntro(toks []token, j, k int) int {
	for n := 0; n < 3 && j < k && toks[j].kind == word && (introWords[toks[j].lower] || timeWords[toks[j].lower]); n++ {
		c := j
		for c < k && !toks[c].isPunct(",") {
			c++
		}
		if c >= k {
			return j
		}
		j = c + 1
	}
	return j
}

// introWords start a phrase before a sentence's subject.
var introWords = wordSet(`in on at after before during when while as since following speaking asked writing
	addressing responding meanwhile however earlier later still yet also separately last this next ahead
	despite amid although though because if once with without by from for under according`)
