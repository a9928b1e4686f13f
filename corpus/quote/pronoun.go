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
// unresolved: a group or a narrator Parley cannot name.
func (a *article) antecedent(pronoun string, at int) (string, bool) {
	want := pronouns[pronoun]
	if pronoun != "he" && pronoun != "she" && pronoun != "it" {
		return "", false
	}
	pi := a.paraAt(at)
	if pi < 0 {
		return "", false
	}
	for p := pi; p >= 0 && p >= pi-antecedentParagraphs; p-- {
		toks := a.tokens(p)
		end := len(toks)
		if p == pi {
			end = tokenAt(toks, at)
			// The pronoun's own sentence, back to where it starts.
			for end > 0 && !toks[end-1].sentenceEnd() {
				end--
			}
		}
		for end > 0 {
			start := end - 1
			for start > 0 && !toks[start-1].sentenceEnd() {
				start--
			}
			if name, ok := a.candidate(toks, start, end, pronoun, want); ok {
				return name, name != ""
			}
			end = start
		}
		if a.paras[p].part != a.paras[pi].part {
			break
		}
	}
	return "", false
}

// candidate picks whom a pronoun stands for among the sentence
// toks[start:end]. ok with an empty name means the sentence settles that
// the pronoun cannot be resolved (two people fit).
func (a *article) candidate(toks []token, start, end int, pronoun string, want gender) (string, bool) {
	from, to := toks[start].start, toks[end-1].end
	// The speaker of a quotation in the sentence.
	for i := len(a.found) - 1; i >= 0; i-- {
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
				return fd.who.name, true
			}
			continue
		}
		if fd.who.person && fd.who.how != asGroup && a.agrees(fd.who.name, want) {
			return fd.who.name, true
		}
	}
	ms := a.mentionsIn(from, to)
	var fits []entity.Mention
	for _, m := range ms {
		if a.insideQuote(m.Start) {
			continue
		}
		if pronoun == "it" {
			if m.Type == entity.Org {
				fits = append(fits, m)
			}
			continue
		}
		if m.Type == entity.Person && a.agrees(m.Name, want) {
			fits = append(fits, m)
		}
	}
	if len(fits) == 0 {
		// A subject that is a description ("The minister said…") or a
		// name the entity finder did not know blocks older antecedents.
		return "", a.describedSubject(toks, start, end, pronoun)
	}
	// The subject: the first name of the sentence, after an introductory
	// phrase, not after a preposition.
	first := fits[0]
	if a.isSubject(toks, start, first) {
		return first.Name, true
	}
	distinct := map[string]bool{}
	for _, m := range fits {
		distinct[m.Name] = true
	}
	if len(distinct) == 1 {
		return first.Name, true
	}
	return "", true
}

// isSubject reports whether a mention stands as the subject of the
// sentence starting at toks[start]: first among its words, or right after
// an introductory phrase and its comma.
func (a *article) isSubject(toks []token, start int, m entity.Mention) bool {
	i := tokenAt(toks, m.Start)
	j := i - 1
	// Titles and descriptions before the name belong to it.
	for j >= start && toks[j].kind == word && (toks[j].capital || determiners[toks[j].lower] || roleNouns[toks[j].lower] ||
		toks[j].possessive || personTitles[strings.TrimSuffix(toks[j].lower, ".")]) && !clauseStarters[toks[j].lower] {
		j--
	}
	if j < start {
		return true
	}
	t := &toks[j]
	if t.isPunct(",") || t.kind == mark {
		return true
	}
	return t.kind == word && (t.lower == "and" || t.lower == "but" || t.lower == "meanwhile" || t.lower == "however" || t.lower == "then")
}

// describedSubject reports whether the sentence's subject is a person
// described or named without an entity mention, which a pronoun after it
// more likely stands for than anyone named before.
func (a *article) describedSubject(toks []token, start, end int, pronoun string) bool {
	if pronoun == "it" || end-start < 2 {
		return false
	}
	j := start
	if toks[j].kind == word && introWords[toks[j].lower] {
		for j < end && !toks[j].isPunct(",") {
			j++
		}
		j++
	}
	b, e, ok := npAfter(toks, j, end)
	if !ok || e >= end || !isCueToken(&toks[e]) {
		return false
	}
	last := toks[e-1].lower
	if genderedRoles[last] != unknownGender && genderedRoles[last] != pronouns[pronoun] {
		return false
	}
	return roleNouns[last] && !groupNouns[last] || toks[b].capital && b+1 < e && toks[e-1].capital
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
		surname := fields[len(fields)-1]
		for _, h := range []string{"Mr. ", "Mr ", "Mrs. ", "Mrs ", "Ms. ", "Ms "} {
			if strings.Contains(a.text, h+surname) {
				hg := honorifics[strings.ToLower(strings.TrimSpace(h))]
				if g == unknownGender {
					g = hg
				} else if g != hg {
					g = unknownGender
				}
				break
			}
		}
	}
	if a.genders == nil {
		a.genders = map[string]gender{}
	}
	a.genders[name] = g
	return g
}
