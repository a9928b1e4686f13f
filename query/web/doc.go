// Package web serves Parley over HTTP: a JSON API with the shapes of the
// CLI's --json, and server-rendered pages for people in a browser, both
// over one index the server owns. Article text is data, never markup:
// every page escapes it, and the Content-Security-Policy allows no inline
// script.
//
// Client is the other end of the API, for `parley search --server URL`
// and the other read commands: they print from what it returns exactly
// what they print from a local index.
package web
