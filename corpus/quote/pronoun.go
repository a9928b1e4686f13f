package quote

import (
	"strings"

	"github.com/parleysearch/parley/corpus/entity"
)

// gender is what a pronoun or a name says of a person.
type gender uint8

const (
	unknownGender gender = iota
	male
	female
)

// antecedentParagraphs is how many paragraphs before the pronoun's own
// are searched for whom it stands for.
const antecedentParagraphs = 2

// antecedent resolves a pronoun naming a speaker at offset at to a
// person's canonical name. It reads the sentences before it, nearest
// first, and in each prefers the speaker of a quotation, then the subject
// of the sentence, then the only person the sentence names; the person
// must agree with the pronoun's gender as far as it is known. "it" stands
// for an organisation in the same way. "they", "I" and "we" are left
// unresolved: a group or a narrator Parley cannot name. unsure is true
// when the name is a sentence's subject and another person of the
// sentence fits the pronoun too.
func (a *article) antecedent(pronoun string, at int) (name string, unsure bool) {
	want := pronouns[pronoun]
	if pronoun != "he" && pronoun != "she" && pronoun != "it" {
		return "", false
	}
	pi := a.paraAt(at)
	if pi < 0 {
		return "", false
	}
	// The pronoun's own sentence counts up to the quotation it attributes
	// ("Fallon fired back: “…,” he wrote"), but only by its subject.
	toks := a.tokens(pi)
	end := tokenAt(toks, at)
	start := end
	for start > 0 && !toks[start-1].sentenceEnd() {
		start--
	}
	if s := a.beforeQuotes(toks, start, end); s > start {
		if name, ok, unsure := a.candidate(pi, toks, start, s, pronoun, want, true); ok {
			return name, unsure
		}
	}
	end = start
	for p := pi; p >= 0 && p >= pi-antecedentParagraphs; p-- {
		toks := a.tokens(p)
		if p != pi {
			end = len(toks)
		}
		for end > 0 {
			start := end - 1
			for start > 0 && !toks[start-1].sentenceEnd() {
				start--
			}
			if name, ok, unsure := a.candidate(p, toks, start, end, pronoun, want, false); ok {
				return name, unsure
			}
			end = start
		}
		if p > 0 && a.paras[p-1].part != a.paras[p].part {
			break
		}
	}
	return "", false
}

// beforeQuotes returns where the first quotation of toks[start:end]
// opens, or end.
func (a *article) beforeQuotes(toks []token, start, end int) int {
	for i := start; i < end; i++ {
		if toks[i].kind == mark && a.insideQuote(toks[i].end) {
			return i
		}
	}
	return end
}

// candidate picks whom a pronoun stands for among the sentence
// toks[start:end]. ok with an empty name means the sentence settles that
// the pronoun cannot be resolved: two people fit, or its subject is a
// person Parley cannot name. In the pronoun's own sentence (own) only the
// subject counts.
func (a *article) candidate(pi int, toks []token, start, end int, pronoun string, want gender, own bool) (name string, ok, unsure bool) {
	from, to := toks[start].start, toks[end-1].end
	// The speaker of a quotation in the sentence.
	for i := len(a.found) - 1; i >= 0 && !own; i-- {
		fd := &a.found[i]
		if !fd.speech || fd.who.name == "" {
			continue
		}
		inSentence := fd.span.start < to && fd.span.end > from || fd.who.start >= from && fd.who.start < to
		if !inSentence {
			continue
		}
		if pronoun == "it" {
			if !fd.who.person {
				return fd.who.name, true, false
			}
			continue
		}
		if fd.who.person && fd.who.how != asGroup && a.agrees(fd.who.name, want) {
			return fd.who.name, true, false
		}
	}
	if a.insideQuote(from) {
		return "", false, false
	}
	// The speaker of reported speech in the sentence (not in the
	// pronoun's own: there only the subject counts).
	if !own {
		for _, r := range a.reportsIn(pi) {
			if r.sentence[1] <= start || r.sentence[0] >= end {
				continue
			}
			if who, ok := a.reportSpeaker(r); ok && who.name != "" {
				if pronoun == "it" && !who.person || pronoun != "it" && who.person && who.how != asGroup && a.agrees(who.name, want) {
					return who.name, true, false
				}
			}
		}
	}
	var fits []entity.Mention
	for _, m := range a.mentionsIn(from, to) {
		if a.insideQuote(m.Start) {
			continue
		}
		if pronoun == "it" && m.Type == entity.Org || pronoun != "it" && m.Type == entity.Person && a.agrees(m.Name, want) {
			fits = append(fits, m)
		}
	}
	// The subject: the sentence's first words after an introductory
	// phrase.
	j := skipIntro(toks, start, end)
	if b, e, ok := npAfter(toks, j, end); ok {
		for _, m := range fits {
			if m.Start >= toks[b].start && m.End <= toks[e-1].end && !a.possessed(m) {
				// "Halden and Ferrin met": either may be meant.
				if e+1 < end && toks[e].is("and") {
					for _, other := range fits {
						if other.Start >= toks[e+1].start && other.Name != m.Name && other.Start < toks[e+1].end+40 {
							return "", true, false
						}
					}
				}
				// "Aliyev met Pashinyan. “…,” he said": the subject is the
				// likelier, but another person of the sentence fits as well.
				for _, other := range fits {
					if other.Name != m.Name && (other.Start < toks[b].start || other.End > toks[e-1].end) {
						return m.Name, true, true
					}
				}
				return m.Name, true, false
			}
		}
		if a.personLike(toks, b, e, pronoun) {
			return "", true, false
		}
	}
	if own {
		return "", false, false
	}
	distinct := map[string]bool{}
	for _, m := range fits {
		distinct[m.Name] = true
	}
	switch len(distinct) {
	case 0:
		return "", false, false
	case 1:
		return fits[0].Name, true, false
	}
	return "", true, false
}

// possessed reports whether a mention is written in the possessive: in
// "Clinton's position was supported by Feinstein" Clinton is no subject.
func (a *article) possessed(m entity.Mention) bool {
	rest := a.text[m.End:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ") ||
		strings.HasPrefix(rest, "’ ")
}

// personLike reports whether the words toks[b:e], a sentence's subject,
// name or describe someone the pronoun may stand for, whom no mention
// names: such a subject blocks antecedents further back.
func (a *article) personLike(toks []token, b, e int, pronoun string) bool {
	last := &toks[e-1]
	if pronoun == "it" {
		return false
	}
	if g := genderedRoles[last.lower]; g != unknownGender && g != pronouns[pronoun] {
		return false
	}
	if roleNouns[last.lower] && !groupNouns[last.lower] && !documents[last.lower] {
		return true
	}
	if !last.capital || a.insideMention(last.start) {
		return false
	}
	for _, m := range a.mentionsIn(toks[b].start, last.end) {
		if m.Type != entity.Person {
			return false // a place or an organisation
		}
	}
	return a.properNoun(*last) && !groupNouns[last.lower] && !personTitles[last.lower] && !timeWords[last.lower]
}

// agrees reports whether a person may be what a pronoun of gender want
// stands for.
func (a *article) agrees(name string, want gender) bool {
	if want == unknownGender {
		return true
	}
	g := a.genderOf(name)
	return g == unknownGender || g == want
}

// genderOf tells a person's gender from their given name, or from an
// honorific the article writes before their surname ("Ms. Oryen").
func (a *article) genderOf(name string) gender {
	if g, ok := a.genders[name]; ok {
		return g
	}
	fields := strings.Fields(name)
	g := unknownGender
	if len(fields) > 0 {
		g = a.f.names[strings.ToLower(fields[0])]
		if h, ok := a.honorificBefore(fields[len(fields)-1]); ok {
			hg := honorifics[strings.ToLower(strings.TrimSpace(h))]
			if g == unknownGender {
				g = hg
			} else if g != hg {
				g = unknownGender
			}
		}
	}
	if a.genders == nil {
		a.genders = map[string]gender{}
	}
	a.genders[name] = g
	return g
}

// addressForms are the honorifics that genderOf looks for before a
// surname, in the order it trusts them.
var addressForms = []string{"Mr. ", "Mr ", "Mrs. ", "Mrs ", "Ms. ", "Ms "}

// honorificBefore returns the first of addressForms that the article
// writes right before the surname anywhere. It reads the text once, at
// each place the surname stands, where looking for each form before the
// surname in turn read it six times for every person.
func (a *article) honorificBefore(surname string) (string, bool) {
	first := len(addressForms) // the index of the first form found so far
	for i := 0; first > 0; {
		j := strings.Index(a.text[i:], surname)
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		for k, h := range addressForms[:first] {
			if strings.HasSuffix(a.text[:at], h) {
				first = k
				break
			}
		}
	}
	if first == len(addressForms) {
		return "", false
	}
	return addressForms[first], true
}
