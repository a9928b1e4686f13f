package entity

import "testing"

// TestNameAfterTitles checks that the words before a claimed speaker's
// name, titles, roles and affiliations from the gazetteer's own lists,
// are left out, and that words that are nothing but those are kept. The
// people are invented; the titles, demonyms and places are the
// gazetteer's.
func TestNameAfterTitles(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"Armenian PM Tigran Osmo", "Tigran Osmo"},
		{"Armenian Prime Minister Osmo", "Osmo"},
		{"Armenia's PM Osmo", "Osmo"},
		{"Russian Foreign Minister Ilya Varnov", "Ilya Varnov"},
		{"Kremlin spokesman Ilya Varnov", "Ilya Varnov"},
		{"Dravonian Foreign Minister Kelmarin", "Kelmarin"}, // a demonym the gazetteer does not know
		{"Armenian Pashinyan", "Pashinyan"},
		{"Armenian PM", "Armenian PM"},
		{"Mr Varnov", "Varnov"},
		{"Ilya Varnov", "Ilya Varnov"},
		{"Armenian Prime Minister", "Armenian Prime Minister"}, // no name: kept for the caller
		{"Kremlin", "Kremlin"},
		{"Russia", "Russia"},
	}
	for _, tt := range tests {
		if got := g.NameAfterTitles(tt.in); got != tt.want {
			t.Errorf("NameAfterTitles(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
