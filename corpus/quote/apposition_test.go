package quote

import (
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus/entity"
)

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

// TestMayBeApposed checks the byte-level filter that spares reading the
// words around most names: it must say yes wherever an apposition may
// stand, and may say yes where none does.
func TestMayBeApposed(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"The spokesman, Halden Marsk, declined to say.", "Halden Marsk", true},
		{"The spokesman ,  Halden Marsk declined.", "Halden Marsk", true},
		{"Halden Marsk, the spokesman, declined.", "Halden Marsk", true},
		{"Halden Marsk ,The port's spokesman", "Halden Marsk", true},
		{"Halden Marsk, THE spokesman", "Halden Marsk", true},
		{"Halden Marsk's, the", "Halden Marsk", true}, // the name ends inside a word
		{"Halden Marsk’s , the", "Halden Marsk", true},
		{"Halden Marsk Jr., the", "Halden Marsk Jr", true},
		{"Halden Marsk's spokesman, the", "Halden Marsk", false},
		{"Halden Marsk’s statement", "Halden Marsk", false},
		{"Halden Marsk's.", "Halden Marsk", false},
		{"the vice-spokesman, Halden Marsk", "Halden Marsk", true}, // nor when the word before is part of one
		{"said Halden Marsk.", "Halden Marsk", false},
		{"Halden Marsk, who declined", "Halden Marsk", false},
		{"Halden Marsk, there", "Halden Marsk", false},
		{"In 2019, Halden Marsk said", "Halden Marsk", false},
		{"Later, Halden Marsk said", "Halden Marsk", false},
		{"“Go,” Halden Marsk said", "Halden Marsk", false},
		{"Halden Marsk", "Halden Marsk", false},
	} {
		start := strings.Index(c.text, c.name)
		a := &article{text: c.text}
		m := entity.Mention{Type: entity.Person, Name: c.name, Text: c.name, Start: start, End: start + len(c.name)}
		if got := a.mayBeApposed(m); got != c.want {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}
