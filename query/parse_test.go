package query

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
)

// mustParse parses q or stops the test.
func mustParse(t *testing.T, q string) Node {
	t.Helper()
	n, err := Parse(q)
	if err != nil {
		t.Fatalf("Parse(%q): %v", q, err)
	}
	return n
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, query, want string
	}{
		// Precedence: AND < OR < NOT, the way Google reads a query.
		{"implicit and", "ceasefire Trevanna", "(AND ceasefire Trevanna)"},
		{"or binds tighter than implicit and", "Putin OR Erdogan ceasefire", "(AND (OR Putin Erdogan) ceasefire)"},
		{"or binds tighter than AND", "a AND b OR c", "(AND a (OR b c))"},
		{"or chains on both sides of AND", "a OR b AND c OR d", "(AND (OR a b) (OR c d))"},
		{"not binds tighter than or", "NOT a OR b", "(OR (NOT a) b)"},
		{"minus binds tighter than or", "-a OR b", "(OR (NOT a) b)"},
		{"not inside implicit and", "a NOT b", "(AND a (NOT b))"},
		{"not not", "NOT NOT a", "(NOT (NOT a))"},
		{"parentheses group", "(a OR b) (c OR d)", "(AND (OR a b) (OR c d))"},
		{"parentheses override", "a AND (b OR c d)", "(AND a (OR b c) d)"},
		{"explicit and flattens", "a AND b AND c", "(AND a b c)"},
		{"implicit and flattens", "a b c", "(AND a b c)"},
		{"or flattens", "a OR b OR c", "(OR a b c)"},
		{"groups flatten into same operator", "(a b) c (d e)", "(AND a b c d e)"},
		{"or groups flatten", "(a OR b) OR (c OR d)", "(OR a b c d)"},
		{"single child has no wrapper", "((a))", "a"},
		{"lowercase operators are words", "war and peace or not", "(AND war and peace or not)"},
		{"operators need capitals", "a And b Or c Not d", "(AND a And b Or c Not d)"},
		{"operator glued to group", "NOT(a b)", "(NOT (AND a b))"},
		{"canonical and reads back", "(AND a b)", "(AND a b)"},
		{"canonical nested reads back", "(OR a (AND b c) (NOT d))", "(OR a (AND b c) (NOT d))"},
		{"canonical not reads back", "(NOT a)", "(NOT a)"},

		// Quotes of every style, which need not match.
		{"straight quotes", `"we will not"`, `"we will not"`},
		{"english curly quotes", "“we will not”", `"we will not"`},
		{"german quotes", "„wir schaffen das“", `"wir schaffen das"`},
		{"french guillemets", "«nous ne céderons pas»", `"nous ne céderons pas"`},
		{"mixed quote styles", "“mixed styles\"", `"mixed styles"`},
		{"phrase keeps operators literally", `"(a OR b) -c title:d"`, `"(a OR b) -c title:d"`},
		{"phrase keeps spacing", `"  two  spaces "`, `"  two  spaces "`},
		{"phrase among words", `Putin "we will not" Erdogan`, `(AND Putin "we will not" Erdogan)`},
		{"opening guillemet inside phrase", `"a « b"`, `"a « b"`},

		// Slop.
		{"slop", `"we will not"~3`, `"we will not"~3`},
		{"slop zero", `"we will not"~0`, `"we will not"`},
		{"slop limit", `"a b"~100`, `"a b"~100`},
		{"slop after curly quote", "“a b”~2", `"a b"~2`},

		// Words.
		{"hyphen inside word", "Nagorno-Karabakh", "Nagorno-Karabakh"},
		{"apostrophes inside words", "don't don’t", "(AND don't don’t)"},
		{"digits and colon are a word", "10:30", "10:30"},
		{"trailing minus is part of word", "a- b", "(AND a- b)"},
		{"case kept", "NATO nato", "(AND NATO nato)"},
		{"operator spelled with fuzziness stays a word", "AND~0", "AND~0"},

		// Fuzzy and wildcards.
		{"fuzzy automatic", "Erdogan~", "Erdogan~"},
		{"fuzzy one", "Erdogan~1", "Erdogan~1"},
		{"fuzzy two", "Erdogan~2", "Erdogan~2"},
		{"fuzzy zero is exact", "Erdogan~0", "Erdogan"},
		{"prefix wildcard", "isla*", "isla*"},
		{"inner wildcard", "isla*ist", "isla*ist"},
		{"question mark wildcard", "te?t", "te?t"},
		{"leading wildcard", "*stan", "*stan"},

		// Negation.
		{"minus word", "-Putin", "(NOT Putin)"},
		{"minus phrase", `-"we will not"`, `(NOT "we will not")`},
		{"minus group", "-(a OR b)", "(NOT (OR a b))"},
		{"minus field", "-title:Putin", "(NOT title:Putin)"},
		{"minus number", "-5", "(NOT 5)"},
		{"minus wildcard", "-isla*", "(NOT isla*)"},

		// Fields.
		{"text field word", "title:Putin", "title:Putin"},
		{"field name case folded", "TITLE:Putin Body:x", "(AND title:Putin body:x)"},
		{"field phrase", `title:"peace talks"`, `title:"peace talks"`},
		{"field phrase slop", `title:"peace talks"~2`, `title:"peace talks"~2`},
		{"field curly phrase", "body:„a b“", `body:"a b"`},
		{"field fuzzy", "comments:Putin~", "comments:Putin~"},
		{"field wildcard", "body:isla*", "body:isla*"},
		{"field group", `title:(ceasefire OR "peace deal")`, `(OR title:ceasefire title:"peace deal")`},
		{"field group with negation", "title:(a -b)", "(AND title:a (NOT title:b))"},
		{"field group with one word", "title:(a)", "title:a"},
		{"field operator word is text", "title:AND", "title:AND"},
		{"field value with colon", "title:10:30", "title:10:30"},
		{"keyword word", "source:Reuters", "source:Reuters"},
		{"keyword phrase", `source:"The Moscow Times"`, `source:"The Moscow Times"`},
		{"keyword wildcard", "source:Reut*", "source:Reut*"},
		{"negated keyword", "-source:RT", "(NOT source:RT)"},
		{"field in group", "(title:a OR body:b)", "(OR title:a body:b)"},

		// Date filters.
		{"after year", "after:2020", "after:2020"},
		{"before month", "before:2021-06", "before:2021-06"},
		{"date day", "date:2020-10-20", "date:2020-10-20"},
		{"negated date", "-after:2020-10", "(NOT after:2020-10)"},
		{"year zero", "before:0000", "before:0000"},
		{"date filters with words", "ceasefire after:2020 before:2021", "(AND ceasefire after:2020 before:2021)"},

		// Whitespace of every kind separates.
		{"tabs and newlines", "a\tb\nc", "(AND a b c)"},
		{"no-break space", "a\u00a0b", "(AND a b)"},
		{"surrounding spaces", "  a  ", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.query)
			if err != nil {
				t.Fatalf("Parse(%q): got error %v, want %s", tt.query, err, tt.want)
			}
			if got := n.String(); got != tt.want {
				t.Errorf("Parse(%q): got %s, want %s", tt.query, got, tt.want)
			}
		})
	}
}

// TestParseNodes checks the fields of the nodes themselves, including At,
// where String alone would hide a difference.
func TestParseNodes(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		query string
		want  Node
	}{
		{"Putin", &Term{At: 0, Text: "Putin"}},
		{"Erdogan~", &Term{At: 0, Text: "Erdogan", Fuzzy: -1}},
		{"Erdogan~2", &Term{At: 0, Text: "Erdogan", Fuzzy: 2}},
		{"Erdogan~0", &Term{At: 0, Text: "Erdogan"}},
		{"TITLE:Putin", &Term{At: 0, Field: "title", Text: "Putin"}},
		{"  isla*", &Wildcard{At: 2, Pattern: "isla*"}},
		{`source:"The Moscow Times"`, &Phrase{At: 0, Field: "source", Text: "The Moscow Times"}},
		{"“a b”~7", &Phrase{At: 0, Text: "a b", Slop: 7}},
		{"after:2020-10", &DateFilter{At: 0, Op: "after", Text: "2020-10",
			Date: corpus.Date{Start: day(2020, 10, 1), Precision: corpus.Month}}},
		{"Date:2020-10-20", &DateFilter{At: 0, Op: "date", Text: "2020-10-20",
			Date: corpus.Date{Start: day(2020, 10, 20), Precision: corpus.Day}}},
		{"before:2021", &DateFilter{At: 0, Op: "before", Text: "2021",
			Date: corpus.Date{Start: day(2021, 1, 1), Precision: corpus.Year}}},
		{"a -b", &And{At: 0, Nodes: []Node{&Term{At: 0, Text: "a"}, &Not{At: 2, Node: &Term{At: 3, Text: "b"}}}}},
		{"x (a OR b)", &And{At: 0, Nodes: []Node{&Term{At: 0, Text: "x"},
			&Or{At: 2, Nodes: []Node{&Term{At: 3, Text: "a"}, &Term{At: 8, Text: "b"}}}}}},
		{"NOT title:(a b)", &Not{At: 0, Node: &And{At: 4, Nodes: []Node{
			&Term{At: 11, Field: "title", Text: "a"}, &Term{At: 13, Field: "title", Text: "b"}}}}},
		{"(OR a b)", &Or{At: 0, Nodes: []Node{&Term{At: 4, Text: "a"}, &Term{At: 6, Text: "b"}}}},
	}
	for _, tt := range tests {
		got := mustParse(t, tt.query)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q): got %#v, want %#v", tt.query, got, tt.want)
		}
	}
}

// TestPos checks the offsets a caller uses to underline part of a query.
func TestPos(t *testing.T) {
	// Byte offsets: « and é are two bytes each.
	q := `«été» -title:"peace talks" (a OR b) after:2020`
	and, ok := mustParse(t, q).(*And)
	if !ok || len(and.Nodes) != 4 {
		t.Fatalf("Parse(%q): got %v, want an And of 4", q, and)
	}
	tests := []struct {
		name string
		node Node
		want int
	}{
		{"and", and, 0},
		{"phrase at its opening quote", and.Nodes[0], 0},
		{"not at its minus", and.Nodes[1], strings.Index(q, "-")},
		{"field phrase at its field name", and.Nodes[1].(*Not).Node, strings.Index(q, "title")},
		{"or at its parenthesis", and.Nodes[2], strings.Index(q, "(")},
		{"term inside group", and.Nodes[2].(*Or).Nodes[1], strings.Index(q, "b)")},
		{"date filter at its field name", and.Nodes[3], strings.Index(q, "after")},
	}
	for _, tt := range tests {
		if got := tt.node.Pos(); got != tt.want {
			t.Errorf("%s: %s.Pos(): got %d, want %d", tt.name, tt.node, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	// ĉ and Путин are multi-byte, so Column differs from Offset+1 after them.
	tests := []struct {
		name   string
		query  string
		msg    string // the gist: the message must contain it
		offset int
		column int
	}{
		{"empty", "", "empty query", 0, 1},
		{"whitespace only", " \t\n ", "empty query", 0, 1},
		{"unclosed quote", `Путин "we will`, `unclosed quote: add a closing "`, 11, 7},
		{"unclosed curly quote", "“we will", "unclosed quote: add a closing ”", 0, 1},
		{"unclosed german quote", "a „wir", "unclosed quote: add a closing “", 2, 3},
		{"empty phrase", `Путин ""`, "empty phrase", 11, 7},
		{"blank phrase", `" "`, "empty phrase", 0, 1},
		{"stray closing quote", "Путин”", "closing quote ” without an opening quote", 10, 6},
		{"unclosed paren", "a (Путин OR b", "unclosed (", 2, 3},
		{"unclosed nested paren", "((a)", "unclosed (", 0, 1},
		{"unmatched paren", "Путин) b", "unmatched )", 10, 6},
		{"unmatched paren after group", "(a) b)", "unmatched )", 5, 6},
		{"unmatched paren glued to word", "a)b", "unmatched )", 1, 2},
		{"empty parens", "Путин ()", "empty parentheses", 11, 7},
		{"and without right", "Путин AND", "AND has nothing after it", 11, 7},
		{"and without left", "AND b", "AND has nothing before it", 0, 1},
		{"or without left", "OR b", "OR has nothing before it", 0, 1},
		{"or without right", "a OR", "OR has nothing after it", 2, 3},
		{"and then or", "a AND OR b", "AND has nothing after it", 2, 3},
		{"or then and", "a OR AND b", "OR has nothing after it", 2, 3},
		{"or before close", "(a OR) b", "OR has nothing after it", 3, 4},
		{"prefix or with one side", "(OR a)", "OR needs a search term on each side", 1, 2},
		{"prefix and empty", "(AND)", "AND needs a search term on each side", 1, 2},
		{"prefix mixed", "(AND a b OR c)", "inside (AND …)", 9, 10},
		{"not alone", "NOT", "NOT has nothing after it", 0, 1},
		{"not at end", "Путин NOT", "NOT has nothing after it", 11, 7},
		{"not before or", "NOT OR a", "NOT has nothing after it", 0, 1},
		{"lone minus", "Путин - b", "lone -", 11, 7},
		{"minus at end", "a -", "lone -", 2, 3},
		{"minus before paren close", "(a -)", "lone -", 3, 4},
		{"double minus", "--a", "-- is not allowed", 0, 1},
		{"minus before operator", "-OR a", "- must be followed directly", 0, 1},
		{"minus before not", "-NOT a", "- must be followed directly", 0, 1},
		{"unknown field", "Путин foo:bar", `unknown field "foo" (known fields: title, body, comments, exact, source, person, org, place, speaker, after, before, date, mentioned); to search for the text itself, put it in quotes`, 11, 7},
		{"unknown field url", "http://example.com", `unknown field "http"`, 0, 1},
		{"unknown field unicode", "ĉefo:x", `unknown field "ĉefo"`, 0, 1},
		{"missing value at end", "Путин title:", "title: has no value", 11, 7},
		{"missing value before space", "title: Putin", "title: has no value", 0, 1},
		{"missing value before paren", "(title:)", "title: has no value", 1, 2},
		{"value starting with minus", "title:-Putin", "value cannot start with -", 6, 7},
		{"value looking like a field", "title:source:x", `value "source:x" looks like another field`, 6, 7},
		{"keyword group", "source:(a OR b)", "source: takes one value, not a group", 7, 8},
		{"keyword fuzzy", "source:Reuters~", "source: takes an exact value and cannot be fuzzy", 14, 15},
		{"keyword slop", `source:"a b"~2`, "source: takes an exact value", 12, 13},
		{"date as us date", "Путин after:3/4/2020", "after: cannot read \"3/4/2020\" as a date: write YYYY, YYYY-MM or YYYY-MM-DD", 17, 13},
		{"date as timestamp", "before:2020-10-20T10:30", "write YYYY, YYYY-MM or YYYY-MM-DD", 7, 8},
		{"date not in calendar", "date:2019-02-30", `"2019-02-30" is not a date in the calendar`, 5, 6},
		{"date month out of range", "after:2020-13", "is not a date in the calendar", 6, 7},
		{"date as phrase", `after:"2020"`, "after: takes a date", 6, 7},
		{"date as group", "after:(2020)", "after: takes a date", 6, 7},
		{"date with wildcard", "after:202*", "cannot read", 6, 7},
		{"slop missing", `Путин "a b"~`, "missing number after ~", 16, 12},
		{"slop not a number", `"a b"~x`, "slop ~x is not a number", 5, 6},
		{"slop too large", `"a b"~101`, "slop ~101 is too large (limit 100)", 5, 6},
		{"slop huge", `"a b"~99999999999999999999999`, "too large", 5, 6},
		{"fuzzy too large", "Путин~3", "fuzziness ~3 is not allowed", 10, 6},
		{"fuzzy not a number", "Putin~x", "fuzziness ~x is not allowed", 5, 6},
		{"fuzzy twice", "Putin~~", "fuzziness ~~ is not allowed", 5, 6},
		{"fuzzy alone", "~", "~ must follow a word", 0, 1},
		{"wildcard alone", "a *", `wildcard "*" would match every word`, 2, 3},
		{"wildcard only", "?*", "would match every word", 0, 1},
		{"wildcard and fuzzy", "isla*~", "both a wildcard", 0, 1},
		{"field group with field", "title:(a source:x)", "cannot hold another field (source:x)", 9, 10},
		{"field group with date", "title:(a -after:2020)", "cannot hold a date filter", 10, 11},
		{"word glued to paren", "Путин(a)", `missing space between "Путин" and (`, 10, 6},
		{"quote inside word", `don"t`, `quote " right after "don"`, 3, 4},
		{"glued after paren", "(a)b", "missing space after )", 3, 4},
		{"glued after phrase", `"a"b`, "missing space after the closing quote", 3, 4},
		{"phrase glued to phrase", `"a""b"`, "missing space after the closing quote", 3, 4},
		{"single quotes", "‘we will not’", "single quotes do not make a phrase", 0, 1},
		{"en dash", "Putin –Erdogan", "starts with a dash", 6, 7},
		{"invalid utf8", "Путин \xff", "invalid UTF-8 (byte 0xff)", 11, 7},
		{"invalid utf8 in phrase", "\"a\xc3\"", "invalid UTF-8", 2, 3},
		{"control character", "a\x00b", "control character U+0000", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkError(t, tt.query, tt.msg, tt.offset, tt.column)
		})
	}
}

// checkError parses q and checks it fails with a *SyntaxError whose message
// contains msg, at offset and column.
func checkError(t *testing.T, q, msg string, offset, column int) {
	t.Helper()
	n, err := Parse(q)
	if err == nil {
		t.Fatalf("Parse(%q): got %s, want error %q", q, n, msg)
	}
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("Parse(%q): got %T %v, want *SyntaxError", q, err, err)
	}
	if !strings.Contains(se.Msg, msg) {
		t.Errorf("Parse(%q): got message %q, want it to contain %q", q, se.Msg, msg)
	}
	if se.Query != q {
		t.Errorf("Parse(%q): got Query %q, want the query as given", q, se.Query)
	}
	if se.Offset != offset || se.Column() != column {
		t.Errorf("Parse(%q): got offset %d column %d, want offset %d column %d (%s)",
			q, se.Offset, se.Column(), offset, column, se.Msg)
	}
}

func TestParseLimits(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("w ", n)) }
	nested := func(n int) string { return strings.Repeat("(", n) + "a b" + strings.Repeat(")", n) }
	nots := func(n int) string { return strings.Repeat("NOT ", n) + "a" }

	for _, q := range []string{
		words(100),
		nested(32),
		nots(32),
		strings.Repeat("x", MaxQueryBytes),
		// 32 levels of And and Or written without parentheses to count.
		strings.Repeat("a OR (b ", 15) + "c OR d" + strings.Repeat(")", 15),
	} {
		if _, err := Parse(q); err != nil {
			t.Errorf("Parse(%.40q…): got %v, want no error at the limit", q, err)
		}
	}

	t.Run("too many terms", func(t *testing.T) {
		checkError(t, words(101), "too many search terms (limit 100)", 200, 201)
	})
	t.Run("too long", func(t *testing.T) {
		checkError(t, strings.Repeat("x", MaxQueryBytes+1), "query too long (4097 bytes, limit 4096)", 4096, 4097)
	})
	t.Run("too long in characters", func(t *testing.T) {
		checkError(t, strings.Repeat("é", 3000), "query too long (6000 bytes, limit 4096)", 4096, 2049)
	})
	t.Run("parentheses too deep", func(t *testing.T) {
		checkError(t, nested(33), "parentheses nested too deeply (limit 32 levels)", 32, 33)
	})
	t.Run("nots too deep", func(t *testing.T) {
		checkError(t, nots(33), "nested too deeply (limit 32 levels)", 4*32, 4*32+1)
	})
	t.Run("operators too deep", func(t *testing.T) {
		q := strings.Repeat("a OR (b ", 16) + "c OR d" + strings.Repeat(")", 16)
		n, err := Parse(q)
		if err == nil || !strings.Contains(err.Error(), "nested too deeply") {
			t.Errorf("Parse(%q): got %v, %v, want nested too deeply", q, n, err)
		}
	})
	t.Run("a hundred thousand parentheses", func(t *testing.T) {
		checkError(t, strings.Repeat("(", 100000), "query too long", 4096, 4097)
	})
	t.Run("deep parentheses within the length limit", func(t *testing.T) {
		checkError(t, strings.Repeat("(", 4000)+"a", "nested too deeply", 32, 33)
	})
}

func TestSyntaxError(t *testing.T) {
	_, err := Parse(`Путин "we will`)
	if got, want := err.Error(), `position 7: unclosed quote: add a closing "`; got != want {
		t.Errorf("Error(): got %q, want %q", got, want)
	}
	// Column stays sensible for offsets a caller might build by hand.
	for _, tt := range []struct {
		e    SyntaxError
		want int
	}{
		{SyntaxError{Query: "abc", Offset: -1}, 1},
		{SyntaxError{Query: "abc", Offset: 3}, 4},
		{SyntaxError{Query: "abc", Offset: 99}, 4},
		{SyntaxError{Query: "éé", Offset: 2}, 2},
	} {
		if got := tt.e.Column(); got != tt.want {
			t.Errorf("SyntaxError{%q, %d}.Column(): got %d, want %d", tt.e.Query, tt.e.Offset, got, tt.want)
		}
	}
}

func TestFieldKindOf(t *testing.T) {
	tests := []struct {
		name string
		kind FieldKind
		ok   bool
	}{
		{"title", TextField, true},
		{"body", TextField, true},
		{"comments", TextField, true},
		{"source", KeywordField, true},
		{"after", DateField, true},
		{"before", DateField, true},
		{"date", DateField, true},
		{"Title", TextField, true},
		{"author", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		kind, ok := FieldKindOf(tt.name)
		if kind != tt.kind || ok != tt.ok {
			t.Errorf("FieldKindOf(%q): got %v, %v, want %v, %v", tt.name, kind, ok, tt.kind, tt.ok)
		}
	}
}

// TestGolden parses every query in testdata/parse.golden and compares what
// it makes of it; with -update it writes the results back instead.
func TestGolden(t *testing.T) {
	const golden = "testdata/parse.golden"
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var out strings.Builder
	for i, line := range lines {
		q, want, isCase := splitGoldenLine(line)
		if !isCase {
			out.WriteString(line + "\n")
			continue
		}
		got := describe(q)
		fmt.Fprintf(&out, "%s ⇒ %s\n", q, got)
		if !*update && got != want {
			t.Errorf("%s:%d: Parse(%q):\ngot:  %s\nwant: %s", golden, i+1, q, got, want)
		}
	}
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// splitGoldenLine splits "QUERY ⇒ RESULT". The query is everything before
// the arrow but the one space that separates them, so that whitespace-only
// and empty queries can be written.
func splitGoldenLine(line string) (query, result string, isCase bool) {
	if line == "" || strings.HasPrefix(line, "# ") {
		return "", "", false
	}
	before, after, found := strings.Cut(line, "⇒")
	if !found {
		return "", "", false
	}
	return strings.TrimSuffix(before, " "), strings.TrimSpace(after), true
}

// describe writes what Parse makes of q as the golden file records it.
func describe(q string) string {
	n, err := Parse(q)
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			return fmt.Sprintf("error at column %d: %s", se.Column(), se.Msg)
		}
		return "error (not a *SyntaxError): " + err.Error()
	}
	return n.String()
}

// fuzzCrashers are inputs the fuzzer found to break Parse; they stay here
// as ordinary cases.
var fuzzCrashers = []string{}

func TestFuzzCrashers(t *testing.T) {
	for _, q := range fuzzCrashers {
		checkParseInvariants(t, q)
	}
}

func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/parse.golden")
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if q, _, ok := splitGoldenLine(line); ok {
			f.Add(q)
		}
	}
	for _, q := range fuzzCrashers {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		checkParseInvariants(t, q)
	})
}

// checkParseInvariants checks what must hold for any input: no panic, an
// error that points inside the query, and a String that reads back as the
// same query.
func checkParseInvariants(t *testing.T, q string) {
	t.Helper()
	n, err := Parse(q)
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("Parse(%q): got %T %v, want *SyntaxError", q, err, err)
		}
		if se.Offset < 0 || se.Offset > len(q) {
			t.Fatalf("Parse(%q): got offset %d, want within [0, %d] (%s)", q, se.Offset, len(q), se.Msg)
		}
		if se.Column() < 1 || se.Column() > utf8.RuneCountInString(q)+1 {
			t.Fatalf("Parse(%q): got column %d, want within [1, %d]", q, se.Column(), utf8.RuneCountInString(q)+1)
		}
		if se.Msg == "" {
			t.Fatalf("Parse(%q): got an empty message", q)
		}
		return
	}
	s := n.String()
	if len(s) > MaxQueryBytes {
		// The canonical form spells out each field and operator, so a
		// query near the length limit can write one over it.
		return
	}
	n2, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q) = %s, which does not read back: %v", q, s, err)
	}
	if s2 := n2.String(); s2 != s {
		t.Fatalf("Parse(%q) = %s, which reads back as %s", q, s, s2)
	}
}

func ExampleParse() {
	n, err := Parse(`Putin OR Erdogan ceasefire -title:"peace talks"~2 after:2020-10`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)

	_, err = Parse(`Putin "we will not`)
	fmt.Println(err)
	// Output:
	// (AND (OR Putin Erdogan) ceasefire (NOT title:"peace talks"~2) after:2020-10)
	// position 7: unclosed quote: add a closing "
}

// TestRandomQueries strings together pieces of the language at random, which
// reaches deep, well-formed queries that byte-level fuzzing seldom builds,
// and checks the same invariants as FuzzParse.
func TestRandomQueries(t *testing.T) {
	pieces := []string{
		"a", "Putin", "don't", "10:30", "isla*", "te?t", "w~", "w~2", "AND~0",
		"AND", "OR", "NOT", "-", "(", ")", "(AND", "(OR", "(NOT",
		`"x y"`, "“p q”", `"s t"~3`, "«f»",
		"title:", "body:", "source:", "after:", "title:(", "-title:",
		"2020", "2020-10", "after:2021-06-01", "source:\"The Times\"",
	}
	const randomQueries = 20000
	rng := rand.New(rand.NewPCG(1, 2))
	parsed := 0
	for range randomQueries {
		var b strings.Builder
		for range 1 + rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(5) > 0 {
				b.WriteByte(' ')
			}
		}
		q := b.String()
		if _, err := Parse(q); err == nil {
			parsed++
		}
		checkParseInvariants(t, q)
	}
	if parsed < 100 {
		t.Errorf("got %d random queries that parse, want enough to test the round trip", parsed)
	}
	t.Logf("%d of %d random queries parsed", parsed, randomQueries)
}
