package quote

import "strings"

// report is a sentence that reports speech without quotation marks:
// "Pashinyan said that talks would resume", "According to Peskov, work
// continues", "Talks will resume, officials said."
type report struct {
	para       int
	b, e       int // the speaker's words: tokens[b:e] of the paragraph
	cue        int // the cue's token
	from, to   int // the reported words: tokens[from:to]
	sentence   [2]int
	hasContent bool
}

// reportsIn returns the sentences of paragraph pi outside quotations
// that report speech, in order. The reports are what pronouns may stand
// for, and indirect speech when the Finder reports it. They are read
// when first asked for: without indirect speech only the paragraphs
// around a pronoun that speaks are, and reading every paragraph was
// most of the cost of finding quotations.
func (a *article) reportsIn(pi int) []report {
	if a.reportsRead == nil {
		a.reportsRead = make([]bool, len(a.paras))
		a.reports = make([][]report, len(a.paras))
	}
	if a.reportsRead[pi] {
		return a.reports[pi]
	}
	a.reportsRead[pi] = true
	p := a.paras[pi]
	if !mayReport(a.text[p.start:p.end], a.lowerOf(pi)) {
		return nil // no sentence of it can report speech: no need to tokenize it
	}
	toks := a.tokens(pi)
	start := 0
	for i := range toks {
		if !toks[i].sentenceEnd() && i+1 < len(toks) {
			continue
		}
		end := i + 1
		if toks[start].kind != mark || !a.insideQuote(toks[start].end) {
			if r, ok := a.reportIn(pi, toks, start, end); ok {
				a.reports[pi] = append(a.reports[pi], r)
			}
		}
		start = end
	}
	return a.reports[pi]
}

// mayReport reports whether a paragraph's text, lower-cased as lower,
// may hold a sentence that reportIn reads as reported speech: one with
// "according" or a cue that may follow its speaker (reportsAfterSpeaker)
// and is neither weak nor a label. A token is one of those words only
// where a run of ASCII letters spells it, lower-case but for "Said" and
// "Says" (isCueToken), so the check looks up the letter runs of lower
// without tokenizing. The Kelvin sign is the one non-ASCII letter whose
// lower case is ASCII (k): a paragraph that holds one is tokenized to be
// sure.
func mayReport(text, lower string) bool {
	to := len(text)
	for i := 0; i < to; {
		c := lower[i]
		if c < 'a' || c > 'z' {
			if c == 0xE2 && strings.HasPrefix(text[i:to], "\u212A") {
				return true
			}
			i++
			continue
		}
		h := wordHash(0, c)
		j := i + 1
		for j < to && lower[j] >= 'a' && lower[j] <= 'z' {
			h = wordHash(h, lower[j])
			j++
		}
		// Most words are none of them: the filter rejects them without a
		// map lookup.
		if reportFilter.has(h) {
			w := lower[i:j]
			if w == "according" || w == "said" || w == "says" || text[i] >= 'a' && reportCues[w] {
				return true
			}
		}
		i = j
	}
	return false
}

// wordHash adds byte c to the hash h of a word.
func wordHash(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

// wordFilter is a set of word hashes, a bit each: a word whose hash is
// not in it is not in the words it was built from.
type wordFilter [wordFilterBits / 64]uint64

const wordFilterBits = 1 << 13

func (f *wordFilter) add(w string) {
	h := uint32(0)
	for i := 0; i < len(w); i++ {
		h = wordHash(h, w[i])
	}
	h %= wordFilterBits
	f[h/64] |= 1 << (h % 64)
}

func (f *wordFilter) has(h uint32) bool {
	h %= wordFilterBits
	return f[h/64]&(1<<(h%64)) != 0
}

// reportCues are the cues reportIn reads reported speech after, and
// reportFilter holds them with "according".
var reportCues, reportFilter = func() (map[string]bool, *wordFilter) {
	m := map[string]bool{}
	f := &wordFilter{}
	for w, c := range cues {
		if c.form != participle && !c.label && !weakCues[w] {
			m[w] = true
			f.add(w)
		}
	}
	f.add("according")
	return m, f
}()

// reportIn finds the reported speech of the sentence toks[lo:hi].
func (a *article) reportIn(pi int, toks []token, lo, hi int) (report, bool) {
	end := hi
	if end > lo && toks[end-1].sentenceEnd() {
		end--
	}
	r := report{para: pi, sentence: [2]int{lo, hi}}
	for k := lo; k < end; k++ {
		t := &toks[k]
		if t.kind == mark {
			return report{}, false // quotations are read as such
		}
		// "According to Peskov, work continues."
		if t.lower == "according" && k+1 < end && toks[k+1].is("to") && (k == lo || toks[k-1].isPunct(",")) {
			b, e, ok := npAfter(toks, k+2, end)
			if !ok {
				return report{}, false
			}
			r.b, r.e, r.cue = b, e, k
			switch {
			case k == lo && e < end && toks[e].isPunct(","):
				r.from, r.to = skipApposition(toks, e+1, end), end
			case k > lo:
				r.from, r.to = lo, k-1
			default:
				return report{}, false
			}
			r.hasContent = r.to-r.from >= 3
			return r, true
		}
		if !reportsAfterSpeaker(toks, k) || weakCues[t.lower] || cues[t.lower].label {
			continue
		}
		// "Talks will resume, officials said."
		if k > lo+3 && !subordinators[toks[lo].lower] {
			if c := commaBefore(toks, lo, k); c > lo && endsAfterCue(toks, k+1, end) {
				if b, e, ok := npBefore(toks, c+1, k); ok && b == c+1 {
					r.b, r.e, r.cue, r.from, r.to = b, e, k, lo, c
					r.hasContent = c-lo >= 3
					return r, true
				}
			}
		}
		b, e, ok := npBefore(toks, lo, k)
		if !ok || nounLike[t.lower] && !namesSpeaker(&toks[e-1]) {
			continue
		}
		r.b, r.e, r.cue = b, e, k
		// "said that …", "told reporters on Tuesday that …"
		j := k + 1
		for n := 0; j < end && n < 8 && !toks[j].is("that") && adverbial(&toks[j]); j, n = j+1, n+1 {
		}
		if j < end && toks[j].is("that") {
			r.from, r.to = j+1, end
		} else if cues[t.lower].object || t.lower == "said" || t.lower == "says" {
			// "Nagdalyan said Mnatsakanyan met Lavrov on Wednesday."
			j = k + 1
			if cues[t.lower].object {
				j = skipObject(toks, j, end)
			}
			if j < end && (toks[j].capital || pronounToken(&toks[j]) || determiners[toks[j].lower] || toks[j].is("there")) && !timeWords[toks[j].lower] {
				r.from, r.to = j, end
			}
		}
		r.hasContent = r.to-r.from >= 4 && !a.quotedWithin(toks, r.from, r.to)
		return r, true
	}
	return report{}, false
}

// quotedWithin reports whether a quotation lies in toks[from:to]: the
// quotation is reported as such.
func (a *article) quotedWithin(toks []token, from, to int) bool {
	for i := from; i < to; i++ {
		if toks[i].kind == mark && a.insideQuote(toks[i].end) {
			return true
		}
	}
	return false
}

// adverbial reports whether a word may stand between a cue and "that":
// "said on Tuesday that", "told reporters in Kelvash that", "said in a
// statement that".
func adverbial(t *token) bool {
	if t.kind != word {
		return t.isPunct(",")
	}
	return t.capital || t.possessive || timeWords[t.lower] || determiners[t.lower] || describes(t.lower) ||
		objectPronouns[t.lower] || skipBeforeCue[t.lower] || adverbialPrepositions[t.lower] || isNumber(t.text)
}

var adverbialPrepositions = wordSet(`in on at during to after before via through with from by over`)

// subordinators open a clause that is no one's words: "When asked by
// Kommersant if Baku was ready, the spokeswoman said yes."
var subordinators = wordSet(`when if as after before while although though because since unless whether until once`)

// skipApposition skips a description after "according to NAME,": "the
// head of the Baku Club of Political Scientists,".
func skipApposition(toks []token, j, end int) int {
	if j >= end || !determiners[toks[j].lower] {
		return j
	}
	role := false
	for k := j; k < end && k < j+20; k++ {
		if toks[k].isPunct(",") {
			if role {
				return k + 1
			}
			return j
		}
		if roleNouns[toks[k].lower] {
			role = true
		}
	}
	return j
}

// commaBefore returns the last comma between toks[lo] and toks[k], or -1.
func commaBefore(toks []token, lo, k int) int {
	for c := k - 1; c > lo; c-- {
		if toks[c].isPunct(",") {
			return c
		}
	}
	return -1
}

// skipObject skips the hearer after "told": "told reporters", "told the
// Belvasta Times".
func skipObject(toks []token, j, end int) int {
	if j < end && (objectPronouns[toks[j].lower] || toks[j].lower == "reporters" || toks[j].lower == "journalists") {
		return j + 1
	}
	b, e, ok := npAfter(toks, j, end)
	if !ok || b != j {
		return j
	}
	return e
}

// indirect adds the reports whose words are a clause as indirect
// speech.
func (a *article) indirect() {
	for pi := range a.paras {
		for _, r := range a.reportsIn(pi) {
			if !r.hasContent {
				continue
			}
			toks := a.tokens(r.para)
			who, ok := a.resolve(toks, r.b, r.e, toks[r.cue].start)
			if !ok {
				continue
			}
			from, to := toks[r.from].start, toks[r.to-1].end
			cue := toks[r.cue].lower
			if cue == "according" {
				cue = "according to"
			}
			a.found = append(a.found, found{speech: true, kind: Indirect, cue: cue, who: who, rule: rule{reported}, text: [2]int{from, to}})
		}
	}
}

// reportSpeaker returns the speaker of a report, without resolving
// pronouns.
func (a *article) reportSpeaker(r report) (speaker, bool) {
	toks := a.tokens(r.para)
	if r.e-r.b == 1 && pronounToken(&toks[r.b]) {
		return speaker{}, false
	}
	return a.resolve(toks, r.b, r.e, toks[r.cue].start)
}
