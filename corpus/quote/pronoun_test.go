package quote

import "testing"

// TestPronounSpeaker checks whom "he" and "she" are resolved to, and how
// sure Parley says it is, when the sentence before names more than one
// person.
func TestPronounSpeaker(t *testing.T) {
	g := fixtureGazetteer(t)
	f := New(g, Options{})
	tests := []struct {
		name, text string
		speaker    string
		confidence float64
	}{
		{"one person",
			"Viktor Halden arrived in Lindgrad on Monday. “We agreed to meet again,” he said.",
			"Viktor Halden", 0.8},
		{"the subject, another man fits too",
			"Viktor Halden met Tomas Ferrin in Lindgrad on Monday. “We agreed to meet again,” he said.",
			"Viktor Halden", 0.7},
		{"the subject, the other is a woman",
			"Viktor Halden met Marta Kessling in Lindgrad on Monday. “We agreed to meet again,” he said.",
			"Viktor Halden", 0.8},
		{"a possessor is no subject",
			"Kessling’s plan was backed on Friday by Anna Vesk. “It never made sense to wait,” she said.",
			"", 0.9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(f, g, tt.text)
			if len(got) != 1 {
				t.Fatalf("%q: got %d quotations, want 1: %+v", tt.text, len(got), got)
			}
			if x := got[0]; x.Speaker != tt.speaker || round2(x.Confidence) != tt.confidence {
				t.Errorf("%q:\ngot  speaker %q, confidence %.2f\nwant speaker %q, confidence %.2f",
					tt.text, x.Speaker, x.Confidence, tt.speaker, tt.confidence)
			}
		})
	}
}
