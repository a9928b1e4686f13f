package dates

import (
	"strconv"
	"time"

	"github.com/parleysearch/parley/corpus"
)

// anchor is the publication date, as the days it allows: one day when the
// day is known, every day of the month or year otherwise.
type anchor struct {
	prec        corpus.Precision
	first, last time.Time // midnight UTC of the first and last day allowed
}

// newAnchor reads the publication date on its own calendar: an article
// dated 2020-10-20T23:30-05:00 was published on 20 October.
func newAnchor(d corpus.Date) anchor {
	if d.Precision == corpus.Unknown || d.Start.IsZero() {
		return anchor{}
	}
	t := d.Start
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch d.Precision {
	case corpus.Year:
		first := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return anchor{corpus.Year, first, first.AddDate(1, 0, -1)}
	case corpus.Month:
		first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		return anchor{corpus.Month, first, first.AddDate(0, 1, -1)}
	}
	return anchor{corpus.Day, day, day}
}

// res is a resolved date or interval; prec is Unknown when there is none.
// A day or month whose year is unknown has from.y == 0 (see yearless).
type res struct {
	from, to ymd // to is zero unless an interval
	prec     corpus.Precision
}

func (r res) String() string {
	if r.prec == corpus.Unknown {
		return ""
	}
	b := make([]byte, 0, 21)
	b = appendYMD(b, r.from, r.prec)
	if r.to != (ymd{}) {
		b = append(b, '/')
		b = appendYMD(b, r.to, r.prec)
	}
	return string(b)
}

// appendYMD writes a as ISO 8601 does to precision p, and a day or month
// without its year as ISO 8601:2000 and XML Schema do: "--10-10", "--10".
func appendYMD(b []byte, a ymd, p corpus.Precision) []byte {
	if a.y == 0 {
		b = append(b, '-')
	} else {
		b = appendPadded(b, a.y, 4)
	}
	if p >= corpus.Month {
		b = append(b, '-')
		b = appendPadded(b, a.m, 2)
	}
	if p >= corpus.Day {
		b = append(b, '-')
		b = appendPadded(b, a.d, 2)
	}
	return b
}

func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// exact returns what at gives for every publication day the anchor allows,
// or nothing when those days disagree. Every rule at applies moves forward
// with the publication day, so the first and last days decide.
func (a anchor) exact(at func(p time.Time) res) res {
	r := at(a.first)
	if a.last.Equal(a.first) {
		return r
	}
	if at(a.last) != r {
		return res{}
	}
	return r
}

// mentions resolves what Find found.
func (f *finder) mentions(a anchor) []Mention {
	if len(f.raws) == 0 {
		return nil
	}
	out := make([]Mention, len(f.raws))
	done := make([]res, len(f.raws))
	for k := range f.raws {
		r := &f.raws[k]
		var v res
		switch {
		case r.head >= 0:
			// A later day of a list takes the year of the first.
			if h := done[r.head]; h.prec == corpus.Day {
				v = withYear(*r, h.from.y)
			}
		case r.follows >= 0:
			// A date just after one with a year takes that year when it
			// comes later in it; coming earlier, it may be the next year's.
			if p := done[r.follows]; p.prec >= corpus.Month && later(ymd{0, r.a.m, max(r.a.d, 1)}, ymd{0, p.from.m, max(p.from.d, 1)}) {
				v = withYear(*r, p.from.y)
			}
		default:
			v = f.resolve(r, a)
		}
		if v.prec == corpus.Unknown {
			v = yearless(r, a)
		}
		done[k] = v
		start, end := f.from(r.ti), f.to(r.tj-1)
		out[k] = Mention{Text: f.text[start:end], Start: start, End: end, Value: v.String(), Precision: v.prec}
	}
	return out
}

// yearless keeps what is known of a day or month written without a year
// whose year cannot be told: its month and day. A weekday written beside
// it that a day-precise publication contradicts leaves nothing known (see
// withYear), nor does a date outside the calendar.
func yearless(r *raw, a anchor) res {
	if r.kind != rDate || r.a.y != 0 || r.weekday != 0 && a.prec == corpus.Day {
		return res{}
	}
	v := res{from: r.a, prec: r.prec}
	if r.interval {
		v.to = r.b
	}
	return v
}

// resolve turns a date found into a value, using the publication date for
// what the text leaves out.
func (f *finder) resolve(r *raw, a anchor) res {
	switch {
	case r.kind == rInvalid:
		return res{}
	case r.kind == rDate && r.a.y != 0:
		return withYear(*r, r.a.y)
	case a.prec == corpus.Unknown:
		return res{}
	}
	t := past
	if r.kind == rDate || r.kind == rWeekday && r.mode == byTense {
		t = f.tense(r.ti, r.tj)
	}
	// A day or month in the month of publication is taken to be in that
	// month's year: known only to the month, publication is not known to
	// come before it.
	if a.prec == corpus.Month && r.kind == rDate && r.a.m == int(a.first.Month()) {
		return withYear(*r, a.first.Year())
	}
	return a.exact(func(p time.Time) res { return resolveAt(r, p, t) })
}

// resolveAt resolves a date without a year, or a relative one, as if
// published on day p, in a clause of tense t.
func resolveAt(r *raw, p time.Time, t tense) res {
	switch r.kind {
	case rDate:
		return withYear(*r, nearestYear(r.a.m, r.a.d, p, t))
	case rWeekday:
		wd, w := int(p.Weekday()), r.n
		var delta int
		switch {
		case r.mode == byTense && t == future && w == wd:
			// Published on a Tuesday, "will meet on Tuesday" may be that day
			// or a week on.
			return res{}
		case r.mode == after || r.mode == byTense && t == future:
			delta = (w - wd + 7) % 7
			if delta == 0 {
				delta = 7
			}
		case r.mode == byTense && t == near:
			// The nearer of the one before and the one after: at most
			// three days away.
			delta = (w - wd + 7) % 7
			if delta > 3 {
				delta -= 7
			}
		case r.mode == before:
			delta = -((wd - w + 7) % 7)
			if delta == 0 {
				delta = -7
			}
		default:
			delta = -((wd - w + 7) % 7)
		}
		return dayRes(p.AddDate(0, 0, delta))
	case rDay:
		return dayRes(p.AddDate(0, 0, r.n))
	case rMonth:
		t := time.Date(p.Year(), p.Month()+time.Month(r.n), 1, 0, 0, 0, 0, time.UTC)
		return res{from: ymd{t.Year(), int(t.Month()), 0}, prec: corpus.Month}
	case rYear:
		return res{from: ymd{p.Year() + r.n, 0, 0}, prec: corpus.Year}
	case rNamedMonth:
		y, m, pm := p.Year(), r.a.m, int(p.Month())
		switch {
		case r.mode == before && m >= pm:
			y--
		case r.mode == after && m <= pm:
			y++
		}
		return res{from: ymd{y, m, 0}, prec: corpus.Month}
	}
	return res{}
}

func dayRes(t time.Time) res {
	return res{from: ymd{t.Year(), int(t.Month()), t.Day()}, prec: corpus.Day}
}

// withYear gives a date or interval written without a year the year y; the
// end of an interval that wraps ("December 30 – January 2") falls in the
// next. A weekday written beside the date must agree with it.
func withYear(r raw, y int) res {
	if y == 0 {
		return res{}
	}
	if r.a.y == 0 {
		r.a.y = y
	}
	if r.interval && r.b.y == 0 {
		r.b.y = r.a.y
		if later(r.a, r.b) {
			r.b.y++
		}
	}
	if !valid(r.a) || r.interval && !valid(r.b) {
		return res{}
	}
	if r.weekday != 0 && r.a.d != 0 && int(date(r.a).Weekday()) != r.weekday-1 {
		return res{}
	}
	v := res{from: r.a, prec: r.prec}
	if r.interval {
		v.to = r.b
	}
	return v
}

// soonAfter is how many days after publication a day written without a
// year, in a past or neutral clause, is too likely to be the coming one
// for last year's to be taken: "Nov. 8" in an article of September 14 is
// more often election day to come than the one eleven months gone.
const soonAfter = 90

// recently is how many days before publication the day an expectation in
// the past tense names may be: what was expected and has passed is recent
// news; "expected to win the Nov. 8 election" in February is this year's.
const recently = 62

// nearestYear is the year that puts month m (and day d, when not zero)
// nearest to publication on day p, but in a past or neutral clause not more
// than 7 days after it, in a future clause not before it, and for an
// expectation in the past tense (near) a day not more than recently days
// before it. It is 0 when no year will do (29 February far from a leap
// year), and in a past or neutral clause when the day comes 8 to soonAfter
// days after publication.
func nearestYear(m, d int, p time.Time, t tense) int {
	best, bestDist := 0, 0
	soon := false
	pub := dayNumber(p.Year(), int(p.Month()), p.Day())
	for y := p.Year() - 1; y <= p.Year()+1; y++ {
		var start, end int // day numbers, half-open
		if d == 0 {
			start = dayNumber(y, m, 1)
			end = start + daysIn(y, m)
		} else {
			if !valid(ymd{y, m, d}) {
				continue
			}
			start = dayNumber(y, m, d)
			end = start + 1
		}
		if t == past && start > pub+7 {
			soon = soon || d != 0 && start <= pub+soonAfter
			continue
		}
		if t == future && end <= pub || t == near && d != 0 && end+recently <= pub {
			continue
		}
		dist := 0
		switch {
		case pub < start:
			dist = start - pub
		case pub >= end:
			dist = pub - end + 1
		}
		if best == 0 || dist < bestDist {
			best, bestDist = y, dist
		}
	}
	if soon {
		return 0
	}
	return best
}

// dayNumber counts the days from 1970-01-01 to a date of the proleptic
// Gregorian calendar (H. Hinnant's days_from_civil), without the cost of
// time.Date.
func dayNumber(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// valid reports whether a is a date of the calendar, to its precision.
func valid(a ymd) bool {
	if a.m == 0 {
		return a.d == 0
	}
	if a.m < 1 || a.m > 12 {
		return false
	}
	return a.d == 0 || a.d >= 1 && a.d <= daysIn(a.y, a.m)
}

// validDay reports whether a is a day of the calendar.
func validDay(a ymd) bool { return a.d != 0 && valid(a) }

// possible reports whether day d of month m exists in some year.
func possible(m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(2000, m)
}

func date(a ymd) time.Time {
	return time.Date(a.y, time.Month(a.m), max(a.d, 1), 0, 0, 0, 0, time.UTC)
}

// later reports whether a comes after b, comparing the parts both have.
func later(a, b ymd) bool {
	if a.y != 0 && b.y != 0 && a.y != b.y {
		return a.y > b.y
	}
	if a.m != b.m {
		return a.m > b.m
	}
	return a.d > b.d
}
