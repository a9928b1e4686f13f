package dates

import (
	"strings"
	"time"

	"github.com/parleysearch/parley/corpus"
)

// The years FromURL accepts: the web's.
const (
	minURLYear = 1990
	maxURLYear = 2099
)

// FromURL finds a publication date in an article's URL path, as many sites write them:
// /2016/09/20/, /2020/10/, /20161201/, -2019-04-05-. It returns ok=false when the URL holds no date
// or an ambiguous one (a bare number that could be an id).
//
// It reads a year segment followed by a two-digit month segment (or a
// month's abbreviation, /2020/oct/20/) and optionally a two-digit day
// segment; a segment that is exactly eight digits making a calendar date
// (YYYYMMDD, optionally with an extension: /20161201.html); and YYYY-MM-DD
// inside a segment, between non-digits. A year alone is never taken. When
// the path holds several dates they must agree, or there is none; a day
// segment outside the calendar (/2020/02/30/) makes the whole URL doubtful.
func FromURL(url string) (d corpus.Date, ok bool) {
	path := url
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
		if j := strings.IndexByte(path, '/'); j >= 0 {
			path = path[j:]
		} else {
			return corpus.Date{}, false
		}
	} else if strings.HasPrefix(path, "//") {
		path = path[2:]
		if j := strings.IndexByte(path, '/'); j >= 0 {
			path = path[j:]
		} else {
			return corpus.Date{}, false
		}
	}
	segs := strings.Split(path, "/")
	var got ymd
	conflict := false
	take := func(a ymd) {
		switch {
		case got.y == 0:
			got = a
		case got.y != a.y || got.m != a.m || got.d != 0 && a.d != 0 && got.d != a.d:
			conflict = true
		case a.d != 0:
			got.d = a.d
		}
	}
	for i, seg := range segs {
		// /2016/09/20/ and /2016/09/
		if y, ok := digitsOf(seg, 4); ok && y >= minURLYear && y <= maxURLYear && i+1 < len(segs) {
			m, ok := digitsOf(segs[i+1], 2)
			if !ok {
				m, ok = monthAbbr(segs[i+1])
			}
			if ok && m >= 1 && m <= 12 {
				a := ymd{y, m, 0}
				if i+2 < len(segs) {
					if day, ok := digitsOf(segs[i+2], 2); ok {
						a.d = day
						if !validDay(a) {
							return corpus.Date{}, false
						}
					}
				}
				take(a)
			}
		}
		// /20161201/ and /20161201.html
		name := seg
		if j := strings.LastIndexByte(name, '.'); j > 0 {
			name = name[:j]
		}
		if n, ok := digitsOf(name, 8); ok {
			a := ymd{n / 10000, n / 100 % 100, n % 100}
			if a.y >= minURLYear && a.y <= maxURLYear && validDay(a) {
				take(a)
			}
		}
		// -2019-04-05-
		for j := 0; j+10 <= len(seg); j++ {
			if a, ok := isoIn(seg, j); ok {
				take(a)
				j += 9
			}
		}
	}
	if conflict || got.y == 0 {
		return corpus.Date{}, false
	}
	if got.d == 0 {
		return corpus.Date{Start: time.Date(got.y, time.Month(got.m), 1, 0, 0, 0, 0, time.UTC), Precision: corpus.Month}, true
	}
	return corpus.Date{Start: time.Date(got.y, time.Month(got.m), got.d, 0, 0, 0, 0, time.UTC), Precision: corpus.Day}, true
}

// digitsOf reads s as a number of exactly n digits.
func digitsOf(s string, n int) (int, bool) {
	if len(s) != n {
		return 0, false
	}
	v := 0
	for i := 0; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// monthAbbr reads a month's three-letter abbreviation, in any case.
func monthAbbr(s string) (int, bool) {
	if len(s) != 3 {
		return 0, false
	}
	info, ok := vocab[strings.ToLower(s)]
	if !ok || info.flags&fMonthAbbr == 0 {
		return 0, false
	}
	return int(info.val), true
}

// isoIn reads YYYY-MM-DD at s[j:], with no digit on either side, as a
// calendar date in the web's years.
func isoIn(s string, j int) (ymd, bool) {
	t := s[j : j+10]
	if t[4] != '-' || t[7] != '-' {
		return ymd{}, false
	}
	y, ok1 := digitsOf(t[:4], 4)
	m, ok2 := digitsOf(t[5:7], 2)
	d, ok3 := digitsOf(t[8:], 2)
	if !ok1 || !ok2 || !ok3 {
		return ymd{}, false
	}
	isDigit := func(c byte) bool { return '0' <= c && c <= '9' }
	if j > 0 && isDigit(s[j-1]) || j+10 < len(s) && isDigit(s[j+10]) {
		return ymd{}, false
	}
	a := ymd{y, m, d}
	if y < minURLYear || y > maxURLYear || !validDay(a) {
		return ymd{}, false
	}
	return a, true
}
