package quote

import "testing"

// TestDescriptionHolder checks when a description of a speaker ("a Halvik
// Palace spokesman") is resolved to a person the article names: only when
// what the article says of that person fits every part of it.
func TestDescriptionHolder(t *testing.T) {
	g := fixtureGazetteer(t)
	f := New(g, Options{})
	tests := []struct {
		name, text           string
		speaker, speakerText string
		org                  string
	}{
		{"the organisation before the name",
			"Halvik Palace spokesman Ilya Brodsen arrived late. “Work continues,” said a Halvik Palace spokesman.",
			"Ilya Brodsen", "a Halvik Palace spokesman", "Halvik Palace"},
		{"the organisation in an apposition",
			"The Halvik Palace said little. Ilya Brodsen, the palace's press secretary, arrived late. “Work continues,” said a Halvik Palace spokesman.",
			"Ilya Brodsen", "a Halvik Palace spokesman", "Halvik Palace"},
		{"the president's press secretary speaks for the president's office",
			"This was announced by the press secretary of the Kestrian President Ilya Brodsen. “Work continues,” said a Halvik Palace spokesman.",
			"Ilya Brodsen", "a Halvik Palace spokesman", "Halvik Palace"},
		{"another organisation of the same country",
			"“Work continues,” said a Halvik Palace spokesman. Later, Foreign Ministry spokeswoman Lena Sorvik said talks would resume.",
			"", "a Halvik Palace spokesman", "Halvik Palace"},
		{"another ministry of the same country",
			"“We are reviewing the request,” a Norvalian Defence Ministry spokesman said. Foreign Ministry spokesman Piet Aldren declined to comment.",
			"", "a Norvalian Defence Ministry spokesman", "Norvalian Defence Ministry"},
		{"nothing ties the person to the organisation",
			"Ilya Brodsen, who has served Ferrin for years, did not attend. “Work continues,” said a Halvik Palace spokesman.",
			"", "a Halvik Palace spokesman", "Halvik Palace"},
		{"a spokesman is not a spokeswoman",
			"The Halvik Palace said little. Lena Sorvik, the palace's press secretary, arrived late. “Work continues,” said a Halvik Palace spokesman.",
			"", "a Halvik Palace spokesman", "Halvik Palace"},
		{"a spokeswoman of the organisation",
			"The Halvik Palace said little. Lena Sorvik, the palace's press secretary, arrived late. “Work continues,” said a Halvik Palace spokeswoman.",
			"Lena Sorvik", "a Halvik Palace spokeswoman", "Halvik Palace"},
		{"a country alone",
			"Anna Vesk arrived late. “The road is open,” said Norvalia's spokeswoman.",
			"Anna Vesk", "Norvalia's spokeswoman", ""},
		{"a country alone, another person",
			"Lena Sorvik arrived late. “The road is open,” said Norvalia's spokeswoman.",
			"", "Norvalia's spokeswoman", ""},
		{"a person the description names",
			"Ferrin spokesman Ilya Brodsen arrived late. “Work continues,” said a Ferrin spokesman.",
			"Ilya Brodsen", "a Ferrin spokesman", ""},
		{"a person the description names, not said of the holder",
			"Ilya Brodsen arrived late. “Work continues,” said a Ferrin spokesman.",
			"", "a Ferrin spokesman", ""},
		{"another",
			"Halvik Palace spokesman Ilya Brodsen arrived late. “Work continues,” said another Halvik Palace spokesman.",
			"", "another Halvik Palace spokesman", "Halvik Palace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(f, g, tt.text)
			if len(got) != 1 {
				t.Fatalf("%q: got %d quotations, want 1: %+v", tt.text, len(got), got)
			}
			x := got[0]
			if x.Speaker != tt.speaker || x.SpeakerText != tt.speakerText || x.SpeakerOrg != tt.org {
				t.Errorf("%q:\ngot  speaker %q, words %q, org %q\nwant speaker %q, words %q, org %q",
					tt.text, x.Speaker, x.SpeakerText, x.SpeakerOrg, tt.speaker, tt.speakerText, tt.org)
			}
		})
	}
}
