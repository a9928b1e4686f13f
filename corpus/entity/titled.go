package entity

// NameAfterTitles returns the name a claim's few words give someone,
// without the titles, roles and affiliations written before it, as the
// finder reads them in articles: "Armenian Prime Minister Nikol Pashinyan"
// and "Armenia's PM Pashinyan" are Pashinyan, "Kremlin spokesman Dmitry
// Peskov" is Dmitry Peskov. Whatever stands before the last title
// (titles.tsv, or a short abbreviation such as "PM") is whom the title is
// for; demonyms and places before a name are its affiliation too. When
// nothing would be left ("Armenian Prime Minister", "Russia"), or nothing
// stands before a name, words comes back as it is: who is named there is
// for the caller to resolve.
func (g *Gazetteer) NameAfterTitles(words string) string {
	toks, w := tokenize(words)
	var key []byte
	// title returns how many words the title at toks[from] has, 0 for none.
	title := func(from int) int {
		for _, n := range g.titleLens.of(w.keyOf(&toks[from])) {
			if n > len(toks)-from {
				continue
			}
			key = appendKey(key[:0], &w, toks[from:from+n], true)
			if _, ok := g.titles[string(key)]; ok {
				return n
			}
		}
		if t := &toks[from]; t.allCaps && len(w.foldOf(t)) <= 3 {
			// "PM", "FM": headlines abbreviate roles. They are not in
			// titles.tsv, which the finder matches in any case: "at 5 pm
			// Eastern Time" would make a person of the time zone.
			return 1
		}
		return 0
	}
	isPlace := func(t *token) bool {
		if _, ok := g.demonyms[w.foldOf(t)]; ok {
			return true
		}
		for _, e := range g.byAlias[w.foldOf(t)] {
			if e.Type == Place {
				return true
			}
		}
		return false
	}
	name := 0
	// The name starts after the last run of titles that something
	// follows: "Dravonian Foreign Minister Kelmarin", "Port Authority
	// spokesman Marsk".
	for i := 0; i < len(toks); {
		n := title(i)
		if n == 0 {
			i++
			continue
		}
		for i += n; i < len(toks); i += n {
			if n = title(i); n == 0 {
				break
			}
		}
		if i < len(toks) {
			name = i
		}
	}
	if name == 0 {
		// With no title before it, a demonym or place before the
		// name: "Armenian Pashinyan", "Armenia's Pashinyan".
		for name < len(toks)-1 && isPlace(&toks[name]) {
			name++
		}
	}
	if name == 0 || title(name) > 0 {
		return words // "Armenian PM": no name after the title
	}
	return words[toks[name].start:]
}
