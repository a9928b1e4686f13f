package main

import "github.com/parleysearch/parley/index"

// openForHolding opens an index for writing, as `parley index` does.
func openForHolding(dir string) (*index.Index, error) {
	return index.Open(dir, index.Options{})
}
