package query

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/index"
)

// judgment is a query with graded relevance: 3 the article is about
// exactly this, 2 substantially, 1 in passing; unlisted is not relevant.
type judgment struct {
	Query    string         `json:"query"`
	Why      string         `json:"why"`
	Relevant map[string]int `json:"relevant"`
}

// TestRelevance ranks the relevance set (40 fictional articles, 14
// queries judged by hand) with each of Bleve's scoring models and checks
// that the default model puts an article about the query first every time
// and ranks at least as well as the other, by nDCG@5.
func TestRelevance(t *testing.T) {
	data, err := os.ReadFile("testdata/relevance/judgments.json")
	if err != nil {
		t.Fatal(err)
	}
	var judgments []judgment
	if err := json.Unmarshal(data, &judgments); err != nil {
		t.Fatal(err)
	}
	articles := filepath.Join(corpustest.ModuleRoot(t), "query", "testdata", "relevance", "articles.jsonl")
	scores := map[string]float64{}
	for _, model := range []string{"tf-idf", "bm25"} {
		ix, err := index.Open(filepath.Join(t.TempDir(), model), index.Options{Scoring: model})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ix.Update(context.Background(), []string{articles}, index.UpdateOptions{}); err != nil {
			t.Fatal(err)
		}
		total := 0.0
		for _, j := range judgments {
			ranked := rankedKeys(t, ix, j.Query)
			n := ndcg(ranked, j.Relevant, 5)
			total += n
			t.Logf("%-7s %-22s nDCG@5 %.3f  top: %s", model, j.Query, n, strings.Join(ranked[:min(5, len(ranked))], " "))
			if model == index.DefaultScoring && (len(ranked) == 0 || j.Relevant[ranked[0]] != 3) {
				t.Errorf("%s: %q ranks %v first; want an article about it (grade 3): %s", model, j.Query, ranked, j.Why)
			}
		}
		scores[model] = total / float64(len(judgments))
		ix.Close()
	}
	t.Logf("mean nDCG@5: tf-idf %.3f, bm25 %.3f", scores["tf-idf"], scores["bm25"])
	for model, s := range scores {
		if model != index.DefaultScoring && s > scores[index.DefaultScoring]+0.005 {
			t.Errorf("%s ranks better (%.3f) than the default %s (%.3f): reconsider the default", model, s, index.DefaultScoring, scores[index.DefaultScoring])
		}
	}
}

// rankedKeys runs a query and returns the record ids of its hits, best first.
func rankedKeys(t *testing.T, ix *index.Index, q string) []string {
	t.Helper()
	res, err := Search(context.Background(), ix, Request{Query: q, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	return hitKeys(t, ix, res)
}

// ndcg is the normalised discounted cumulative gain of a ranking at k, with
// gains 2^grade - 1.
func ndcg(ranked []string, grades map[string]int, k int) float64 {
	dcg := func(gs []int) float64 {
		sum := 0.0
		for i, g := range gs {
			if i >= k {
				break
			}
			sum += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i)+2)
		}
		return sum
	}
	var got, ideal []int
	for _, id := range ranked {
		got = append(got, grades[id])
	}
	for _, g := range grades {
		ideal = append(ideal, g)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ideal)))
	if best := dcg(ideal); best > 0 {
		return dcg(got) / best
	}
	return 0
}
