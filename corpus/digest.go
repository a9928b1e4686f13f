package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"slices"
)

// Digest fingerprints a sequence of strings, each written with its length
// first, so that no two sequences give the same bytes ("ab","c" is not
// "a","bc"). The index uses digests to tell whether an article, or what a
// sidecar says of a file, changed since it was indexed.
type Digest struct{ h hash.Hash }

// NewDigest returns an empty Digest.
func NewDigest() *Digest { return &Digest{h: sha256.New()} }

// Add writes each string.
func (d *Digest) Add(values ...string) {
	for _, s := range values {
		fmt.Fprintf(d.h, "%d:%s", len(s), s)
	}
}

// AddMap writes each key and its value, in the keys' order.
func (d *Digest) AddMap(m map[string]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		d.Add(k, m[k])
	}
}

// String returns the digest so far: 32 hex digits.
func (d *Digest) String() string { return hex.EncodeToString(d.h.Sum(nil)[:16]) }
