// Package corpus holds Parley's domain: the Article and the readers that
// turn folders of scraped pages and exports (plain text with a metadata
// sidecar, JSON Lines, CSV) into Articles, each separated into its body, the
// site furniture around it and any reader comments.
//
// Everything here points back at the source: every Article carries the file
// and line it came from, and every Part of its text is a pair of byte offsets
// into the text as read, so a fact-checker can always find the exact words.
//
// Nothing in this package knows about Bleve.
package corpus
