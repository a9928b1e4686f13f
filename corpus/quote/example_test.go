package quote_test

import (
	"fmt"

	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/quote"
)

func ExampleFinder_Find() {
	g, _ := entity.Embedded()
	f := quote.New(g, quote.Options{})
	text := "Alexander Velin arrived in Trevanna on Tuesday. “We have come to talk,” he said. " +
		"“We have not come to be lied to.” The so-called “frozen conflict” has lasted decades."
	parts := [][2]int{{0, len(text)}}
	for _, q := range f.Find(text, parts, g.Find(text, parts)) {
		fmt.Printf("%s | %s | %s | %s\n", q.Text, q.Kind, q.Speaker, q.SpeakerText)
	}
	// Output:
	// We have come to talk, | direct | Alexander Velin | he
	// We have not come to be lied to. | direct | Alexander Velin | he
}
