package quote

// continuations attributes quotations that have no cue of their own to
// the speaker whose words they continue: the quotation just before in the
// same paragraph, the last quotation of the paragraph before when this
// paragraph opens with one, or the quotation right after in the same
// paragraph (“…” “…,” he said).
func (a *article) continuations() {
	for i := range a.found {
		fd := &a.found[i]
		if !fd.speech || fd.rule.pattern != noCue {
			continue
		}
		if who, cue, ok := a.previousSpeaker(i); ok {
			fd.who, fd.cue, fd.rule = who, cue, rule{continued}
			continue
		}
		if i+1 < len(a.found) {
			next := &a.found[i+1]
			if next.speech && next.span.first == fd.span.last && next.rule.pattern == cueAfter &&
				onlySpace(a.text[fd.span.closeEnd:next.span.open]) {
				fd.who, fd.cue, fd.rule = next.who, next.cue, rule{continued}
				fd.who.start, fd.who.end = next.who.start, next.who.end
			}
		}
	}
}

// previousSpeaker returns the speaker of the quotation before span i when
// span i continues it, and the cue span i shares with it: a quotation
// split by its attribution (“…,” he said. “…”) is one attribution's; a
// paragraph that goes on with the speaker's words has no cue of its own.
func (a *article) previousSpeaker(i int) (speaker, string, bool) {
	s := a.found[i].span
	for j := i - 1; j >= 0; j-- {
		prev := &a.found[j]
		if !prev.speech || prev.kind == Indirect {
			continue
		}
		if prev.who.how == unnamed && prev.who.end == 0 {
			return speaker{}, "", false
		}
		switch {
		case prev.span.last == s.first:
			// The same paragraph: nothing but the attribution between.
			if a.personBetween(a.afterAttribution(prev), s.open) {
				return speaker{}, "", false
			}
			return prev.who, prev.cue, true
		case prev.span.last == s.first-1 && s.open == a.paras[s.first].start && a.paras[s.first].part == a.paras[prev.span.last].part:
			// The paragraph before ends with the speaker's quotation.
			if a.personBetween(a.afterAttribution(prev), a.paras[prev.span.last].end) {
				return speaker{}, "", false
			}
			return prev.who, "", true
		}
		return speaker{}, "", false
	}
	return speaker{}, "", false
}

// afterAttribution returns where the sentence that holds a quotation's
// attribution ends.
func (a *article) afterAttribution(fd *found) int {
	at := fd.span.closeEnd
	if fd.who.end > at {
		at = fd.who.end
	}
	pi := a.paraAt(at)
	if pi < 0 {
		return at
	}
	toks := a.tokens(pi)
	for i := tokenAt(toks, at); i < len(toks); i++ {
		if toks[i].sentenceEnd() {
			return toks[i].end
		}
	}
	return a.paras[pi].end
}

// personBetween reports whether someone other than a quotation's speaker
// is named between two offsets outside quotations: a new subject.
func (a *article) personBetween(from, to int) bool {
	for _, m := range a.mentionsIn(from, to) {
		if m.Type == "person" && !a.insideQuote(m.Start) {
			return true
		}
	}
	return false
}

func onlySpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			return false
		}
	}
	return true
}

// confidence is the measured precision of each way of attributing a
// quotation on the PolNeAR training articles: the share of quotations
// found that way whose words were quoted speech and whose speaker was
// right (see doc.go for how it was measured).
func (r rule) confidence(fd found) float64 {
	switch r.pattern {
	case noCue:
		return 0.5
	case reported:
		return 0.5
	}
	c := 0.9
	switch r.pattern {
	case continued, paragraphIntro:
		c = 0.8
	case cueInSentence, cueTrailing:
		c = 0.8
	}
	switch fd.who.how {
	case byPronoun:
		if fd.who.name != "" {
			c -= 0.1
		}
		if fd.who.unsure {
			// Right seven times in ten on PolNeAR train (46 of 66, by
			// the evaluation's antecedent), against four in five (756
			// of 956) for the pronouns no second person fits.
			c -= 0.1
		}
	case byRole, asGroup:
		c -= 0.15
	case byIssuer:
		if fd.who.name != "" {
			c -= 0.1
		}
	}
	return c
}
