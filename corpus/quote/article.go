package quote

import (
	"sort"

	"github.com/parleysearch/parley/corpus"
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

// newArticle starts reading an article, in an article the Finder has
// read before when its pool holds one: the slices the reading needs,
// its tokens the largest, are then reused rather than allocated again.
func newArticle(f *Finder, text string, parts [][2]int, mentions []entity.Mention) *article {
	a, _ := f.articles.Get().(*article)
	if a == nil {
		a = &article{buf: make([]token, 0, len(text)/5+16)} // news runs about one token to five bytes
	}
	a.f, a.text, a.mentions = f, text, mentions
	a.paras = paragraphs(a.paras[:0], text, parts)
	a.toks = zeroed(a.toks, len(a.paras))
	a.lowers = zeroed(a.lowers, len(a.paras))
	a.spans = quoteSpans(a.spans[:0], text, a.paras)
	a.found = zeroed(a.found, len(a.spans))
	for i, s := range a.spans {
		a.found[i].span = s
	}
	return a
}

// recycle empties the article for the Finder's pool: every field but
// the slices newArticle reuses is reset, and nothing is kept that would
// keep this article's strings alive but the tokens, which the next
// article overwrites.
func (a *article) recycle() {
	pool := a.f.articles
	clear(a.lowers)
	clear(a.found)
	*a = article{buf: a.buf[:0], paras: a.paras[:0], toks: a.toks[:0], lowers: a.lowers[:0], spans: a.spans[:0],
		found: a.found[:0]}
	pool.Put(a)
}

// zeroed returns a slice of n zero values, in s's array when it has room.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
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
	// Counted first, for one allocation of the right size.
	n := 0
	for i := range a.found {
		if _, _, ok := a.found[i].quoted(); ok {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Quote, 0, n)
	for i := range a.found {
		fd := &a.found[i]
		start, end, ok := fd.quoted()
		if !ok {
			continue
		}
		q := Quote{Text: a.text[start:end], Start: start, End: end, Kind: fd.kind, Cue: fd.cue,
			Speaker: fd.who.name, SpeakerOrg: fd.who.org, Confidence: fd.rule.confidence(*fd)}
		if fd.who.end > fd.who.start {
			q.SpeakerText, q.SpeakerStart, q.SpeakerEnd = a.text[fd.who.start:fd.who.end], fd.who.start, fd.who.end
		}
		out = append(out, q)
	}
	return out
}

// quoted returns where the words of what was found stand, and whether it
// is a quotation to report: speech, with words.
func (fd *found) quoted() (start, end int, ok bool) {
	if !fd.speech {
		return 0, 0, false
	}
	start, end = fd.span.start, fd.span.end
	if fd.kind == Indirect {
		start, end = fd.text[0], fd.text[1]
	}
	return start, end, end > start
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
