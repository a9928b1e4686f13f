// Package query is Parley's query language and search: it parses what a
// journalist types into an AST, compiles it to Bleve queries over the
// fields the index package defines, runs it with a deadline, and returns
// ranked hits with sentence-bounded snippets and facets, in the one shape
// that every front end (CLI text, JSON, CSV, HTTP) renders.
//
// The language, in short: bare words are all required and match any form
// of the word (ceasefires finds ceasefire); "quoted words" match those
// exact words in that order; AND, OR, NOT, parentheses and -word combine
// them; title:, body:, comments: and source: limit a part to a field;
// "words"~N finds them within N words of each other; prefix* and word~
// match words that begin so or are spelled nearly so; after:, before: and
// date: filter by publication date. See the README for the full syntax.
package query
