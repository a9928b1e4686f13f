package entity

import "github.com/parleysearch/parley/corpus"

// Most names and roles the finder compares and looks up are written
// plainly, in ASCII: their folded forms and keys are their lower case,
// which a few bytes of scratch space hold. corpus.Fold and tokenKey
// return strings of their own, an allocation for each name with a capital.

// foldsToLower reports whether corpus.Fold(s) is s lower-cased, byte for
// byte: s is ASCII, without the ` that Fold turns into ', and its only
// white space is single spaces between other bytes, which Fold keeps.
func foldsToLower(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case '\t', '\n', '\v', '\f', '\r', '`':
			return false
		default:
			if c >= 0x80 {
				return false
			}
		}
	}
	return true
}

// foldEqual reports whether corpus.Fold(a) == corpus.Fold(b).
func foldEqual(a, b string) bool {
	if !foldsToLower(a) || !foldsToLower(b) {
		return corpus.Fold(a) == corpus.Fold(b)
	}
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerByte(a[i]) != lowerByte(b[i]) {
			return false
		}
	}
	return true
}

// isLowerCase reports whether lower is s with its ASCII capitals
// lower-cased, and nothing else changed.
func isLowerCase(lower, s string) bool {
	if len(lower) != len(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != lower[i] {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if c-'A' < 26 {
		c += 'a' - 'A'
	}
	return c
}

// appendFold appends corpus.Fold(s) to dst, without a string of its own
// when s folds to its lower case.
func appendFold(dst []byte, s string) []byte {
	if !foldsToLower(s) {
		return append(dst, corpus.Fold(s)...)
	}
	for i := 0; i < len(s); i++ {
		dst = append(dst, lowerByte(s[i]))
	}
	return dst
}

// appendNameKey appends tokenKey(name) to dst. A name of ASCII letters
// and digits in words separated by single spaces is its words, and their
// keys their lower case: its key is its lower case, without tokenizing.
func appendNameKey(dst []byte, name string) []byte {
	plain := name != ""
	for i := 0; i < len(name) && plain; i++ {
		c := name[i]
		if c == ' ' {
			plain = i > 0 && i < len(name)-1 && name[i-1] != ' '
			continue
		}
		plain = asciiWordBytes[c] != 0
	}
	if !plain {
		return append(dst, tokenKey(name)...)
	}
	for i := 0; i < len(name); i++ {
		dst = append(dst, lowerByte(name[i]))
	}
	return dst
}
