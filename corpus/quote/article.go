package quote

import (
	"github.com/parleysearch/parley/corpus"
	"sort"

	"github.com/parleysearch/parley/corpus/entity"
)

// article holds what the rules share while reading one article.
type article struct {
	f     *Finder
	text  string
	paras []para
	// lowers holds the paragraphs with their ASCII letters lower-cased,
	// for the tokens, once lowerOf has made them: most paragraphs are
	// never tokenized.
	lowers []string
	toks   [][]token // tokens by paragraph, tokenized when first needed
	// buf holds the tokens of every paragraph tokenized, one after the
	// other: one allocation an article (none when the Finder's pool has
	// one) rather than one a paragraph.
	buf      []token
	mentions []entity.Mention
	spans    []span
	found    []found // by span, then indirect speech
	issuers  []issuer
	// reports holds the sentences that report speech by paragraph, in
	// order, once reportsRead for the paragraph (see reportsIn).
	reports     [][]report
	reportsRead []bool
	genders     map[string]gender // canonical name → gender, as far as known
	people      map[string]*facts // canonical name → what the article says of them
	// surnameList holds what surnames returns, once surnamesRead.
	surnameList  []surnameOf
	surnamesRead bool
	// appositionList holds what appositions returns, once
	// appositionsRead.
	appositionList  []apposition
	appositionsRead bool
}

// found is a quotation with its attribution, as the rules settle it.
type found struct {
	span   span
	speech bool // false: a scare quote, a title or a name
	kind   Kind
	cue    string
	who    speaker
	rule   rule
	text   [2]int // for indirect speech: its words
}

// issuer is whoever issued a statement that the article mentions.
type issuer struct {
	at  int // offset of the mention of the statement
	who speaker
}

func newArticle(f *Finder, text string, parts [][2]int, mentions []entity.Mention) *article {
	a := &article{f: f, text: text, mentions: mentions}
	a.paras = paragraphs(text, parts)
	a.toks = make([][]token, len(a.paras))
	a.lowers = make([]string, len(a.paras))
	if buf, ok := f.tokens.Get().(*[]token); ok {
		a.buf = (*buf)[:0]
	} else {
		a.buf = make([]token, 0, len(text)/5+16) // news runs about one token to five bytes
	}
	a.spans = quoteSpans(text, a.paras)
	a.found = make([]found, len(a.spans))
	for i, s := range a.spans {
		a.found[i].span = s
	}
	return a
}

// tokens returns the tokens of paragraph pi.
func (a *article) tokens(pi int) []token {
	if a.toks[pi] == nil {
		p := a.paras[pi]
		from := len(a.buf)
		a.buf = tokenize(a.buf, a.text, a.lowerOf(pi), p.start, p.end)
		// The paragraph's tokens can never grow into the next one's.
		a.toks[pi] = a.buf[from:len(a.buf):len(a.buf)]
	}
	return a.toks[pi]
}

// lowerOf returns paragraph pi with its ASCII letters lower-cased (see
// corpus.LowerASCII).
func (a *article) lowerOf(pi int) string {
	if a.lowers[pi] == "" {
		p := a.paras[pi]
		a.lowers[pi] = corpus.LowerASCII(a.text[p.start:p.end])
	}
	return a.lowers[pi]
}

// paraAt returns the index of the paragraph holding offset at, or -1.
func (a *article) paraAt(at int) int {
	i := sort.Search(len(a.paras), func(i int) bool { return a.paras[i].end > at })
	if i < len(a.paras) && a.paras[i].start <= at {
		return i
	}
	return -1
}

// tokenAt returns the index of the first token of toks starting at or
// after offset at.
func tokenAt(toks []token, at int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].start >= at })
}

// mentionsIn returns the mentions lying within [from, to).
func (a *article) mentionsIn(from, to int) []entity.Mention {
	i := sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].Start >= from })
	j := i
	for j < len(a.mentions) && a.mentions[j].Start < to {
		j++
	}
	// Most often every mention that starts in the range ends in it too:
	// the article's own list then serves, without a copy. Capped, so
	// that a caller's append copies rather than overwrites the list.
	in := a.mentions[i:j:j]
	for k, m := range in {
		if m.End > to {
			out := append([]entity.Mention(nil), in[:k]...)
			for _, m := range in[k+1:] {
				if m.End <= to {
					out = append(out, m)
				}
			}
			return out
		}
	}
	return in
}

// quotes returns what was found as the package's Quotes.
func (a *article) quotes() []Quote {
	var out []Quote
	for _, fd := range a.found {
		if !fd.speech {
			continue
		}
		start, end := fd.span.start, fd.span.end
		if fd.kind == Indirect {
			start, end = fd.text[0], fd.text[1]
		}
		if end <= start {
			continue
		}
		q := Quote{Text: a.text[start:end], Start: start, End: end, Kind: fd.kind, Cue: fd.cue,
			Speaker: fd.who.name, SpeakerOrg: fd.who.org, Confidence: fd.rule.confidence(fd)}
		if fd.who.end > fd.who.start {
			q.SpeakerText, q.SpeakerStart, q.SpeakerEnd = a.text[fd.who.start:fd.who.end], fd.who.start, fd.who.end
		}
		out = append(out, q)
	}
	return out
}

// insideQuote reports whether offset at lies inside a quotation's words.
func (a *article) insideQuote(at int) bool {
	i := sort.Search(len(a.spans), func(i int) bool { return a.spans[i].end > at })
	return i < len(a.spans) && a.spans[i].start <= at
}

// openOf returns where the quotation closed by the mark at offset at
// opens.
func (a *article) openOf(at int) (int, bool) {
	i := sort.Search(len(a.spans), func(i int) bool { return a.spans[i].close >= at })
	if i < len(a.spans) && a.spans[i].close == at {
		return a.spans[i].open, true
	}
	return 0, false
}
