package query

import (
	"context"
	"errors"
	"math"
	"regexp"
	"slices"
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

// What the sources say of a claimed speaker (WhoResult.SpeakerCheck),
// besides OtherSpeaker.
const (
	SpeakerConfirmed = "confirmed" // a source with the words names the claimed speaker
	SpeakerUnknown   = "unknown"   // no source with the words names anyone
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
	// claim written "Name: words", "Name said: “words”" or "“words,”
	// Name said" names its speaker (splitClaim).
	Claim string
	// Speaker is who the claim says spoke; it overrides a "Name:" prefix.
	Speaker string
	// Limit bounds the matches returned; 0 means 10.
	Limit   int
	Timeout time.Duration
	// literal takes the claim as it is, a "Name:" in it as words.
	literal bool
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
	// SpeakerCheck says, when the claim names a speaker, what the sources
	// that carry the words say of them: SpeakerConfirmed, OtherSpeaker
	// or SpeakerUnknown.
	SpeakerCheck    string    `json:"speaker_check,omitempty"`
	FirstAppearance *QuoteOf  `json:"first_appearance"`
	Reprints        []QuoteOf `json:"reprints"`
	TookMS          float64   `json:"took_ms"`
}

// WhoMatch is one place a claim's words were found: a quotation Parley
// found, or article text no quotation covers (Speaker then is empty).
type WhoMatch struct {
	Quote       string `json:"quote"`
	Speaker     string `json:"speaker"`
	SpeakerText string `json:"speaker_text"`
	// SpeakerOrg is the organisation a speaker described but not named
	// ("a Kremlin spokesman") speaks for.
	SpeakerOrg string   `json:"speaker_org,omitempty"`
	Similarity float64  `json:"similarity"`
	Verdict    string   `json:"verdict"`
	Diff       []DiffOp `json:"diff"`
	Article    QuoteOf  `json:"article"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	// In says where the words were found: "quote" or "article" text.
	In      string `json:"in"`
	QuoteID string `json:"quote_id,omitempty"`
	// the words matched and their count, for ranking and verdicts
	matched int
	whole   bool   // the claim spans the whole quotation
	lead    string // the source's text before the match
}

// How many candidates Who aligns: enough to find a reprinted quotation
// in many outlets, few enough to answer in milliseconds.
const (
	whoQuoteCandidates   = 60
	whoArticleCandidates = 15
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
	var g *entity.Gazetteer
	if x := ix.Extractor(); x != nil {
		g = x.Gazetteer()
	}
	claimText, named, prefix := splitClaim(req.Claim, g)
	if req.literal {
		claimText, named = trimQuoteMarks(req.Claim), ""
	}
	if req.Speaker == "" {
		req.Speaker = named
	}
	if len(claimText) > MaxQueryBytes {
		return nil, badRequest("the claim is %d bytes long; a quotation to check is at most %d", len(claimText), MaxQueryBytes)
	}
	an := ix.Analyzer()
	claim := claimWords(an, claimText)
	if len(claim) == 0 {
		return nil, badRequest("the claim has no words to look for")
	}
	if !hasContent(claim) {
		// "the" or "we will not" is in every other quotation: any
		// verdict would be on words nobody can be said to have said.
		return nil, badRequest("the claim %q has only common words (such as the, it, is, not), which any quotation has: give more of the words", claimText)
	}
	out := &WhoResult{Claim: claimText, Verdict: NotFound, Matches: []WhoMatch{}, Reprints: []QuoteOf{}}
	var claimed claimant
	if req.Speaker != "" {
		claimed = claimedSpeaker(ix, req.Speaker)
		out.Speaker = claimed.name
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
		m := WhoMatch{Quote: q.Text, Speaker: q.Speaker, SpeakerText: q.SpeakerText, SpeakerOrg: q.SpeakerOrg, Similarity: round2(a.similarity),
			Diff: a.ops, Article: quoteHit(q).Article, Start: src[a.first].start, End: src[a.last].end, In: "quote", QuoteID: q.ID,
			matched: a.matched, whole: a.first == 0 && a.last == len(src)-1, lead: q.Text[:src[a.first].start-q.Start]}
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
		matches[i].Verdict = verdictOf(&matches[i], len(claim), claimed)
	}
	if named != "" && req.Speaker == named && prefix != "" && quotedName(matches, prefix) {
		// "Prediction: Biden will…" was the quotation's own words, not
		// a speaker and what they said.
		req.Speaker, req.literal = "", true
		res, err := Who(ctx, ix, req)
		if res != nil {
			res.TookMS = float64(time.Since(start).Microseconds()) / 1000
		}
		return res, err
	}
	rankMatches(matches, claimed)
	if len(matches) > 0 {
		out.Verdict = matches[0].Verdict
		out.FirstAppearance, out.Reprints = appearances(matches)
		if claimed.name != "" {
			out.SpeakerCheck = speakerCheck(matches[0], claimed)
		}
	}
	if len(matches) > req.Limit {
		matches = matches[:req.Limit]
	}
	out.Matches = append(out.Matches, matches...)
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// splitClaim takes the quote marks off a claim and, from a claim that
// names its speaker, the name: a few capitalised words before a colon
// ("Name: words"), before a verb of saying and a colon or the quoted words
// ("Name said: words", "Name says “words”"), or after the quoted words
// ("“words,” Name said", "“words,” said Name"). prefix is what came
// before the words and a colon, which may turn out to be quoted too
// (quotedName); "" when no colon parted them. The speaker is the name
// without the titles, roles and affiliations g knows that stand before
// it ("Armenian PM Pashinyan" is Pashinyan); g may be nil. A headline
// label before a colon ("Breaking:") is dropped: it names no one.
func splitClaim(s string, g *entity.Gazetteer) (claim, speaker, prefix string) {
	s = strings.TrimSpace(s)
	if label, rest, ok := strings.Cut(s, ":"); ok && strings.TrimSpace(rest) != "" && headlineLabels[strings.ToLower(strings.Join(strings.Fields(label), " "))] {
		return splitClaim(rest, g)
	}
	// name reads the words before or after the claimed ones as a name,
	// or "" when they are not one.
	name := func(words string) string {
		words = strings.TrimSpace(words)
		if g != nil {
			// The title may be lower case ("Port Authority spokesman
			// Marsk"): only the name has to look like one.
			words = g.NameAfterTitles(words)
		}
		if !looksLikeName(words) {
			return ""
		}
		return words
	}
	if before, rest, ok := strings.Cut(s, ":"); ok && strings.TrimSpace(rest) != "" {
		if n := name(before); n != "" {
			return trimQuoteMarks(rest), n, strings.TrimSpace(before)
		}
	}
	if m := cueBefore.FindStringSubmatch(s); m != nil {
		if n := name(m[1]); n != "" {
			if m[3] != "" {
				return trimQuoteMarks(m[3]), n, strings.TrimSpace(m[1] + " " + m[2])
			}
			return trimQuoteMarks(m[4]), n, ""
		}
	}
	if m := cueAfter.FindStringSubmatch(s); m != nil {
		// The words are the quoted ones, whoever said them: "“…,” he
		// said" names nobody, but "he said" is not part of the claim.
		return trimQuoteMarks(m[1]), name(m[2] + m[3]), ""
	}
	return trimQuoteMarks(s), "", ""
}

// headlineLabels are what posts and headlines put before a colon to say
// what kind of item follows ("Breaking: …", "Watch: …"): they name no
// one, and they are not the claim's words.
var headlineLabels = map[string]bool{
	"alert": true, "analysis": true, "breaking": true, "breaking news": true, "developing": true,
	"exclusive": true, "fact check": true, "just in": true, "latest": true, "listen": true, "live": true,
	"new": true, "opinion": true, "photos": true, "read": true, "update": true, "updated": true,
	"urgent": true, "video": true, "watch": true,
}

// claimCues are the verbs of saying a claim names its speaker with.
const claimCues = `said|says|stated|states|wrote|writes|tweeted|tweets|declared|added|told reporters`

var (
	// "Name said: words", "Name said “words”"
	cueBefore = regexp.MustCompile(`^(.+?)\s+(` + claimCues + `)\s*(?::\s*(.+)|,?\s*([“"«„‘'].+))$`)
	// "“words,” Name said", "“words,” said Name"
	cueAfter = regexp.MustCompile(`^([“"«„‘'].+[”"»“’'][,.]?)\s*,?\s*(?:(.+?)\s+(?:` + claimCues + `)|(?:` + claimCues + `)\s+(.+?))[\s.]*$`)
)

// quotedName reports whether one of the matches most like the claim has
// the name a claim was read as giving, and its colon, just before the
// words: then they were part of what was quoted.
func quotedName(ms []WhoMatch, name string) bool {
	best := 0.0
	for _, m := range ms {
		best = max(best, m.Similarity)
	}
	for _, m := range ms {
		if m.Similarity == best && leadsWith(m.lead, name) {
			return true
		}
	}
	return false
}

// leadsWith reports whether text ends with name and a colon: the words
// before a match that a claim read as "Name:" were quoted too.
func leadsWith(text, name string) bool {
	text, ok := strings.CutSuffix(strings.TrimSpace(text), ":")
	return ok && strings.HasSuffix(index.FoldKey(text), index.FoldKey(name))
}

func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || len(words) == 1 && pronouns[strings.ToLower(words[0])] {
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

// pronouns name no one a claim can be checked against: "We said: …" is
// words, not a speaker and words.
var pronouns = map[string]bool{"i": true, "we": true, "you": true, "he": true, "she": true, "it": true, "they": true}

// trimQuoteMarks takes off the quotation marks a claim is wrapped in, and
// the comma a quotation ends with before its attribution ("“…,” she
// said"): they are not words.
func trimQuoteMarks(s string) string {
	const marks = " \t\n\"'“”‘’«»„‚‹›"
	return strings.Trim(strings.TrimRight(strings.Trim(s, marks), ", "), marks)
}

// claimant is who a claim says spoke.
type claimant struct {
	// name is the canonical name when the claim's name is one person or
	// organisation, found as speaker: finds it; else the name as written.
	name string
	org  bool // an organisation, whose spokespeople speak for it
	// lastNames holds, for a last name alone that is no one speaker the
	// index knows (Aliyev, when two Aliyevs are quoted), the name and its
	// other spellings, folded: a speaker with any of them may be meant.
	lastNames []string
	g         *entity.Gazetteer
}

// claimedSpeaker resolves the name a claim gives its speaker as
// speaker: does: aliases, spelling variants, last names.
func claimedSpeaker(ix *index.Index, name string) claimant {
	c := newCompiler(ix, index.KindQuote, false, false)
	if c.gazetteer == nil {
		return claimant{name: name}
	}
	cl := claimant{name: c.speakerName(name), g: c.gazetteer}
	if e, ok := c.gazetteer.Lookup(cl.name, entity.Org); ok && e.Name == cl.name {
		cl.org = true
	}
	if cl.name == name && len(strings.Fields(name)) == 1 && !cl.org {
		for _, s := range spellingsOf(c.gazetteer, name) {
			cl.lastNames = append(cl.lastNames, index.FoldKey(s))
		}
	}
	return cl
}

// spoke reports whether the claimed speaker is one of a quotation's
// speakers, or the organisation its speaker was described as speaking
// for ("a Kremlin spokesman"): the quotation's data links them, not a
// guess from the gazetteer (Dmitry Peskov's affiliation is Russia, not
// the Kremlin).
func (cl claimant) spoke(speaker, org string) bool {
	for _, s := range index.Speakers(speaker) {
		if cl.is(s) {
			return true
		}
	}
	return cl.org && org != "" && index.FoldKey(org) == index.FoldKey(cl.name)
}

// is reports whether a speaker's canonical name is the claimed one:
// the same words, each in one of its spellings (Aleksandr Kelmarin is
// Alexander Kelmarin), or for a last name alone, the same last name.
func (cl claimant) is(speaker string) bool {
	got, want := strings.Fields(index.FoldKey(speaker)), strings.Fields(index.FoldKey(cl.name))
	if len(got) == 0 {
		return false
	}
	if len(cl.lastNames) > 0 {
		return slices.Contains(cl.lastNames, got[len(got)-1])
	}
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] && (cl.g == nil || !slices.Contains(cl.g.Variants(want[i]), got[i])) {
			return false
		}
	}
	return true
}

// looseQuery matches documents of kind with at least half of the claim's
// rarest words in field. A claim with words changed still shares most of
// its words with the source, and its rarest ones single the source out:
// "pre-emptive" and "escalation" narrow the search where "the", "will"
// and "not" would have every quotation read and scored. Words no
// document has (a misspelling, a changed word) cannot help and are left
// out. ok is false when none of the claim's words is in the index.
func looseQuery(ctx context.Context, ix *index.Index, claim []wordAt, field, kind string) (q bquery.Query, ok bool, err error) {
	terms, err := rarestTerms(ctx, ix, claim, field)
	if err != nil || len(terms) == 0 {
		return nil, false, err
	}
	qs := make([]bquery.Query, len(terms))
	for i, t := range terms {
		qs[i] = termQuery(t, field, 1)
	}
	d := bquery.NewDisjunctionQuery(qs)
	d.SetMin(float64((len(qs) + 1) / 2))
	return bquery.NewConjunctionQuery([]bquery.Query{d, kindOnly(kind)}), true, nil
}

// whoRareWords is how many of a claim's words find its candidates: enough
// that a claim with a word or two changed still has most of them in the
// source, few enough that reading their documents takes milliseconds.
const whoRareWords = 8

// rarestTerms lists the claim's distinct words that field holds, at most
// whoRareWords of them, those in the fewest documents first.
func rarestTerms(ctx context.Context, ix *index.Index, claim []wordAt, field string) ([]string, error) {
	r, err := ix.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	type counted struct {
		term string
		docs uint64
	}
	var found []counted
	seen := map[string]bool{}
	for _, w := range claim {
		if seen[w.term] {
			continue
		}
		seen[w.term] = true
		tfr, err := r.TermFieldReader(ctx, []byte(w.term), field, false, false, false)
		if err != nil {
			return nil, err
		}
		n := tfr.Count()
		tfr.Close()
		if n > 0 {
			found = append(found, counted{w.term, n})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].docs < found[j].docs })
	if len(found) > whoRareWords {
		found = found[:whoRareWords]
	}
	terms := make([]string, len(found))
	for i, c := range found {
		terms[i] = c.term
	}
	return terms, nil
}

func whoQuotes(ctx context.Context, ix *index.Index, claim []wordAt) ([]index.StoredQuote, error) {
	q, ok, err := looseQuery(ctx, ix, claim, index.FieldQuoteExact, index.KindQuote)
	if err != nil || !ok {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(q, whoQuoteCandidates, 0, false)
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
	q, ok, err := looseQuery(ctx, ix, claim, index.FieldBodyExact, index.KindArticle)
	if err != nil || !ok {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(q, whoArticleCandidates, 0, false)
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
			Start:   s, End: e, In: "article", matched: a.matched, lead: text[:s-base]}
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
func verdictOf(m *WhoMatch, n int, claimed claimant) string {
	if claimed.name != "" && m.Speaker != "" && !claimed.spoke(m.Speaker, m.SpeakerOrg) {
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

// rankMatches orders matches best first: the most similar; among equals,
// a quotation the claim is the whole of before one it is a stretch of,
// then quotations Parley attributed before bare article text, then the
// earliest published. The first appearance is still the earliest article
// with the words (appearances).
//
// When the claim names a speaker, who the sources name comes first: the
// claimed speaker's quotations, then those of someone else, then those
// with no speaker. A source that names nobody cannot confirm that the
// claimed speaker said the words, and must not hide one that names
// someone else, however early or close it is.
func rankMatches(ms []WhoMatch, claimed claimant) {
	tier := func(m WhoMatch) int {
		switch {
		case claimed.name == "":
			return 0
		case claimed.spoke(m.Speaker, m.SpeakerOrg):
			return 0
		case m.Speaker != "":
			return 1
		}
		return 2
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if ta, tb := tier(a), tier(b); ta != tb {
			return ta < tb
		}
		if a.Similarity != b.Similarity {
			return a.Similarity > b.Similarity
		}
		if a.whole != b.whole {
			return a.whole
		}
		if (a.In == "quote") != (b.In == "quote") {
			return a.In == "quote"
		}
		return earlier(a.Article.Published, b.Article.Published)
	})
}

// speakerCheck says what the best match, ranked by rankMatches, says of
// the claimed speaker.
func speakerCheck(best WhoMatch, claimed claimant) string {
	switch {
	case claimed.spoke(best.Speaker, best.SpeakerOrg):
		return SpeakerConfirmed
	case best.Speaker != "":
		return OtherSpeaker
	}
	return SpeakerUnknown
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
// earliest published article and the others. The best match need not be
// the most similar (rankMatches): words closer to the claim are other
// words.
func appearances(ms []WhoMatch) (*QuoteOf, []QuoteOf) {
	best := ms[0].Similarity
	var carrying []QuoteOf
	seen := map[string]bool{}
	for _, m := range ms {
		if math.Abs(m.Similarity-best) <= 0.1+1e-9 && !seen[m.Article.ID] {
			seen[m.Article.ID] = true
			carrying = append(carrying, m.Article)
		}
	}
	sort.SliceStable(carrying, func(i, j int) bool { return earlier(carrying[i].Published, carrying[j].Published) })
	first := carrying[0]
	return &first, append([]QuoteOf{}, carrying[1:]...)
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// hasContent reports whether a claim has a word besides the common ones
// every quotation has: Who answers only such claims.
func hasContent(claim []wordAt) bool {
	return slices.ContainsFunc(claim, func(w wordAt) bool { return !w.stop })
}

// hasContentWord reports whether Who would take text as a claim to check,
// as far as its words go.
func hasContentWord(an *index.Analyzer, text string) bool {
	return hasContent(claimWords(an, text))
}
