package entity

import (
	"embed"
	"io/fs"
)

//go:embed data/*.tsv data/*.txt
var embedded embed.FS

// Embedded returns the gazetteer built into Parley: people, places,
// organisations, demonyms, titles and given names for the regions its
// users cover (see data/README.md).
func Embedded() (*Gazetteer, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return Load(sub)
}
