package dates

import (
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
)

func TestDateline(t *testing.T) {
	filler := strings.Repeat("Shelling continued near Kelvash for a third day. ", 50) // 2,500 bytes
	tests := []struct {
		name     string
		text     string
		yearHint int
		want     string // the date, as corpus.Date.String writes it; "" for none
		prec     corpus.Precision
		span     string // the text that gave the date
		method   string
	}{
		// Datelines at the start.
		{"wire, no year", "BELVASTA, Oct 20 (Meridian Wire) - The ministry said", 2020, "2020-10-20", day, "Oct 20", "dateline"},
		{"wire, no year, no hint", "BELVASTA, Oct 20 (Meridian Wire) - The ministry said", 0, "", unknown, "", ""},
		{"place and region", "TREVANNA, Halvenia, Oct 10 (VTA) - Talks began", 2020, "2020-10-10", day, "Oct 10", "dateline"},
		{"place of two words", "NEW SELMIRA, October 20, 2020 - Talks began", 0, "2020-10-20", day, "October 20, 2020", "dateline"},
		{"weekday first", "Wed 05 Apr 2017 Kelvash attack symptoms consistent with nerve agent use", 0, "2017-04-05", day, "Wed 05 Apr 2017", "dateline"},
		{"weekday first, month first", "Sun Aug 17 2014 Militia kills 70 in Ostrava", 0, "2014-08-17", day, "Sun Aug 17 2014", "dateline"},
		{"month first, no commas", "April 6 2017 Dravonian Army kills 48 militants", 0, "2017-04-06", day, "April 6 2017", "dateline"},
		{"day first, dash", "20 October 2020 — The ministry said", 0, "2020-10-20", day, "20 October 2020", "dateline"},
		{"leading space", "\n\n  20 October 2020 — The ministry said", 0, "2020-10-20", day, "20 October 2020", "dateline"},
		{"clock time", "20 October 2020 14:05 The ministry said", 0, "2020-10-20T14:05:00Z", corpus.Time, "20 October 2020 14:05", "dateline"},
		{"clock time with offset", "Thursday 31 July 2014 10:59 GMT+3 Coalition statement", 0, "2014-07-31T10:59:00+03:00", corpus.Time, "Thursday 31 July 2014 10:59 GMT+3", "dateline"},
		{"clock time with a zone name", "20 October 2020 14:05 MSK The ministry said", 0, "2020-10-20", day, "20 October 2020", "dateline"},
		{"not a clock time", "Sat 24 Aug 2013 at 2354 Regional news agency", 0, "2013-08-24", day, "Sat 24 Aug 2013", "dateline"},
		{"numeric, dots", "18.10.2014Get short URL 0 13 The coalition", 0, "2014-10-18", day, "18.10.2014", "dateline"},
		{"numeric, ISO", "2020-10-20 - The ministry said", 0, "2020-10-20", day, "2020-10-20", "dateline"},
		{"numeric, day above 12", "13-12-2014 Militia fighters killed", 0, "2014-12-13", day, "13-12-2014", "dateline"},

		// Publication lines.
		{"published line", "Kelmarin visits Ozrunek\n\nPublished: 3 March 2020\n\nThe minister arrived", 0, "2020-03-03", day, "3 March 2020", "text"},
		{"updated line with time", "Kelmarin visits Ozrunek\nUpdated March 3, 2020 at 5:12 pm\nThe minister arrived", 0, "2020-03-03T17:12:00Z", corpus.Time, "March 3, 2020 at 5:12 pm", "text"},
		{"published preferred", "Kelmarin visits Ozrunek\nUpdated March 3, 2020 at 5:12 pm\nPublished: 1 March 2020\nThe minister", 0, "2020-03-01", day, "1 March 2020", "text"},
		{"posted ISO", "Body.\nPosted on 2019-04-05\n", 0, "2019-04-05", day, "2019-04-05", "text"},
		{"time before the date", "Headline\nUpdated 9:12 p.m. ET, 9/14/2020\nBody", 0, "2020-09-14", day, "9/14/2020", "text"},
		{"publication line at the start", "Posted on April 19 2017 by Meridian staff Six killed in Kelvash", 0, "2017-04-19", day, "April 19 2017", "dateline"},
		{"date of publication", "Date of publication 7 July 2016 Video More than 33 people", 0, "2016-07-07", day, "7 July 2016", "dateline"},
		{"last lines", filler + "\nLast updated: Tuesday, 20 October 2020\n", 0, "2020-10-20", day, "Tuesday, 20 October 2020", "text"},
		{"dateline before a line", "20 October 2020 — Talks.\nPublished: 21 October 2020\n", 0, "2020-10-20", day, "20 October 2020", "dateline"},
		{"line before a dateline without year", "BELVASTA, Oct 20 (VTA) - Talks.\nPublished: 21 October 2020\n", 2020, "2020-10-21", day, "21 October 2020", "text"},

		// Not publication dates.
		{"a number", "772 Dravonian soldiers were killed", 2020, "", unknown, "", ""},
		{"a count and a date", "12 people died in Kelvash on 10 October 2020.", 2020, "", unknown, "", ""},
		{"a date deep in the text", "Fighting resumed. On 27 September 2020 troops entered Kelvash.", 2020, "", unknown, "", ""},
		{"a publication line in the middle", filler + "\nPublished: 3 March 2020\n" + filler, 0, "", unknown, "", ""},
		{"a year", "2014 was the worst year of the war", 2020, "", unknown, "", ""},
		{"a month", "October 2020 saw the heaviest fighting", 2020, "", unknown, "", ""},
		{"no year, no place", "Oct 20 marks the anniversary of the accord", 2020, "", unknown, "", ""},
		{"outside the calendar", "Feb 30 2020 - Talks began", 0, "", unknown, "", ""},
		{"too early", "3 March 1850 - The treaty", 0, "", unknown, "", ""},
		{"weekday disagrees", "Thu 05 Apr 2017 Kelvash attack", 0, "", unknown, "", ""},
		{"ambiguous numeric", "06-08-2013 Bomb kills 18", 0, "", unknown, "", ""},
		{"a line that is not a date", "Updated 31 in Kelvash strikes", 0, "", unknown, "", ""},
		{"empty", "", 2020, "", unknown, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, start, end, method, ok := Dateline(tt.text, tt.yearHint)
			if ok != (tt.want != "") {
				t.Fatalf("Dateline(%.60q): got ok %v (%s), want %v", tt.text, ok, d, tt.want != "")
			}
			if !ok {
				return
			}
			if d.String() != tt.want || d.Precision != tt.prec {
				t.Errorf("got %s (%s), want %s (%s)", d, d.Precision, tt.want, tt.prec)
			}
			if start < 0 || end < start || end > len(tt.text) {
				t.Fatalf("got span [%d, %d), want within [0, %d)", start, end, len(tt.text))
			}
			if got := tt.text[start:end]; got != tt.span {
				t.Errorf("got span %q, want %q", got, tt.span)
			}
			if method != tt.method {
				t.Errorf("got method %q, want %q", method, tt.method)
			}
		})
	}
}
