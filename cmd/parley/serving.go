package main

import (
	"os"
	"strings"
)

// A running parley serve leaves its address next to the index it owns,
// so that a command finding the index locked can say which --server to
// use instead of guessing the default address.

// servingFile is where parley serve notes its address: beside the index
// folder, not in it, so nothing of Bleve's ever sees it.
func servingFile(indexPath string) string { return strings.TrimRight(indexPath, "/") + ".serving" }

// noteServing records the server's URL for the index and returns what
// removes the note when the server stops. A note that cannot be written
// only makes the lock message vaguer, so it is not an error.
func noteServing(indexPath, url string) (remove func()) {
	file := servingFile(indexPath)
	if err := os.WriteFile(file, []byte(url+"\n"), 0o644); err != nil {
		return func() {}
	}
	return func() { os.Remove(file) }
}

// servingURL is the URL a parley serve noted for the index, or "". It
// reads only the first line, and only an http URL, since the file may be
// stale or not ours.
func servingURL(indexPath string) string {
	b, err := os.ReadFile(servingFile(indexPath))
	if err != nil || len(b) > 512 {
		return ""
	}
	url, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return ""
	}
	return url
}
