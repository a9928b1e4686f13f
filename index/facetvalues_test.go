package index

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"
)

// TestTopTerms checks that keeping the top values as they come gives what
// sorting them all and keeping the first would.
func TestTopTerms(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for trial := 0; trial < 200; trial++ {
		n := r.Intn(300)
		var counts []TermCount
		for i := 0; i < n; i++ {
			counts = append(counts, TermCount{fmt.Sprintf("v%03d", r.Intn(1000)+i*1000), r.Intn(8)})
		}
		for _, size := range []int{0, 1, 3, 10, 100000} {
			want := append([]TermCount(nil), counts...)
			sort.Slice(want, func(i, j int) bool {
				if want[i].Count != want[j].Count {
					return want[i].Count > want[j].Count
				}
				return want[i].Term < want[j].Term
			})
			if len(want) > size {
				want = want[:size]
			}
			got := topTerms(append([]TermCount(nil), counts...), size)
			if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("trial %d, size %d:\ngot  %v\nwant %v", trial, size, got, want)
			}
		}
	}
}
