package query

import "strings"

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
// (altered). The altered word sits in the middle of the quotation, where
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
}

// MinAlterWords is the shortest quotation the alterations apply to: a
// claim of a few words is a phrase anyone might say.
const MinAlterWords = 8
