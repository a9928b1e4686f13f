package main

import (
	"context"

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
