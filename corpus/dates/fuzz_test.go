package dates

import (
	"reflect"
	"testing"
	"time"

	"github.com/parleysearch/parley/corpus"
)

// fuzzPublished are the publication dates the fuzzers resolve against: one
// of each precision, and none.
var fuzzPublished = []string{"", "2020-10-21", "2021-01", "2020", "2020-10-20T23:30:00-05:00"}

func fuzzSeeds(f *testing.F) {
	for _, fx := range readFixtures(f) {
		f.Add(fx.text, uint8(1))
	}
	for _, s := range []string{
		"on October 9 and 10, 2020", "12–13 October 2020", "between December 30, 2020 and January 2",
		"BELVASTA, Oct 20 (VTA) - Talks", "Wed 05 Apr 2017 Kelvash", "Updated 9:12 p.m. ET, 9/14/2020",
		"18.10.2014Get", "mid-1990s", "this past July", "Tuesday, October 20", "2010-11", "1992–94",
		"\xff\xfe October 10", "October\u00a010", "10 October\n\n2020", "Published: 3 March 2020 14:05 +03:00",
		"the\n\nlast month", "October 9\n\n- 10", "will go next\n\nto the border", "in 2014,\n\n2016 was",
		"Bloody\n\nSunday", "a b c d e f\n\ng h i j k\n\nthis past\n\nmonth", "last\n\nyear and this year",
		"A b c d e. They will meet on Oct. 10; talks! Mr. Kelmarin said? “Yes.” 2020 was. U.S. Army next week",
		"a b c d e f g h i j k l m will still not\n\nheld talks on Tuesday, a b c d e f g h i j k l.",
	} {
		f.Add(s, uint8(1))
	}
}

func FuzzFind(f *testing.F) {
	fuzzSeeds(f)
	pubs := make([]corpus.Date, len(fuzzPublished))
	for i, p := range fuzzPublished {
		if p != "" {
			pubs[i] = mustDate(f, p)
		}
	}
	f.Fuzz(func(t *testing.T, text string, p uint8) {
		pub := pubs[int(p)%len(pubs)]
		got := Find(text, pub)
		checkMentions(t, text, got)
		if want := findAll(text, pub); !reflect.DeepEqual(got, want) {
			t.Fatalf("skimming found %+v, every token %+v", got, want)
		}
	})
}

func FuzzDateline(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string, hint uint8) {
		d, start, end, method, ok := Dateline(text, 2000+int(hint%40))
		if !ok {
			if start != 0 || end != 0 || method != "" || !d.IsZero() {
				t.Fatalf("got %s [%d, %d) %q without ok", d, start, end, method)
			}
		} else {
			if start < 0 || end <= start || end > len(text) {
				t.Fatalf("got span [%d, %d), want within [0, %d)", start, end, len(text))
			}
			if method != "dateline" && method != "text" {
				t.Fatalf("got method %q", method)
			}
			if d.Precision != corpus.Day && d.Precision != corpus.Time {
				t.Fatalf("got %s at precision %s, want a day or a time", d, d.Precision)
			}
			if y := d.Start.Year(); y < minPubYear || y > maxPubYear {
				t.Fatalf("got %s, want a year in %d–%d", d, minPubYear, maxPubYear)
			}
			back, err := corpus.ParseDate(d.String())
			if err != nil || !back.Start.Equal(d.Start) && d.Precision == corpus.Time ||
				back.Start.Format(time.DateOnly) != d.Start.Format(time.DateOnly) {
				t.Fatalf("got %s, which does not read back: %v", d, err)
			}
		}
		if d, ok := FromURL(text); ok {
			if _, err := corpus.ParseDate(d.String()); err != nil || d.Precision < corpus.Month {
				t.Fatalf("FromURL(%q) = %s (%s)", text, d, d.Precision)
			}
		}
	})
}
