package quote

import (
	"cmp"
	"encoding/json"
	"slices"
	"sync"

	"github.com/parleysearch/parley/corpus/entity"
)

// Kind says how a quotation gives the speaker's words.
type Kind string

// The kinds of quotation.
const (
	// Direct is a quotation that stands as its own sentence or sentences,
	// between quotation marks: “We will not leave,” he said.
	Direct Kind = "direct"
	// Partial is a few quoted words inside the reporter's sentence: Aliyev
	// said he was ready to “put an end to the confrontation”.
	Partial Kind = "partial"
	// Indirect is reported speech without quotation marks: Pashinyan said
	// that talks would resume. Its words are the reporter's, not the
	// speaker's.
	Indirect Kind = "indirect"
)

// Quote is one quotation and who said it.
type Quote struct {
	// Text is the quoted words, without the quotation marks, exactly as
	// they stand at Start:End (byte offsets into the article's text). A
	// quotation over several paragraphs keeps the line breaks and marks
	// between them.
	Text  string
	Start int
	End   int
	// Speaker is the canonical name of who said it: a person or an
	// organisation, or for a group, their names joined by "; ". It is
	// empty when the text does not say who, or Parley cannot tell.
	Speaker string
	// SpeakerText is the words that name the speaker where the cue is
	// ("he", "a Kremlin spokesman", "the statement"), at
	// SpeakerStart:SpeakerEnd; empty when nothing names one.
	SpeakerText  string
	SpeakerStart int
	SpeakerEnd   int
	// SpeakerOrg is, for a speaker described but not named ("a Kremlin
	// spokesman"), the organisation the description names.
	SpeakerOrg string
	// Cue is the word that reports the speech: "said", "told",
	// "according to". The halves of a quotation split by its attribution
	// (“…,” he said. “…”) share its cue; a paragraph that only goes on
	// with a speaker's earlier words has none.
	Cue  string
	Kind Kind
	// Confidence is how likely Parley is to have the quotation and its
	// speaker right: the share of quotations found by the same rule that
	// were right on the PolNeAR training articles (see doc.go).
	Confidence float64
}

// MarshalJSON writes a quotation in the shape of design.md, with null for
// an unknown speaker.
func (q Quote) MarshalJSON() ([]byte, error) {
	null := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	return json.Marshal(struct {
		Text         string  `json:"text"`
		Start        int     `json:"start"`
		End          int     `json:"end"`
		Speaker      *string `json:"speaker"`
		SpeakerText  *string `json:"speaker_text"`
		SpeakerStart *int    `json:"speaker_start"`
		SpeakerEnd   *int    `json:"speaker_end"`
		SpeakerOrg   string  `json:"speaker_org,omitempty"`
		Cue          *string `json:"cue"`
		Kind         Kind    `json:"kind"`
		Confidence   float64 `json:"confidence"`
	}{q.Text, q.Start, q.End, null(q.Speaker), null(q.SpeakerText), offset(q.SpeakerText, q.SpeakerStart),
		offset(q.SpeakerText, q.SpeakerEnd), q.SpeakerOrg, null(q.Cue), q.Kind, round2(q.Confidence)})
}

func offset(text string, n int) *int {
	if text == "" {
		return nil
	}
	return &n
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// Options choose what a Finder reports.
type Options struct {
	// Indirect adds reported speech without quotation marks ("Kelmarin
	// said that talks would resume").
	Indirect bool
}

// Finder finds quotations. Build it once with New and share it: it is
// read-only and safe for concurrent use.
type Finder struct {
	g    *entity.Gazetteer
	opts Options
	// names holds given names that tell a person's gender, to resolve
	// "he" and "she".
	names map[string]gender
	// presidencies maps a country to its president's office, whose
	// spokesman the president's press secretary is.
	presidencies map[string]string
	// articles recycles the articles read (*article), whose slices, the
	// token buffer first, would otherwise be most of what finding
	// quotations allocates.
	articles *sync.Pool
}

// New returns a Finder that resolves speakers with the roles and
// affiliations of g.
func New(g *entity.Gazetteer, opts Options) *Finder {
	return &Finder{g: g, opts: opts, names: givenNameGenders(), presidencies: presidencies(g), articles: &sync.Pool{}}
}

// Find returns the quotations in the body parts of text (byte ranges,
// in order), attributed with the help of the entity mentions found in
// the same parts, in order of their start.
func (f *Finder) Find(text string, parts [][2]int, mentions []entity.Mention) []Quote {
	a := newArticle(f, text, parts, mentions)
	a.findIssuers()
	for i := range a.spans {
		a.attribute(i)
	}
	a.continuations()
	if f.opts.Indirect {
		a.indirect()
	}
	out := a.quotes()
	a.recycle()
	// slices, not sort.SliceStable: the same stable order without
	// allocating a swapper.
	slices.SortStableFunc(out, func(x, y Quote) int { return cmp.Compare(x.Start, y.Start) })
	return out
}
