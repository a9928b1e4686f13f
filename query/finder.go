package query

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// finder finds a needle in lower-cased news text. bytes.Index looks for
// the needle's first byte and compares; for the needles of common words
// ("not", "regi", "israe") that first byte is every tenth or twentieth
// byte of the text, and each stop costs a call. finder looks instead for
// its needle's rarest byte, when that is rare enough, or else for its
// rarest pair of adjacent bytes, eight positions at a time.
type finder struct {
	needle []byte
	at     int  // where in the needle the byte or pair looked for is
	pair   bool // a pair, rather than one byte
	c0, c1 uint64
}

// byteFrequency is how often each byte occurs in lower-cased English news,
// per 10,000 bytes (the first 3,000 AllSides articles); bytes not listed
// are rarer than one in a thousand.
var byteFrequency = func() (f [256]uint16) {
	for i := range f {
		f[i] = 5
	}
	for c, n := range map[byte]uint16{' ': 1573, 'e': 953, 't': 735, 'a': 664, 'i': 594, 'o': 589, 'n': 571, 's': 535,
		'r': 500, 'h': 363, 'l': 321, 'd': 301, 'c': 263, 'u': 217, 'm': 211, 'p': 184, 'g': 163, 'f': 156, 'w': 137,
		'y': 129, 'b': 120, '.': 87, ',': 85, 'v': 85, '\n': 81, 'k': 57, 0xE2: 49, 0x80: 49, 0x99: 18, '-': 18, '"': 17,
		'j': 16, '0': 16, 'x': 15, '\'': 14, '1': 12, '2': 11} {
		f[c] = n
	}
	return f
}()

// rareByte is the most frequent byte looked for one at a time (about one
// in seventy); past it, a pair eight at a time is cheaper.
const rareByte = 140

func newFinder(needle []byte) finder {
	f := finder{needle: needle}
	for i, c := range needle {
		if byteFrequency[c] < byteFrequency[needle[f.at]] {
			f.at = i
		}
	}
	if len(needle) < 2 || byteFrequency[needle[f.at]] <= rareByte {
		return f
	}
	best := -1
	for i := 0; i+1 < len(needle); i++ {
		if p := int(byteFrequency[needle[i]]) * int(byteFrequency[needle[i+1]]); best < 0 || p < best {
			best, f.at = p, i
		}
	}
	const ones = 0x0101010101010101
	f.pair, f.c0, f.c1 = true, ones*uint64(needle[f.at]), ones*uint64(needle[f.at+1])
	return f
}

// index returns the index of the first occurrence of the needle in hay
// at or after from, or -1.
func (f *finder) index(hay []byte, from int) int {
	n, k := f.needle, f.at
	from = max(from, 0)
	if len(n) == 0 {
		return min(from, len(hay))
	}
	if from+len(n) > len(hay) {
		return -1
	}
	last := len(hay) - len(n) + k // the last place the byte or pair may be
	if !f.pair {
		c := n[k]
		for p := from + k; p <= last; p++ {
			i := bytes.IndexByte(hay[p:last+1], c)
			if i < 0 {
				return -1
			}
			p += i
			if bytes.Equal(hay[p-k:p-k+len(n)], n) {
				return p - k
			}
		}
		return -1
	}
	// A byte equal to c0 leaves a zero byte in x^c0, and subtracting one
	// from each byte borrows into the top bit of the lowest zero byte;
	// above it the top bits may be wrong, and are checked one by one.
	const ones, hi = 0x0101010101010101, 0x8080808080808080
	p := from + k
	for ; p+9 <= len(hay) && p <= last; p += 8 {
		x, y := binary.LittleEndian.Uint64(hay[p:]), binary.LittleEndian.Uint64(hay[p+1:])
		a, b := x^f.c0, y^f.c1
		for m := ((a - ones) &^ a) & ((b - ones) &^ b) & hi; m != 0; m &= m - 1 {
			q := p + bits.TrailingZeros64(m)/8
			if q > last {
				return -1
			}
			if bytes.Equal(hay[q-k:q-k+len(n)], n) {
				return q - k
			}
		}
	}
	for ; p <= last; p++ {
		if bytes.Equal(hay[p-k:p-k+len(n)], n) {
			return p - k
		}
	}
	return -1
}
