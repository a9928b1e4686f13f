package entity

// NameAfterTitles returns the name a claim's few words give someone,
// without the titles, roles and affiliations written before it, as the
// finder reads them in articles: "Armenian Prime Minister Nikol Pashinyan"
// and "Armenia's PM Pashinyan" are Pashinyan, "Kremlin spokesman Dmitry
// Peskov" is Dmitry Peskov. Demonyms and places lead the words, then an
// organisation when a title follows it ("Kremlin spokesman"), then the
// titles and abbreviated roles ("PM"). When nothing would be left ("Armenian Prime Minister",
// "Kremlin", "Russia"), or nothing stands before a name, words comes back
// as it is: who is named there is for the caller to resolve.
func (g *Gazetteer) NameAfterTitles(words string) string {
	toks := tokenize(words)
	var key []byte
	lookup := func(from, n int, typ string) bool {
		key = appendKey(key[:0], toks[from:from+n], false)
		for _, e := range g.byAlias[string(key)] {
			if e.Type == typ {
				return true
			}
		}
		return false
	}
	title := func(from int) int {
		for _, n := range g.titleLens.of(toks[from].key) {
			if n > len(toks)-from {
				continue
			}
			key = appendKey(key[:0], toks[from:from+n], true)
			if _, ok := g.titles[string(key)]; ok {
				return n
			}
		}
		return 0
	}
	i := 0
	// Affiliations: "Armenian", "Armenia's", "Corvane".
	for i < len(toks) {
		if _, ok := g.demonyms[toks[i].fold]; ok {
			i++
			continue
		}
		if lookup(i, 1, Place) {
			i++
			continue
		}
		break
	}
	// An organisation the title that follows belongs to: "Kremlin
	// spokesman", "Port Authority spokesman".
	for n := len(toks) - i - 1; n >= 1; n-- {
		if lookup(i, n, Org) && title(i+n) > 0 {
			i += n
			break
		}
	}
	for i < len(toks) {
		n := title(i)
		if n == 0 && i+1 < len(toks) && toks[i].allCaps && len(toks[i].fold) <= 3 {
			// "PM", "FM": headlines abbreviate roles. They are not in
			// titles.tsv, which the finder matches in any case: "at 5 pm
			// Eastern Time" would make a person of the time zone.
			n = 1
		}
		if n == 0 {
			break
		}
		i += n
	}
	if i == 0 || i == len(toks) {
		return words
	}
	return words[toks[i].start:]
}
