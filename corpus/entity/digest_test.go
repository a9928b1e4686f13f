package entity

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "update golden files")

// digestArticles is how many AllSides articles TestFindAllSidesDigest
// reads: the first 2,000, as the finder benchmarks do.
const digestArticles = 2000

// TestFindAllSidesDigest finds the entities of AllSides articles with the
// built-in gazetteer and compares a digest of every mention, offsets,
// role and affiliation included, with testdata/allsides.sha256. A speed-up
// of the finder must leave it as it is; a change of the rules or of the
// gazetteer's data changes it on purpose (run with -update, and say so in
// the commit). Only the digest is kept: the articles stay in ../shared.
func TestFindAllSidesDigest(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	n, mentions := 0, 0
	allSidesBodies(t, digestArticles, func(text string, parts [][2]int) {
		for _, m := range g.Find(text, parts) {
			fmt.Fprintf(h, "%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n", n, m.Start, m.End, m.Type, m.Name, m.Text, m.Role, m.Affiliation)
			mentions++
		}
		n++
	})
	got := fmt.Sprintf("%x %d articles %d mentions\n", h.Sum(nil), n, mentions)
	golden := filepath.Join("testdata", "allsides.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s:\ngot  %swant %s", golden, got, want)
	}
	if !strings.Contains(got, fmt.Sprintf(" %d articles ", digestArticles)) {
		t.Errorf("read %d articles, want %d", n, digestArticles)
	}
}

// TestFindMentionsOutlastFinder checks that the mentions Find returns
// stay as they were while the finder reads the next articles: a finder
// writes the folded forms of each article's words over the last one's
// (see finder.reset), and none of them may be in a mention.
func TestFindMentionsOutlastFinder(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var kept [][]Mention   // as Find returned them
	var copies [][]Mention // copied byte for byte right away
	allSidesBodies(t, 500, func(text string, parts [][2]int) {
		ms := g.Find(text, parts)
		c := make([]Mention, len(ms))
		for i, m := range ms {
			c[i] = Mention{Type: strings.Clone(m.Type), Name: strings.Clone(m.Name), Text: strings.Clone(m.Text),
				Start: m.Start, End: m.End, Role: strings.Clone(m.Role), Affiliation: strings.Clone(m.Affiliation)}
		}
		kept, copies = append(kept, ms), append(copies, c)
	})
	for i := range kept {
		if !slices.Equal(kept[i], copies[i]) {
			t.Fatalf("article %d: its mentions changed as later articles were read:\ngot  %v\nwant %v", i, kept[i], copies[i])
		}
	}
}
