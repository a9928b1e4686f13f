package query

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/index"
)

// Verdicts on a claimed quotation.
const (
	Verbatim     = "verbatim"      // the claim is the quotation, word for word
	Partial      = "partial"       // the claim is a stretch of the quotation, word for word
	Altered      = "altered"       // the claim is the quotation with words dropped, added, changed or moved
	OtherSpeaker = "other_speaker" // the words were said, by someone other than the claim says
	NotFound     = "not_found"
)

// sameWords reports whether an alignment is the claim's words: similar
// enough (MinSimilarity), and carrying at least half of the claim's words
// that are not stop words, so that "is not an" shared by two sentences is
// not taken for the same sentence.
func sameWords(a alignment, claim []wordAt) bool {
	content := 0
	for _, t := range claim {
		if !t.stop {
			content++
		}
	}
	return a.similarity >= MinSimilarity && 2*a.content >= content
}

// MinSimilarity is how alike a claim and a source must be to be the same
// words: more than half of the words of the two, taken together, shared
// in the same order (similarity is the Dice coefficient of the aligned
// words; see alignment). Below it a claim shares words with the source,
// not a sentence. It is a property of the measure, not tuned to a test.
const MinSimilarity = 0.6

// WhoRequest asks who said a claimed quotation.
type WhoRequest struct {
	// Claim is the quotation as it circulates, quote marks or not. A
	// claim written "Name: words" names its speaker.
	Claim string
	// Speaker is who the claim says spoke; it overrides a "Name:" prefix.
	Speaker string
	// Limit bounds the matches returned; 0 means 10.
	Limit   int
	Timeout time.Duration
}

// WhoResult is the answer to a claimed quotation: what `parley who --json`
// prints and GET /api/who returns.
type WhoResult struct {
	Claim string `json:"claim"`
	// Speaker is who the claim says spoke, canonical, if it says.
	Speaker string     `json:"claimed_speaker,omitempty"`
	Verdict string     `json:"verdict"`
	Matches []WhoMatch `json:"matches"`
	// FirstAppearance is the earliest published article that carries the
	// best match's words; Reprints the other articles that do.
	FirstAppearance *QuoteOf  `json:"first_appearance"`
	Reprints        []QuoteOf `json:"reprints"`
	TookMS          float64   `json:"took_ms"`
}

// WhoMatch is one place a claim's words were found: a quotation Parley
// found, or article text no quotation covers (Speaker then is empty).
type WhoMatch struct {
	Quote       string   `json:"quote"`
	Speaker     string   `json:"speaker"`
	SpeakerText string   `json:"speaker_text"`
	Similarity  float64  `json:"similarity"`
	Verdict     string   `json:"verdict"`
	Diff        []DiffOp `json:"diff"`
	Article     QuoteOf  `json:"article"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	// In says where the words were found: "quote" or "article" text.
	In      string `json:"in"`
	QuoteID string `json:"quote_id,omitempty"`
	// the words matched and their count, for ranking and verdicts
	matched int
	whole   bool // the claim spans the whole quotation
}

// How many candidates Who aligns: enough to find a reprinted quotation
// in many outlets, few enough to answer in milliseconds.
const (
	whoQuoteCandidates   = 60
	whoArticleCandidates = 15
	whoMaxWords          = 40 // claim words used to find candidates
)

// Who checks a claimed quotation against the quotations and articles the
// index holds.
func Who(ctx context.Context, ix *index.Index, req WhoRequest) (*WhoResult, error) {
	start := time.Now()
	if req.Limit <= 0 {
		req.Limit = 10
	}
	if req.Limit > MaxLimit {
		return nil, badRequest("limit %d is too large (at most %d)", req.Limit, MaxLimit)
	}
	if req.Timeout <= 0 {
		req.Timeout = DefaultTimeout
	}
	claimText, named := splitClaim(req.Claim)
	if req.Speaker == "" {
		req.Speaker = named
	}
	an := ix.Analyzer()
	claim := wordsOf(an, claimText, 0)
	if len(claim) == 0 {
		return nil, badRequest("the claim has no words to look for")
	}
	out := &WhoResult{Claim: claimText, Verdict: NotFound, Matches: []WhoMatch{}, Reprints: []QuoteOf{}}
	if req.Speaker != "" {
		out.Speaker = canonicalSpeaker(ix, req.Speaker)
	}
	ctx, cancel := context.WithTimeout(ctx, req.Timeout)
	defer cancel()

	quotes, err := whoQuotes(ctx, ix, claim)
	if err != nil {
		return nil, err
	}
	var matches []WhoMatch
	inQuotes := map[string][][2]int{} // article → spans of matched quotations
	for _, q := range quotes {
		src := wordsOf(an, q.Text, q.Start)
		a, ok := align(claim, src, claimText, q.Text, q.Start)
		if !ok || !sameWords(a, claim) {
			continue
		}
		m := WhoMatch{Quote: q.Text, Speaker: q.Speaker, SpeakerText: q.SpeakerText, Similarity: round2(a.similarity),
			Diff: a.ops, Article: quoteHit(q).Article, Start: src[a.first].start, End: src[a.last].end, In: "quote", QuoteID: q.ID,
			matched: a.matched, whole: a.first == 0 && a.last == len(src)-1}
		matches = append(matches, m)
		inQuotes[q.Article] = append(inQuotes[q.Article], [2]int{q.Start, q.End})
	}
	articles, err := whoArticles(ctx, ix, claim)
	if err != nil {
		return nil, err
	}
	for _, st := range articles {
		if m, ok := alignArticle(an, claim, claimText, st); ok && !covered(inQuotes[st.ID], m.Start, m.End) {
			matches = append(matches, m)
		}
	}
	for i := range matches {
		matches[i].Verdict = verdictOf(&matches[i], len(claim), out.Speaker)
	}
	rankMatches(matches, out.Speaker)
	if len(matches) > 0 {
		out.Verdict = matches[0].Verdict
		out.FirstAppearance, out.Reprints = appearances(matches)
	}
	if len(matches) > req.Limit {
		matches = matches[:req.Limit]
	}
	out.Matches = append(out.Matches, matches...)
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// splitClaim takes the quote marks off a claim and, from a claim written
// "Name: words", the name: a few capitalised words before a colon.
func splitClaim(s string) (claim, speaker string) {
	s = strings.TrimSpace(s)
	if name, rest, ok := strings.Cut(s, ":"); ok && strings.TrimSpace(rest) != "" && looksLikeName(name) {
		speaker, s = strings.TrimSpace(name), strings.TrimSpace(rest)
	}
	return trimQuoteMarks(s), speaker
}

func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, "\"“”«»„") {
			return false
		}
	}
	return true
}

// trimQuoteMarks takes off the quotation marks and trailing punctuation a
// claim is wrapped in: they are not words.
func trimQuoteMarks(s string) string {
	return strings.TrimSpace(strings.Trim(s, " \t\n\"'“”‘’«»„‚‹›"))
}

// canonicalSpeaker is the name quotations of the speaker are filed under.
func canonicalSpeaker(ix *index.Index, name string) string {
	x := ix.Extractor()
	if x == nil {
		return name
	}
	g := x.Gazetteer()
	for _, typ := range []string{entity.Person, entity.Org} {
		if e, ok := g.Lookup(name, typ); ok {
			return e.Name
		}
	}
	return g.Canonical(name, entity.Person)
}

// looseQuery matches documents with at least half of the claim's distinct
// words in field: a claim with words changed still shares most of them.
func looseQuery(claim []wordAt, field, kind string) bquery.Query {
	seen := map[string]bool{}
	var qs []bquery.Query
	for _, t := range claim {
		if seen[t.term] || len(qs) == whoMaxWords {
			continue
		}
		seen[t.term] = true
		qs = append(qs, termQuery(t.term, field, 1))
	}
	d := bquery.NewDisjunctionQuery(qs)
	d.SetMin(float64((len(qs) + 1) / 2))
	return bquery.NewConjunctionQuery([]bquery.Query{d, kindOnly(kind)})
}

func whoQuotes(ctx context.Context, ix *index.Index, claim []wordAt) ([]index.StoredQuote, error) {
	sr := bleve.NewSearchRequestOptions(looseQuery(claim, index.FieldQuoteExact, index.KindQuote), whoQuoteCandidates, 0, false)
	sr.Fields = index.StoredQuoteFields
	res, err := ix.Bleve().SearchInContext(ctx, sr)
	if err != nil {
		return nil, whoError(ctx, err)
	}
	out := make([]index.StoredQuote, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, index.StoredQuoteFrom(h.ID, h.Fields))
	}
	return out, nil
}

func whoArticles(ctx context.Context, ix *index.Index, claim []wordAt) ([]index.Stored, error) {
	sr := bleve.NewSearchRequestOptions(looseQuery(claim, index.FieldBodyExact, index.KindArticle), whoArticleCandidates, 0, false)
	sr.Fields = []string{index.FieldTitle, index.FieldBody, index.FieldMeta}
	res, err := ix.Bleve().SearchInContext(ctx, sr)
	if err != nil {
		return nil, whoError(ctx, err)
	}
	out := make([]index.Stored, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, index.StoredFrom(h.ID, h.Fields))
	}
	return out, nil
}

func whoError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrTimeout
	}
	return err
}

// alignArticle finds the claim in an article's body text, for quotations
// the finder missed.
func alignArticle(an *index.Analyzer, claim []wordAt, claimText string, st index.Stored) (WhoMatch, bool) {
	parts := st.PartsOf(corpus.Body)
	var best WhoMatch
	found := false
	for i, text := range st.Body {
		base := 0
		if i < len(parts) {
			base = parts[i].Start
		}
		src := wordsOf(an, text, base)
		a, ok := align(claim, src, claimText, text, base)
		if !ok || !sameWords(a, claim) || (found && a.similarity <= best.Similarity) {
			continue
		}
		s, e := src[a.first].start, src[a.last].end
		best = WhoMatch{Quote: text[s-base : e-base], Similarity: round2(a.similarity), Diff: a.ops,
			Article: QuoteOf{ID: st.ID, Title: st.Title, Source: st.Source, Published: st.Published.String(), URL: st.URL, Path: st.Path},
			Start:   s, End: e, In: "article", matched: a.matched}
		found = true
	}
	return best, found
}

// covered reports whether start:end overlaps any of spans.
func covered(spans [][2]int, start, end int) bool {
	for _, s := range spans {
		if start < s[1] && s[0] < end {
			return true
		}
	}
	return false
}

// verdictOf says how a claim of n words stands to one match.
func verdictOf(m *WhoMatch, n int, claimed string) string {
	if claimed != "" && m.Speaker != "" && !sameSpeaker(claimed, m.Speaker) {
		return OtherSpeaker
	}
	exact := m.matched == n && m.Similarity == 1
	switch {
	case exact && (m.whole || m.In == "article"):
		return Verbatim
	case exact:
		return Partial
	}
	return Altered
}

// sameSpeaker reports whether the claimed speaker is one of a quotation's.
func sameSpeaker(claimed, speaker string) bool {
	for _, s := range index.Speakers(speaker) {
		if index.FoldKey(s) == index.FoldKey(claimed) {
			return true
		}
	}
	return false
}

// rankMatches orders matches best first: the most similar; among equals,
// the claimed speaker's, then quotations Parley attributed before bare
// article text, then the earliest published.
func rankMatches(ms []WhoMatch, claimed string) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Similarity != b.Similarity {
			return a.Similarity > b.Similarity
		}
		if claimed != "" {
			if sa, sb := sameSpeaker(claimed, a.Speaker), sameSpeaker(claimed, b.Speaker); sa != sb {
				return sa
			}
		}
		if (a.In == "quote") != (b.In == "quote") {
			return a.In == "quote"
		}
		return earlier(a.Article.Published, b.Article.Published)
	})
}

// earlier orders publication dates, undated last.
func earlier(a, b string) bool {
	switch {
	case a == "":
		return false
	case b == "":
		return true
	}
	return a < b
}

// appearances finds, among the matches that carry the best match's words
// (as similar to the claim as it is, give or take a word in ten), the
// earliest published article and the others.
func appearances(ms []WhoMatch) (*QuoteOf, []QuoteOf) {
	best := ms[0].Similarity
	var carrying []QuoteOf
	seen := map[string]bool{}
	for _, m := range ms {
		if m.Similarity >= best-0.1 && !seen[m.Article.ID] {
			seen[m.Article.ID] = true
			carrying = append(carrying, m.Article)
		}
	}
	sort.SliceStable(carrying, func(i, j int) bool { return earlier(carrying[i].Published, carrying[j].Published) })
	first := carrying[0]
	return &first, append([]QuoteOf{}, carrying[1:]...)
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
