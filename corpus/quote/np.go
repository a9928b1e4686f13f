package quote

// maxSpeakerWords bounds the words that may name a speaker: longer runs
// are clauses, not names or descriptions.
const maxSpeakerWords = 12

// npBefore finds the words that name the speaker of the cue at toks[k],
// reading backwards, not before toks[lo]: "Kelmarin", "the Russian Foreign
// Ministry", "a spokesman for the campaign". Words between two commas
// after a name are skipped, so that in "Samsel, the ministry's spokesman,
// said" and "Oryen, who arrived an hour later, said" the speaker is the
// name.
func npBefore(toks []token, lo, k int) (int, int, bool) {
	j := k - 1
	for j >= lo && toks[j].kind == word && skipBeforeCue[toks[j].lower] && !toks[j].capital {
		j--
	}
	if j < lo {
		return 0, 0, false
	}
	// "a White House official who spoke anonymously said": the words
	// before the relative clause.
	for w := j; w > lo && w >= j-20 && toks[w].kind == word; w-- {
		if toks[w].is("who") {
			if toks[w-1].kind == word {
				if b, e, ok := npWords(toks, lo, w); ok {
					return b, e, true
				}
			}
			break
		}
	}
	if toks[j].isPunct(",") {
		// An apposition or relative clause: find the comma that opens it.
		for c := j - 1; c > lo && c >= j-30; c-- {
			t := &toks[c]
			if t.sentenceEnd() || t.kind == mark {
				break
			}
			if t.isPunct(",") {
				next := &toks[c+1]
				relative := next.is("who") || next.is("whose")
				b, e, ok := npWords(toks, lo, c)
				if ok && (relative || hasName(toks, b, e)) {
					return b, e, true
				}
				break
			}
		}
		return 0, 0, false
	}
	if toks[j].isPunct(")") {
		// "Tancredo (R-Colo.) said".
		for c := j - 1; c > lo && c >= j-8; c-- {
			if toks[c].isPunct("(") {
				return npWords(toks, lo, c)
			}
		}
		return 0, 0, false
	}
	return npWords(toks, lo, j+1)
}

// npWords reads the description that ends just before toks[e].
func npWords(toks []token, lo, e int) (int, int, bool) {
	j := e - 1
	if j < lo || toks[j].kind != word {
		return 0, 0, false
	}
	if pronounToken(&toks[j]) {
		return j, e, true
	}
	if toks[j].is("and") || toks[j].is("or") || toks[j].is("but") {
		// "Trump called on her to resign and said": no one's name ends so.
		return 0, 0, false
	}
	if toks[j].is("who") {
		// "Trump, who said…": the name before the comma.
		if j-1 > lo && toks[j-1].isPunct(",") {
			return npWords(toks, lo, j-1)
		}
		return 0, 0, false
	}
	b := e
	for i := j; i >= lo; i-- {
		t := &toks[i]
		if t.kind != word {
			if t.isPunct("-&") && i > lo && toks[i-1].kind == word {
				continue
			}
			break
		}
		if !t.capital && (boundaries[t.lower] || isCueToken(toks, i) || objectPronouns[t.lower]) {
			break
		}
		if t.capital && (clauseStarters[t.lower] || boundaries[t.lower] && !determiners[t.lower]) {
			break
		}
		if pronounToken(t) && i != j {
			break
		}
		b = i
		if e-b > maxSpeakerWords {
			return 0, 0, false
		}
	}
	// Leading joining words belong to what comes before: "and", "of".
	for b < e && (npPrepositions[toks[b].lower] || toks[b].is("and")) {
		b++
	}
	if b >= e {
		return 0, 0, false
	}
	return b, e, true
}

// hasName reports whether the words hold a capitalised word not at their
// start, or start with one: a name.
func hasName(toks []token, b, e int) bool {
	for i := b; i < e; i++ {
		if toks[i].capital && !determiners[toks[i].lower] {
			return true
		}
	}
	return false
}

// npAfter finds the words that name a speaker after an inverted cue, from
// toks[j]: "said Kelmarin", "said a Kremlin spokesman", "said Sen. Tom
// Verlan, a Dravonian lawmaker".
func npAfter(toks []token, j, hi int) (int, int, bool) {
	if j >= hi || toks[j].kind != word {
		return 0, 0, false
	}
	if pronounToken(&toks[j]) {
		return j, j + 1, true
	}
	e := j
	// Lower-case words may describe ("a senior official") until a name
	// or a role word; after a name only a role word goes on ("Kremlin
	// spokesman"), and after a role word a preposition ("a spokesman for
	// the campaign").
	seenName, seenRole := false, false
	for i := j; i < hi; i++ {
		t := &toks[i]
		if t.kind != word {
			if t.isPunct("-&") && i+1 < hi && toks[i+1].kind == word {
				continue
			}
			break
		}
		low := t.lower
		if t.capital {
			if timeWords[low] || clauseStarters[low] && i > j {
				break
			}
			// "Republican state Rep. Scott Reichner": a party's adjective
			// describes the name to come.
			seenName = i > j || !partyAdjectives[low]
		} else {
			switch {
			case boundaries[low] || timeWords[low] || objectPronouns[low]:
				return trimNP(toks, j, e)
			case isCueToken(toks, i) && !(i > j && !seenName && !seenRole && cues[low].form == base):
				// But "Republican state Rep. Verlan": a noun there.
				return trimNP(toks, j, e)
			case npPrepositions[low]:
				// "a spokesman for the campaign", "one of those advisers".
				if !(seenRole || seenName || low == "of" && i > j && determiners[toks[i-1].lower]) || i+1 >= hi || toks[i+1].kind != word {
					return trimNP(toks, j, e)
				}
				seenName, seenRole = false, false
			case roleNouns[low] || groupNouns[low]:
				seenRole = true
			case determiners[low] && !seenName && !seenRole:
			case seenName || seenRole:
				return trimNP(toks, j, e)
			}
		}
		e = i + 1
		if e-j > maxSpeakerWords {
			return 0, 0, false
		}
	}
	return trimNP(toks, j, e)
}

// trimSpeaker drops the words around a speaker's that are not part of
// them: sentence adverbs and conjunctions before ("Later the Russian
// Foreign Ministry", "But Cruz", "When Trump", "Tuesday the president"),
// time adverbials and auxiliaries after ("Gowdy earlier Thursday",
// "President Trump last week", "Don Stewart wouldn't").
func trimSpeaker(toks []token, b, e int) (int, int) {
	for b < e-1 && toks[b].kind == word && (leadingWords[toks[b].lower] || timeAdverb(toks, b) ||
		skipBeforeCue[toks[b].lower] && !toks[b].capital) {
		b++
	}
	for e-1 > b && toks[e-1].kind == word {
		t := &toks[e-1]
		low := t.lower
		switch {
		case timeAdverb(toks, e-1) || low == "ago", contraction(low), !t.capital && (skipBeforeCue[low] || leadingWords[low]),
			(low == "on" || low == "at" || low == "in") && e < len(toks) && timeWords[toks[e].lower]:
			e--
			continue
		}
		break
	}
	return b, e
}

// timeAdverb reports whether toks[i] is a time word that is no
// determiner: "Tuesday", "yesterday", "week" of "last week", but not the
// "this" of "this source".
func timeAdverb(toks []token, i int) bool {
	w := toks[i].lower
	if !timeWords[w] {
		return false
	}
	if w == "this" || w == "last" || w == "next" {
		return i+1 < len(toks) && timeWords[toks[i+1].lower]
	}
	return true
}

// leadingWords may start the words before a speaker's in a sentence; "by"
// stands before the author of a passive ("written by Times").
var leadingWords = wordSet(`and but or so yet nor then also later earlier when while as if once because since though
	although however meanwhile still now even perhaps indeed instead finally first again here there thus hence
	whereas unless until after before who whom by`)

// trimNP drops joining words from the end of toks[j:e].
func trimNP(toks []token, j, e int) (int, int, bool) {
	for e > j && (npPrepositions[toks[e-1].lower] || toks[e-1].is("and") || determiners[toks[e-1].lower]) {
		e--
	}
	if e <= j {
		return 0, 0, false
	}
	return j, e, true
}

// speakerAfter reads and resolves the speaker named from toks[j].
func (a *article) speakerAfter(toks []token, j, hi int) (speaker, bool) {
	b, e, ok := npAfter(toks, j, hi)
	if !ok {
		return speaker{}, false
	}
	return a.resolve(toks, b, e, toks[b].start)
}

// objectPronouns never name a speaker.
var objectPronouns = wordSet(`him her them us me it its itself himself herself themselves there here`)

// clauseStarters begin a clause, capitalised at a sentence's start.
var clauseStarters = wordSet(`but and or so yet when while as because if after before since although though where
	however meanwhile still then also in on at for from with by`)

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
