package query

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/parleysearch/parley/index"
)

// demoQuotes lists the direct quotations with a speaker indexed from the
// demo corpus that are long enough to alter, in the order of their words:
// an article's ID hashes the path of its file, so an order by ID would
// pick other quotations from another checkout (a leading half of only
// common words, "We are here because we", is rightly refused as a claim).
func demoQuotes(t *testing.T, ix *index.Index) []index.StoredQuote {
	t.Helper()
	q := kindOnly(index.KindQuote)
	sr := bleve.NewSearchRequestOptions(q, 1000, 0, false)
	sr.Fields = index.StoredQuoteFields
	sr.SortBy([]string{"_id"})
	res, err := ix.Bleve().Search(sr)
	if err != nil {
		t.Fatal(err)
	}
	var out []index.StoredQuote
	for _, h := range res.Hits {
		s := index.StoredQuoteFrom(h.ID, h.Fields)
		if s.Speaker != "" && s.Kind == "direct" && len(strings.Fields(s.Text)) >= 8 {
			out = append(out, s)
		}
	}
	if len(out) < 5 {
		t.Fatalf("only %d long attributed quotations in the demo index", len(out))
	}
	slices.SortFunc(out, func(a, b index.StoredQuote) int {
		return cmp.Or(strings.Compare(a.Text, b.Text), strings.Compare(a.Article, b.Article), a.Start-b.Start)
	})
	return out
}

func TestWhoVerdicts(t *testing.T) {
	ix := namesIndex(t)
	ctx := context.Background()
	quotes := demoQuotes(t, ix)
	for _, q := range quotes[:5] {
		words := strings.Fields(q.Text)
		dropped := strings.Join(append(append([]string{}, words[:3]...), words[4:]...), " ")
		swapped := append([]string{}, words...)
		swapped[2], swapped[3] = swapped[3], swapped[2]
		cases := []struct {
			name, claim, speaker, want string
		}{
			{"whole, curly marks", "“" + q.Text + "”", "", Verbatim},
			{"whole, straight marks", `"` + q.Text + `"`, "", Verbatim},
			{"leading half", strings.Join(words[:len(words)/2+1], " "), "", Partial},
			{"a word dropped", dropped, "", Altered},
			{"two words swapped", strings.Join(swapped, " "), "", Altered},
			{"right speaker", q.Text, q.Speaker, Verbatim},
			{"wrong speaker", "Quillon Varro: " + q.Text, "", OtherSpeaker},
		}
		for _, c := range cases {
			res, err := Who(ctx, ix, WhoRequest{Claim: c.claim, Speaker: c.speaker})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if res.Verdict != c.want {
				t.Errorf("%s of %q: verdict %s, want %s (%+v)", c.name, q.Text, res.Verdict, c.want, res.Matches)
				continue
			}
			found := false
			for _, m := range res.Matches {
				found = found || (m.Article.ID == q.Article && m.Start >= q.Start && m.End <= q.End)
			}
			if !found {
				t.Errorf("%s of %q: no match in article %s at %d:%d: %+v", c.name, q.Text, q.Article, q.Start, q.End, res.Matches)
			}
			if res.FirstAppearance == nil {
				t.Errorf("%s: no first appearance", c.name)
			}
		}
	}
	res, err := Who(ctx, ix, WhoRequest{Claim: "The moon is made of green cheese and always was, said nobody."})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != NotFound || res.FirstAppearance != nil {
		t.Errorf("invented claim: verdict %s, first %v, want not_found and none: %+v", res.Verdict, res.FirstAppearance, res.Matches)
	}
	for _, claim := range []string{`“ … ”`, "the", `"It is not"`, "Sevda Oryan: it is"} {
		res, err := Who(ctx, ix, WhoRequest{Claim: claim})
		var bad *RequestError
		if !errors.As(err, &bad) {
			t.Errorf("who %s: got %v, verdict %v; want an error: no words to check", claim, err, res != nil && res.Verdict != "")
		}
	}
}

func TestAlignDiff(t *testing.T) {
	an := index.NewAnalyzer()
	source := "We will not leave the valley, whatever they sign."
	claim := "We will never leave the valley"
	a, ok := align(claimWords(an, claim), wordsOf(an, source, 100), claim, source, 100)
	if !ok {
		t.Fatal("no alignment")
	}
	var got []string
	for _, op := range a.ops {
		got = append(got, op.Op+":"+op.Text)
	}
	want := "equal:We will|delete:not|insert:never|equal:leave the valley"
	if strings.Join(got, "|") != want {
		t.Errorf("diff %q, want %q", strings.Join(got, "|"), want)
	}
	if a.matched != 5 || a.similarity < 0.8 || a.similarity > 0.85 {
		t.Errorf("matched %d similarity %.3f, want 5 and 2·5/12", a.matched, a.similarity)
	}
}

// TestWhoClaimedSpeaker checks verdicts on claims that name a speaker, on
// the fictional who fixture: the minister Ilkan Dervishov said "We will
// hold the harbour…", which a banner had carried three days before; a
// spokesman of the Corvane Port Authority said "Ships under every flag…";
// the north quay's closure is in article text only, nobody's words.
func TestWhoClaimedSpeaker(t *testing.T) {
	ix := whoIndex(t)
	const (
		hold  = "We will hold the harbour for as long as the tide comes in, and we will not sell it"
		quay  = "the north quay has been closed for nine days and the boats are rotting at their moorings"
		ships = "Ships under every flag are welcome at the north quay again, whatever the talks decide"
	)
	cases := []struct {
		name, claim, speaker string
		want                 string // the verdict
		wantSpeaker          string // the best match's speaker
		wantCheck            string // what the sources say of the claimed speaker
	}{
		{"last name as written", "Dervishov: " + hold, "", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		{"last name respelled", "Dervisov: " + hold, "", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		{"whole name respelled", hold, "Ilkan Dervisov", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		{"last name as --speaker", hold, "Dervisov", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		{"someone else said it; an earlier source names nobody", "Marsk: " + hold, "", OtherSpeaker, "Ilkan Dervishov", OtherSpeaker},
		{"someone else said it, altered", "Marsk: We will hold the harbour for as long as the tide comes in, and we will never sell it", "", OtherSpeaker, "Ilkan Dervishov", OtherSpeaker},
		{"someone invented", "Quillon Varro: " + hold, "", OtherSpeaker, "Ilkan Dervishov", OtherSpeaker},
		{"no source names a speaker", "Marsk: " + quay, "", Verbatim, "", SpeakerUnknown},
		{"no source names a speaker, altered", "Marsk: the north quay has been closed for ten days and the boats are rotting at their moorings", "", Altered, "", SpeakerUnknown},
		{"no speaker claimed", hold, "", Verbatim, "", ""},
		{"the organisation its spokesman spoke for", "Port Authority: " + ships, "", Verbatim, "Halden Marsk", SpeakerConfirmed},
		{"the organisation, canonical", ships, "Corvane Port Authority", Verbatim, "Halden Marsk", SpeakerConfirmed},
		{"the place the organisation is in", "Corvane: " + ships, "", OtherSpeaker, "Halden Marsk", OtherSpeaker},
		{"a minister of the place", "Dervishov: " + ships, "", OtherSpeaker, "Halden Marsk", OtherSpeaker},
		{"Name said: “words”", `Dervishov said: "` + hold + `"`, "", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		{"Name says “words”", `Marsk says "` + hold + `"`, "", OtherSpeaker, "Ilkan Dervishov", OtherSpeaker},
		{"“words,” Name said", "“" + hold + ",” Marsk said.", "", OtherSpeaker, "Ilkan Dervishov", OtherSpeaker},
		{"“words,” said Name", `"` + hold + `," said Ilkan Dervisov`, "", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		// Titles, roles and affiliations before the name are not the name.
		{"place, title, last name", "Corvane Minister Dervishov: " + hold, "", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		{"place's PM, name respelled", "Corvane's PM Ilkan Dervisov: " + hold, "", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		{"honorific", "Mr Marsk: " + hold, "", OtherSpeaker, "Ilkan Dervishov", OtherSpeaker},
		{"a demonym nobody lists", "Corvanese Minister Dervishov: " + hold, "", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		{"organisation's spokesman", "Port Authority spokesman Marsk: " + ships, "", Verbatim, "Halden Marsk", SpeakerConfirmed},
		{"title, name said", `Minister Dervishov said: "` + hold + `"`, "", Verbatim, "Ilkan Dervishov", SpeakerConfirmed},
		// A headline label is no speaker at all.
		{"Breaking:", "Breaking: " + hold, "", Verbatim, "", ""},
		{"Watch:", "Watch: " + hold, "", Verbatim, "", ""},
		{"Update: Name:", "Update: Marsk: " + hold, "", OtherSpeaker, "Ilkan Dervishov", OtherSpeaker},
	}
	for _, c := range cases {
		res, err := Who(context.Background(), ix, WhoRequest{Claim: c.claim, Speaker: c.speaker})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(res.Matches) == 0 {
			t.Errorf("%s: got no match, want %s", c.name, c.want)
			continue
		}
		if got := res.Matches[0].Speaker; res.Verdict != c.want || got != c.wantSpeaker || res.SpeakerCheck != c.wantCheck {
			t.Errorf("%s: got %s by %q (speaker %q), want %s by %q (speaker %q)", c.name, res.Verdict, got, res.SpeakerCheck, c.want, c.wantSpeaker, c.wantCheck)
		}
	}
}

func TestSplitClaim(t *testing.T) {
	for _, c := range []struct {
		in, claim, speaker, prefix string
	}{
		{`Dervishov: We will hold`, "We will hold", "Dervishov", "Dervishov"},
		{`Ilkan Dervishov: “We will hold”`, "We will hold", "Ilkan Dervishov", "Ilkan Dervishov"},
		{`Dervishov said: "We will hold"`, "We will hold", "Dervishov", "Dervishov said"},
		{`Dervishov says: we will hold`, "we will hold", "Dervishov", "Dervishov says"},
		{`Dervishov said "We will hold"`, "We will hold", "Dervishov", ""},
		{`Dervishov tweeted, “We will hold”`, "We will hold", "Dervishov", ""},
		{`“We will hold,” Dervishov said.`, "We will hold", "Dervishov", ""},
		{`"We will hold", said Ilkan Dervishov`, "We will hold", "Ilkan Dervishov", ""},
		{`«We will hold», Port Authority stated`, "We will hold", "Port Authority", ""},
		{`“We will hold,” he said.`, "We will hold", "", ""},
		{`We said: no more talks`, "We said: no more talks", "", ""},
		{`"I said: no more talks"`, "I said: no more talks", "", ""},
		{`Dervishov said the harbour would stay shut`, "Dervishov said the harbour would stay shut", "", ""},
		{`“We will hold”`, "We will hold", "", ""},
		// Headline labels name nobody, and are not the claim's words.
		{`Breaking: We will hold`, "We will hold", "", ""},
		{`BREAKING: “We will hold”`, "We will hold", "", ""},
		{`Watch: Dervishov says “We will hold”`, "We will hold", "Dervishov", ""},
		{`Update: Dervishov: We will hold`, "We will hold", "Dervishov", "Dervishov"},
		{`Breaking news: We will hold`, "We will hold", "", ""},
		{`breaking: We will hold`, "We will hold", "", ""},
	} {
		claim, speaker, prefix := splitClaim(c.in, nil)
		if claim != c.claim || speaker != c.speaker || prefix != c.prefix {
			t.Errorf("splitClaim(%q): got %q, %q, %q; want %q, %q, %q", c.in, claim, speaker, prefix, c.claim, c.speaker, c.prefix)
		}
	}
}
