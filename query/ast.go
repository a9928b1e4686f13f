package query

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
)

// Node is one piece of a parsed query.
type Node interface {
	// Pos is the byte offset in the query where this piece starts.
	Pos() int
	// String writes the node in a canonical, fully parenthesised form, used by golden tests and by `--explain`.
	String() string
}

// And matches documents that match every one of Nodes: words side by side,
// or joined by AND. String writes (AND a b c).
type And struct {
	At    int
	Nodes []Node
}

// Or matches documents that match any of Nodes. String writes (OR a b).
type Or struct {
	At    int
	Nodes []Node
}

// Not matches documents that do not match Node, written NOT x or -x.
// At is the offset of the NOT or the -. String writes (NOT x).
type Not struct {
	At   int
	Node Node
}

// Term is one word as the user typed it, in the default fields (title and
// body) when Field is "". Text is kept exactly as typed, case included:
// analysis happens when the query is compiled, not here.
type Term struct {
	At    int
	Field string
	Text  string
	// Fuzzy is 0 for the exact word, -1 for word~ (edit distance chosen by
	// word length) and 1 or 2 for word~1 and word~2.
	Fuzzy int
}

// Wildcard is a word containing * (any run of characters) or ? (any one
// character), such as isla*.
type Wildcard struct {
	At      int
	Field   string
	Pattern string
}

// Phrase is the words between a pair of quotes, taken literally and in
// order. Slop above 0, written "..."~N, lets the words stand up to N
// positions out of place.
type Phrase struct {
	At    int
	Field string
	Text  string
	Slop  int
}

// DateFilter keeps documents published after, before or on a date, written
// after:2020-10, before:2021 or date:2020-10-20. Op is "after", "before" or
// "date", Date the date at the precision typed and Text the date as typed.
type DateFilter struct {
	At   int
	Op   string
	Date corpus.Date
	Text string
}

// Pos returns the byte offset where the node starts.
func (n *And) Pos() int { return n.At }

// Pos returns the byte offset where the node starts.
func (n *Or) Pos() int { return n.At }

// Pos returns the byte offset of the NOT or -.
func (n *Not) Pos() int { return n.At }

// Pos returns the byte offset of the word, or of its field name.
func (n *Term) Pos() int { return n.At }

// Pos returns the byte offset of the pattern, or of its field name.
func (n *Wildcard) Pos() int { return n.At }

// Pos returns the byte offset of the opening quote, or of the field name.
func (n *Phrase) Pos() int { return n.At }

// Pos returns the byte offset of the field name (after, before or date).
func (n *DateFilter) Pos() int { return n.At }

// String writes (AND a b c).
func (n *And) String() string { return operatorString("AND", n.Nodes) }

// String writes (OR a b c).
func (n *Or) String() string { return operatorString("OR", n.Nodes) }

// String writes (NOT x).
func (n *Not) String() string { return "(NOT " + n.Node.String() + ")" }

// String writes the word as typed, after its field and colon if it has
// one, then its fuzziness: title:word, word~, word~2.
func (n *Term) String() string {
	s := fieldPrefix(n.Field) + n.Text
	switch {
	case n.Fuzzy < 0:
		s += "~"
	case n.Fuzzy > 0:
		s += "~" + strconv.Itoa(n.Fuzzy)
	case n.Field == "" && isOperator(n.Text):
		// The word AND on its own would read back as the operator; ~0 keeps
		// it a word and still means the exact word.
		s += "~0"
	}
	return s
}

// String writes the pattern, after its field and colon if it has one.
func (n *Wildcard) String() string { return fieldPrefix(n.Field) + n.Pattern }

// String writes the phrase in straight quotes, after its field and colon if
// it has one, then its slop: "we will not", title:"a b"~3.
func (n *Phrase) String() string {
	s := fieldPrefix(n.Field) + `"` + n.Text + `"`
	if n.Slop > 0 {
		s += "~" + strconv.Itoa(n.Slop)
	}
	return s
}

// String writes the filter with the date at its precision: after:2020-10.
func (n *DateFilter) String() string { return n.Op + ":" + n.Date.String() }

func operatorString(op string, nodes []Node) string {
	var b strings.Builder
	b.WriteString("(" + op)
	for _, n := range nodes {
		b.WriteByte(' ')
		b.WriteString(n.String())
	}
	b.WriteByte(')')
	return b.String()
}

func fieldPrefix(field string) string {
	if field == "" {
		return ""
	}
	return field + ":"
}

// SyntaxError is a query the parser could not read, with where it went wrong.
type SyntaxError struct {
	Query  string // the query as given
	Offset int    // byte offset in Query where the problem is
	Msg    string // what is wrong and, where it helps, how to fix it, e.g. `unclosed quote: add a closing "`
}

// Column returns the 1-based position of the problem in characters (runes),
// which is what a person counts along the query, unlike the byte Offset.
func (e *SyntaxError) Column() int {
	off := min(max(e.Offset, 0), len(e.Query))
	return utf8.RuneCountInString(e.Query[:off]) + 1
}

// Error writes the problem with its column, as in
// position 14: unclosed quote: add a closing ".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("position %d: %s", e.Column(), e.Msg)
}
