package dates

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parleysearch/parley/corpus"
)

// How far Dateline looks: a dateline must start within the first
// datelineReach bytes after the text's leading space, and a publication line
// within the first or last pubLineReach bytes.
const (
	datelineReach = 200
	pubLineReach  = 2000
	lineLimit     = 300 // the longest part of a line read
)

// The years Dateline accepts.
const (
	minPubYear = 1900
	maxPubYear = 2100
)

// Dateline finds the publication date an article's text states about itself: a dateline at the very start
// ("MOSCOW, Oct 20 (Reuters) -", "Wed 05 Apr 2017 …", "April 6 2017 Syrian Army …", "20 October 2020 —")
// or a publication line ("Published: 3 March 2020", "Updated March 3, 2020 at 5:12 pm", "Posted on 2019-04-05").
// It returns the date, the byte span of the text that gave it, and how it was found: "dateline" for the
// start of the text, "text" for a publication line elsewhere. A dateline without a year ("MOSCOW, Oct 20")
// is returned only when yearHint is not zero and is then given that year; otherwise ok is false.
//
// The span covers the date as written, with its weekday and, when the date
// has Time precision, its clock time; not the place, agency or label. A
// clock time keeps Time precision when it gives no zone (read as UTC, as
// corpus.ParseDate reads timestamps without one) or a UTC offset; beside a
// zone name such as "ET" or "MSK" the date is kept to the day.
//
// When several are present, Dateline prefers a dateline with a year, then a
// "Published" line (also "First published", "Posted", "Date", "Date of
// publication", "Publication date"), then a dateline without a year given
// yearHint, then an "Updated" line ("Last updated", "Modified"). A
// publication line that opens the text counts as its dateline.
func Dateline(text string, yearHint int) (d corpus.Date, start, end int, method string, ok bool) {
	lead := leadingSpace(text)
	var yearless found
	if fd, ok := startDateline(text, lead, yearHint); ok {
		if fd.hasYear {
			return fd.date, fd.start, fd.end, "dateline", true
		}
		yearless = fd
	}
	pub, upd := publicationLines(text)
	how := func(fd found) string {
		if fd.line == lead {
			return "dateline"
		}
		return "text"
	}
	switch {
	case pub.ok:
		return pub.date, pub.start, pub.end, how(pub), true
	case yearless.ok:
		return yearless.date, yearless.start, yearless.end, "dateline", true
	case upd.ok:
		return upd.date, upd.start, upd.end, how(upd), true
	}
	return corpus.Date{}, 0, 0, "", false
}

// found is a publication date found in a text.
type found struct {
	date       corpus.Date
	start, end int
	line       int // where the first word of its line starts
	hasYear    bool
	ok         bool
}

// leadingSpace returns where the text starts after white space and a byte
// order mark.
func leadingSpace(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			return i
		}
		i += n
	}
	return len(s)
}

// prefix returns s cut to at most n bytes, at a rune boundary.
func prefix(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// startDateline reads a dateline at the start of the text: an optional
// place in capitals and a comma, an optional weekday, a date with a day, an
// optional clock time, then an optional "(Agency)" and dash. A date without
// a year needs a place, an agency or a dash around it, and a yearHint.
func startDateline(text string, lead, yearHint int) (found, bool) {
	f := newFinder(prefix(text, lead+datelineReach+100), nil)
	if len(f.toks) == 0 {
		return found{}, false
	}
	i, place := f.place(0)
	wd := -1
	first := i
	if f.has(i, fWeekday|fWeekdayAbbr) && f.toks[i].shape != lower {
		wd = int(f.toks[i].val)
		i++
		if f.isPunct(i, ",") && f.glued(i) {
			i++
		}
		if !f.spaced(i) {
			return found{}, false
		}
	}
	a, j, ok := f.fullDate(i, true)
	if !ok || f.from(first)-lead > datelineReach {
		return found{}, false
	}
	fd := found{start: f.from(first), end: f.to(j - 1), line: lead, hasYear: a.y != 0}
	c, k, hasClock := f.clock(j)
	if hasClock {
		j = k
	}
	agency := false
	if f.isPunct(j, "(") && f.spaced(j) {
		for k := j + 1; k < j+8 && f.in(k); k++ {
			if f.isPunct(k, ")") {
				agency, j = true, k+1
				break
			}
			if f.toks[k].kind == number || f.toks[k].gap == broken {
				break
			}
		}
	}
	dash := f.isDash(j) || f.isPunct(j, ":|")
	if a.y == 0 {
		if !(place || agency || dash) || yearHint == 0 {
			return found{}, false
		}
		a.y = yearHint
	}
	d, ok := makeDate(a, wd, c, hasClock)
	if !ok {
		return found{}, false
	}
	if d.Precision == corpus.Time {
		fd.end = f.to(k - 1)
	}
	fd.date, fd.ok = d, true
	return fd, true
}

// place reads a dateline's place at i: words in capitals ("MOSCOW", "NEW
// YORK", "ST. PETERSBURG", "BEIRUT/DAMASCUS"), a comma, and optionally a
// region in ordinary capitals and another comma ("TREVANNA, Halvenia,").
// It returns the token after the comma, or i.
func (f *finder) place(i int) (next int, ok bool) {
	k, words := i, 0
	for ; f.in(k) && k < i+12; k++ {
		t := &f.toks[k]
		if k > i && t.gap == broken {
			break
		}
		if t.kind == word && (t.shape == upper || t.shape == title && t.end-t.start == 1) &&
			t.flags&(fMonth|fWeekday|fWeekdayAbbr) == 0 {
			words++
			continue
		}
		if t.kind == punct && strings.ContainsRune(".-/'’", rune(t.num)) && words > 0 && t.gap == glued {
			continue
		}
		break
	}
	if words == 0 || !f.isPunct(k, ",") || !f.glued(k) {
		return i, false
	}
	k++
	save, n := k, 0
	for n < 4 && f.spaced(k) && f.toks[k].kind == word && f.toks[k].shape == title &&
		f.toks[k].flags&(fMonth|fWeekday|fWeekdayAbbr) == 0 {
		k, n = k+1, n+1
	}
	if n > 0 && f.isPunct(k, ",") && f.glued(k) {
		k++
	} else {
		k = save
	}
	if !f.spaced(k) {
		return i, false
	}
	return k, true
}

// fullDate reads a date with a day at i: "Oct 20", "October 20, 2020",
// "20 October 2020", "20th of October", or a numeric date.
func (f *finder) fullDate(i int, lenient bool) (a ymd, next int, ok bool) {
	if m, j, ok := f.month(i); ok {
		if !f.spaced(j) {
			return a, i, false
		}
		d, k, ok := f.day(j)
		if !ok {
			return a, i, false
		}
		a = ymd{0, m, d}
		if y, k2, ok := f.optYear(k, lenient); ok {
			a.y, k = y, k2
		}
		return a, k, true
	}
	if a, k, shaped, ok := f.numericDate(i, lenient); shaped {
		return a, k, ok
	}
	d, j, ok := f.day(i)
	if !ok {
		return a, i, false
	}
	m, k, ok := f.dayMonth(j)
	if !ok {
		return a, i, false
	}
	a = ymd{0, m, d}
	if y, k2, ok := f.optYear(k, lenient); ok {
		a.y, k = y, k2
	}
	return a, k, true
}

// clock is a time of day written after a date.
type clock struct {
	h, m, s int
	loc     *time.Location // nil when a zone is named that we cannot place ("ET")
}

// clock reads a time of day at j, after an optional separator (",", "at",
// "-", "|"): "14:05", "10:59:30", "5:12 pm", "5:12 p.m.", with an optional
// zone: "GMT", "UTC", "Z", "+03:00", "GMT+3", or a name such as "ET".
func (f *finder) clock(j int) (c clock, next int, ok bool) {
	k := j
	switch {
	case f.isPunct(k, ",|-–—·") && f.in(k+1) && f.toks[k+1].gap == spaced:
		k++
	case f.wordIs(k, "at") && f.spaced(k):
		k++
	}
	if !f.spaced(k) || !f.isNum(k) || f.toks[k].digits() > 2 || f.num(k) > 23 ||
		!f.isPunct(k+1, ":") || !f.glued(k+1) || !f.gluedNumber(k+2) || f.toks[k+2].digits() != 2 ||
		f.num(k+2) > 59 {
		return c, j, false
	}
	c = clock{h: f.num(k), m: f.num(k + 2), loc: time.UTC}
	k += 3
	if f.isPunct(k, ":") && f.glued(k) && f.gluedNumber(k+1) && f.toks[k+1].digits() == 2 && f.num(k+1) <= 59 {
		c.s = f.num(k + 1)
		k += 2
	}
	if f.glued(k) && f.toks[k].kind == word && !f.wordIs(k, "am") && !f.wordIs(k, "pm") && !f.wordIs(k, "Z") {
		return clock{}, j, false // "14:05h"
	}
	// am, pm, a.m., p.m.
	half := ""
	switch {
	case f.wordIs(k, "am") || f.wordIs(k, "pm"):
		half = strings.ToLower(f.text[f.from(k) : f.from(k)+1])
		k++
	case (f.wordIs(k, "a") || f.wordIs(k, "p")) && f.isPunct(k+1, ".") && f.glued(k+1) && f.wordIs(k+2, "m") && f.glued(k+2):
		half = strings.ToLower(f.text[f.from(k) : f.from(k)+1])
		k += 3
		if f.isPunct(k, ".") && f.glued(k) {
			k++
		}
	}
	if half != "" {
		if c.h < 1 || c.h > 12 {
			return clock{}, j, false
		}
		c.h %= 12
		if half == "p" {
			c.h += 12
		}
	}
	// The zone.
	switch {
	case f.wordIs(k, "GMT") || f.wordIs(k, "UTC") || f.wordIs(k, "Z"):
		k++
		if off, k2, ok := f.offset(k, true); ok {
			c.loc, k = off, k2
		}
	case f.isPunct(k, "+-−"):
		if off, k2, ok := f.offset(k, false); ok {
			c.loc, k = off, k2
		}
	case f.spaced(k) && f.toks[k].kind == word && f.toks[k].shape == upper && f.to(k)-f.from(k) <= 5 &&
		f.toks[k].flags&(fMonth|fWeekday|fWeekdayAbbr) == 0:
		c.loc = nil
		k++
	}
	return c, k, true
}

// offset reads a UTC offset at k: "+03:00", "+0300", "-5", and after GMT
// (glued) "+3".
func (f *finder) offset(k int, afterName bool) (*time.Location, int, bool) {
	if !f.isPunct(k, "+-−") || afterName && !f.glued(k) || !f.gluedNumber(k+1) {
		return nil, k, false
	}
	sign := 1
	if f.num(k) != '+' {
		sign = -1
	}
	n, digits := f.num(k+1), f.toks[k+1].digits()
	next := k + 2
	var h, m int
	switch {
	case digits == 4:
		h, m = n/100, n%100
	case digits <= 2 && f.isPunct(next, ":") && f.glued(next) && f.gluedNumber(next+1) && f.toks[next+1].digits() == 2:
		h, m = n, f.num(next+1)
		next += 2
	case digits <= 2:
		h = n
	default:
		return nil, k, false
	}
	if h > 14 || m > 59 {
		return nil, k, false
	}
	return time.FixedZone("", sign*(h*3600+m*60)), next, true
}

// makeDate builds a publication date, refusing dates outside the calendar
// or outside 1900–2100, and a weekday that does not agree with the date.
func makeDate(a ymd, weekday int, c clock, hasClock bool) (corpus.Date, bool) {
	if a.y < minPubYear || a.y > maxPubYear || !validDay(a) {
		return corpus.Date{}, false
	}
	day := time.Date(a.y, time.Month(a.m), a.d, 0, 0, 0, 0, time.UTC)
	if weekday >= 0 && int(day.Weekday()) != weekday {
		return corpus.Date{}, false
	}
	if hasClock && c.loc != nil {
		return corpus.Date{Start: time.Date(a.y, time.Month(a.m), a.d, c.h, c.m, c.s, 0, c.loc), Precision: corpus.Time}, true
	}
	return corpus.Date{Start: day, Precision: corpus.Day}, true
}

// publicationLines finds the first "Published"-like and the first
// "Updated"-like line among the lines that start in the first or last
// pubLineReach bytes of text.
func publicationLines(text string) (pub, upd found) {
	visit := func(ls int) {
		if pub.ok {
			return
		}
		fd, class := publicationLine(text, ls)
		switch {
		case class == 1:
			pub = fd
		case class == 2 && !upd.ok:
			upd = fd
		}
	}
	visit(0)
	n := len(text)
	firstEnd := min(n, pubLineReach)
	for i := 0; i < firstEnd; i++ {
		if text[i] == '\n' {
			visit(i + 1)
		}
	}
	for i := max(firstEnd, n-pubLineReach-1); i < n; i++ {
		if text[i] == '\n' {
			visit(i + 1)
		}
	}
	return pub, upd
}

// publicationLine reads a publication line starting at ls: a label, an
// optional ":" "on" or "at", a date with a year, and an optional clock time
// before or after it ("Updated 9:12 p.m. ET, 9/14/2020"). class is 1 for
// "Published" and its kind, 2 for "Updated" and its kind, 0 for no
// publication line.
func publicationLine(text string, ls int) (fd found, class int) {
	i := ls
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i >= len(text) || !strings.ContainsRune("PpUuDdLlFfMm", rune(text[i])) {
		return found{}, 0
	}
	le := strings.IndexByte(text[i:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += i
	}
	f := newFinder(prefix(text[i:le], lineLimit), nil)
	k := 0
	switch {
	case f.wordIs(0, "published") || f.wordIs(0, "posted"):
		class, k = 1, 1
	case f.wordIs(0, "first") && f.wordIs(1, "published"):
		class, k = 1, 2
	case f.wordIs(0, "date"):
		class, k = 1, 1
		if f.wordIs(1, "of") && f.wordIs(2, "publication") {
			k = 3
		}
	case f.wordIs(0, "publication") && f.wordIs(1, "date"):
		class, k = 1, 2
	case f.wordIs(0, "updated") || f.wordIs(0, "modified"):
		class, k = 2, 1
	case f.wordIs(0, "last") && (f.wordIs(1, "updated") || f.wordIs(1, "modified")):
		class, k = 2, 2
	default:
		return found{}, 0
	}
	for n := 0; n < 2 && (f.isPunct(k, ":-–—|") || f.wordIs(k, "on")); n++ {
		k++
	}
	// A clock time may come first: "Updated 9:12 p.m. ET, 9/14/2020".
	clockStart, clockEnd := -1, -1
	c, k2, hasClock := f.clock(k)
	if hasClock {
		clockStart, clockEnd = k, k2
		k = k2
		if f.isPunct(k, ",|") {
			k++
		}
		if f.wordIs(k, "on") {
			k++
		}
	} else if f.wordIs(k, "at") {
		return found{}, 0
	}
	start := k
	wd := -1
	if f.has(k, fWeekday|fWeekdayAbbr) && f.toks[k].shape != lower {
		wd = int(f.toks[k].val)
		k++
		if f.isPunct(k, ",") && f.glued(k) {
			k++
		}
	}
	a, end, ok := f.fullDate(k, false)
	if !ok || a.y == 0 {
		return found{}, 0
	}
	if !hasClock {
		if c, clockEnd, hasClock = f.clock(end); hasClock {
			clockStart = end
		}
	}
	d, ok := makeDate(a, wd, c, hasClock)
	if !ok {
		return found{}, 0
	}
	if d.Precision == corpus.Time {
		start, end = min(start, clockStart), max(end, clockEnd)
	}
	return found{date: d, start: i + f.from(start), end: i + f.to(end-1), line: i, hasYear: true, ok: true}, class
}
