package entity

import (
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that any text, however broken, gives mentions whose
// text is what lies at their offsets, and never a panic.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Ostmarkian Foreign Minister Oskar Brenn arrived in Port Amsel.",
		"Jonas Kell, Greta Holm and the spokeswoman Dana Wirth wrote it. Kell filed first.",
		"Jonas P. Kell's ministry. Greta Ostmark’s \u00a0Ostmarkian.\n\nVarga's",
		"A.B.C. D'Arc-en O’Neil's -- 's ’s . .",
	} {
		f.Add(s)
	}
	g, err := Load(os.DirFS("testdata/gazetteer"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, m := range g.Find(text, [][2]int{{0, len(text)}}) {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %+v is not the text at its offsets in %q", m, text)
			}
		}
	})
}
