package query

import "github.com/parleysearch/parley/index"

// wordAt is one word of a text: its folded form, for comparing, and where
// it stands, for showing it as written.
type wordAt struct {
	term       string
	start, end int  // byte offsets in the text it was read from
	stop       bool // a stop word: "the", "is", "not"
}

// wordsOf reads the words of text as the exact field indexes them, so that
// a claim and the source compare regardless of case, accents, curly or
// straight apostrophes and punctuation. base is added to every offset.
func wordsOf(an *index.Analyzer, text string, base int) []wordAt {
	var out []wordAt
	an.Words([]byte(text), func(w index.Word) {
		term := string(w.Term)
		out = append(out, wordAt{term: term, start: base + w.Start, end: base + w.End, stop: an.IsStopWord(term)})
	})
	return out
}

// alignment is how a claim's words line up with a stretch of source words.
type alignment struct {
	// first and last are the source words the alignment spans (indexes
	// into the source): the first and last source words that match.
	first, last int
	matched     int // words in common, in order (the longest common subsequence)
	content     int // of those, words that are not stop words
	// similarity is the Dice coefficient of the claim's words and the
	// spanned source words: 2·matched / (claim words + spanned words).
	// 1 means the same words in the same order; dropping, adding or
	// changing one word of ten gives about 0.9.
	similarity float64
	ops        []DiffOp
}

// DiffOp is one step of a word diff from the source to the claim: words
// both have (equal), words only the claim has (insert), words only the
// source has (delete).
type DiffOp struct {
	Op   string `json:"op"` // "equal", "insert" or "delete"
	Text string `json:"text"`
}

// align finds the stretch of source that best matches claim: for each
// source word that the claim has, the window of as many words as the claim
// (and some slack, for added words) that starts there, aligned by the
// longest common subsequence. The best is the most similar; a claim with
// no word in source has no alignment.
func align(claim, source []wordAt, claimText, sourceText string, sourceBase int) (alignment, bool) {
	m := len(claim)
	if m == 0 || len(source) == 0 {
		return alignment{}, false
	}
	inClaim := make(map[string]bool, m)
	for _, t := range claim {
		inClaim[t.term] = true
	}
	slack := max(3, m/3)
	var best alignment
	found := false
	for s := range source {
		if !inClaim[source[s].term] {
			continue
		}
		e := min(len(source), s+m+slack)
		a := lcs(claim, source[s:e])
		a.first += s
		a.last += s
		if a.matched == 0 {
			continue
		}
		a.similarity = 2 * float64(a.matched) / float64(m+a.last-a.first+1)
		if !found || a.similarity > best.similarity || (a.similarity == best.similarity && a.matched > best.matched) {
			best, found = a, true
		}
		if best.similarity == 1 {
			break
		}
	}
	if !found {
		return alignment{}, false
	}
	best.ops = diffOps(claim, source[best.first:best.last+1], claimText, sourceText, sourceBase)
	return best, true
}

// lcs aligns claim with window by their longest common subsequence and
// reports the span of window it uses.
func lcs(claim, window []wordAt) alignment {
	table := lcsTable(claim, window)
	a := alignment{first: -1, last: -1, matched: table[0][0]}
	i, j := 0, 0
	for i < len(claim) && j < len(window) {
		switch {
		case claim[i].term == window[j].term && table[i][j] == table[i+1][j+1]+1:
			if a.first < 0 {
				a.first = j
			}
			if !claim[i].stop {
				a.content++
			}
			a.last = j
			i, j = i+1, j+1
		case table[i+1][j] >= table[i][j+1]:
			i++
		default:
			j++
		}
	}
	return a
}

// lcsTable holds, at [i][j], the length of the longest common subsequence
// of a[i:] and b[j:].
func lcsTable(a, b []wordAt) [][]int {
	table := make([][]int, len(a)+1)
	for i := range table {
		table[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case a[i].term == b[j].term:
				table[i][j] = table[i+1][j+1] + 1
			case table[i+1][j] >= table[i][j+1]:
				table[i][j] = table[i+1][j]
			default:
				table[i][j] = table[i][j+1]
			}
		}
	}
	return table
}

// diffOps is the word diff from source to claim, words shown as each text
// writes them, runs of one op joined.
func diffOps(claim, source []wordAt, claimText, sourceText string, sourceBase int) []DiffOp {
	table := lcsTable(claim, source)
	var ops []DiffOp
	add := func(op, word string) {
		if n := len(ops); n > 0 && ops[n-1].Op == op {
			ops[n-1].Text += " " + word
			return
		}
		ops = append(ops, DiffOp{Op: op, Text: word})
	}
	claimWord := func(t wordAt) string { return claimText[t.start:t.end] }
	sourceWord := func(t wordAt) string { return sourceText[t.start-sourceBase : t.end-sourceBase] }
	i, j := 0, 0
	for i < len(claim) || j < len(source) {
		switch {
		case i < len(claim) && j < len(source) && claim[i].term == source[j].term:
			add("equal", sourceWord(source[j]))
			i, j = i+1, j+1
		case j < len(source) && (i == len(claim) || table[i][j+1] >= table[i+1][j]):
			add("delete", sourceWord(source[j]))
			j++
		default:
			add("insert", claimWord(claim[i]))
			i++
		}
	}
	return ops
}
