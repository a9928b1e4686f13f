package entity

// Some sites link a politician's name to a hover card, and scraped text
// keeps the card after the name: "President Trump Donald John TrumpGOP
// senators balk at lengthy impeachment trial Warren goes local … MORE".
// The card repeats the name in full, glued to the first of its headlines,
// and ends at "MORE". Read as text it makes people such as "Donald John
// TrumpGOP". hoverCards finds such cards by their sign, a word glued to
// the next ("TrumpGOP") whose first part repeats a word of the name just
// before it, and marks their words to be read past.

// cardReach is how many words back the repeated name may begin: "Ted Cruz
// Rafael (Ted) Edward CruzWarren".
const cardReach = 6

// cardEnd is how many words after the glued word the card's "MORE" may
// come; without one, only the repeated name is read past.
const cardEnd = 80

// hoverCards marks the words of the hover cards among toks. The glued
// word keeps its second part ("GOP"), which ends the card unless a "MORE"
// follows. No word before toks[from] may be glued (see appendWords).
func hoverCards(w *words, toks []token, from int) {
	for i := from; i < len(toks); i++ {
		t := &toks[i]
		if t.card || !mayGlue(t, w.written(t)) {
			continue
		}
		p := glue(w.written(t))
		first := -1
		for k := max(0, i-cardReach); k < i; k++ {
			if toks[k].capital && w.foldOf(&toks[k]) == w.foldOf(t)[:p] {
				first = k
				break
			}
		}
		if first < 0 || first == i-1 {
			continue
		}
		for k := first + 1; k < i; k++ {
			markCard(&toks[k])
		}
		// The glued word becomes its second part, the start of a headline.
		t.start += p
		t.keyFrom += p
		t.joined = false
		t.allCaps = isAllCaps(w.written(t))
		for k := i; k < len(toks) && k <= i+cardEnd; k++ {
			if w.written(&toks[k]) == "MORE" {
				for m := i; m <= k; m++ {
					markCard(&toks[m])
				}
				break
			}
		}
	}
}

// mayGlue reports whether t may be the glued word of a hover card. The
// card follows the name after a space: "(@AndrewStilesUSA)", a handle
// after "Andrew Stiles", is no card. word is t as written.
func mayGlue(t *token, word string) bool {
	return t.capital && t.joined && len(word) >= 4 && glue(word) > 0
}

// markCard marks a word of a card; no name runs into or over it.
func markCard(t *token) {
	t.card, t.capital, t.joined = true, false, false
}

// glue returns where the second of two glued ASCII words begins ("Trump"
// and "GOP" in "TrumpGOP"), 0 when word is not two: a lower-case letter
// right before a capital, after at least two letters. Names such as
// "McCain" and "DeSantis" have the same shape; hoverCards tells them apart
// by the repeated name.
func glue(word string) int {
	for p := 2; p < len(word); p++ {
		c, prev := word[p], word[p-1]
		if c >= 0x80 || prev >= 0x80 {
			return 0
		}
		if 'A' <= c && c <= 'Z' && 'a' <= prev && prev <= 'z' {
			return p
		}
	}
	return 0
}
