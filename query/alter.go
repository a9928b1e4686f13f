package query

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/parleysearch/parley/index"
)

// Alteration is one way a quotation gets changed as it circulates, for
// measuring Who: `parley bench` and the accuracy tests make claims from
// indexed quotations with these.
type Alteration struct {
	Name string
	// Verdict is what Who should answer for the altered claim.
	Verdict string
	// Apply returns the altered claim, or "" when the quotation is too
	// short to alter this way.
	Apply func(words []string) string
}

// Alterations lists the changes Who is measured on: the quotation as it
// stands and with its marks changed (verbatim), cut to its leading half
// (partial), and with a word dropped, two words swapped or a word changed
// (altered), and put in the mouth of an invented person (other_speaker).
// The altered word sits in the middle of the quotation, where
// no alignment can leave it out.
var Alterations = []Alteration{
	{"as reported", Verbatim, func(w []string) string { return strings.Join(w, " ") }},
	{"curly marks", Verbatim, func(w []string) string { return "“" + strings.Join(w, " ") + "”" }},
	{"leading half", Partial, func(w []string) string { return strings.Join(w[:(len(w)+1)/2], " ") }},
	{"word dropped", Altered, func(w []string) string {
		i := len(w) / 2
		return strings.Join(append(append([]string{}, w[:i]...), w[i+1:]...), " ")
	}},
	{"words swapped", Altered, func(w []string) string {
		i := len(w) / 2
		v := append([]string{}, w...)
		if strings.EqualFold(v[i-1], v[i]) {
			return ""
		}
		v[i-1], v[i] = v[i], v[i-1]
		return strings.Join(v, " ")
	}},
	{"word changed", Altered, func(w []string) string {
		i := len(w) / 2
		v := append([]string{}, w...)
		v[i] = "zorblatt" // no newsroom's word
		return strings.Join(v, " ")
	}},
	{"someone else named", OtherSpeaker, func(w []string) string { return "Quillon Varro: " + strings.Join(w, " ") }},
}

// MinAlterWords is the shortest quotation the alterations apply to: a
// claim of a few words is a phrase anyone might say.
const MinAlterWords = 8

// WhoTrial is a claim made from an indexed quotation by an alteration,
// and the quotation it came from.
type WhoTrial struct {
	Claim      string
	Alteration Alteration
	Quote      index.StoredQuote
}

// WhoTrials makes claims from up to n of the index's attributed direct
// quotations of MinAlterWords to 60 words, taken in ID order so that runs
// agree, each altered every way Alterations says.
func WhoTrials(ctx context.Context, ix *index.Index, n int) ([]WhoTrial, error) {
	q := bquery.NewConjunctionQuery([]bquery.Query{kindOnly(index.KindQuote), termQuery("direct", index.FieldQuoteKind, 1)})
	var trials []WhoTrial
	taken := 0
	// A page at a time: most quotations are too short or unattributed,
	// and reading all of them would read much of the index.
	const page = 500
	for from := 0; taken < n; from += page {
		sr := bleve.NewSearchRequestOptions(q, page, from, false)
		sr.Fields = index.StoredQuoteFields
		sr.SortBy([]string{"_id"})
		res, err := ix.Bleve().SearchInContext(ctx, sr)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			if taken == n {
				break
			}
			quote := index.StoredQuoteFrom(h.ID, h.Fields)
			// Alterations change words: a "…" or "—" standing alone is
			// not one, and dropping it changes nothing Who reads.
			words := strings.FieldsFunc(quote.Text, unicode.IsSpace)
			words = slices.DeleteFunc(words, func(w string) bool { return !strings.ContainsFunc(w, isWordRune) })
			if quote.Speaker == "" || len(words) < MinAlterWords || len(words) > 60 {
				continue
			}
			taken++
			for _, alt := range Alterations {
				// A claim of common words only ("So I have very", the
				// leading half of a short quotation) is refused by Who as
				// anyone's words: no trial.
				if claim := alt.Apply(words); claim != "" && hasContentWord(ix.Analyzer(), claim) {
					trials = append(trials, WhoTrial{Claim: claim, Alteration: alt, Quote: quote})
				}
			}
		}
		if len(res.Hits) < page {
			break
		}
	}
	return trials, nil
}

// Right reports whether Who's answer to the trial is the verdict its
// alteration calls for and finds the article the quotation came from: as
// its best match, its first appearance, or a reprint (the same words in
// several articles).
func (t WhoTrial) Right(ans *WhoResult) bool {
	if ans.Verdict != t.Alteration.Verdict || len(ans.Matches) == 0 {
		return false
	}
	article := t.Quote.Article
	if ans.Matches[0].Article.ID == article || (ans.FirstAppearance != nil && ans.FirstAppearance.ID == article) {
		return true
	}
	for _, r := range ans.Reprints {
		if r.ID == article {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
