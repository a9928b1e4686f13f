package quote

import (
	"embed"
	"strings"
)

//go:embed data/*.txt
var data embed.FS

// givenNameGenders reads the given names that tell a gender. A name on
// both lists tells none.
func givenNameGenders() map[string]gender {
	m := map[string]gender{}
	for file, g := range map[string]gender{"data/female_names.txt": female, "data/male_names.txt": male} {
		b, err := data.ReadFile(file)
		if err != nil {
			continue // embedded: cannot happen
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			for _, name := range strings.Fields(line) {
				if old, ok := m[name]; ok && old != g {
					m[name] = unknownGender
					continue
				}
				m[name] = g
			}
		}
	}
	return m
}
