package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query"
	"github.com/parleysearch/parley/query/web"
)

// reader answers the read commands (search, show, stats, entities,
// entity, quotes, who): a local index, or a running `parley serve` when --server
// names one. Both give the same answers, so the commands print the same.
type reader interface {
	Search(ctx context.Context, req query.Request, explain bool) (*query.Results, error)
	Entities(ctx context.Context, req query.EntitiesRequest) (*query.EntityList, error)
	Entity(ctx context.Context, name, typ string) (*query.EntityReport, error)
	Document(ctx context.Context, id string) (*query.Document, error)
	Stats(ctx context.Context) (index.Stats, error)
	Quotes(ctx context.Context, req query.QuoteRequest, explain bool) (*query.QuoteResults, error)
	Who(ctx context.Context, req query.WhoRequest) (*query.WhoResult, error)
	Close() error
}

// serverFlag is the --server flag of the read commands.
func serverFlag() cli.Flag {
	return &cli.StringFlag{Name: "server", Usage: "ask the parley serve at `URL` instead of opening the index (default: $PARLEY_SERVER)"}
}

// openReader opens the index, or a client of the server the user named
// with --server (on the command or the program) or $PARLEY_SERVER.
func openReader(c *cli.Context, getenv env) (reader, error) {
	server := getenv("PARLEY_SERVER")
	for _, ctx := range c.Lineage() {
		if ctx.IsSet("server") {
			server = ctx.String("server")
			break
		}
	}
	if server != "" {
		client, err := web.NewClient(server, nil)
		if err != nil {
			return nil, exitError{err, 2}
		}
		return remoteReader{client}, nil
	}
	ix, err := openIndex(c, getenv, true)
	if err != nil {
		return nil, err
	}
	note, err := aliasesNote(ix)
	if err != nil {
		ix.Close()
		return nil, err
	}
	if note != "" {
		fmt.Fprintln(c.App.ErrWriter, "warning: "+note)
	}
	return localReader{ix}, nil
}

type localReader struct{ ix *index.Index }

func (l localReader) Search(ctx context.Context, req query.Request, _ bool) (*query.Results, error) {
	return query.Search(ctx, l.ix, req)
}

func (l localReader) Entities(ctx context.Context, req query.EntitiesRequest) (*query.EntityList, error) {
	return query.Entities(ctx, l.ix, req)
}

func (l localReader) Entity(ctx context.Context, name, typ string) (*query.EntityReport, error) {
	return query.Entity(ctx, l.ix, name, typ)
}

func (l localReader) Document(ctx context.Context, id string) (*query.Document, error) {
	return query.ReadDocument(ctx, l.ix, id)
}

func (l localReader) Quotes(ctx context.Context, req query.QuoteRequest, _ bool) (*query.QuoteResults, error) {
	return query.Quotes(ctx, l.ix, req)
}

func (l localReader) Who(ctx context.Context, req query.WhoRequest) (*query.WhoResult, error) {
	return query.Who(ctx, l.ix, req)
}

func (l localReader) Stats(ctx context.Context) (index.Stats, error) { return l.ix.Stats(ctx) }
func (l localReader) Close() error                                   { return l.ix.Close() }

type remoteReader struct{ *web.Client }

func (remoteReader) Close() error { return nil }

// aliasesNote says how an index was built when it was built with alias
// files that ix's analyses did not read, or "" when there is nothing to
// say: a name only they give (person:"Sevda Oryen" in the demo) would
// find nothing, with no other sign why.
func aliasesNote(ix *index.Index) (string, error) {
	missing, err := ix.MissingAliases()
	if err != nil || len(missing) == 0 {
		return "", err
	}
	read := map[string]bool{}
	if x := ix.Extractor(); x != nil {
		for _, f := range x.Gazetteer().AliasFiles() {
			read[f.Path] = true
		}
	}
	var paths, changed []string
	for _, f := range missing {
		p := shortPath(f.Path)
		if read[f.Path] {
			changed = append(changed, p)
		} else {
			paths = append(paths, p)
		}
	}
	var notes []string
	if len(paths) > 0 {
		notes = append(notes, fmt.Sprintf("this index was built with aliases from %s; pass --aliases %s (or set PARLEY_ALIASES) for the same names",
			strings.Join(paths, " and "), paths[len(paths)-1]))
	}
	if len(changed) > 0 {
		notes = append(notes, fmt.Sprintf("this index was built with aliases from %s as it was then; it has changed since: run parley index again for its names to apply",
			strings.Join(changed, " and ")))
	}
	return strings.Join(notes, "; "), nil
}

// shortPath writes path relative to the working folder when it is inside
// it, as the user would type it.
func shortPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}
