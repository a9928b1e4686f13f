package dates

import (
	"strings"
	"sync"

	"github.com/parleysearch/parley/corpus"
)

// Mention is a date written in a text.
type Mention struct {
	Text      string           `json:"text"`  // as written: "October 10", "on Tuesday" is written "Tuesday"
	Start     int              `json:"start"` // byte offsets of Text in the text given, half-open
	End       int              `json:"end"`
	Value     string           `json:"value"`     // "2020-10-10", "2020-10", "2020", an interval "1992/1994", without a year "--10-10" or "--10"; "" when nothing is known
	Precision corpus.Precision `json:"precision"` // of Value (for an interval, of its ends); corpus.Unknown when Value is ""
}

// Find returns the dates mentioned in text, in order, resolved against
// published (which may be the zero Date). See the package documentation for
// what it recognises and how it resolves dates without a year.
func Find(text string, published corpus.Date) []Mention {
	return skimFinder(text, nil).find(published)
}

// Finder finds dates as Find does, reusing its buffers of tokens and of
// dates found from one text to the next: they are most of what Find
// allocates. It is safe for concurrent use.
type Finder struct {
	finders *sync.Pool // of *finder, without their text
}

// NewFinder returns a Finder.
func NewFinder() *Finder { return &Finder{finders: &sync.Pool{}} }

// Find returns the dates mentioned in text, as the package's Find does.
func (df *Finder) Find(text string, published corpus.Date) []Mention {
	f, ok := df.finders.Get().(*finder)
	if !ok {
		f = &finder{}
	}
	*f = finder{text: text, toks: appendDateTokens(f.toks, text), raws: f.raws[:0], yearEnd: -1, monthEnd: -1}
	out := f.find(published)
	f.text = "" // the pool keeps the buffers, not the text
	df.finders.Put(f)
	return out
}

func (f *finder) find(published corpus.Date) []Mention {
	for i := 0; i < len(f.toks); {
		// Most tokens start no date: pass them without calling match.
		if t := &f.toks[i]; t.kind == punct || t.kind == word && t.flags&startsDate == 0 {
			i++
			continue
		}
		if j := f.match(i); j > i {
			i = j
		} else {
			i++
		}
	}
	return f.mentions(newAnchor(published))
}

// The years Find accepts: written beside a month or in a numeric date, and
// standing alone (where a number is a year only by its context).
const (
	minYear     = 1800
	maxYear     = 2199
	minBareYear = 1900
	maxBareYear = 2099
)

// ymd is a date as written: zero for the parts not written.
type ymd struct{ y, m, d int }

// rkind is what a found date needs to become a Value.
type rkind uint8

const (
	rDate       rkind = iota // a, or the interval a/b; a.y == 0 when written without a year
	rInvalid                 // written as a date but not in the calendar: "February 30, 2021"
	rWeekday                 // n is a time.Weekday
	rDay                     // n days from publication: yesterday, today, tomorrow
	rMonth                   // n months from publication: last month
	rYear                    // n years from publication: next year
	rNamedMonth              // a.m in the year mode picks: last July, this July, next July
)

// mode says which of a weekday's or month's occurrences is meant.
type mode uint8

const (
	byTense mode = iota // the one before publication, or after it in a future clause
	before              // last, this past: strictly before publication
	after               // next: strictly after publication
	current             // this: a month in publication's year; a weekday by tense
)

// raw is a date found in the text, not yet resolved.
type raw struct {
	ti, tj   int // tokens, half-open
	kind     rkind
	a, b     ymd // b ends an interval
	interval bool
	prec     corpus.Precision
	n        int
	mode     mode
	weekday  int // 1 + the weekday written beside a date ("Tuesday, October 20"); 0 for none
	head     int // for a later item of a list ("October 9 and 10"), the first item; else -1
	follows  int // for a date without a year just after one with ("July 2016 and again in October"), that one; else -1
}

type finder struct {
	text string
	toks []token
	raws []raw
	// The token just after the last year and month found, so that "in 2014
	// and 2016" and "in September and October" read as lists.
	yearEnd, monthEnd int
}

// newFinder tokenizes text into buf (see appendTokens; nil allocates).
func newFinder(text string, buf []token) *finder {
	return finderOf(text, appendTokens(buf, text))
}

// skimFinder is newFinder for find alone, which needs only the tokens of
// the pieces of text that may hold a date (see appendDateTokens).
func skimFinder(text string, buf []token) *finder {
	return finderOf(text, appendDateTokens(buf, text))
}

func finderOf(text string, toks []token) *finder {
	return &finder{text: text, toks: toks, raws: make([]raw, 0, len(toks)/24+2), yearEnd: -1, monthEnd: -1}
}

// add records a date found; a date with a year that the calendar does not
// have becomes rInvalid.
func (f *finder) add(r raw) {
	r.head, r.follows = -1, -1
	if n := len(f.raws); n > 0 && r.kind == rDate && r.a.y == 0 && !r.interval {
		if p := &f.raws[n-1]; p.kind == rDate && p.a.y != 0 && !p.interval && p.prec >= corpus.Month && f.joins(p.tj, r.ti) {
			r.follows = n - 1
		}
	}
	if r.kind == rDate && r.a.y != 0 && (!valid(r.a) || r.interval && !valid(r.b)) {
		r.kind = rInvalid
	}
	if r.kind == rDate && r.a.d != 0 && !possible(r.a.m, r.a.d) {
		r.kind = rInvalid
	}
	f.raws = append(f.raws, r)
}

// joins reports whether the tokens from a to b only join two dates: "July
// 2016 and again in October", "October 9, 2020, and on October 12". A new
// sentence joins nothing: a dateline "Friday, December 25, 2020" on its own
// line does not give its year to "In May" on the next.
func (f *finder) joins(a, b int) bool {
	if b-a > 4 {
		return false
	}
	for k := a; k <= b; k++ {
		if t := &f.toks[k]; t.clause && t.flags&fAnd == 0 {
			return false
		}
	}
	for k := a; k < b; k++ {
		t := &f.toks[k]
		if t.gap == broken || t.kind == number || t.kind == punct && t.num != ',' {
			return false
		}
		if t.kind == word && t.flags&(fAnd|fTo|fYearBefore) == 0 && !f.wordIs(k, "again") &&
			!f.wordIs(k, "then") && !f.wordIs(k, "later") && !f.wordIs(k, "on") {
			return false
		}
	}
	return f.toks[b].gap != broken
}

// startsDate holds the flags of the words that match reads a date from.
const startsDate = fMonth | fWeekday | fWeekdayAbbr | fRelDay | fLast | fThis | fNext | fModifier | fBetween | fFrom

// match looks for a date starting at token i and returns the token after
// it, or i. Only numbers and words with a flag of startsDate may start one.
func (f *finder) match(i int) int {
	t := &f.toks[i]
	switch t.kind {
	case number:
		return f.matchNumber(i)
	case word:
		switch fl := t.flags; {
		case fl == 0:
		case fl&fMonth != 0:
			return f.matchMonth(i, i)
		case fl&(fWeekday|fWeekdayAbbr) != 0:
			return f.matchWeekday(i)
		case fl&fRelDay != 0:
			return f.matchRelDay(i)
		case fl&(fLast|fThis|fNext) != 0:
			return f.matchRelative(i, i)
		case fl&fModifier != 0:
			return f.matchModifier(i)
		case fl&fBetween != 0:
			return f.matchSpan(i, fAnd)
		case fl&fFrom != 0:
			return f.matchSpan(i, fTo)
		}
	}
	return i
}

// Token tests, all safe out of range.

func (f *finder) in(i int) bool { return i >= 0 && i < len(f.toks) }

func (f *finder) has(i int, flags uint64) bool {
	return f.in(i) && f.toks[i].kind == word && f.toks[i].flags&flags != 0
}

func (f *finder) isPunct(i int, marks string) bool {
	return f.in(i) && f.toks[i].kind == punct && strings.ContainsRune(marks, rune(f.num(i)))
}

func (f *finder) isDash(i int) bool { return f.isPunct(i, "-–—") }

func (f *finder) isNum(i int) bool { return f.in(i) && f.toks[i].kind == number }

func (f *finder) glued(i int) bool { return f.in(i) && f.toks[i].gap == glued }

func (f *finder) spaced(i int) bool { return f.in(i) && f.toks[i].gap == spaced }

func (f *finder) wordIs(i int, w string) bool {
	return f.in(i) && f.toks[i].kind == word && strings.EqualFold(f.text[f.from(i):f.to(i)], w)
}

// num, from and to return token i's value and offsets.
func (f *finder) num(i int) int  { return int(f.toks[i].num) }
func (f *finder) from(i int) int { return int(f.toks[i].start) }
func (f *finder) to(i int) int   { return int(f.toks[i].end) }

// gluedNumber reports whether i is a number stuck to the token before it.
func (f *finder) gluedNumber(i int) bool { return f.isNum(i) && f.glued(i) }

// month reads a month name at i, with the full stop of an abbreviation
// ("Sept."). Lower-case "may", "march" and "august", and lower-case
// abbreviations, are words, not months.
func (f *finder) month(i int) (m, next int, ok bool) {
	if !f.has(i, fMonth) {
		return 0, i, false
	}
	t := &f.toks[i]
	if t.shape == lower && t.flags&fLowerOK == 0 {
		return 0, i, false
	}
	next = i + 1
	if t.flags&fMonthAbbr != 0 && f.isPunct(next, ".") && f.glued(next) {
		next++
	}
	return int(t.val), next, true
}

// day reads a day of the month at i: 1–31 in one or two digits, with an
// optional ordinal ("10th"). Numbers that belong to something else are not
// days: "10am", "10:30", "1,500", "3.10", "10%", "F16".
func (f *finder) day(i int) (d, next int, ok bool) {
	if !f.isNum(i) {
		return 0, i, false
	}
	t := &f.toks[i]
	if t.digits() > 2 || t.num < 1 || t.num > 31 {
		return 0, i, false
	}
	if t.gap == glued && i > 0 {
		p := &f.toks[i-1]
		if p.kind == word || p.kind == punct && strings.ContainsRune(",.:/$£€#", rune(p.num)) {
			return 0, i, false
		}
	}
	next = i + 1
	if f.glued(next) {
		n := &f.toks[next]
		switch {
		case n.kind == word && n.flags&fOrdinal != 0:
			next++
			if f.glued(next) && f.toks[next].kind != punct {
				return 0, i, false
			}
		case n.kind == word:
			return 0, i, false
		case n.kind == punct && n.num == '%':
			return 0, i, false
		case n.kind == punct && strings.ContainsRune(",.:/", rune(n.num)) && f.gluedNumber(next+1):
			return 0, i, false
		}
	}
	return int(t.num), next, true
}

// year reads a year written beside a month or day at i. lenient lets a word
// follow it unspaced, as in scraped datelines ("18.10.2014Get short URL").
func (f *finder) year(i int, lenient bool) (y, next int, ok bool) {
	if !f.isNum(i) {
		return 0, i, false
	}
	t := &f.toks[i]
	if t.digits() != 4 || t.num < minYear || t.num > maxYear {
		return 0, i, false
	}
	next = i + 1
	if f.glued(next) {
		n := &f.toks[next]
		switch {
		case n.kind == word && !lenient:
			return 0, i, false
		case n.kind == punct && n.num == '%':
			return 0, i, false
		case n.kind == punct && strings.ContainsRune(",.:/-", rune(n.num)) && f.gluedNumber(next+1):
			return 0, i, false
		}
	}
	return int(t.num), next, true
}

// optYear reads the year that may follow a day and month: " 2020" or ", 2020".
func (f *finder) optYear(i int, lenient bool) (y, next int, ok bool) {
	j := i
	if f.isPunct(j, ",") && f.glued(j) {
		j++
	}
	if !f.spaced(j) {
		return 0, i, false
	}
	return f.year(j, lenient)
}

// countNoun reports whether the word at i makes the number before it a
// count: "2000 people", "10 soldiers". Besides the listed nouns, any
// lower-case word ending in s that is not a known event or function word
// counts ("2000 homes").
func (f *finder) countNoun(i int) bool {
	if !f.spaced(i) || f.toks[i].kind != word || f.toks[i].shape != lower {
		return false
	}
	t := &f.toks[i]
	if t.flags&fCount != 0 {
		return true
	}
	w := f.text[t.start:t.end]
	return len(w) > 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && t.flags&(fEvent|fFollows) == 0
}

// matchMonth reads the dates that start with the month name at i, as part of
// a date that starts at s: "October 10", "Oct. 10, 2020", "October 9-10",
// "October 9 and 10", "October 2020", and "October" alone where the word
// before makes it a month ("in October"), or where s is before i ("early
// October").
func (f *finder) matchMonth(s, i int) int {
	m, j, ok := f.month(i)
	if !ok {
		return i
	}
	if f.spaced(j) {
		if d, k, ok := f.day(j); ok && !f.countNoun(k) {
			return f.monthDay(s, m, d, k)
		}
		if y, k, ok := f.year(j, false); ok {
			f.add(raw{ti: s, tj: k, kind: rDate, a: ymd{y, m, 0}, prec: corpus.Month})
			f.monthEnd = k
			return k
		}
	}
	if f.toks[i].flags&fMonthAbbr != 0 {
		return i // "Jan" and "Mar" alone are more often names
	}
	if s == i && !f.monthContext(i) {
		return i
	}
	f.add(raw{ti: s, tj: j, kind: rDate, a: ymd{0, m, 0}, prec: corpus.Month})
	f.monthEnd = j
	return j
}

// monthContext reports whether the words before the month name at i make it
// a month: "in October", "since May", "in September and October". "May"
// and "March", also a name and a verb, need a preposition of time.
func (f *finder) monthContext(i int) bool {
	p := i - 1
	if !f.spaced(i) || !f.in(p) {
		return false
	}
	if (f.has(p, fAnd) || f.isPunct(p, ",")) && f.monthEnd == p {
		return true
	}
	if !f.has(p, fMonthBefore) {
		return false
	}
	switch f.toks[i].val {
	case 3, 5:
		for _, w := range []string{"in", "since", "until", "till", "during", "throughout"} {
			if f.wordIs(p, w) {
				return true
			}
		}
		return false
	}
	return true
}

// monthDay continues a date that starts at s with a month m and day d; k is
// the token after the day. It reads an interval ("October 9-10", "October 30
// – November 2"), a list ("October 9 and 10") or a year.
func (f *finder) monthDay(s, m, d, k int) int {
	if f.isDash(k) && f.in(k+1) && f.toks[k+1].gap != broken {
		j := k + 1
		if d2, k2, ok := f.day(j); ok && d2 > d && !f.countNoun(k2) {
			return f.interval(s, ymd{0, m, d}, ymd{0, m, d2}, k2)
		}
		if m2, j2, ok := f.month(j); ok && f.spaced(j2) {
			if d2, k2, ok := f.day(j2); ok && endsLater(m, d, m2, d2) {
				return f.interval(s, ymd{0, m, d}, ymd{0, m2, d2}, k2)
			}
		}
	}
	if items, n, end := f.dayList(k, d); n > 0 && f.listEnds(end) {
		return f.list(s, k, ymd{0, m, d}, items[:n], end)
	}
	r := raw{ti: s, tj: k, kind: rDate, a: ymd{0, m, d}, prec: corpus.Day}
	if y, k2, ok := f.optYear(k, false); ok {
		r.a.y, r.tj = y, k2
	}
	f.add(r)
	return r.tj
}

// endsLater reports whether month m2, day d2 can end an interval that
// starts on month m, day d: in another month (December 28 – January 2
// runs into the next year), or later in the same one. "Oct 1 - Oct 1" is
// no interval.
func endsLater(m, d, m2, d2 int) bool {
	return m2 != m || d2 > d
}

// interval records the interval from a to b that starts at token s, and
// reads the year that may follow the token k after it.
func (f *finder) interval(s int, a, b ymd, k int) int {
	r := raw{ti: s, tj: k, kind: rDate, a: a, b: b, interval: true, prec: corpus.Day}
	if y, k2, ok := f.optYear(k, false); ok {
		r.tj = k2
		r.b.y = y
		r.a.y = y
		if later(r.a, r.b) { // "28 December – 2 January 2021"
			r.a.y--
		}
	}
	f.add(r)
	return r.tj
}

// item is a later day of a list: its value and tokens.
type item struct{ d, ti, tj int }

// maxList is the longest list of days read; longer lists are read in part.
const maxList = 8

// dayList reads the days that may follow a first day d in a list, from
// token k: ", 10 and 11", " and 10". The days must rise.
func (f *finder) dayList(k, d int) (items [maxList]item, n, end int) {
	j := k
	for n < maxList-1 && f.isPunct(j, ",") && f.glued(j) && f.spaced(j+1) {
		d2, e, ok := f.day(j + 1)
		if !ok || d2 <= d {
			break
		}
		items[n] = item{d2, j + 1, e}
		n, d, j = n+1, d2, e
	}
	if !f.has(j, fAnd) || !f.spaced(j) || !f.spaced(j+1) {
		return items, 0, k
	}
	d2, e, ok := f.day(j + 1)
	if !ok || d2 <= d {
		return items, 0, k
	}
	items[n] = item{d2, j + 1, e}
	return items, n + 1, e
}

// listEnds reports whether what follows a list of days after a month name
// ("on October 9 and 10") lets the last number be a day rather than a count
// ("on October 9 and 10 soldiers").
func (f *finder) listEnds(i int) bool {
	if !f.in(i) {
		return true
	}
	t := &f.toks[i]
	switch t.kind {
	case punct:
		return true
	case number:
		_, _, ok := f.optYear(i, false)
		return ok
	}
	if t.flags&fMonth != 0 || f.countNoun(i) {
		return false
	}
	if t.shape != lower {
		return true
	}
	return t.flags&(fFollows|fYearBefore|fMonthBefore|fAnd|fSeam|fThe) != 0 || f.wordIs(i, "at") ||
		f.wordIs(i, "on") || f.wordIs(i, "when") || f.wordIs(i, "with") || f.wordIs(i, "for")
}

// list records a list of days in one month: the first, a (written from s
// to k), and items; the year after the tokens end, if any, is every day's.
func (f *finder) list(s, k int, a ymd, items []item, end int) int {
	y, yend, hasYear := f.optYear(end, false)
	first := len(f.raws)
	f.add(raw{ti: s, tj: k, kind: rDate, a: ymd{y, a.m, a.d}, prec: corpus.Day})
	for n, it := range items {
		r := raw{ti: it.ti, tj: it.tj, kind: rDate, a: ymd{y, a.m, it.d}, prec: corpus.Day}
		if n == len(items)-1 && hasYear {
			r.tj = yend
		}
		f.add(r)
		if !hasYear {
			f.raws[len(f.raws)-1].head = first
		}
	}
	if hasYear {
		return yend
	}
	return end
}

// matchNumber reads the dates that start with a number at i.
func (f *finder) matchNumber(i int) int {
	if a, k, shaped, ok := f.numericDate(i, false); shaped {
		if ok {
			f.add(raw{ti: i, tj: k, kind: rDate, a: a, prec: corpus.Day})
		}
		return k
	}
	switch f.toks[i].digits() {
	case 4:
		if k := f.yearRange(i); k > i {
			return k
		}
		if k := f.decade(i, i); k > i {
			return k
		}
		return f.bareYear(i, i)
	case 1, 2:
		return f.matchDayFirst(i, i)
	}
	return i
}

// numericDate reads 2020-10-20, 2020/10/20, 20.10.2020, 10/20/2020 and
// 20-10-2020 at i. Slashes read month first, as corpus.ParseDate does,
// unless the first number is above 12; dots read day first; dashes only
// when one number is above 12, since 06-08-2013 could be June or August.
// shaped reports that the tokens look like a date even when they are not
// one (13/13/2020, 06-08-2013), so that the caller passes over them.
func (f *finder) numericDate(i int, lenient bool) (a ymd, next int, shaped, ok bool) {
	if !f.isNum(i) || !f.in(i+4) {
		return a, i, false, false
	}
	sep := f.num(i + 1)
	if !f.isPunct(i+1, "-/.") || !f.glued(i+1) || !f.gluedNumber(i+2) ||
		!f.isPunct(i+3, string(rune(sep))) || !f.glued(i+3) || !f.gluedNumber(i+4) {
		return a, i, false, false
	}
	// Not part of a longer run: 1.2.3.4, 10.1.20.2020.
	next = i + 5
	if f.glued(next) && f.isPunct(next, "-/.:,") && f.gluedNumber(next+1) {
		return a, i, false, false
	}
	if f.glued(i) && i > 0 && (f.toks[i-1].kind == word || f.isPunct(i-1, "-/.:,") && f.gluedNumber(i-2) && f.glued(i-1)) {
		return a, i, false, false
	}
	if f.glued(next) && f.toks[next].kind == word && !lenient {
		// Only the T of a timestamp may follow: 2020-10-20T14:05.
		if !(f.to(next)-f.from(next) == 1 && (f.text[f.from(next)] == 'T') && f.gluedNumber(next+1)) {
			return a, i, false, false
		}
	}
	v1, v2, v3 := f.num(i), f.num(i+2), f.num(i+4)
	n1, n2, n3 := f.toks[i].digits(), f.toks[i+2].digits(), f.toks[i+4].digits()
	switch {
	case n1 == 4 && n2 <= 2 && n3 <= 2 && sep != '.':
		a = ymd{v1, v2, v3}
	case n1 <= 2 && n2 <= 2 && n3 == 4:
		switch sep {
		case '.':
			a = ymd{v3, v2, v1}
		case '/':
			a = ymd{v3, v1, v2}
			if v1 > 12 && v2 <= 12 {
				a = ymd{v3, v2, v1}
			}
		case '-':
			switch {
			case v1 > 12 && v2 <= 12:
				a = ymd{v3, v2, v1}
			case v2 > 12 && v1 <= 12:
				a = ymd{v3, v1, v2}
			default:
				return a, next, true, false
			}
		}
	default:
		return a, i, false, false
	}
	return a, next, true, a.y >= minYear && a.y <= maxYear && validDay(a)
}

// yearRange reads an interval of years at i: "1992-1994", "1992–94",
// "2019-20". Two digits after a dash that could be a month ("2010-11") make
// it no date at all, and the tokens are passed over.
func (f *finder) yearRange(i int) int {
	y1 := f.num(i)
	j := i + 1
	if y1 < minBareYear || y1 > maxBareYear || !f.isDash(j) || !f.in(j+1) || !f.isNum(j+1) {
		return i
	}
	tight := f.glued(j) && f.glued(j+1)
	if !tight && !(f.spaced(j) && f.spaced(j+1)) {
		return i
	}
	if f.glued(i) && i > 0 && f.toks[i-1].kind != punct || f.glued(i) && f.isPunct(i-1, "$£€#.,:/-") {
		return i
	}
	k := j + 1
	t := &f.toks[k]
	end := k + 1
	if f.glued(end) && (f.toks[end].kind == word || f.isPunct(end, "-/.:,%") && f.gluedNumber(end+1)) {
		return i
	}
	y2 := int(t.num)
	switch t.digits() {
	case 4:
	case 2:
		if tight && y2 <= 12 {
			return end // 2010-11: a season, or November 2010
		}
		y2 += y1 / 100 * 100
	default:
		return i
	}
	if y2 <= y1 || y2 > maxBareYear {
		return end
	}
	f.add(raw{ti: i, tj: end, kind: rDate, a: ymd{y1, 0, 0}, b: ymd{y2, 0, 0}, interval: true, prec: corpus.Year})
	f.yearEnd = end
	return end
}

// decade reads "1990s" at i as the interval 1990/1999, in a date that starts
// at s ("the mid-1990s" starts at "mid").
func (f *finder) decade(s, i int) int {
	t := &f.toks[i]
	if t.digits() != 4 || t.num < minBareYear || t.num > maxBareYear || t.num%10 != 0 || !f.glued(i+1) ||
		!f.wordIs(i+1, "s") || f.glued(i) && i > 0 && f.toks[i-1].kind != punct {
		return i
	}
	y := int(t.num)
	f.add(raw{ti: s, tj: i + 2, kind: rDate, a: ymd{y, 0, 0}, b: ymd{y + 9, 0, 0}, interval: true, prec: corpus.Year})
	return i + 2
}

// yearAlone reports whether the number at i can be a year standing alone,
// leaving its context aside: four digits in range, not money ("$2014"), not
// part of a bigger number ("2,014", "2014.5"), not a count ("2000 people").
func (f *finder) yearAlone(i int) bool {
	t := &f.toks[i]
	if t.kind != number || t.digits() != 4 || t.num < minBareYear || t.num > maxBareYear {
		return false
	}
	if t.gap == glued && i > 0 {
		p := &f.toks[i-1]
		if p.kind != punct || strings.ContainsRune("$£€#№+.,:/", rune(p.num)) {
			return false
		}
		if p.num == '-' && !(f.has(i-2, fYearBefore) && f.glued(i-1)) { // "mid-2014", "pre-2014"
			return false
		}
	}
	if f.glued(i + 1) {
		n := &f.toks[i+1]
		switch {
		case n.kind == word:
			return false
		case n.kind == punct && n.num == '%':
			return false
		case n.kind == punct && strings.ContainsRune(",.:/-", rune(n.num)) && f.gluedNumber(i+2):
			return false
		}
	}
	return !f.countNoun(i + 1)
}

// bareYear reads a four-digit number at i as a year when its context makes it
// one: a word before it ("in 2014", "since 1992", "the year 2014"), "the"
// before and an event or a name after ("the 1994 ceasefire", "the 2008
// Russia-Georgia war"), an event after ("a 1994 ceasefire"), a possessive
// ("2014's offensive"), or a list ("in 2014 and 2016"). The date starts at s.
func (f *finder) bareYear(s, i int) int {
	if !f.yearAlone(i) {
		return i
	}
	// "from 2000 to 3000 people", "between 2000 and 3000 people": counts.
	if f.has(i+1, fAnd|fTo) && f.isNum(i+2) && !f.yearAlone(i+2) {
		return i
	}
	ctx := s < i
	p := i - 1
	if !ctx && f.in(p) && f.toks[p].kind == word && f.spaced(i) {
		switch {
		case f.toks[p].flags&fThe != 0:
			n := i + 1
			ctx = f.has(n, fEvent) && f.spaced(n) ||
				f.spaced(n) && f.toks[n].kind == word && f.toks[n].shape != lower && f.toks[n].flags&fMonth == 0
		case f.toks[p].flags&fYearBefore != 0:
			ctx = true
		case f.toks[p].flags&fAnd != 0:
			ctx = f.yearEnd == p
		}
	}
	if !ctx && f.isPunct(p, "-") && f.glued(p) && f.glued(i) && f.has(p-1, fYearBefore) {
		ctx = true // "pre-2014"
	}
	if !ctx && f.isPunct(p, ",") && f.yearEnd == p {
		ctx = true
	}
	if !ctx && f.has(i+1, fEvent) && f.spaced(i+1) {
		ctx = true
	}
	if !ctx && f.isPunct(i+1, "'’") && f.glued(i+1) && f.wordIs(i+2, "s") && f.glued(i+2) {
		ctx = true
	}
	if !ctx {
		return i
	}
	f.add(raw{ti: s, tj: i + 1, kind: rDate, a: ymd{f.num(i), 0, 0}, prec: corpus.Year})
	f.yearEnd = i + 1
	return i + 1
}

// matchDayFirst reads the dates that start with a day at i, in a date that
// starts at s: "10 October", "10th of October 2020", "9-10 October", "9 and
// 10 October", "30 October – 2 November 2020".
func (f *finder) matchDayFirst(s, i int) int {
	d, j, ok := f.day(i)
	if !ok {
		return i
	}
	if f.isDash(j) && f.toks[j].gap != broken {
		if d2, k, ok := f.day(j + 1); ok && d2 > d && f.toks[j+1].gap != broken {
			if m, k2, ok := f.dayMonth(k); ok {
				return f.interval(s, ymd{0, m, d}, ymd{0, m, d2}, k2)
			}
		}
	}
	if items, n, end := f.dayList(j, d); n > 0 {
		if m, k, ok := f.dayMonth(end); ok {
			last := &items[n-1]
			last.tj = k
			return f.list(s, j, ymd{0, m, d}, items[:n], k)
		}
	}
	m, k, ok := f.dayMonth(j)
	if !ok {
		return i
	}
	if f.isDash(k) && f.in(k+1) && f.toks[k].gap != broken && f.toks[k+1].gap != broken {
		if d2, k2, ok := f.day(k + 1); ok {
			if m2, k3, ok := f.dayMonth(k2); ok && endsLater(m, d, m2, d2) {
				return f.interval(s, ymd{0, m, d}, ymd{0, m2, d2}, k3)
			}
		}
	}
	r := raw{ti: s, tj: k, kind: rDate, a: ymd{0, m, d}, prec: corpus.Day}
	if y, k2, ok := f.optYear(k, false); ok {
		r.a.y, r.tj = y, k2
	}
	f.add(r)
	return r.tj
}

// dayMonth reads the month that follows a day at j: " October", " of
// October", " Oct.".
func (f *finder) dayMonth(j int) (m, next int, ok bool) {
	if f.wordIs(j, "of") && f.spaced(j) {
		j++
	}
	if !f.spaced(j) {
		return 0, j, false
	}
	return f.month(j)
}

// matchWeekday reads a weekday at i, alone ("Tuesday", "Saturday's vote")
// or at the head of a date ("Tuesday, October 20", "Wed 05 Apr 2017"), where
// it must agree with the date.
func (f *finder) matchWeekday(i int) int {
	t := &f.toks[i]
	if t.shape == lower && t.flags&fLowerOK == 0 {
		return i
	}
	j := i + 1
	if f.isPunct(j, ",") && f.glued(j) {
		j++
	}
	if f.spaced(j) {
		n := len(f.raws)
		yearEnd, monthEnd := f.yearEnd, f.monthEnd
		k := j
		switch {
		case f.has(j, fMonth):
			k = f.matchMonth(i, j)
		case f.isNum(j):
			k = f.matchDayFirst(i, j)
		}
		if k > j && len(f.raws) > n {
			r := &f.raws[n]
			if r.ti == i && r.prec == corpus.Day && !r.interval {
				r.weekday = int(t.val) + 1
				return k
			}
		}
		f.raws, f.yearEnd, f.monthEnd = f.raws[:n], yearEnd, monthEnd
	}
	if t.flags&fWeekday == 0 {
		return i
	}
	// "Bloody Sunday", "Good Friday", "Sunday Times", "every Tuesday".
	if f.has(i-1, fNamedDay) && f.toks[i-1].shape != lower || f.has(i-1, fGeneric) && f.spaced(i) ||
		f.has(i+1, fPaper) && f.toks[i+1].shape != lower && f.spaced(i+1) {
		return i + 1
	}
	// "the centrist Tuesday Group": a name, unless a preposition or a
	// reporting verb before it makes the weekday a day ("said Tuesday
	// Dravonian troops…", in text stripped of commas).
	if f.spaced(i+1) && f.toks[i+1].kind == word && f.toks[i+1].shape != lower && !f.toks[i+1].clause &&
		f.toks[i+1].flags&(fMonth|fWeekday) == 0 && f.in(i-1) && f.toks[i-1].kind == word &&
		!f.has(i-1, fYearBefore|fMonthBefore|fLast|fNext|fThis|fPast|fReport|fSpeech) && !f.wordIs(i-1, "on") &&
		!f.wordIs(i-1, "at") && !f.toks[i].clause {
		return i + 1
	}
	f.add(raw{ti: i, tj: i + 1, kind: rWeekday, n: int(t.val)})
	return i + 1
}

// matchRelDay reads yesterday, today, tonight and tomorrow at i, but not the
// names "USA Today" or "Russia Today".
func (f *finder) matchRelDay(i int) int {
	t := &f.toks[i]
	if t.shape != lower && !t.clause && i > 0 && f.toks[i-1].kind == word && (f.toks[i-1].shape != lower || f.has(i-1, fThe)) {
		return i + 1 // "USA Today", "the Today show"
	}
	f.add(raw{ti: i, tj: i + 1, kind: rDay, n: int(t.val)})
	return i + 1
}

// matchRelative reads last, this, this past, this coming and next at i,
// before a month or year ("last month", "next year"), a month name ("last
// July") or a weekday ("next Tuesday", "this coming Saturday"), in a date
// that starts at s ("earlier this month", "late last year"). "the last month" is a stretch of time, not a
// date, and weeks are too vague to report.
func (f *finder) matchRelative(s, i int) int {
	if s == i && (f.has(i-1, fThe) || f.isPunct(i-1, "-")) {
		return i
	}
	t := &f.toks[i]
	j := i + 1
	var md mode
	switch {
	case t.flags&fLast != 0:
		md = before
	case t.flags&fNext != 0:
		md = after
	default:
		md = current
		switch {
		case f.has(j, fPast) && f.spaced(j):
			md = before
			j++
		case f.wordIs(j, "coming") && f.spaced(j):
			md = after // "this coming Saturday": the next one
			j++
		}
	}
	if !f.spaced(j) || f.toks[j].kind != word {
		return i
	}
	u := &f.toks[j]
	offset := 0
	switch md {
	case before:
		offset = -1
	case after:
		offset = 1
	}
	switch {
	case u.flags&fUnit != 0:
		if u.val == unitWeek || j > i+1 { // "this past month" is the last 30 days
			return j + 1
		}
		k := rMonth
		if u.val == unitYear {
			k = rYear
		}
		f.add(raw{ti: s, tj: j + 1, kind: k, n: offset})
		return j + 1
	case u.flags&fMonth != 0 && u.flags&fMonthAbbr == 0 && u.shape != lower:
		if s != i { // "early next July"
			return i
		}
		f.add(raw{ti: s, tj: j + 1, kind: rNamedMonth, a: ymd{0, int(u.val), 0}, prec: corpus.Month, mode: md})
		return j + 1
	case u.flags&fWeekday != 0:
		if s != i {
			return i
		}
		if md == current {
			md = byTense
		}
		f.add(raw{ti: s, tj: j + 1, kind: rWeekday, n: int(u.val), mode: md})
		return j + 1
	}
	return i
}

// matchModifier reads early, mid and late before a month ("mid-October"),
// a year ("early 2014"), a decade ("the late 1990s") or a relative date
// ("late last year"), and earlier and later before "this month" and "this
// year". The modifier is part of the text, and the value is the whole month
// or year.
func (f *finder) matchModifier(i int) int {
	j := i + 1
	switch {
	case f.isPunct(j, "-") && f.glued(j) && f.glued(j+1):
		j++
	case !f.spaced(j):
		return i
	}
	w := strings.ToLower(f.text[f.from(i):f.to(i)])
	if w == "earlier" || w == "later" {
		if f.has(j, fThis) && j == i+1 {
			return f.matchRelative(i, j)
		}
		return i
	}
	switch {
	case f.has(j, fMonth):
		if k := f.matchMonth(i, j); k > j {
			return k
		}
	case f.isNum(j) && f.toks[j].digits() == 4:
		if k := f.decade(i, j); k > j {
			return k
		}
		if f.yearAlone(j) {
			f.add(raw{ti: i, tj: j + 1, kind: rDate, a: ymd{f.num(j), 0, 0}, prec: corpus.Year})
			f.yearEnd = j + 1
			return j + 1
		}
	case f.has(j, fLast|fThis|fNext) && j == i+1:
		return f.matchRelative(i, j)
	}
	return i
}

// matchSpan reads an interval introduced by the word at i and joined by a
// word with flag joiner: "between 1992 and 1994", "from 1992 to 1994",
// "between October 9 and 12", "from 9 to 12 October".
func (f *finder) matchSpan(i int, joiner uint64) int {
	j := i + 1
	if !f.spaced(j) {
		return i
	}
	if f.isNum(j) && f.toks[j].digits() == 4 {
		if f.yearAlone(j) && f.has(j+1, joiner) && f.spaced(j+1) && f.spaced(j+2) && f.yearAlone(j+2) {
			y1, y2 := f.num(j), f.num(j+2)
			if y2 > y1 {
				f.add(raw{ti: i, tj: j + 3, kind: rDate, a: ymd{y1, 0, 0}, b: ymd{y2, 0, 0}, interval: true, prec: corpus.Year})
				f.yearEnd = j + 3
				return j + 3
			}
		}
		return i
	}
	a, k, ok := f.datePart(j)
	if !ok || !f.has(k, joiner) || !f.spaced(k) || !f.spaced(k+1) {
		return i
	}
	b, end, ok := f.datePart(k + 1)
	if !ok {
		return i
	}
	if a.m == 0 {
		a.m = b.m
	}
	if b.m == 0 {
		b.m = a.m
	}
	if a.m == 0 || a == b {
		return i
	}
	switch {
	case a.y == 0 && b.y != 0:
		a.y = b.y
		if later(a, b) {
			a.y--
		}
	case b.y == 0 && a.y != 0:
		b.y = a.y
		if later(a, b) {
			b.y++
		}
	case a.y != 0 && !later(b, a):
		return i
	}
	f.add(raw{ti: i, tj: end, kind: rDate, a: a, b: b, interval: true, prec: corpus.Day})
	return end
}

// datePart reads one end of an interval after "between" or "from": a day
// and month with an optional year, or a day alone that takes its month from
// the other end.
func (f *finder) datePart(i int) (a ymd, next int, ok bool) {
	if m, j, ok := f.month(i); ok && f.spaced(j) {
		if d, k, ok := f.day(j); ok && !f.countNoun(k) {
			a = ymd{0, m, d}
			if y, k2, ok := f.optYear(k, false); ok {
				a.y, k = y, k2
			}
			return a, k, true
		}
		return a, i, false
	}
	d, j, ok := f.day(i)
	if !ok || f.countNoun(j) {
		return a, i, false
	}
	a = ymd{0, 0, d}
	if m, k, ok := f.dayMonth(j); ok {
		a.m, j = m, k
		if y, k2, ok := f.optYear(j, false); ok {
			a.y, j = y, k2
		}
	}
	return a, j, true
}
