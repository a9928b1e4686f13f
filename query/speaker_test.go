package query

import (
	"context"
	"strings"
	"testing"
)

// speaker: in an article search finds the articles that quote someone,
// however the query spells them, and exact: spelling keeps it as typed.
func TestSpeakerField(t *testing.T) {
	ix := namesIndex(t)
	ctx := context.Background()
	canonical, err := Search(ctx, ix, Request{Query: `speaker:"Alexander Kelmarin"`, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if canonical.Total == 0 {
		t.Fatal(`speaker:"Alexander Kelmarin": no articles, want those quoting him`)
	}
	variant, err := Search(ctx, ix, Request{Query: `speaker:"Aleksandr Kelmarin"`, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if variant.Total != canonical.Total {
		t.Errorf(`speaker:"Aleksandr Kelmarin": %d articles, want %d as for the canonical spelling`, variant.Total, canonical.Total)
	}
	if !strings.Contains(strings.Join(variant.Explain, "\n"), "Alexander Kelmarin") {
		t.Errorf("explain does not show the expansion: %q", variant.Explain)
	}
	exact, err := Search(ctx, ix, Request{Query: `speaker:"Aleksandr Kelmarin"`, Exact: true})
	if err != nil {
		t.Fatal(err)
	}
	if exact.Total != 0 {
		t.Errorf("--exact speaker:\"Aleksandr Kelmarin\": %d articles, want 0 (no quotation is filed under that spelling)", exact.Total)
	}
	// A speaker filter narrows a word search, and only articles come back.
	both, err := Search(ctx, ix, Request{Query: `speaker:Kelmarin ceasefire`, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if both.Total == 0 || both.Total > canonical.Total {
		t.Errorf("speaker:Kelmarin ceasefire: %d articles, want between 1 and %d", both.Total, canonical.Total)
	}
	for _, h := range append(canonical.Hits, both.Hits...) {
		if strings.HasPrefix(h.ID, "quote:") || h.Title == "" {
			t.Errorf("hit %s (%q) is not an article", h.ID, h.Title)
		}
	}
}
