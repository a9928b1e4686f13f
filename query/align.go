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
// Stop words are not marked: only a claim's are counted (claimWords).
func wordsOf(an *index.Analyzer, text string, base int) []wordAt {
	var out []wordAt
	an.Words([]byte(text), func(w index.Word) {
		out = append(out, wordAt{term: string(w.Term), start: base + w.Start, end: base + w.End})
	})
	return out
}

// claimWords reads a claim's words, its stop words marked.
func claimWords(an *index.Analyzer, text string) []wordAt {
	words := wordsOf(an, text, 0)
	for i := range words {
		words[i].stop = an.IsStopWord(words[i].term)
	}
	return words
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
// no word in source has no alignment. Windows with too few of the claim's
// words to be MinSimilarity alike are not aligned: a long article read
// against a claim has hundreds of "the"s to start from, and no stretch
// but the source is worth the work.
func align(claim, source []wordAt, claimText, sourceText string, sourceBase int) (alignment, bool) {
	m := len(claim)
	if m == 0 || len(source) == 0 {
		return alignment{}, false
	}
	inClaim := make(map[string]bool, m)
	for _, t := range claim {
		inClaim[t.term] = true
	}
	// shared[i] counts the source words before i that the claim has.
	shared := make([]int, len(source)+1)
	for i, t := range source {
		shared[i+1] = shared[i]
		if inClaim[t.term] {
			shared[i+1]++
		}
	}
	slack := max(3, m/3)
	var grid lcsGrid
	var best alignment
	found := false
	for s := range source {
		if !inClaim[source[s].term] {
			continue
		}
		e := min(len(source), s+m+slack)
		// At most c words match, over a span of at least c words.
		if c := shared[e] - shared[s]; 2*float64(c)/float64(m+c) < MinSimilarity {
			continue
		}
		a := grid.lcs(claim, source[s:e])
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
func (g *lcsGrid) lcs(claim, window []wordAt) alignment {
	g.fill(claim, window)
	a := alignment{first: -1, last: -1, matched: g.at(0, 0)}
	i, j := 0, 0
	for i < len(claim) && j < len(window) {
		switch {
		case claim[i].term == window[j].term && g.at(i, j) == g.at(i+1, j+1)+1:
			if a.first < 0 {
				a.first = j
			}
			if !claim[i].stop {
				a.content++
			}
			a.last = j
			i, j = i+1, j+1
		case g.at(i+1, j) >= g.at(i, j+1):
			i++
		default:
			j++
		}
	}
	return a
}

// lcsGrid holds, at (i, j), the length of the longest common subsequence
// of a[i:] and b[j:]; its cells are reused from one fill to the next.
type lcsGrid struct {
	cols  int
	cells []int
}

func (g *lcsGrid) at(i, j int) int { return g.cells[i*g.cols+j] }

func (g *lcsGrid) fill(a, b []wordAt) {
	g.cols = len(b) + 1
	n := (len(a) + 1) * g.cols
	if cap(g.cells) < n {
		g.cells = make([]int, n)
	}
	g.cells = g.cells[:n]
	clear(g.cells)
	for i := len(a) - 1; i >= 0; i-- {
		row, below := g.cells[i*g.cols:(i+1)*g.cols], g.cells[(i+1)*g.cols:(i+2)*g.cols]
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case a[i].term == b[j].term:
				row[j] = below[j+1] + 1
			case below[j] >= row[j+1]:
				row[j] = below[j]
			default:
				row[j] = row[j+1]
			}
		}
	}
}

// diffOps is the word diff from source to claim, words shown as each text
// writes them, runs of one op joined.
func diffOps(claim, source []wordAt, claimText, sourceText string, sourceBase int) []DiffOp {
	var g lcsGrid
	g.fill(claim, source)
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
		case j < len(source) && (i == len(claim) || g.at(i, j+1) >= g.at(i+1, j)):
			add("delete", sourceWord(source[j]))
			j++
		default:
			add("insert", claimWord(claim[i]))
			i++
		}
	}
	return ops
}
