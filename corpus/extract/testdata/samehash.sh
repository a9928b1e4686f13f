#!/bin/sh
# samehash.sh OLD NEW [FILE] — checks that two parley binaries print the
# same `extract --json` output, byte for byte, with and without --indirect,
# over FILE (default: the first 2,000 AllSides articles). A speed-up of the
# finders must not change what they find.
set -eu
old=$1 new=$2
file=${3:-}
if [ -z "$file" ]; then
	file=$(mktemp --suffix=.jsonl.gz)
	trap 'rm -f "$file"' EXIT
	zcat "$(dirname "$0")/../../../../shared/corpus/allsides.jsonl.gz" | head -2000 | gzip >"$file"
fi
status=0
for flags in "--json" "--json --indirect"; do
	a=$("$old" extract $flags "$file" | sha256sum)
	b=$("$new" extract $flags "$file" | sha256sum)
	if [ "$a" = "$b" ]; then
		echo "same   extract $flags: $a"
	else
		echo "DIFFER extract $flags: old $a new $b"
		status=1
	fi
done
exit $status
