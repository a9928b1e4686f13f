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

// buildFacts gathers, for every word of the maps and sets that
// wordFacts answers for, its facts. Load and AddAliasFile call it when
// they are done, as the maps are built: the finder only reads it.
func (g *Gazetteer) buildFacts() {
	// The facts of a word no map or set holds come first, at index 0.
	facts, list := map[string]int32{}, []*wordFacts{{}}
	of := func(w string) *wordFacts {
		k, ok := facts[w]
		if !ok {
			k = int32(len(list))
			facts[w] = k
			list = append(list, &wordFacts{})
		}
		return list[k]
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
	g.factList = make([]wordFacts, len(list))
	for k, wf := range list {
		g.factList[k] = *wf
	}
	g.factsFilter = wordFilter{}
	for w := range facts {
		g.factsFilter.add(w)
	}
}

// wordFilter is a one-hash Bloom filter of words, 8 KB, that turns away
// most words not added with a hash of a few bytes, before a map lookup.
// Four capitalised words in ten have no facts, and the facts map is large
// enough that a lookup often waits on memory: the filter of its words
// turns away nine in ten of those.
type wordFilter [1 << 10]uint64

func (wf *wordFilter) add(word string) {
	h := filterHash(word)
	wf[h>>6] |= 1 << (h & 63)
}

// mayHold reports whether word may be one added; false is certain.
func (wf *wordFilter) mayHold(word string) bool {
	h := filterHash(word)
	return wf[h>>6]&(1<<(h&63)) != 0
}

// filterHash hashes word to the 16 bits of a wordFilter index.
func filterHash(word string) uint32 {
	return hashWord(2166136261, word) >> 16
}

// hashWord goes on with the FNV-1a hash h over w, four bytes a step where
// w has them: a third of the multiplications of a byte a step, each of
// which waits on the one before.
func hashWord(h uint32, w string) uint32 {
	for ; len(w) >= 4; w = w[4:] {
		h = (h ^ (uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24)) * 16777619
	}
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// wordFacts returns the facts of a folded word, empty when there are none.
func (g *Gazetteer) wordFacts(word string) *wordFacts {
	return &g.factList[g.factIndex(word)]
}

// factIndex returns the index in factList of the facts of a folded word,
// 0 when there are none.
func (g *Gazetteer) factIndex(word string) int32 {
	if !g.factsFilter.mayHold(word) {
		return 0
	}
	return g.facts[word] // 0 when absent
}

// facts returns the facts of the word t, looked up at the first question
// and kept in the token, as an index, for the next ones.
func (f *finder) facts(t *token) *wordFacts {
	if t.facts == 0 {
		t.facts = 1 + f.g.factIndex(f.foldOf(t))
	}
	return &f.g.factList[t.facts-1]
}

// is reports whether the word t is of the kind.
func (f *finder) is(t *token, kind wordKind) bool { return f.facts(t).kinds&kind != 0 }
