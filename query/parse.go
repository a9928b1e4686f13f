package query

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
)

// FieldKind says what a field holds, and so what may follow its colon.
type FieldKind int

// The kinds of field. The zero FieldKind is no kind at all, so a forgotten
// lookup cannot pass for a text field.
const (
	// TextField holds prose searched word by word: any word, wildcard,
	// fuzzy word, phrase or parenthesised group may follow the colon.
	TextField FieldKind = iota + 1
	// KeywordField holds one exact value, such as a publication's name: a
	// word, wildcard or quoted value may follow the colon.
	KeywordField
	// DateField filters on the publication date: a date written YYYY,
	// YYYY-MM or YYYY-MM-DD must follow the colon.
	DateField
)

// fields is every field the query language knows, in the order error
// messages list them. It is never written to; a new field is a new line.
var fields = []struct {
	name string
	kind FieldKind
}{
	{"title", TextField},
	{"body", TextField},
	{"comments", TextField},
	{"exact", TextField}, // the default fields, words as typed: no other spellings
	{"source", KeywordField},
	{"person", KeywordField},
	{"org", KeywordField},
	{"place", KeywordField},
	{"speaker", KeywordField}, // who a quotation is attributed to
	{"after", DateField},
	{"before", DateField},
	{"date", DateField},
	{"mentioned", DateField}, // a date the article mentions
}

// FieldKindOf reports the kind of the field called name, matched without
// regard to case, and whether the query language knows it at all.
func FieldKindOf(name string) (FieldKind, bool) {
	name = strings.ToLower(name)
	for _, f := range fields {
		if f.name == name {
			return f.kind, true
		}
	}
	return 0, false
}

// MaxQueryBytes is the longest query Parse accepts. Front ends that take
// queries from the network refuse longer ones before parsing.
const MaxQueryBytes = 4096

// Limits that keep one query from costing the server much; none is near
// what a person types.
const (
	maxLeaves  = 100 // words, wildcards, phrases and date filters
	maxNesting = 32  // parentheses, and And, Or and Not nodes inside each other
	maxSlop    = 100
)

// Parse reads a query as a journalist types it and returns its tree, or a
// *SyntaxError saying where and how the query is malformed. Parse never
// guesses at what malformed input means.
//
// Words side by side must all match; OR binds tighter than that, and NOT
// (or -) tighter still, so "Putin OR Erdogan ceasefire" is
// (AND (OR Putin Erdogan) ceasefire), as Google reads it. The canonical
// form Node.String writes, such as (AND a (OR b c)), reads back as the
// same query.
func Parse(q string) (Node, error) {
	if len(q) > MaxQueryBytes {
		return nil, &SyntaxError{Query: q, Offset: MaxQueryBytes,
			Msg: fmt.Sprintf("query too long (%d bytes, limit %d)", len(q), MaxQueryBytes)}
	}
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		if r == utf8.RuneError && size == 1 {
			return nil, &SyntaxError{Query: q, Offset: i,
				Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x): the query must be UTF-8 text", q[i])}
		}
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return nil, &SyntaxError{Query: q, Offset: i,
				Msg: fmt.Sprintf("control character %U in the query: remove it", r)}
		}
		i += size
	}
	if strings.TrimSpace(q) == "" {
		return nil, &SyntaxError{Query: q, Offset: 0, Msg: "empty query"}
	}
	p := &parser{lex: lexer{q: q}}
	if err := p.advance(); err != nil {
		return nil, err
	}
	res, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF {
		// parseAnd stops only at the end or at a ) no ( opened.
		return nil, p.errorf(p.tok.pos, "unmatched ): there is no ( before it")
	}
	return res.node, nil
}

type tokenKind int

const (
	tokEOF    tokenKind = iota
	tokWord             // text is the word as typed, with any ~N, * or ?
	tokPhrase           // text is what lies between the quotes
	tokField            // text is the lowercased field name; the value comes next
	tokLParen
	tokRParen
	tokAnd
	tokOr
	tokNot
	tokMinus // a - starting a word: what follows is excluded
)

type token struct {
	kind  tokenKind
	pos   int
	text  string
	field FieldKind // of a tokField
	// slopAt is the offset of the ~ after a phrase's closing quote, or -1.
	slopAt int
	slop   int
	// gluedAt is the offset of a character stuck to the end of a phrase or
	// a ), or -1. The parser reports it only once it knows the ) is
	// matched, so that "a)b" is blamed on the ), not on the b.
	gluedAt int
}

// lexer cuts a query into tokens one at a time, so that the first problem
// from the left is the one reported.
type lexer struct {
	q   string
	pos int
	// inValue is set after a field name's colon: the next token is its
	// value, where AND, OR, NOT and - are not operators.
	inValue bool
}

func (l *lexer) errorf(off int, format string, args ...any) error {
	return &SyntaxError{Query: l.q, Offset: off, Msg: fmt.Sprintf(format, args...)}
}

func (l *lexer) peekRune() rune {
	if l.pos >= len(l.q) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(l.q[l.pos:])
	return r
}

func (l *lexer) next() (token, error) {
	if l.inValue {
		l.inValue = false
		return l.value()
	}
	for l.pos < len(l.q) {
		r, size := utf8.DecodeRuneInString(l.q[l.pos:])
		if !unicode.IsSpace(r) {
			break
		}
		l.pos += size
	}
	start := l.pos
	r := l.peekRune()
	switch {
	case r < 0:
		return token{kind: tokEOF, pos: start}, nil
	case r == '(':
		l.pos++
		return token{kind: tokLParen, pos: start}, nil
	case r == ')':
		l.pos++
		return token{kind: tokRParen, pos: start, gluedAt: l.glued()}, nil
	case isOpenQuote(r):
		return l.phrase()
	case isCloseQuote(r):
		return token{}, l.strayQuote(r)
	case r == '-':
		l.pos++
		next := l.peekRune()
		switch {
		case next < 0 || unicode.IsSpace(next) || next == ')' || isCloseQuote(next) && !isOpenQuote(next):
			return token{}, l.errorf(start, "lone -: to exclude something, put it right after the - with no space, as in -word or -\"some words\"")
		case next == '-':
			return token{}, l.errorf(start, "-- is not allowed: put a single - right before the word, phrase or group to exclude")
		}
		return token{kind: tokMinus, pos: start}, nil
	}
	if name, ok := fieldName(l.q[l.pos:]); ok {
		kind, known := FieldKindOf(name)
		if !known {
			return token{}, l.errorf(start, "unknown field %q (known fields: %s); to search for the text itself, put it in quotes",
				strings.ToLower(name), knownFields())
		}
		l.pos += len(name) + 1
		if next := l.peekRune(); next < 0 || unicode.IsSpace(next) || next == ')' {
			return token{}, l.errorf(start, "%s: has no value: put it right after the colon, as in %s",
				strings.ToLower(name), fieldExample(strings.ToLower(name), kind))
		}
		l.inValue = true
		return token{kind: tokField, pos: start, text: strings.ToLower(name), field: kind}, nil
	}
	return l.word(true)
}

// value reads what follows a field's colon, which the caller has checked is
// neither space, ) nor the end.
func (l *lexer) value() (token, error) {
	r := l.peekRune()
	switch {
	case r == '(':
		l.pos++
		return token{kind: tokLParen, pos: l.pos - 1}, nil
	case isOpenQuote(r):
		return l.phrase()
	case isCloseQuote(r):
		return token{}, l.strayQuote(r)
	}
	return l.word(false)
}

// word reads a run of characters up to a space, parenthesis or quote. With
// operators set, AND, OR and NOT in capitals are the operators.
func (l *lexer) word(operators bool) (token, error) {
	start := l.pos
	for l.pos < len(l.q) {
		r, size := utf8.DecodeRuneInString(l.q[l.pos:])
		if endsWord(r) {
			break
		}
		l.pos += size
	}
	text := l.q[start:l.pos]
	kind := tokWord
	if operators {
		switch text {
		case "AND":
			kind = tokAnd
		case "OR":
			kind = tokOr
		case "NOT":
			kind = tokNot
		}
	}
	if kind != tokWord {
		return token{kind: kind, pos: start}, nil
	}
	first, size := utf8.DecodeRuneInString(text)
	switch {
	case first == '\'' || first == '‘':
		return token{}, l.errorf(start, "single quote at the start of %q: single quotes do not make a phrase; use double quotes, as in \"some words\", or remove it", text)
	case isDash(first) && size < len(text):
		return token{}, l.errorf(start, "%q starts with a dash (%U): to exclude a word type a plain - before it; to search for the dash, put the word in quotes", text, first)
	}
	switch r := l.peekRune(); {
	case r == '(':
		return token{}, l.errorf(l.pos, "missing space between %q and (", text)
	case isOpenQuote(r):
		return token{}, l.errorf(l.pos, "quote %c right after %q: put a space before it to start a phrase, or remove it", r, text)
	}
	return token{kind: tokWord, pos: start, text: text}, nil
}

// phrase reads from an opening quote to the first closing quote of any
// style, then any ~N slop written right after it.
func (l *lexer) phrase() (token, error) {
	start := l.pos
	open, size := utf8.DecodeRuneInString(l.q[l.pos:])
	body := start + size
	end, closeSize := -1, 0
	for i := body; i < len(l.q); {
		r, size := utf8.DecodeRuneInString(l.q[i:])
		if isCloseQuote(r) {
			end, closeSize = i, size
			break
		}
		i += size
	}
	if end < 0 {
		return token{}, l.errorf(start, "unclosed quote: add a closing %c", closingFor(open))
	}
	text := l.q[body:end]
	if strings.TrimSpace(text) == "" {
		return token{}, l.errorf(start, "empty phrase: put words between the quotes or remove them")
	}
	l.pos = end + closeSize
	tok := token{kind: tokPhrase, pos: start, text: text, slopAt: -1}
	if l.peekRune() == '~' {
		tok.slopAt = l.pos
		l.pos++
		numStart := l.pos
		for l.pos < len(l.q) {
			r, size := utf8.DecodeRuneInString(l.q[l.pos:])
			if endsWord(r) {
				break
			}
			l.pos += size
		}
		num := l.q[numStart:l.pos]
		if num == "" {
			return token{}, l.errorf(tok.slopAt, "missing number after ~: write \"some words\"~N with N from 0 to %d", maxSlop)
		}
		n, ok := smallNumber(num)
		if !ok {
			return token{}, l.errorf(tok.slopAt, "slop ~%s is not a number: write \"some words\"~N with N from 0 to %d", num, maxSlop)
		}
		if n > maxSlop {
			return token{}, l.errorf(tok.slopAt, "slop ~%s is too large (limit %d)", num, maxSlop)
		}
		tok.slop = n
	}
	tok.gluedAt = l.glued()
	return tok, nil
}

// glued returns the offset of the character at the lexer's position if it
// is stuck to what came before (anything but a space, a ) or the end), or -1.
func (l *lexer) glued() int {
	r := l.peekRune()
	if r < 0 || unicode.IsSpace(r) || r == ')' {
		return -1
	}
	return l.pos
}

func (l *lexer) strayQuote(r rune) error {
	return l.errorf(l.pos, "closing quote %c without an opening quote: a phrase starts with \" “ „ or «", r)
}

// isOpenQuote and isCloseQuote list the quotes of English, German and
// French news text. “ is both: English opens with it, German closes with it.
func isOpenQuote(r rune) bool  { return r == '"' || r == '“' || r == '„' || r == '«' }
func isCloseQuote(r rune) bool { return r == '"' || r == '”' || r == '“' || r == '»' }

// closingFor suggests the closing quote in the style of the opening one.
func closingFor(open rune) rune {
	switch open {
	case '“':
		return '”'
	case '„':
		return '“'
	case '«':
		return '»'
	}
	return '"'
}

func endsWord(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == ')' || isOpenQuote(r) || isCloseQuote(r)
}

// isDash reports the dashes word processors put where a - was typed.
func isDash(r rune) bool { return r == '–' || r == '—' || r == '−' }

// fieldName returns the letters and underscores at the start of s if a
// colon follows them, as in title:, whether or not the field exists.
func fieldName(s string) (string, bool) {
	for i, r := range s {
		if r == ':' {
			return s[:i], i > 0
		}
		if !unicode.IsLetter(r) && r != '_' {
			return "", false
		}
	}
	return "", false
}

func knownFields() string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

func fieldExample(name string, kind FieldKind) string {
	if kind == DateField {
		return name + ":2020-10"
	}
	return name + ":word or " + name + `:"some words"`
}

// smallNumber reads a run of ASCII digits, saturating instead of
// overflowing so that a huge number is reported as too large.
func smallNumber(s string) (int, bool) {
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = min(n*10+int(c-'0'), 1<<20)
	}
	return n, true
}

func isOperator(s string) bool { return s == "AND" || s == "OR" || s == "NOT" }

// parser is a recursive descent over the lexer's tokens, one token ahead.
type parser struct {
	lex    lexer
	tok    token
	leaves int
	parens int // parentheses open around the current position
	nots   int // NOT and - around the current position
}

// parsed is a node with what the parser needs to know about it while it
// builds its parent.
type parsed struct {
	node  Node
	start int // offset of its first character, counting a ( around it
	depth int // And, Or and Not nodes nested in it, itself included; 0 for a leaf
}

func (p *parser) errorf(off int, format string, args ...any) error {
	return p.lex.errorf(off, format, args...)
}

func (p *parser) advance() error {
	t, err := p.lex.next()
	if err != nil {
		return err
	}
	p.tok = t
	return nil
}

// startsOperand reports whether a token can begin something to search for.
func startsOperand(k tokenKind) bool {
	switch k {
	case tokWord, tokPhrase, tokField, tokLParen, tokMinus, tokNot:
		return true
	}
	return false
}

// parseAnd reads operands joined by AND or by nothing, up to the end or a ).
func (p *parser) parseAnd() (parsed, error) {
	var items []parsed
	for {
		switch p.tok.kind {
		case tokEOF, tokRParen:
			if len(items) == 0 {
				if p.tok.kind == tokRParen {
					return parsed{}, p.errorf(p.tok.pos, "unmatched ): there is no ( before it")
				}
				return parsed{}, p.errorf(p.tok.pos, "empty query")
			}
			return p.join(tokAnd, items)
		case tokAnd:
			op := p.tok
			if len(items) == 0 {
				return parsed{}, p.errorf(op.pos, "AND has nothing before it: write a AND b")
			}
			if err := p.advance(); err != nil {
				return parsed{}, err
			}
			if !startsOperand(p.tok.kind) {
				return parsed{}, p.errorf(op.pos, "AND has nothing after it: write a AND b")
			}
		}
		item, err := p.parseOr()
		if err != nil {
			return parsed{}, err
		}
		items = append(items, item)
	}
}

// parseOr reads operands joined by OR.
func (p *parser) parseOr() (parsed, error) {
	first, err := p.parseUnary()
	if err != nil {
		return parsed{}, err
	}
	items := []parsed{first}
	for p.tok.kind == tokOr {
		op := p.tok
		if err := p.advance(); err != nil {
			return parsed{}, err
		}
		if !startsOperand(p.tok.kind) {
			return parsed{}, p.errorf(op.pos, "OR has nothing after it: write a OR b")
		}
		item, err := p.parseUnary()
		if err != nil {
			return parsed{}, err
		}
		items = append(items, item)
	}
	return p.join(tokOr, items)
}

// parseUnary reads an operand with any NOT or - before it.
func (p *parser) parseUnary() (parsed, error) {
	switch op := p.tok; op.kind {
	case tokNot, tokMinus:
		if err := p.advance(); err != nil {
			return parsed{}, err
		}
		if op.kind == tokNot && !startsOperand(p.tok.kind) {
			return parsed{}, p.errorf(op.pos, "NOT has nothing after it: write NOT word")
		}
		if op.kind == tokMinus && (!startsOperand(p.tok.kind) || p.tok.kind == tokNot) {
			return parsed{}, p.errorf(op.pos, "- must be followed directly by the word, phrase, field or ( to exclude, as in -word")
		}
		p.nots++
		if p.nots > maxNesting {
			return parsed{}, p.errorf(op.pos, "query nested too deeply (limit %d levels)", maxNesting)
		}
		var x parsed
		var err error
		if op.kind == tokNot {
			x, err = p.parseUnary()
		} else {
			x, err = p.parsePrimary()
		}
		p.nots--
		if err != nil {
			return parsed{}, err
		}
		if x.depth+1 > maxNesting {
			return parsed{}, p.errorf(op.pos, "query nested too deeply (limit %d levels)", maxNesting)
		}
		return parsed{node: &Not{At: op.pos, Node: x.node}, start: op.pos, depth: x.depth + 1}, nil
	case tokAnd:
		return parsed{}, p.errorf(op.pos, "AND has nothing before it: write a AND b")
	case tokOr:
		return parsed{}, p.errorf(op.pos, "OR has nothing before it: write a OR b")
	}
	return p.parsePrimary()
}

// parsePrimary reads a word, phrase, field or parenthesised group.
func (p *parser) parsePrimary() (parsed, error) {
	switch t := p.tok; t.kind {
	case tokLParen:
		return p.parseGroup()
	case tokField:
		return p.parseField()
	case tokWord:
		if err := p.advance(); err != nil {
			return parsed{}, err
		}
		return p.word(t, "", TextField, t.pos)
	case tokPhrase:
		if t.gluedAt >= 0 {
			return parsed{}, p.errorf(t.gluedAt, "missing space after the closing quote")
		}
		if err := p.advance(); err != nil {
			return parsed{}, err
		}
		return p.leaf(&Phrase{At: t.pos, Text: t.text, Slop: t.slop})
	case tokRParen:
		return parsed{}, p.errorf(t.pos, "unmatched ): there is no ( before it")
	}
	// Callers check startsOperand first; this is for safety, not for users.
	return parsed{}, p.errorf(p.tok.pos, "expected a word, phrase or (")
}

// parseGroup reads ( ... ), including the prefix form (AND a b) and
// (OR a b) that Node.String writes.
func (p *parser) parseGroup() (parsed, error) {
	open := p.tok
	p.parens++
	defer func() { p.parens-- }()
	if p.parens > maxNesting {
		return parsed{}, p.errorf(open.pos, "parentheses nested too deeply (limit %d levels)", maxNesting)
	}
	if err := p.advance(); err != nil {
		return parsed{}, err
	}
	var res parsed
	var err error
	switch p.tok.kind {
	case tokRParen:
		return parsed{}, p.errorf(open.pos, "empty parentheses: put search terms inside or remove them")
	case tokEOF:
		return parsed{}, p.errorf(open.pos, "unclosed (: add a closing )")
	case tokAnd, tokOr:
		res, err = p.parsePrefix(open)
	default:
		res, err = p.parseAnd()
	}
	if err != nil {
		return parsed{}, err
	}
	if p.tok.kind != tokRParen {
		return parsed{}, p.errorf(open.pos, "unclosed (: add a closing )")
	}
	if p.tok.gluedAt >= 0 {
		return parsed{}, p.errorf(p.tok.gluedAt, "missing space after )")
	}
	if err := p.advance(); err != nil {
		return parsed{}, err
	}
	setAt(res.node, open.pos)
	res.start = open.pos
	return res, nil
}

// parsePrefix reads the AND a b or OR a b of (AND a b), stopping at the ).
// Its operands are single words, phrases, fields, negations or groups, so
// that (AND a b OR c) cannot be read two ways.
func (p *parser) parsePrefix(open token) (parsed, error) {
	op := p.tok
	name := "AND"
	if op.kind == tokOr {
		name = "OR"
	}
	if err := p.advance(); err != nil {
		return parsed{}, err
	}
	var items []parsed
	for p.tok.kind != tokRParen {
		switch p.tok.kind {
		case tokEOF:
			return parsed{}, p.errorf(open.pos, "unclosed (: add a closing )")
		case tokAnd, tokOr:
			return parsed{}, p.errorf(p.tok.pos, "inside (%s …) list the search terms with no AND or OR between them; put a mixed part in its own parentheses", name)
		}
		item, err := p.parseUnary()
		if err != nil {
			return parsed{}, err
		}
		items = append(items, item)
	}
	if len(items) < 2 {
		return parsed{}, p.errorf(op.pos, "%s needs a search term on each side: write a %s b", name, name)
	}
	return p.join(op.kind, items)
}

// join makes one And or Or of items, or returns a single item as it is.
// Nested nodes of the same operator are flattened into it: (a b) c and
// a b c mean the same, and String must write them the same.
func (p *parser) join(op tokenKind, items []parsed) (parsed, error) {
	if len(items) == 1 {
		return items[0], nil
	}
	var nodes []Node
	depth := 0
	for _, it := range items {
		switch n := it.node.(type) {
		case *And:
			if op == tokAnd {
				nodes = append(nodes, n.Nodes...)
				depth = max(depth, it.depth)
				continue
			}
		case *Or:
			if op == tokOr {
				nodes = append(nodes, n.Nodes...)
				depth = max(depth, it.depth)
				continue
			}
		}
		nodes = append(nodes, it.node)
		depth = max(depth, it.depth+1)
	}
	start := items[0].start
	if depth > maxNesting {
		return parsed{}, p.errorf(start, "query nested too deeply (limit %d levels)", maxNesting)
	}
	if op == tokAnd {
		return parsed{node: &And{At: start, Nodes: nodes}, start: start, depth: depth}, nil
	}
	return parsed{node: &Or{At: start, Nodes: nodes}, start: start, depth: depth}, nil
}

// setAt moves the start of an And or Or to a ( or field name around it.
// Leaves and Not keep the offset of their own first character.
func setAt(n Node, at int) {
	switch n := n.(type) {
	case *And:
		n.At = at
	case *Or:
		n.At = at
	}
}

// parseField reads name:value; the lexer has checked the name and that a
// value follows the colon directly.
func (p *parser) parseField() (parsed, error) {
	f := p.tok
	if err := p.advance(); err != nil {
		return parsed{}, err
	}
	switch v := p.tok; v.kind {
	case tokLParen:
		switch f.field {
		case KeywordField:
			return parsed{}, p.errorf(v.pos, "%s: takes one value, not a group: write (%s:a OR %s:b)", f.text, f.text, f.text)
		case DateField:
			return parsed{}, p.errorf(v.pos, "%s: takes a date (YYYY, YYYY-MM or YYYY-MM-DD), not a group", f.text)
		}
		g, err := p.parseGroup()
		if err != nil {
			return parsed{}, err
		}
		if err := p.applyField(g.node, f.text); err != nil {
			return parsed{}, err
		}
		// The field name starts the piece; a Not keeps its own NOT or -.
		switch n := g.node.(type) {
		case *Term:
			n.At = f.pos
		case *Wildcard:
			n.At = f.pos
		case *Phrase:
			n.At = f.pos
		}
		setAt(g.node, f.pos)
		g.start = f.pos
		return g, nil
	case tokPhrase:
		switch {
		case f.field == DateField:
			return parsed{}, p.errorf(v.pos, "%s: takes a date (YYYY, YYYY-MM or YYYY-MM-DD), not quoted words", f.text)
		case f.field == KeywordField && v.slopAt >= 0:
			return parsed{}, p.errorf(v.slopAt, "%s: takes an exact value: remove the ~%d after the quotes", f.text, v.slop)
		case v.gluedAt >= 0:
			return parsed{}, p.errorf(v.gluedAt, "missing space after the closing quote")
		}
		if err := p.advance(); err != nil {
			return parsed{}, err
		}
		return p.leaf(&Phrase{At: f.pos, Field: f.text, Text: v.text, Slop: v.slop})
	case tokWord:
		if strings.HasPrefix(v.text, "-") {
			return parsed{}, p.errorf(v.pos, "%s: value cannot start with -: to exclude, put the - before the field, as in -%s:word", f.text, f.text)
		}
		if _, ok := fieldName(v.text); ok {
			return parsed{}, p.errorf(v.pos, "%s: value %q looks like another field; to search for the text itself, put it in quotes", f.text, v.text)
		}
		if err := p.advance(); err != nil {
			return parsed{}, err
		}
		if f.field == DateField {
			return p.date(f, v)
		}
		return p.word(v, f.text, f.field, f.pos)
	}
	return parsed{}, p.errorf(p.tok.pos, "%s: has no value", f.text)
}

// applyField puts field on every leaf of a text field's group, as in
// title:(a OR "b c").
func (p *parser) applyField(n Node, field string) error {
	switch n := n.(type) {
	case *And:
		for _, c := range n.Nodes {
			if err := p.applyField(c, field); err != nil {
				return err
			}
		}
	case *Or:
		for _, c := range n.Nodes {
			if err := p.applyField(c, field); err != nil {
				return err
			}
		}
	case *Not:
		return p.applyField(n.Node, field)
	case *DateFilter:
		return p.errorf(n.At, "%s:(…) cannot hold a date filter (%s): move it outside the parentheses", field, n)
	case *Term:
		return p.claim(&n.Field, field, n)
	case *Wildcard:
		return p.claim(&n.Field, field, n)
	case *Phrase:
		return p.claim(&n.Field, field, n)
	}
	return nil
}

// claim sets a leaf's field to field unless it already has one.
func (p *parser) claim(dst *string, field string, n Node) error {
	if *dst != "" {
		return p.errorf(n.Pos(), "%s:(…) cannot hold another field (%s): move it outside the parentheses", field, n)
	}
	*dst = field
	return nil
}

// word turns a word token into a Term or Wildcard in field (of kind) and
// starting at at, checking its ~ fuzziness and * ? wildcards.
func (p *parser) word(t token, field string, kind FieldKind, at int) (parsed, error) {
	text := t.text
	fuzzy, tilde := 0, -1
	if i := strings.IndexByte(text, '~'); i >= 0 {
		tilde = t.pos + i
		if i == 0 {
			return parsed{}, p.errorf(tilde, "~ must follow a word, as in word~ or word~1")
		}
		switch suffix := text[i+1:]; suffix {
		case "":
			fuzzy = -1
		case "0", "1", "2":
			fuzzy = int(suffix[0] - '0')
		default:
			return parsed{}, p.errorf(tilde, "fuzziness ~%s is not allowed: write word~ (automatic), word~1 or word~2", suffix)
		}
		text = text[:i]
	}
	if strings.ContainsAny(text, "*?") {
		if tilde >= 0 {
			return parsed{}, p.errorf(t.pos, "%q is both a wildcard (* or ?) and fuzzy (~): use one or the other", t.text)
		}
		if strings.Trim(text, "*?") == "" {
			return parsed{}, p.errorf(t.pos, "wildcard %q would match every word: add at least one other character, as in isla*", text)
		}
		return p.leaf(&Wildcard{At: at, Field: field, Pattern: text})
	}
	if tilde >= 0 && kind == KeywordField {
		return parsed{}, p.errorf(tilde, "%s: takes an exact value and cannot be fuzzy (~)", field)
	}
	return p.leaf(&Term{At: at, Field: field, Text: text, Fuzzy: fuzzy})
}

// date turns the value of after:, before: or date: into a DateFilter.
// Only the ISO shapes are accepted: corpus.ParseDate also reads 4/5/2020,
// which a reader cannot tell from 5 April or 4 May.
func (p *parser) date(f, v token) (parsed, error) {
	if !isQueryDate(v.text) {
		return parsed{}, p.errorf(v.pos, "%s: cannot read %q as a date: write YYYY, YYYY-MM or YYYY-MM-DD, as in %s:2020-10", f.text, v.text, f.text)
	}
	d, err := corpus.ParseDate(v.text)
	if err != nil || d.IsZero() {
		return parsed{}, p.errorf(v.pos, "%s: %q is not a date in the calendar: write YYYY, YYYY-MM or YYYY-MM-DD", f.text, v.text)
	}
	return p.leaf(&DateFilter{At: f.pos, Op: f.text, Date: d, Text: v.text})
}

// isQueryDate reports whether s is shaped YYYY, YYYY-MM or YYYY-MM-DD.
func isQueryDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i, c := range []byte(s) {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func (p *parser) leaf(n Node) (parsed, error) {
	p.leaves++
	if p.leaves > maxLeaves {
		return parsed{}, p.errorf(n.Pos(), "too many search terms (limit %d)", maxLeaves)
	}
	return parsed{node: n, start: n.Pos()}, nil
}
