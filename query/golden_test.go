package query

import "flag"

var update = flag.Bool("update", false, "update golden files")
