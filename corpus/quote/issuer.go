package quote

import "strings"

// findIssuers notes, for every statement the article mentions, who issued
// it, so that "the statement said" can be attributed: "the ministry said
// in a statement", "a statement from the ministry", "the ministry's
// statement", "the ministry issued a statement".
func (a *article) findIssuers() {
	for pi, p := range a.paras {
		if !hasStatement(a.text[p.start:p.end]) {
			continue
		}
		toks := a.tokens(pi)
		for k := range toks {
			if !toks[k].is("statement") && !toks[k].is("statements") {
				continue
			}
			if who, ok := a.issuerOf(toks, k); ok && who.name != "" {
				a.issuers = append(a.issuers, issuer{at: toks[k].start, who: who})
			}
		}
	}
}

// hasStatement reports whether s holds "statement", as strings.Contains
// does, but faster over English: it looks for the word's m, a rare
// letter, where strings.Index stops at every s.
func hasStatement(s string) bool {
	const word, m = "statement", 5 // word[m] == 'm'
	for i := m; i < len(s)-(len(word)-m-1); i++ {
		k := strings.IndexByte(s[i:len(s)-(len(word)-m-1)], 'm')
		if k < 0 {
			return false
		}
		i += k
		if s[i-m:i-m+len(word)] == word {
			return true
		}
	}
	return false
}

// issuerOf reads who issued the statement named at toks[k].
func (a *article) issuerOf(toks []token, k int) (speaker, bool) {
	lo := k
	for lo > 0 && !toks[lo-1].sentenceEnd() && k-lo < 40 {
		lo--
	}
	hi := k + 1
	for hi < len(toks) && !toks[hi].sentenceEnd() && hi-k < 20 {
		hi++
	}
	// "a statement from/by the ministry"
	if k+1 < hi && (toks[k+1].is("from") || toks[k+1].is("by")) {
		if who, ok := a.speakerAfter(toks, k+2, hi); ok {
			return who, true
		}
	}
	// Back over the statement's adjectives to its determiner.
	j := k - 1
	for j >= lo && toks[j].kind == word && !toks[j].possessive && !determiners[toks[j].lower] && !toks[j].capital && j > k-4 {
		j--
	}
	if j < lo {
		return speaker{}, false
	}
	// "the ministry's statement", "Kelmarin's statement"
	if toks[j].possessive {
		b, e, ok := npWords(toks, lo, j+1)
		if ok {
			return a.resolve(toks, b, e, toks[b].start)
		}
		return speaker{}, false
	}
	if !determiners[toks[j].lower] || j-1 < lo {
		return speaker{}, false
	}
	// "said in a statement", "issued a statement"
	v := j - 1
	if toks[v].is("in") {
		v--
	}
	for v >= lo && toks[v].kind == word && timeWords[toks[v].lower] {
		v--
	}
	if v < lo {
		return speaker{}, false
	}
	if isCueToken(toks, v) || issueVerbs[toks[v].lower] {
		if cues[toks[v].lower].form == participle {
			return a.clauseSubject(toks, lo, v)
		}
		if b, e, ok := npBefore(toks, lo, v); ok {
			return a.resolve(toks, b, e, toks[b].start)
		}
	}
	return speaker{}, false
}

// issueVerbs put a statement out.
var issueVerbs = wordSet(`issued issues released releases published publishes put puts sent sends circulated
	distributed made makes posted`)

// statementSpeaker resolves a statement as a speaker: "a statement from
// the ministry" is the ministry; "the statement" is whoever issued the
// last statement the article mentions before.
func (a *article) statementSpeaker(toks []token, b, h, e, at int, sp speaker) speaker {
	sp.how = byIssuer
	if h < e && (toks[h].is("from") || toks[h].is("by") || toks[h].is("of")) && h+1 < e {
		if who, ok := a.resolve(toks, h+1, e, at); ok && who.how == named {
			sp.name, sp.person = who.name, who.person
			return sp
		}
	}
	// "the ministry's statement"
	for i := b; i < h-1; i++ {
		if toks[i].possessive {
			if who, ok := a.resolve(toks, b, i+1, at); ok && who.how == named {
				sp.name, sp.person = who.name, who.person
			}
			return sp
		}
	}
	if !toks[b].is("the") && !toks[b].is("this") && !toks[b].is("that") {
		return sp
	}
	for i := len(a.issuers) - 1; i >= 0; i-- {
		if a.issuers[i].at < at {
			sp.name, sp.person = a.issuers[i].who.name, a.issuers[i].who.person
			break
		}
	}
	return sp
}
