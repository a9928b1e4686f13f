package dates

import "strings"

// tense is where the clause of a date places it against publication.
type tense uint8

const (
	// past is also the neutral reading, as news mostly reports what
	// happened: on or before publication.
	past tense = iota
	// future is after publication.
	future
	// near is an expectation reported in the past tense ("was expected in
	// Belvasta on Tuesday", "was set to meet on Wednesday", "would meet on
	// Monday"). It looks ahead from a time before publication, so the day
	// it names may fall on either side of it: news tells of what is close
	// to publication, and the nearer one is taken (see resolveAt and
	// nearestYear).
	near
)

// mark is what a word says of the time of its clause.
type mark uint8

const (
	noMark mark = iota
	// willMark looks ahead from publication: "will", "is expected to".
	willMark
	// wasMark looks ahead from the past: "would", "was expected to".
	wasMark
	// pastMark is a verb in the past tense: "arrived", "was held" (see
	// pastAt).
	pastMark
	// bareMark is a participle of expectation with no form of be, whose
	// tense is that of its clause: "talks expected to resume Tuesday",
	// "games scheduled for Wednesday were called off". Read alone, as
	// wasMark.
	bareMark
)

// tense returns the tense of the clause around tokens [ti, tj). The clause
// runs from the start of its sentence or clause (see startsClause) to the
// next; within it, the date's comma segment runs from the comma before it
// to the comma after it. Reading in order:
//
//  1. A date that dates a report is past: a past reporting verb up to five
//     words before it, with no comma or marker between ("said on Tuesday
//     that talks will resume"), or right after it ("on Tuesday said").
//  2. The verb that governs the date sets the tense (see governing):
//     "arrived on Tuesday … a ceasefire that was supposed to end the
//     fighting" is past, whatever else the clause holds.
//
// When no verb governs the date as governing reads it:
//
//  3. A marker in the comma segment, the nearest before the date or else
//     the first after it (after the date, only before a verb of speech:
//     "surprised the world Monday by saying he will resign" is past).
//  4. A segment that is a relative clause ("which last met in December")
//     or holds a past auxiliary (was, were, had, did) keeps to itself: past.
//  5. A marker anywhere in the clause, found the same way ("On Tuesday, the
//     ministers will meet").
//  6. Anything else is neutral, read as the past, which news mostly
//     reports.
//
// See markAt for the markers.
func (f *finder) tense(ti, tj int) tense {
	lo := ti
	for lo > 0 && !f.toks[lo].clause {
		lo--
	}
	hi := tj
	for hi < len(f.toks) && !f.toks[hi].clause {
		hi++
	}
	for k := ti - 1; k >= lo && k >= ti-5; k-- {
		if f.markAt(k) != noMark || f.isPunct(k, ",") {
			break
		}
		if f.has(k, fReport) {
			return past
		}
	}
	if tj < hi && f.has(tj, fReport) {
		return past
	}
	if t, ok := f.governing(lo, ti, tj, hi); ok {
		return t
	}
	segLo := ti
	for segLo > lo && !f.isPunct(segLo-1, ",") {
		segLo--
	}
	segHi := tj
	for segHi < hi && !f.isPunct(segHi, ",") {
		segHi++
	}
	if m := f.markIn(segLo, ti, tj, segHi); m != noMark {
		return m.tense()
	}
	if f.has(segLo, fRelative) {
		return past
	}
	for k := segLo; k < segHi; k++ {
		if f.has(k, fPastAux) {
			return past
		}
	}
	return f.markIn(lo, ti, tj, hi).tense()
}

func (m mark) tense() tense {
	switch m {
	case willMark:
		return future
	case wasMark, bareMark:
		return near
	}
	return past
}

// markIn returns the marker nearest before the date in [lo, ti), or else
// the first in [tj, hi) before a verb of speech. Markers in a quotation
// the date is not in, or outside the one it is in, do not count: in "“I
// will believe it,” said Tashen, reached on Saturday", "will" is hers (see
// quotes).
func (f *finder) markIn(lo, ti, tj, hi int) mark {
	var q quotes
	for k := ti - 1; k >= lo; k-- {
		read, stop := q.back(f, k, hi)
		if stop {
			break
		}
		if !read {
			continue
		}
		if m := f.markAt(k); m != noMark {
			return m
		}
	}
	q = quotes{}
	for k := tj; k < hi && !f.has(k, fSpeech); k++ {
		read, stop := q.forth(f, k, hi)
		if stop {
			break
		}
		if !read {
			continue
		}
		if m := f.markAt(k); m != noMark {
			return m
		}
	}
	return noMark
}

// quotes follows the quotation marks met reading away from a date, to
// tell the words of the date's own sentence from what it quotes. A partial
// quotation, closed right after a word ("called it “a farce” on Tuesday",
// "said it is “going to be difficult” to agree by December 25") or opened
// after a word that is no verb of speech ("will be “laying out the choice
// … in November”"), is part of the sentence and read through; a
// quotation closed after the comma or full stop that ends what was said
// ("“We met,” she said") is not.
type quotes struct {
	depth   int // quotations entered that the date is not in
	partial int // partial quotations entered, reading back
}

// back reads the token at k, reading back from the date. read says whether
// k is a word of the date's sentence, stop whether the date's own
// quotation opens at k.
func (q *quotes) back(f *finder, k, hi int) (read, stop bool) {
	switch f.quoteMark(k) {
	case -1:
		if q.depth == 0 && f.partialClose(k) {
			q.partial++
		} else {
			q.depth++
		}
		return false, false
	case 1:
		switch {
		case q.depth > 0:
			q.depth--
		case q.partial > 0:
			q.partial--
		default:
			return false, !f.partialQuote(k, hi)
		}
		return false, false
	}
	return q.depth == 0, false
}

// forth reads the token at k, reading on from the date, as back does.
func (q *quotes) forth(f *finder, k, hi int) (read, stop bool) {
	switch f.quoteMark(k) {
	case 1:
		if q.depth > 0 || !f.partialQuote(k, hi) {
			q.depth++
		}
		return false, false
	case -1:
		switch {
		case q.depth > 0:
			q.depth--
		case !f.partialClose(k):
			return false, true
		}
		return false, false
	}
	return q.depth == 0, false
}

// partialQuote reports whether the quotation that opens at k is part of
// the sentence around it: it opens after a word that neither reports
// speech nor opens a clause ("will be “laying out the choice…”", not
// "tweeting that “many lawyers want…”"), or closes right after a word.
func (f *finder) partialQuote(k, hi int) bool {
	if p := k - 1; f.in(p) && f.toks[p].kind == word && f.toks[p].shape == lower && !f.has(p, fSpeech|fSubord) {
		return true
	}
	c := f.closerOf(k, hi)
	return c >= 0 && f.partialClose(c)
}

// closerOf returns the mark that closes the quotation opening at k, within
// maxReach tokens and before hi, or -1.
func (f *finder) closerOf(k, hi int) int {
	depth := 0
	for j, n := k+1, 0; j < hi && n < maxReach; j, n = j+1, n+1 {
		switch f.quoteMark(j) {
		case 1:
			depth++
		case -1:
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// partialClose reports whether the closing mark at k follows a word or a
// number, ending a partial quotation, rather than a mark that ends what
// was said.
func (f *finder) partialClose(k int) bool {
	return k > 0 && f.toks[k-1].kind != punct
}

// quoteMark returns 1 for a mark that opens a quotation at k, -1 for one
// that closes it, 0 for anything else. A straight double quote opens after
// white space or a bracket or dash, and closes after anything else; a
// right single quote with a letter glued after it is an apostrophe
// ("Kelmarin’s", "don’t"), and a straight one is always taken for one.
func (f *finder) quoteMark(k int) int {
	t := &f.toks[k]
	if t.kind != punct {
		return 0
	}
	switch t.num {
	case '“', '‘', '«', '„':
		return 1
	case '”', '»':
		return -1
	case '’':
		if f.glued(k+1) && f.toks[k+1].kind == word {
			return 0
		}
		return -1
	case '"':
		if k == 0 || !f.glued(k) || f.isPunct(k-1, "([{—–-") {
			return 1
		}
		return -1
	}
	return 0
}

// markAt returns the marker that starts at token k, if any. Markers of the
// future are will, shall, 'll, won't, may, might, next (before a week,
// month, year or day, not after "the", or after a possessive: "his next
// court appearance"), upcoming, forthcoming, expect, predict, forecast
// (before "to" or after be). Expectations are expected, scheduled, set, slated,
// poised, likely, supposed, meant (before "to" or "for"), "is due", "is
// expected" (before anything), and plans, intends, going (before "to").
// After is, are, be or has been, a marker looks ahead from publication;
// after was, were or had been ("was forecast to", "was planning to"), and
// in a past form without be ("planned to"), from the past, as "would"
// does.
func (f *finder) markAt(k int) mark {
	t := &f.toks[k]
	if t.kind != word || t.flags&(fWill|fWould|fDueTo|fPlanTo) == 0 {
		return noMark
	}
	switch {
	case t.flags&fWill != 0:
		if !f.willAt(k) {
			return noMark
		}
		if be := f.beBefore(k); be >= 0 {
			return f.beMark(be) // "was forecast to"
		}
		return willMark
	case t.flags&fWould != 0:
		return wasMark
	case t.flags&fDueTo != 0:
		to := f.wordIs(k+1, "to") || f.wordIs(k+1, "for") // "is due to", "set for Wednesday"
		be := f.beBefore(k)
		switch {
		case f.wordIs(k, "due"):
			// "due to the shelling" gives a cause; "due in Trevanna on
			// Tuesday" an arrival.
			if be < 0 {
				return noMark
			}
		case f.wordIs(k, "expected"):
			if !to && be < 0 {
				return noMark // "as expected"
			}
		case !to:
			return noMark
		}
		if be >= 0 {
			return f.beMark(be)
		}
		return bareMark
	}
	if !f.wordIs(k+1, "to") {
		return noMark
	}
	if be := f.beBefore(k); be >= 0 {
		return f.beMark(be) // "is going to", "was planning to"
	}
	if f.endsIn(k, "ed") {
		return wasMark // "planned to"
	}
	return willMark
}

// willAt reports whether the word at k, one of fWill, marks the future
// where it stands.
func (f *finder) willAt(k int) bool {
	t := &f.toks[k]
	switch w := f.text[t.start:t.end]; {
	case w == "ll":
		return f.isPunct(k-1, "'’") && f.glued(k)
	case w == "won" || w == "Won":
		return f.isPunct(k+1, "'’") && f.glued(k+1) && f.wordIs(k+2, "t")
	case t.flags&fNext != 0:
		// "next week", "next Tuesday", "his next court appearance"; but
		// "the next day" and "the next highest" place nothing after
		// publication, nor does "next to the border".
		return f.has(k+1, fUnit|fWeekday|fMonth) && !f.has(k-1, fThe) ||
			f.has(k-1, fDeterminer) && !f.has(k-1, fThe|fGeneric) && f.in(k+1) && f.toks[k+1].kind == word
	case strings.EqualFold(w, "forecast") || strings.EqualFold(w, "forecasts"):
		// A verb before "to" or after be, not "the growth forecast".
		return f.wordIs(k+1, "to") || f.beBefore(k) >= 0
	case f.wordIs(k-1, "to"):
		return false // "details about what to expect Monday evening"
	case t.flags&fMonth != 0 || w == "might" || w == "Might":
		// "may" and "might", but not the month, and not "may have".
		return t.shape != upper && (t.flags&fMonth == 0 || t.shape == lower) && !f.wordIs(k+1, "have")
	}
	return true
}

// beBefore returns the form of be just before the word at k, past adverbs
// and "n't" ("was originally expected", "isn't expected"), or -1.
func (f *finder) beBefore(k int) int {
	p := f.skipAdverbs(k - 1)
	if f.has(p, fBe) {
		return p
	}
	return -1
}

// skipAdverbs returns the first token at or before k that is not one of
// up to two adverbs ("now", "originally") or the "'t" of "n't".
func (f *finder) skipAdverbs(k int) int {
	for n := 0; n < 2 && f.in(k); n++ {
		switch {
		case f.wordIs(k, "t") && f.isPunct(k-1, "'’") && f.glued(k) && f.glued(k-1):
			k -= 2
		case f.has(k, fAdverb) || f.toks[k].kind == word && f.toks[k].shape == lower && f.endsIn(k, "ly"):
			k--
		default:
			return k
		}
	}
	return k
}

// beMark is what the form of be at k makes of an expectation after it.
func (f *finder) beMark(k int) mark {
	switch {
	case f.has(k, fPastAux): // was, were
		return wasMark
	case f.wordIs(k, "been") && f.wordIs(k-1, "had"):
		return wasMark
	}
	return willMark
}

// endsIn reports whether the word at k ends in suffix, in lower case.
func (f *finder) endsIn(k int, suffix string) bool {
	t := &f.toks[k]
	n := int(t.end - t.start)
	return n > len(suffix)+1 && f.text[int(t.end)-len(suffix):t.end] == suffix
}

// maxReach is how many tokens governing reads on either side of a date: a
// clause seldom runs longer, and text without stops must not make reading
// tense quadratic.
const maxReach = 40

// governing reads the tense of the verb that governs the date at [ti, tj)
// in the clause [lo, hi): the nearest verb form before it ("handed over 98
// detainees at a checkpoint on Thursday"), or else the first after it ("On
// Friday, researchers posted findings"). A verb form is a marker (see
// markAt), an infinitive that looks ahead (see prospect), or a past tense
// (see pastAt). It passes over quotations the date is not in, a relative
// or subordinate clause between commas before the date ("Kelmarin, who
// will chair the talks, arrived on Tuesday") and a relative one after it, and stops at the start of
// a relative clause the date is in. A date after "than" is past. A
// participle of expectation without
// be ("games scheduled for Wednesday were called off") looks ahead from
// the past unless the verb that governs it is future. ok is false when no
// verb form is found.
func (f *finder) governing(lo, ti, tj, hi int) (t tense, ok bool) {
	// bare: a participle of expectation without be was passed; phrase: a
	// past form that opens a phrase, which gives the tense only when no
	// verb before it does.
	bare, phrase := false, false
	settle := func(m mark) (tense, bool) {
		if m == bareMark || bare && m != willMark {
			return near, true
		}
		return m.tense(), true
	}
	var q quotes
	for k, n := ti-1, 0; k >= lo && n < maxReach; k, n = k-1, n+1 {
		read, stop := q.back(f, k, hi)
		if stop {
			break
		}
		if !read {
			continue
		}
		if f.isPunct(k, ",") {
			// A relative clause, or a clause put before the main one
			// ("Though the economy is expected to slow, Friday's report
			// was…"), governs nothing after it.
			if s := f.segmentStart(k, lo); f.relativeAt(s) || f.has(s, fSeam|fSubord) {
				k = s
			}
			continue
		}
		if f.relativeAt(k) || f.clauseOpens(k) {
			break // the verb of the clause the date is in comes after this
		}
		if f.wordIs(k, "than") {
			// What a comparison measures against is known already: "expect
			// the next round to be harder than the talks of October".
			return settle(pastMark)
		}
		if m := f.verbAt(k, lo); m != noMark {
			switch {
			case m == bareMark:
				bare = true
				continue
			case m == pastMark && f.opensPhrase(k):
				phrase = true
				continue
			}
			return settle(m)
		}
	}
	if phrase {
		return settle(pastMark)
	}
	q = quotes{}
	for k, n := tj, 0; k < hi && n < maxReach; k, n = k+1, n+1 {
		read, stop := q.forth(f, k, hi)
		if stop {
			break
		}
		if !read {
			continue
		}
		if f.relativeAt(k) {
			for k+1 < hi && !f.isPunct(k+1, ",") && n < maxReach {
				k, n = k+1, n+1
			}
			continue
		}
		if f.has(k, fSpeech) && !f.pastAt(k) {
			break // "by saying he will resign": what was said
		}
		if m := f.verbAt(k, lo); m != noMark {
			if m == pastMark && f.opensPhrase(k) && f.wordIs(k+1, "by") {
				continue // "…, followed by a wave of cuts": a participle, no verb of the clause
			}
			return settle(m)
		}
	}
	if bare {
		return near, true
	}
	return past, false
}

// verbAt returns what the word at k says of the time of its clause: a
// marker, an infinitive that looks ahead, a past tense, or noMark.
func (f *finder) verbAt(k, lo int) mark {
	if m := f.markAt(k); m != noMark {
		return m
	}
	if m := f.prospect(k, lo); m != noMark {
		return m
	}
	if f.pastAt(k) {
		return pastMark
	}
	return noMark
}

// opensPhrase reports whether the past form at k opens a phrase, after a
// comma or at the start of a clause, as a participle does ("…, followed by
// the primary on February 29", "…, reached by telephone on Saturday"), or
// follows an apposition, as a past tense does ("Kelmarin, the foreign
// minister, arrived on Tuesday"). A reporting verb there ("…, said
// Kelmarin") is a past tense.
func (f *finder) opensPhrase(k int) bool {
	if f.has(k, fReport|fPastAux) {
		return false
	}
	p := f.skipAdverbs(k - 1)
	return p < 0 || f.isPunct(p, ",") || f.toks[p+1].clause
}

// clauseOpens reports whether a subordinate clause or one with a subject
// pronoun opens at k ("that", "if", "in case", "he"), whose verb, if the
// date is in it and none came between, is after the date: in "said he
// hopes the defeat of Trump in November will cause…", "said" does not
// govern November.
func (f *finder) clauseOpens(k int) bool {
	t := &f.toks[k]
	if t.kind != word {
		return false
	}
	switch {
	case t.flags&fSubord != 0:
		return t.shape == lower
	case t.flags&fSubject != 0:
		return true
	}
	return f.wordIs(k, "case") && f.wordIs(k-1, "in")
}

// relativeAt reports whether a relative clause starts at k: "which",
// "who", but not "WHO".
func (f *finder) relativeAt(k int) bool {
	return f.has(k, fRelative) && f.toks[k].shape == lower
}

// segmentStart returns the first token of the comma segment that ends at
// the comma at k, not before lo.
func (f *finder) segmentStart(k, lo int) int {
	s := k
	for n := 0; s > lo && !f.isPunct(s-1, ",") && n < maxReach; n++ {
		s--
	}
	return s
}

// prospect reads an infinitive at k ("to halt") for what it says of a date
// after it. After is or are ("is to meet") it looks ahead from
// publication, after was or were from the past. After a verb of intent in
// the present ("hopes to meet", "agree to halt") it looks ahead from
// publication; after one in the past with a date of its own between
// ("agreed on Saturday to halt the fighting from noon on Sunday"), from
// that date, which is before publication. After one in the past without
// a date of its own, the date may be the verb's ("voted to lift it on
// Saturday"), and the verb decides.
func (f *finder) prospect(k, lo int) mark {
	if !f.wordIs(k, "to") || !f.spaced(k+1) {
		return noMark
	}
	if n := &f.toks[k+1]; n.kind != word || n.shape != lower || n.flags&fDeterminer != 0 {
		return noMark // "to Trevanna", "to a ceasefire"
	}
	if be := f.beBefore(k); be >= 0 {
		return f.beMark(be)
	}
	dated := false
	for j := k - 1; j >= lo && j >= k-4; j-- {
		t := &f.toks[j]
		switch {
		case t.kind == punct:
			return noMark
		case t.kind == number || t.flags&(fWeekday|fMonth|fRelDay) != 0:
			dated = true
		case t.flags&(fWill|fWould|fDueTo|fPlanTo) != 0:
			return noMark // a marker, read where it stands
		case t.flags&fIntend != 0:
			switch {
			case !f.pastForm(j):
				return willMark
			case dated:
				return wasMark
			}
			return noMark
		}
	}
	return noMark
}

// pastForm reports whether the word at k has the form of a past tense:
// was, were, had, did, a reporting verb, an irregular past or a word in
// -ed that is no adjective or noun ("hundred", "armed").
func (f *finder) pastForm(k int) bool {
	t := &f.toks[k]
	if t.kind != word || t.shape != lower {
		return false
	}
	if t.flags&(fPastAux|fPastForm|fReport) != 0 {
		return true
	}
	return t.flags&fNotPast == 0 && f.endsIn(k, "ed")
}

// pastAt reports whether the word at k is a past tense that can govern a
// date: not a participle after is, are, be, a modal or "to" ("will be
// held", "is expected to have met"), and not an adjective after a
// determiner, a preposition, "than" or "as" ("the planned talks", "behind
// closed doors", "than initially planned"), in a compound ("so-called"),
// or after a bare verb that a modal or "to" governs ("will reach displaced
// families").
func (f *finder) pastAt(k int) bool {
	if !f.pastForm(k) {
		return false
	}
	t := &f.toks[k]
	if t.flags&fPastAux != 0 {
		return true
	}
	if f.glued(k) && f.isPunct(k-1, "-") {
		return false
	}
	p := f.skipAdverbs(k - 1)
	switch {
	case f.has(p, fBe):
		return f.has(p, fPastAux) || f.wordIs(p, "been") // "was held", "has been held"
	case f.has(p, fModal|fDeterminer|fPrep):
		return false
	case t.flags&fPastForm == 0 && f.has(p-1, fModal|fWill) && f.in(p) && f.toks[p].kind == word && f.toks[p].shape == lower:
		return false
	}
	return true
}
