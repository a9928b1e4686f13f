package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index"
)

// env reads an environment variable; tests pass their own.
type env func(string) string

// newApp builds the command line application.
func newApp(stdout, stderr io.Writer, getenv env) *cli.App {
	app := &cli.App{
		Name:      "parley",
		Usage:     "search news reporting: who said what, when, and where it first appeared",
		Writer:    stdout,
		ErrWriter: stderr,
		// Commands return errors; main decides the exit status, so a test
		// running the app is never killed by it.
		ExitErrHandler:       func(*cli.Context, error) {},
		EnableBashCompletion: false,
		HideVersion:          true,
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "index",
				Usage:   "index `DIR` (default: parley/index in your data folder)",
				EnvVars: []string{"PARLEY_INDEX"},
			},
			&cli.StringFlag{
				Name:    "server",
				Usage:   "read commands ask the parley serve at `URL` instead of opening the index",
				EnvVars: []string{"PARLEY_SERVER"},
			},
			&cli.StringFlag{
				Name:    "aliases",
				Usage:   "your own names and spellings, in a YAML or CSV `FILE` (see parley aliases --help)",
				EnvVars: []string{"PARLEY_ALIASES"},
			},
			&cli.StringFlag{
				Name:  "color",
				Value: "auto",
				Usage: "colour in results: auto (on a terminal, unless NO_COLOR is set), always or never",
			},
		},
		Commands: []*cli.Command{
			indexCommand(stderr, getenv),
			searchCommand(stdout, stderr, getenv),
			quotesCommand(stdout, getenv),
			whoCommand(stdout, getenv),
			showCommand(stdout, getenv),
			statsCommand(stdout, getenv),
			extractCommand(stdout, stderr, getenv),
			entitiesCommand(stdout, getenv),
			entityCommand(stdout, getenv),
			aliasesCommand(stdout, getenv),
			serveCommand(stderr, getenv),
			compactCommand(stderr, getenv),
			benchCommand(stdout, stderr, getenv),
		},
	}
	app.Before = func(c *cli.Context) error {
		switch c.String("color") {
		case "auto", "always", "never":
			return nil
		}
		return exitError{fmt.Errorf("--color %q: want auto, always or never", c.String("color")), 2}
	}
	app.OnUsageError = usageError
	for _, c := range app.Commands {
		c.OnUsageError = usageError
	}
	return app
}

// usageError marks mistakes in the command line, which exit with status 2.
func usageError(c *cli.Context, err error, _ bool) error {
	return exitError{fmt.Errorf("%w (see parley %s --help)", err, c.Command.Name), 2}
}

// exitError is an error with the exit status it should end the program with.
type exitError struct {
	err  error
	code int
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }
func (e exitError) ExitCode() int { return e.code }

// indexFlag is the --index flag each command also accepts after its name,
// so that `parley search --index DIR …` works as well as `parley --index DIR search …`.
func indexFlag() cli.Flag {
	return &cli.StringFlag{Name: "index", Usage: "index `DIR` (default: $PARLEY_INDEX, or parley/index in your data folder)"}
}

// indexPath returns the index folder the user chose: --index on the
// command, then on the program, then $PARLEY_INDEX, then the default.
func indexPath(c *cli.Context, getenv env) (string, error) {
	for _, ctx := range c.Lineage() {
		if ctx.IsSet("index") {
			return ctx.String("index"), nil
		}
	}
	if p := getenv("PARLEY_INDEX"); p != "" {
		return p, nil
	}
	dir, err := dataDir(getenv)
	if err != nil {
		return "", fmt.Errorf("no --index given and %w", err)
	}
	return filepath.Join(dir, "parley", "index"), nil
}

// dataDir is where an application keeps its data: $XDG_DATA_HOME or
// ~/.local/share on Linux and BSD, ~/Library/Application Support on macOS,
// %LocalAppData% on Windows.
func dataDir(getenv env) (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return "", errors.New("%LocalAppData% is not set")
	case "darwin":
		home := getenv("HOME")
		if home == "" {
			return "", errors.New("$HOME is not set")
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return d, nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("neither $XDG_DATA_HOME nor $HOME is set")
	}
	return filepath.Join(home, ".local", "share"), nil
}

// extractor builds the analyses: the built-in gazetteer, with the user's
// own aliases when --aliases or $PARLEY_ALIASES names a file.
func extractor(c *cli.Context, getenv env) (*extract.Extractor, error) {
	g, err := entity.Embedded()
	if err != nil {
		return nil, fmt.Errorf("load the built-in gazetteer: %w", err)
	}
	path := getenv("PARLEY_ALIASES")
	for _, ctx := range c.Lineage() {
		if ctx.IsSet("aliases") {
			path = ctx.String("aliases")
		}
	}
	if path != "" {
		if err := g.AddAliasFile(path); err != nil {
			return nil, exitError{err, 2}
		}
	}
	return extract.New(g), nil
}

// openIndex opens the user's index, explaining the usual problems.
func openIndex(c *cli.Context, getenv env, readOnly bool) (*index.Index, error) {
	path, err := indexPath(c, getenv)
	if err != nil {
		return nil, err
	}
	x, err := extractor(c, getenv)
	if err != nil {
		return nil, err
	}
	ix, err := index.Open(path, index.Options{ReadOnly: readOnly, Extractor: x})
	switch {
	case errors.Is(err, index.ErrLocked) && !readOnly:
		// Commands that write the index (index, compact, serve) cannot go
		// through a server: the server is read-only.
		if url := servingURL(path); url != "" {
			return nil, fmt.Errorf("%w: parley serve is serving it at %s; parley %s writes the index, so stop the server first (Ctrl-C where it runs), or use another --index", err, url, c.Command.Name)
		}
		return nil, fmt.Errorf("%w (another parley command is writing it, or parley serve is serving it); wait for it to finish or stop the server, or use another --index", err)
	case errors.Is(err, index.ErrLocked):
		if url := servingURL(path); url != "" {
			return nil, fmt.Errorf("%w: parley serve is serving it at %s; ask the server instead with --server %s (or set PARLEY_SERVER=%s), or stop it first", err, url, url, url)
		}
		return nil, fmt.Errorf("%w (another parley command is writing it, or parley serve is serving it); wait for it to finish, or use another --index; if parley serve has it, ask the server instead: --server http://127.0.0.1:8080 (its address)", err)
	case errors.Is(err, index.ErrNoIndex):
		return nil, fmt.Errorf("%w; index some files first: parley index --index %s FOLDER", err, path)
	}
	return ix, err
}

// flagsAfterArgs catches flags typed after the first argument, which the
// command line library reads as arguments: `parley search ceasefire
// --limit 5` would otherwise search for the words "--limit 5".
func flagsAfterArgs(c *cli.Context) error {
	known := map[string]bool{}
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			known["-"+n], known["--"+n] = true, true
		}
	}
	for _, a := range c.Args().Slice() {
		name, _, _ := strings.Cut(a, "=")
		if known[name] {
			return exitError{fmt.Errorf("put flags before the arguments: parley %s %s … (after them, %s would be read as part of the arguments)", c.Command.Name, a, a), 2}
		}
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
