package quote

import (
	"testing"
)

// TestSpeakerWords checks that the words read as a quotation's speaker
// name or describe someone: no article, conjunction or lone adjective,
// no noun taken for a cue, and the attribution the sentence gives.
func TestSpeakerWords(t *testing.T) {
	g := fixtureGazetteer(t)
	f := New(g, Options{})
	tests := []struct {
		name, text string
		want       q
	}{
		{"a noun after an article is no cue",
			`Halden said: "We will never leave the river, not one step." The remarks drew criticism.`,
			q{"We will never leave the river, not one step.", "Viktor Halden", "Halden", "said", Direct}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(f, g, tt.text)
			if len(got) != 1 {
				t.Fatalf("%q: got %d quotations, want 1: %+v", tt.text, len(got), got)
			}
			x := got[0]
			if g := (q{x.Text, x.Speaker, x.SpeakerText, x.Cue, x.Kind}); g != tt.want {
				t.Errorf("%q:\ngot  %q\nwant %q", tt.text, g, tt.want)
			}
		})
	}
}
