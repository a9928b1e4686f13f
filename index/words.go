package index

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/blevesearch/segment"
)

// wordSpans calls fn with the byte range of each word of text, in order,
// exactly as Bleve's "unicode" tokenizer (blevesearch/segment, Unicode
// 8.0 word boundaries) cuts it, except that a byte that is not UTF-8
// separates words (see segmenterSpans).
//
// That segmenter is a general state machine over UTF-8 and runs at some
// 15 MB/s; it was the largest single cost of indexing. News text is mostly
// ASCII, where the rules come down to a few: a word is a run of letters,
// digits and underscores, in which a letter may also be joined to the
// next letter by one ' . or :, and a digit to the next digit by one
// ' . , or ;. Stretches with other bytes go to the segmenter itself, cut
// at ASCII white space followed by ASCII, where the rules always break,
// so that it sees them exactly as it would in the whole text. Tests
// compare both on the corpora and under fuzzing.
func wordSpans(text []byte, fn func(start, end int)) {
	i := 0 // always a place where the rules break
	for i < len(text) {
		other := nextSlow(text, i)
		if other == len(text) {
			asciiWordSpans(text, i, len(text), fn)
			return
		}
		// ASCII up to the last white space before the other byte.
		from := other
		for from > i && !isSpace(text[from-1]) {
			from--
		}
		if from > i {
			from-- // the white space itself: the stretch starts there
			asciiWordSpans(text, i, from, fn)
		}
		// The stretch ends at white space followed by ASCII (white space
		// followed by a combining mark belongs with it).
		to := other
		for to < len(text) && !(isSpace(text[to]) && (to+1 == len(text) || text[to+1] < 0x80)) {
			to++
		}
		segmenterSpans(text[from:to], from, fn)
		i = to
	}
}

// segmenterSpans runs Bleve's segmenter over text, whose offsets start at
// base. A byte that is not UTF-8 separates words: Bleve's segmenter stops
// at the first one it meets mid-text, which would leave every word after
// it out of the index, so each valid stretch is segmented on its own.
func segmenterSpans(text []byte, base int, fn func(start, end int)) {
	for len(text) > 0 {
		valid := validPrefix(text)
		seg := segment.NewWordSegmenterDirect(text[:valid])
		at := base
		for seg.Segment() {
			n := len(seg.Bytes())
			if seg.Type() != segment.None {
				fn(at, at+n)
			}
			at += n
		}
		if valid < len(text) {
			valid++ // the broken byte
		}
		text, base = text[valid:], base+valid
	}
}

// validPrefix returns the length of the longest prefix of text that is
// valid UTF-8.
func validPrefix(text []byte) int {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(text)
}

// Classes of bytes for the word rules; the order matters: word
// characters first, then the marks that may join them.
const (
	letter byte = iota
	digit
	underscore
	midLetter // between two letters: :
	midNum    // between two digits: , ;
	midBoth   // between two letters or two digits: ' . and ‘ ’
	space
	other
	multi // a byte beyond ASCII
)

var byteClass = func() (t [256]byte) {
	for i := range t {
		t[i] = other
		if i >= 0x80 {
			t[i] = multi
		}
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = letter, letter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = digit
	}
	t['_'] = underscore
	t[':'] = midLetter
	t[','], t[';'] = midNum, midNum
	t['\''], t['.'] = midBoth, midBoth
	for _, c := range " \t\n\r\v\f" {
		t[c] = space
	}
	return t
}()

func isSpace(c byte) bool { return byteClass[c] == space }

// asciiWordSpans finds the words of text[from:to], which holds only ASCII
// and the few other characters fastSequence knows.
func asciiWordSpans(text []byte, from, to int, fn func(start, end int)) {
	text = text[:to]
	i := from
	for i < len(text) {
		c := byteClass[text[i]]
		if c > underscore { // not a word character: skip it, whole
			if c == multi {
				_, n := fastSequence(text[i:])
				i += max(n, 1)
			} else {
				i++
			}
			continue
		}
		start := i
		prev := c
		for i++; i < len(text); {
			c := byteClass[text[i]]
			if c <= underscore {
				prev = c
				i++
				continue
			}
			n := 1
			if c == multi {
				c, n = fastSequence(text[i:])
			}
			// One mark between two letters or two digits.
			if c >= midLetter && c <= midBoth && prev != underscore && i+n < len(text) && byteClass[text[i+n]] == prev &&
				(c == midBoth || (c == midLetter) == (prev == letter)) {
				i += n + 1
				continue
			}
			break
		}
		fn(start, i)
	}
}

// fastSequence recognises the characters beyond ASCII that news text is
// full of, and that the word rules treat simply: ‘ and ’, which join
// letters as ' does, and “ ” – — … and the no-break space, which only
// separate. It returns other and 0 for anything else.
func fastSequence(b []byte) (byte, int) {
	switch {
	case len(b) >= 2 && b[0] == 0xC2 && b[1] == 0xA0:
		return other, 2
	case len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x80:
		switch b[2] {
		case 0x98, 0x99:
			return midBoth, 3
		case 0x93, 0x94, 0x9C, 0x9D, 0xA6:
			return other, 3
		}
	}
	return other, 0
}

// nextSlow returns the index of the first byte at or after i that only
// Bleve's segmenter handles, or len(text): a byte beyond ASCII that does
// not begin one of fastSequence's characters followed by ASCII (a
// combining mark after it would belong with it).
func nextSlow(text []byte, i int) int {
	for {
		j := nextNonASCII(text, i)
		if j == len(text) {
			return j
		}
		_, n := fastSequence(text[j:])
		if n == 0 || (j+n < len(text) && text[j+n] >= 0x80) {
			return j
		}
		i = j + n
	}
}

// nextNonASCII returns the index of the first byte at or after i that is
// not ASCII, or len(text).
func nextNonASCII(text []byte, i int) int {
	for ; i+8 <= len(text); i += 8 {
		if binary.LittleEndian.Uint64(text[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(text); i++ {
		if text[i] >= 0x80 {
			return i
		}
	}
	return i
}
