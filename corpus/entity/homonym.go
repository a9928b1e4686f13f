package entity

import "strings"

// A country of the regions Parley covers shares its name with a US state,
// and American news writes about the state far more: in AllSides at least
// 428 of the 1,679 articles with "Georgia" mean the state. The gazetteer's
// "Georgia" is the country; the finder names the state instead when the
// words around the name, or the article, say so. Without such a sign it
// stays the country, as before: the cues are a US city before it
// ("Atlanta, Georgia"), a US political word after it ("Georgia voters",
// "Georgia Senate"), a US title before "of Georgia" ("Sen. Perdue of
// Georgia"), or an article that names the state's cities or politicians
// and nothing of the country.
type usHomonym struct {
	state string // the state's canonical name in places.tsv
	// cities are written before ", Georgia" for the state.
	cities map[string]bool
	// stateCues in an article point to the state, countryCues to the
	// country; either is matched as written, case and all.
	stateCues, countryCues []string
}

// usHomonyms are the places, by canonical name, that a US state shares.
var usHomonyms = map[string]*usHomonym{
	"Georgia": {
		state:  "Georgia (US state)",
		cities: wordSet("atlanta savannah augusta macon columbus athens marietta albany valdosta alpharetta roswell sandy decatur"),
		stateCues: []string{"Atlanta", "Savannah", "Gwinnett", "Fulton County", "Cobb County", "DeKalb", "Brian Kemp",
			"Stacey Abrams", "Ossoff", "Warnock", "Loeffler", "David Perdue", "Sonny Perdue", "Raffensperger", "Marjorie Taylor Greene"},
		countryCues: []string{"Tbilisi", "Georgian", "Abkhaz", "Ossetia", "Saakashvili", "Ivanishvili", "Caucasus", "Batumi",
			"Zurabishvili", "Kobakhidze", "Garibashvili", "Margvelashvili"},
	},
}

// usPoliticalWords after the name point to the state: "Georgia voters",
// "Georgia's governor", "Georgia Republicans".
var usPoliticalWords = wordSet(`senate senator senators voters voter republicans republican democrats democratic democrat gop gov
	governor legislature lawmakers runoff runoffs county counties primary delegation congressman congresswoman tech bulldogs sen rep`)

// usTitles before "of Georgia" or "from Georgia" make it the state: "Sen.
// Johnny Isakson of Georgia", "both senators from Georgia".
var usTitles = wordSet(`sen rep gov senator senators governor representative congressman congresswoman lawmaker lawmakers
	democrat democrats republican republicans`)

// usStateNames are the one-word names of US states and the last words of
// the others. One of them beside the name, in a list, makes it the state:
// "Georgia, Florida and Texas", "Texas and Georgia".
var usStateNames = wordSet(`alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
	indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
	nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming carolina dakota hampshire`)

// usState reports whether the place e named by toks[i:i+n] is, here, the
// US state that shares its name, and returns the state's name.
func (f *finder) usState(toks []token, i, n int, e *Entry) (string, bool) {
	h := usHomonyms[e.Name]
	if h == nil || e.Type != Place {
		return "", false
	}
	// "Atlanta, Georgia": a city, a comma, the name.
	if i >= 1 && h.cities[f.foldOf(&toks[i-1])] && !toks[i].joined && f.text[toks[i-1].end:toks[i].start] == ", " {
		return h.state, true
	}
	if j := i + n; j < len(toks) && toks[j].joined && usPoliticalWords[f.foldOf(&toks[j])] || toks[i+n-1].possessive && j < len(toks) && usPoliticalWords[f.foldOf(&toks[j])] {
		return h.state, true
	}
	if f.inStateList(toks, i, n) {
		return h.state, true
	}
	if i >= 2 && (f.foldOf(&toks[i-1]) == "of" || f.foldOf(&toks[i-1]) == "from") {
		for k := max(0, i-6); k < i-1; k++ {
			if usTitles[f.foldOf(&toks[k])] {
				return h.state, true
			}
		}
	}
	if f.homonymArticle == nil {
		f.homonymArticle = map[string]bool{}
	}
	state, seen := f.homonymArticle[e.Name]
	if !seen {
		state = containsAny(f.text, h.stateCues) && !containsAny(f.text, h.countryCues)
		f.homonymArticle[e.Name] = state
	}
	return h.state, state
}

// containsAny reports whether s contains any of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// inStateList reports whether the name toks[i:i+n] stands in a list with
// a US state: a state's name one word away, across a comma, "and" or
// "or" only.
func (f *finder) inStateList(toks []token, i, n int) bool {
	listed := func(a, b token) bool {
		gap := f.text[a.end:b.start]
		return gap == ", " || gap == " " && (f.foldOf(&b) == "and" || f.foldOf(&b) == "or")
	}
	if i >= 1 && usStateNames[f.foldOf(&toks[i-1])] && f.text[toks[i-1].end:toks[i].start] == ", " {
		return true
	}
	if i >= 2 && usStateNames[f.foldOf(&toks[i-2])] && (f.foldOf(&toks[i-1]) == "and" || f.foldOf(&toks[i-1]) == "or") {
		return true
	}
	j := i + n
	if j < len(toks) && usStateNames[f.foldOf(&toks[j])] && listed(toks[j-1], toks[j]) {
		return true
	}
	return j+1 < len(toks) && (f.foldOf(&toks[j]) == "and" || f.foldOf(&toks[j]) == "or") && usStateNames[f.foldOf(&toks[j+1])]
}
