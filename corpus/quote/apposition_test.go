package quote

import "testing"

// TestApposition checks when a person named beside a bare definite
// description ("The spokesman, Oren Talvik,") is the speaker of the
// indefinite description before it ("a Halvik Palace spokesman said"):
// only when the text leaves no other reading.
func TestApposition(t *testing.T) {
	g := fixtureGazetteer(t)
	f := New(g, Options{})
	const said = "“Work continues,” a Halvik Palace spokesman said."
	tests := []struct {
		name, text string
		speaker    string
	}{
		{"the next sentence", said + " The spokesman, Oren Talvik, declined to say more.", "Oren Talvik"},
		{"the name before the description", said + " Oren Talvik, the spokesman, declined to say more.", "Oren Talvik"},
		{"the same sentence",
			"“Work continues,” a Halvik Palace spokesman said on Monday, and the spokesman, Oren Talvik, left.", "Oren Talvik"},
		{"two sentences later", said + " The gate was shut. The spokesman, Oren Talvik, declined to say more.", "Oren Talvik"},
		{"three sentences later",
			said + " The gate was shut. Guards stood by. The spokesman, Oren Talvik, declined to say more.", ""},
		{"the next paragraph starts with it", said + "\nThe spokesman, Oren Talvik, declined to say more.", "Oren Talvik"},
		{"the next paragraph, not at its start",
			said + "\nThe gate was shut. The spokesman, Oren Talvik, declined to say more.", ""},
		{"the organisation after the head",
			"“Work continues,” a spokesman for the Halvik Palace said. The spokesman, Oren Talvik, left.", "Oren Talvik"},
		{"the place the description names",
			"“Work continues,” a Port Sava spokesman said. The spokesman, Oren Talvik, left.", "Oren Talvik"},
		{"the description again, later",
			"A Halvik Palace spokesman arrived at noon. The spokesman, Oren Talvik, sat down. “Work continues,” a Halvik Palace spokesman said.",
			"Oren Talvik"},
		{"a role no group joins",
			"“Work continues,” a Lindgrad Circle official said. The official, Oren Talvik, declined to say more.", "Oren Talvik"},
		{"words the indefinite description holds",
			"“Work continues,” a senior Lindgrad Circle official said. The senior official, Oren Talvik, left.", "Oren Talvik"},

		{"a description of its own",
			said + " The ministry's spokesman, Oren Talvik, declined to say more.", ""},
		{"a word of its own",
			"“Work continues,” a Lindgrad Circle official said. The senior official, Oren Talvik, left.", ""},
		{"two descriptions it may point back to",
			"“Work continues,” a Halvik Palace spokesman told a Norvalian Defence Ministry spokesman. The spokesman, Oren Talvik, left.", ""},
		{"two people named as the description",
			said + " The spokesman, Oren Talvik, met the spokesman, Jonas Brell.", ""},
		{"someone else fits the description",
			"Halvik Palace spokesman Ilya Brodsen arrived late. " + said + " The spokesman, Oren Talvik, declined to say more.", ""},
		{"a woman is no spokesman", said + " The spokesman, Lena Sorvik, declined to say more.", ""},
		{"a spokeswoman is no spokesman", said + " The spokeswoman, Oren Talvik, declined to say more.", ""},
		{"a list of people", said + " The spokesman, Oren Talvik, Jonas Brell and Piet Aldren left.", ""},
		{"no indefinite description", "“Work continues,” the Halvik Palace spokesman said. The spokesman, Oren Talvik, left.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(f, g, tt.text)
			if len(got) != 1 || got[0].Text != "Work continues," {
				t.Fatalf("%q: got %+v, want “Work continues,” only", tt.text, got)
			}
			if got[0].Speaker != tt.speaker {
				t.Errorf("%q:\ngot  speaker %q (%q)\nwant speaker %q", tt.text, got[0].Speaker, got[0].SpeakerText, tt.speaker)
			}
		})
	}
}
