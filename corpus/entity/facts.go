package entity

import "strings"

// wordFacts is what the finder asks of a word, its folded form: the
// first words of names and titles, the names of one word, demonyms, given
// names, and the word sets of the rules (notNames, orgHeads…). A
// capitalised word is asked most of these in turn, and each was a map
// lookup of its own: a token looks them up together, once (finder.facts).
type wordFacts struct {
	// aliasLens and titleLens are firstWords.of the word for the
	// gazetteer's aliasLens and titleLens.
	aliasLens, titleLens []int
	demonym              *Entry // the place the word is a demonym of
	// spelling holds the spellings of the word alone as a name (its
	// key), nil when it is none.
	spelling *spellings
	kinds    wordKind
}

// wordKind says which word sets a word is in.
type wordKind uint16

const (
	givenName    wordKind = 1 << iota // Gazetteer.givenNames
	notName                           // notNames
	connector                         // connectors
	orgConnector                      // orgConnectors
	orgHead                           // orgHeads
	workHead                          // workHeads
	placeHead                         // placeHeads
	genericWord                       // genericWords
)

// noFacts stands for a word that no map or set holds, so that a token
// whose facts were looked up is told from one whose were not (nil).
var noFacts = &wordFacts{}

// buildFacts gathers, for every word of the maps and sets that
// wordFacts answers for, its facts. Load and AddAliasFile call it when
// they are done, as the maps are built: the finder only reads it.
func (g *Gazetteer) buildFacts() {
	facts := map[string]*wordFacts{}
	of := func(w string) *wordFacts {
		if facts[w] == nil {
			facts[w] = &wordFacts{}
		}
		return facts[w]
	}
	for w, lens := range g.aliasLens.lens {
		of(w).aliasLens = lens
	}
	for w, lens := range g.titleLens.lens {
		of(w).titleLens = lens
	}
	for key, sp := range g.spellings {
		if !strings.Contains(key, " ") {
			of(key).spelling = sp
		}
	}
	for w, place := range g.demonyms {
		of(w).demonym = place
	}
	sets := []struct {
		words map[string]bool
		kind  wordKind
	}{
		{g.givenNames, givenName}, {notNames, notName}, {connectors, connector}, {orgConnectors, orgConnector},
		{orgHeads, orgHead}, {workHeads, workHead}, {placeHeads, placeHead}, {genericWords, genericWord},
	}
	for _, s := range sets {
		for w, in := range s.words {
			if in {
				of(w).kinds |= s.kind
			}
		}
	}
	g.facts = facts
	g.factsFilter = factsFilter{}
	for w := range facts {
		g.factsFilter.add(w)
	}
}

// factsFilter is a one-hash Bloom filter of the words that have facts.
// Four capitalised words in ten have none, and the facts map is large
// enough that a lookup often waits on memory; the filter, 8 KB, turns
// away nine in ten of those words with a hash of a few bytes.
type factsFilter [1 << 10]uint64

func (ff *factsFilter) add(word string) {
	h := filterHash(word)
	ff[h>>6] |= 1 << (h & 63)
}

// mayHold reports whether word may be one added; false is certain.
func (ff *factsFilter) mayHold(word string) bool {
	h := filterHash(word)
	return ff[h>>6]&(1<<(h&63)) != 0
}

// filterHash hashes word (FNV-1a) to the 16 bits of a factsFilter index.
func filterHash(word string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(word); i++ {
		h = (h ^ uint32(word[i])) * 16777619
	}
	return h >> 16
}

// wordFacts returns the facts of a folded word, noFacts when there are none.
func (g *Gazetteer) wordFacts(word string) *wordFacts {
	if !g.factsFilter.mayHold(word) {
		return noFacts
	}
	if wf, ok := g.facts[word]; ok {
		return wf
	}
	return noFacts
}

// facts returns the facts of the word t, looked up at the first question
// and kept in the token for the next ones.
func (f *finder) facts(t *token) *wordFacts {
	if t.facts == nil {
		t.facts = f.g.wordFacts(t.fold())
	}
	return t.facts
}

// is reports whether the word t is of the kind.
func (f *finder) is(t *token, kind wordKind) bool { return f.facts(t).kinds&kind != 0 }
