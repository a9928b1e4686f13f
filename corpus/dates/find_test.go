package dates

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus"
)

var update = flag.Bool("update", false, "update golden files")

// m is a mention expected: its text, value and precision.
type m struct {
	text, value string
	prec        corpus.Precision
}

func mustDate(t testing.TB, s string) corpus.Date {
	t.Helper()
	d, err := corpus.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const (
	unknown = corpus.Unknown
	year    = corpus.Year
	month   = corpus.Month
	day     = corpus.Day
)

func TestFind(t *testing.T) {
	tests := []struct {
		name      string
		published string // "" for none
		text      string
		want      []m
	}{
		// Weekdays and tense. 2020-10-21 is a Wednesday.
		{"past weekday", "2020-10-21", "Ministers met in Trevanna on Tuesday.",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"future weekday", "2020-10-21", "Ministers met in Trevanna on Monday. On Tuesday the ministers will meet again.",
			[]m{{"Monday", "2020-10-19", day}, {"Tuesday", "2020-10-27", day}}},
		{"future after the date", "2020-10-21", "On Friday, he'll visit Kelvash.",
			[]m{{"Friday", "2020-10-23", day}}},
		{"date of a report", "2020-10-21", "Kelmarin said on Tuesday that talks will resume.",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"speech after the date", "2020-10-21", "Tendel surprised the country Monday by saying he will resign.",
			[]m{{"Monday", "2020-10-19", day}}},
		{"other clause", "2020-10-21", "Fighting erupted on Tuesday, but officials say talks will resume.",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"publication weekday, past", "2020-10-20", "The ministers met on Tuesday.",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"publication weekday, future", "2020-10-20", "The ministers will meet on Tuesday.",
			[]m{{"Tuesday", "", unknown}}},
		{"last and next", "2020-10-20", "They met last Tuesday and meet again next Tuesday.",
			[]m{{"last Tuesday", "2020-10-13", day}, {"next Tuesday", "2020-10-27", day}}},
		{"this coming", "2020-04-08", "The shutdown was extended until this coming Saturday, and this coming July.",
			[]m{{"this coming Saturday", "2020-04-11", day}, {"this coming July", "2020-07", month}}},
		{"this coming, on the day", "2020-04-11", "The shutdown was extended until this coming Saturday.",
			[]m{{"this coming Saturday", "2020-04-18", day}}},
		{"weekday list", "2020-10-21", "They talked on Monday and Tuesday.",
			[]m{{"Monday", "2020-10-19", day}, {"Tuesday", "2020-10-20", day}}},
		{"possessive", "2020-10-21", "Saturday's vote was postponed.",
			[]m{{"Saturday", "2020-10-17", day}}},
		{"the next day", "2019-03-17", "After his arrest on Friday, Dravec was held overnight before appearing in court the next day.",
			[]m{{"Friday", "2019-03-15", day}}},
		{"the next highest", "2020-05-29", "Velora had the most cases, with the next highest country, Halvenia, reporting 512 as of Wednesday.",
			[]m{{"Wednesday", "2020-05-27", day}}},
		{"his next appearance", "2019-03-17", "The judge ordered Dravec held until his next court appearance on April 5.",
			[]m{{"April 5", "2019-04-05", day}}},
		{"a forecast", "2020-11-24", "The harvest forecast in October: poor.",
			[]m{{"October", "2020-10", month}}},
		{"next at the end", "2020-10-21", "On Tuesday his next", []m{{"Tuesday", "2020-10-20", day}}},
		{"next week", "2020-10-21", "On Friday, the envoy returns to Selmira for talks next week.",
			[]m{{"Friday", "2020-10-23", day}}},
		// Expectations in the past tense look ahead from before
		// publication: the nearer day, on either side.
		{"was expected, after", "2020-09-28", "Its envoy was expected in Belvasta on Tuesday and in Selmira later in the week.",
			[]m{{"Tuesday", "2020-09-29", day}}},
		{"was expected, before", "2020-10-22", "The storm was expected to reach Ozrunek late on Wednesday.",
			[]m{{"Wednesday", "2020-10-21", day}}},
		{"is expected", "2020-10-22", "The storm is expected to reach Ozrunek late on Wednesday.",
			[]m{{"Wednesday", "2020-10-28", day}}},
		{"was not expected", "2020-10-22", "A decision wasn't expected before Wednesday.",
			[]m{{"Wednesday", "2020-10-21", day}}},
		{"would", "2020-10-18", "Kelmarin said the talks would resume on Monday.",
			[]m{{"Monday", "2020-10-19", day}}},
		{"games scheduled", "2020-03-13", "Other games scheduled for Wednesday were called off.",
			[]m{{"Wednesday", "2020-03-11", day}}},
		{"was scheduled, a day", "2020-12-20", "The vote was scheduled for January 3.",
			[]m{{"January 3", "2021-01-03", day}}},
		{"was forecast", "2020-10-25", "The storm was forecast to reach Ozrunek late on Thursday.",
			[]m{{"Thursday", "2020-10-22", day}}},
		// The verb that governs the date.
		{"past verb, future in a relative clause", "2020-10-20",
			"Kelmarin arrived in Trevanna on Tuesday, ten days after a ceasefire that was supposed to end the fighting broke down.",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"past verb, future in a reduced relative", "2020-11-19",
			"Dravonia and Velora handed over 98 detainees on Thursday, a step mediators hope will shore up the truce.",
			[]m{{"Thursday", "2020-11-19", day}}},
		{"verb after the date", "2020-01-20", "On Friday, researchers in Selmira posted findings that the outbreak may be larger.",
			[]m{{"Friday", "2020-01-17", day}}},
		{"verb after the subject and date", "2019-02-01", "Mayor Dobrel on Tuesday suggested an inquiry may be needed.",
			[]m{{"Tuesday", "2019-01-29", day}}},
		{"agreed on a day to act from another", "2020-10-10",
			"Dravonia and Velora agreed on Saturday to halt the fighting in the Varkesh highlands from noon on Sunday.",
			[]m{{"Saturday", "2020-10-10", day}, {"Sunday", "2020-10-11", day}}},
		{"voted to act on a day", "2020-01-01", "The cabinet voted to lift it on Saturday afternoon.",
			[]m{{"Saturday", "2019-12-28", day}}},
		{"hopes to", "2020-10-21", "Oryen hopes to meet Kelmarin on Friday.",
			[]m{{"Friday", "2020-10-23", day}}},
		{"is to", "2020-10-21", "The commission is to meet on Friday.",
			[]m{{"Friday", "2020-10-23", day}}},
		{"was to", "2020-10-19", "The commission was to meet on Friday, but the envoy fell ill.",
			[]m{{"Friday", "2020-10-16", day}}},
		{"will be held", "2020-10-21", "Talks will be held in Trevanna on Friday.",
			[]m{{"Friday", "2020-10-23", day}}},
		{"will reach displaced families", "2020-10-21", "Aid will reach displaced families in Kelvash on Friday.",
			[]m{{"Friday", "2020-10-23", day}}},
		{"the planned talks", "2020-10-21", "The planned talks on Friday were postponed.",
			[]m{{"Friday", "2020-10-16", day}}},
		{"apposition", "2020-10-20", "Kelmarin, the foreign minister, arrived in Trevanna on Tuesday, a day after a truce mediators hope will hold.",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"participle after a comma", "2020-02-14",
			"The party is scheduled to vote in Kelvash on February 22, followed by Ozrunek on February 29.",
			[]m{{"February 22", "2020-02-22", day}, {"February 29", "2020-02-29", day}}},
		{"relative clause before", "2020-10-21", "Kelmarin, who will chair the talks, on Tuesday met Oryen.",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"relative clause after", "2020-10-21", "On Tuesday, Kelmarin, who will chair the talks, met Oryen.",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"than", "2020-11-24", "Diplomats expect talks in December to be harder than the talks of October.",
			[]m{{"December", "2020-12", month}, {"October", "2020-10", month}}},
		{"a preposition before a participle", "2020-10-21", "The council is set to meet behind closed doors on Thursday.",
			[]m{{"Thursday", "2020-10-22", day}}},
		{"past tense after an apposition", "2020-10-23", "On Monday, Deputy Vesk, of Ozrunek, introduced a bill that would repeal the decree.",
			[]m{{"Monday", "2020-10-19", day}}},
		{"if", "2020-10-21", "Officials warned this week that if the parties do not agree by October 31, aid may stop.",
			[]m{{"October 31", "2020-10-31", day}}},
		{"in case", "2020-12-18", "Selmira resisted the plan in case the talks fail to yield a deal before December 31, when aid will run out.",
			[]m{{"December 31", "2020-12-31", day}}},
		{"a participle after the date", "2020-12-18", "Selmira resisted the plan in case talks fail before a December 31 deadline -- when taxes are set to rise, followed by cuts.",
			[]m{{"December 31", "2020-12-31", day}}},
		{"gets elected", "2016-04-24", "“Who gets elected in November will decide it,” he predicted.",
			[]m{{"November", "2016-11", month}}},
		{"what to expect", "2016-01-04", "The ministry released details about what to expect Monday evening.",
			[]m{{"Monday", "2016-01-04", day}}},
		{"a subordinate clause before", "2019-04-05", "Though the economy is expected to slow, Friday’s report was welcome.",
			[]m{{"Friday", "2019-04-05", day}}},
		{"expected, far ahead", "2016-02-01", "Tendel said he still expected to win the Nov. 8 election.",
			[]m{{"Nov. 8", "2016-11-08", day}}},
		{"a quotation part of the sentence", "2012-08-24", "The president will be “laying out the choice voters are facing in November, cutting through the chatter.”",
			[]m{{"November", "2012-11", month}}},
		{"expected, passed", "2020-05-03", "Their runoff, initially scheduled for March 31, was delayed.",
			[]m{{"March 31", "2020-03-31", day}}},
		{"a quotation after that", "2018-03-26", "Tendel was tweeting on Sunday that “many lawyers want to represent me”.",
			[]m{{"Sunday", "2018-03-25", day}}},
		{"a subject pronoun", "2020-07-04", "Tendel said he hopes the vote in November will end the dispute.",
			[]m{{"November", "2020-11", month}}},
		{"a partial quotation", "2020-12-11", `Oryen said "it is going to be very difficult" to agree by December 25.`,
			[]m{{"December 25", "2020-12-25", day}}},
		{"a title", "2020-05-06", "MUST WATCH The Highland Forecast: May 4",
			[]m{{"May 4", "2020-05-04", day}}},
		{"WHO is no relative", "2020-02-14", `On Tuesday, the World Health Organization (WHO) announced the name: "COVID-19" is to replace the old one.`,
			[]m{{"Tuesday", "2020-02-11", day}}},

		// What is said in quotation marks has its own tense.
		{"will in a quotation before", "2020-10-10", "“We will hold our fire,” Melnavi told the agency in Ozrunek on Saturday.",
			[]m{{"Saturday", "2020-10-10", day}}},
		{"will in straight quotes", "2020-10-19", `"We will not wait," Oryen repeated in Selmira on Sunday.`,
			[]m{{"Sunday", "2020-10-18", day}}},
		{"will outside the quotation", "2020-10-21", "Kelmarin will say that “the talks ended on Tuesday”.",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"will in the same quotation", "2020-10-21", "“We will meet again on Friday,” Oryen said.",
			[]m{{"Friday", "2020-10-23", day}}},
		{"will in another quotation", "2020-10-21", "“Talks ended on Tuesday,” Oryen said. “We will meet again.”",
			[]m{{"Tuesday", "2020-10-20", day}}},
		{"predicted", "2020-10-21", "Forecasters predict snow in the Mirel Pass on Saturday.",
			[]m{{"Saturday", "2020-10-24", day}}},
		{"expected", "2020-10-21", "We expect an answer from Selmira on Friday, Kelmarin said.",
			[]m{{"Friday", "2020-10-23", day}}},
		{"weekday names", "2020-10-21", "Bloody Sunday, Good Friday, the Sunday Times and every Tuesday.", nil},

		// Days without a year.
		{"last year's December", "2021-01-05", "Shelling stopped on December 28.",
			[]m{{"December 28", "2020-12-28", day}}},
		{"next year's January", "2020-12-20", "The commission will vote on January 3.",
			[]m{{"January 3", "2021-01-03", day}}},
		{"within a week after", "2020-10-21", "Shelling hit Kelvash on October 27.",
			[]m{{"October 27", "2020-10-27", day}}},
		// Past, but over a week after publication: maybe the coming one,
		// maybe last year's, so no year.
		{"over a week after", "2020-10-21", "Shelling hit Kelvash on October 29.",
			[]m{{"October 29", "--10-29", day}}},
		{"soon after, neutral", "2016-09-14", "The stakes of Nov. 8 are high.",
			[]m{{"Nov. 8", "--11-08", day}}},
		{"months after", "2020-07-01", "Shelling hit Kelvash on December 20.",
			[]m{{"December 20", "2019-12-20", day}}},
		{"a month soon after", "2020-09-14", "The Senate passed the bill in November.",
			[]m{{"November", "2019-11", month}}},
		{"forms", "2020-10-21", "On Oct. 10, on 10th of October, on Sept. 5 and on 5 September.",
			[]m{{"Oct. 10", "2020-10-10", day}, {"10th of October", "2020-10-10", day},
				{"Sept. 5", "2020-09-05", day}, {"5 September", "2020-09-05", day}}},
		{"with weekday", "2020-10-21", "Talks resumed on Tuesday, October 20.",
			[]m{{"Tuesday, October 20", "2020-10-20", day}}},
		{"weekday disagrees", "2020-10-21", "Talks resumed on Wednesday, October 20, 2020.",
			[]m{{"Wednesday, October 20, 2020", "", unknown}}},
		{"list", "2020-10-21", "Heavy shelling on October 9 and 10 and on 12, 13 and 14 October.",
			[]m{{"October 9", "2020-10-09", day}, {"10", "2020-10-10", day},
				{"12", "2020-10-12", day}, {"13", "2020-10-13", day}, {"14 October", "2020-10-14", day}}},
		{"list with year", "", "on October 9 and 10, 2020",
			[]m{{"October 9", "2020-10-09", day}, {"10, 2020", "2020-10-10", day}}},
		{"list or count", "2020-10-21", "On October 9 and 10 soldiers died.",
			[]m{{"October 9", "2020-10-09", day}}},
		{"intervals", "2020-10-21", "A truce on October 9-10, another on 12–13 October 2020, talks from 30 September – 2 October.",
			[]m{{"October 9-10", "2020-10-09/2020-10-10", day}, {"12–13 October 2020", "2020-10-12/2020-10-13", day},
				{"30 September – 2 October", "2020-09-30/2020-10-02", day}}},
		{"interval across the year", "", "between December 30, 2020 and January 2",
			[]m{{"between December 30, 2020 and January 2", "2020-12-30/2021-01-02", day}}},

		// Months.
		{"months", "2020-10-21", "In October, since May, early October, mid-October, late September, October 2020.",
			[]m{{"October", "2020-10", month}, {"May", "2020-05", month}, {"early October", "2020-10", month},
				{"mid-October", "2020-10", month}, {"late September", "2020-09", month}, {"October 2020", "2020-10", month}}},
		{"not months", "2020-10-21", "Theresa May said they may march. March organisers agreed, as did Jan Oryan and the Mar Elias monastery.", nil},
		{"months in a list", "2020-10-21", "in September and October",
			[]m{{"September", "2020-09", month}, {"October", "2020-10", month}}},
		{"year carried over", "2020-10-21", "He met them in July 2016 and again in October.",
			[]m{{"July 2016", "2016-07", month}, {"October", "2016-10", month}}},
		{"no year carried into a new sentence", "2020-12-25", "Friday, December 25, 2020\nIn May, a study was published.",
			[]m{{"Friday, December 25, 2020", "2020-12-25", day}, {"May", "2020-05", month}}},

		// Years.
		{"years", "2020-10-21", "in 1992-1994, in 1992–94, between 1992 and 1994, from 2014 to 2016, the 2019-20 winter",
			[]m{{"1992-1994", "1992/1994", year}, {"1992–94", "1992/1994", year}, {"between 1992 and 1994", "1992/1994", year},
				{"from 2014 to 2016", "2014/2016", year}, {"2019-20", "2019/2020", year}}},
		{"years by context", "", "since 1992, the 1994 ceasefire, a 2015 accord, mid-2014, in 2014 and 2016, 2014's war, the 1990s",
			[]m{{"1992", "1992", year}, {"1994", "1994", year}, {"2015", "2015", year}, {"mid-2014", "2014", year},
				{"2014", "2014", year}, {"2016", "2016", year}, {"2014", "2014", year}, {"1990s", "1990/1999", year}}},
		{"numbers that are not dates", "2020-10-21",
			"772 Dravonian soldiers, 30,000 people, 12:00 local time, $2014, in 2000 homes, the 2000 refugees, " +
				"F-16, 3.5 percent, Resolution 2254, 1,500 fighters, route 2014, 2010-11, 06-08-2013, 10.20 metres", nil},

		// Relative dates.
		{"relative", "2020-10-21",
			"yesterday, today, tonight, tomorrow, last month, earlier this month, next month, last year, this year, next year",
			[]m{{"yesterday", "2020-10-20", day}, {"today", "2020-10-21", day}, {"tonight", "2020-10-21", day},
				{"tomorrow", "2020-10-22", day}, {"last month", "2020-09", month}, {"earlier this month", "2020-10", month},
				{"next month", "2020-11", month}, {"last year", "2019", year}, {"this year", "2020", year},
				{"next year", "2021", year}}},
		{"last month across the year", "2021-01-05", "The shelling stopped last month.",
			[]m{{"last month", "2020-12", month}}},
		{"named months", "2020-10-21", "this past July, last July, this July, next July",
			[]m{{"this past July", "2020-07", month}, {"last July", "2020-07", month},
				{"this July", "2020-07", month}, {"next July", "2021-07", month}}},
		{"this past July in July", "2020-07-15", "The route opened this past July.",
			[]m{{"this past July", "2019-07", month}}},
		{"not dates", "2020-10-21", "last week, this past month, the last month, next to the border, USA Today", nil},

		// Numeric dates.
		{"numeric", "", "2020-10-10, 10/20/2020, 20/10/2020, 20.10.2020, 13-12-2014",
			[]m{{"2020-10-10", "2020-10-10", day}, {"10/20/2020", "2020-10-20", day}, {"20/10/2020", "2020-10-20", day},
				{"20.10.2020", "2020-10-20", day}, {"13-12-2014", "2014-12-13", day}}},
		{"outside the calendar", "", "February 30, 2021 and 2021-02-30, 0.0.2000, 2020-00-10",
			[]m{{"February 30, 2021", "", unknown}}},

		// Publication known to the month, to the year, or not at all.
		{"publication month", "2020-10", "On 10 October, on Tuesday, last month, yesterday, on December 28",
			[]m{{"10 October", "2020-10-10", day}, {"Tuesday", "", unknown}, {"last month", "2020-09", month},
				{"yesterday", "", unknown}, {"December 28", "--12-28", day}}},
		{"publication year", "2020", "last year, next year, this month, on December 28, in July",
			[]m{{"last year", "2019", year}, {"next year", "2021", year}, {"this month", "", unknown},
				{"December 28", "--12-28", day}, {"July", "--07", month}}},
		{"no publication", "", "October 10, 2020, October 10, on Tuesday, in 2014, last month",
			[]m{{"October 10, 2020", "2020-10-10", day}, {"October 10", "--10-10", day}, {"Tuesday", "", unknown},
				{"2014", "2014", year}, {"last month", "", unknown}}},
		// Without a year to resolve against, a date keeps its month and day.
		{"yearless", "", "in October, on October 9-10, on December 30 – January 2, on October 9 and 10, on Tuesday, October 20",
			[]m{{"October", "--10", month}, {"October 9-10", "--10-09/--10-10", day},
				{"December 30 – January 2", "--12-30/--01-02", day}, {"October 9", "--10-09", day}, {"10", "--10-10", day},
				{"Tuesday, October 20", "--10-20", day}}},
		{"yearless, not in the calendar", "", "on February 30 and on February 29",
			[]m{{"February 30", "", unknown}, {"February 29", "--02-29", day}}},
		{"weekday contradicts", "2020-10-21", "on Wednesday, October 20",
			[]m{{"Wednesday, October 20", "", unknown}}},
		{"publication time", "2020-10-20T23:30:00-05:00", "yesterday",
			[]m{{"yesterday", "2020-10-19", day}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pub corpus.Date
			if tt.published != "" {
				pub = mustDate(t, tt.published)
			}
			got := Find(tt.text, pub)
			checkMentions(t, tt.text, got)
			if len(got) != len(tt.want) {
				t.Errorf("Find(%q) found %d mentions, want %d:\ngot  %s\nwant %v", tt.text, len(got), len(tt.want), show(got), tt.want)
				return
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Value != w.value || g.Precision != w.prec {
					t.Errorf("mention %d: got %q = %q (%s), want %q = %q (%s)", i, g.Text, g.Value, g.Precision, w.text, w.value, w.prec)
				}
			}
		})
	}
}

func show(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "{%q %q %s} ", m.Text, m.Value, m.Precision)
	}
	return b.String()
}

// checkMentions checks what every Find result must satisfy: offsets in
// range, in order and not overlapping, Text as in the text, and a Value that
// parses to its Precision (for an interval, both ends, in order).
func checkMentions(t testing.TB, text string, ms []Mention) {
	t.Helper()
	prev := 0
	for i, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("mention %d %q: got offsets [%d, %d), want within [%d, %d) and after the last", i, m.Text, m.Start, m.End, prev, len(text))
		}
		if m.Text != text[m.Start:m.End] {
			t.Fatalf("mention %d: got Text %q, want text[%d:%d] = %q", i, m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		prev = m.End
		if (m.Value == "") != (m.Precision == corpus.Unknown) {
			t.Fatalf("mention %d %q: got value %q with precision %s", i, m.Text, m.Value, m.Precision)
		}
		if m.Value == "" {
			continue
		}
		parts := strings.Split(m.Value, "/")
		if len(parts) > 2 {
			t.Fatalf("mention %d %q: got value %q, want a date or an interval", i, m.Text, m.Value)
		}
		if strings.HasPrefix(m.Value, "--") {
			checkYearless(t, i, m, parts)
			continue
		}
		var ends []corpus.Date
		for _, p := range parts {
			d, err := corpus.ParseDate(p)
			if err != nil || d.Precision != m.Precision || d.String() != p {
				t.Fatalf("mention %d %q: value %q does not parse at precision %s: %v", i, m.Text, m.Value, m.Precision, err)
			}
			ends = append(ends, d)
		}
		if len(ends) == 2 && !ends[0].Start.Before(ends[1].Start) {
			t.Fatalf("mention %d %q: got interval %q, want its start before its end", i, m.Text, m.Value)
		}
	}
}

// checkYearless checks a value without a year: "--MM-DD" at precision day
// or "--MM" at precision month, each end a day or month of some year. An
// interval may end in the next year ("--12-30/--01-02"), so its ends are
// not compared.
func checkYearless(t testing.TB, i int, m Mention, parts []string) {
	t.Helper()
	for _, p := range parts {
		var mo, d int
		var ok bool
		switch m.Precision {
		case corpus.Day:
			n, err := fmt.Sscanf(p, "--%2d-%2d", &mo, &d)
			ok = err == nil && n == 2 && len(p) == 7 && possible(mo, d)
		case corpus.Month:
			n, err := fmt.Sscanf(p, "--%2d", &mo)
			ok = err == nil && n == 1 && len(p) == 4 && mo >= 1 && mo <= 12
		}
		if !ok {
			t.Fatalf("mention %d %q: got value %q at precision %s, want --MM-DD for a day or --MM for a month", i, m.Text, m.Value, m.Precision)
		}
	}
}

// fixture is a text from testdata/find and the publication dates to resolve
// it against ("none" for the zero Date).
type fixture struct {
	name      string
	published []string
	text      string
}

func readFixtures(t testing.TB) []fixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "find", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in testdata/find: %v", err)
	}
	var fs []fixture
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		head, text, ok := strings.Cut(string(b), "\n---\n")
		pubs, ok2 := strings.CutPrefix(head, "published:")
		if !ok || !ok2 {
			t.Fatalf("%s: want a line \"published: …\", a line \"---\" and the text", path)
		}
		fx := fixture{name: filepath.Base(path), text: text}
		for _, p := range strings.Split(pubs, "|") {
			fx.published = append(fx.published, strings.TrimSpace(p))
		}
		fs = append(fs, fx)
	}
	return fs
}

func (fx fixture) date(t testing.TB, p string) corpus.Date {
	if p == "none" {
		return corpus.Date{}
	}
	return mustDate(t, p)
}

// TestFindGolden runs Find over the fixtures and compares every mention
// with testdata/find.golden.
func TestFindGolden(t *testing.T) {
	var b bytes.Buffer
	for _, fx := range readFixtures(t) {
		for _, p := range fx.published {
			fmt.Fprintf(&b, "== %s, published %s\n", fx.name, p)
			ms := Find(fx.text, fx.date(t, p))
			checkMentions(t, fx.text, ms)
			for _, m := range ms {
				v := m.Value
				if v == "" {
					v = "-"
				}
				fmt.Fprintf(&b, "%5d %5d  %-30q %-22s %s\n", m.Start, m.End, m.Text, v, m.Precision)
			}
		}
	}
	golden := filepath.Join("testdata", "find.golden")
	got := b.Bytes()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s:\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}

// TestFindFixtures asserts the mentions of the fixtures that matter most,
// so that a golden file regenerated without care cannot hide them.
func TestFindFixtures(t *testing.T) {
	texts := map[string]string{}
	for _, fx := range readFixtures(t) {
		texts[fx.name] = fx.text
	}
	tests := []struct {
		fixture, published string
		want               m
		nth                int // of the mentions with that text
	}{
		{"01_talks_trevanna.txt", "2020-10-21", m{"Tuesday", "2020-10-20", day}, 0},       // met … on Tuesday
		{"01_talks_trevanna.txt", "2020-10-21", m{"Tuesday", "2020-10-27", day}, 2},       // On Tuesday the ministers will meet again
		{"01_talks_trevanna.txt", "2020-10-21", m{"1992-1994", "1992/1994", year}, 0},     // in 1992-1994
		{"01_talks_trevanna.txt", "2020-10-21", m{"this past July", "2020-07", month}, 0}, // this past July
		{"01_talks_trevanna.txt", "2020-10-21", m{"October 12-13", "2020-10-12/2020-10-13", day}, 0},
		{"01_talks_trevanna.txt", "2020-10", m{"Tuesday", "", unknown}, 0},
		{"01_talks_trevanna.txt", "2020", m{"October 10", "--10-10", day}, 0},
		{"01_talks_trevanna.txt", "none", m{"1994", "1994", year}, 0},
		{"02_new_year.txt", "2021-01-05", m{"December 28", "2020-12-28", day}, 0},
		{"02_new_year.txt", "2021-01-05", m{"Last month", "2020-12", month}, 0},
		{"02_new_year.txt", "2021-01-05", m{"January 12", "2021-01-12", day}, 0},
		{"02_new_year.txt", "2021-01-05", m{"Friday", "2021-01-08", day}, 0},
		{"02_new_year.txt", "2021-01", m{"Last month", "2020-12", month}, 0},
		{"02_new_year.txt", "2021", m{"Last month", "", unknown}, 0},
		{"02_new_year.txt", "none", m{"December 28", "--12-28", day}, 0},
		// An expectation in the past tense: the day nearer publication,
		// Monday 19 October, on either side of it.
		{"05_expectations.txt", "2020-10-19", m{"Tuesday", "2020-10-20", day}, 0},  // was expected in Selmira on Tuesday
		{"05_expectations.txt", "2020-10-19", m{"Thursday", "2020-10-22", day}, 0}, // was set to leave on Thursday
		{"05_expectations.txt", "2020-10-19", m{"Sunday", "2020-10-18", day}, 0},   // drivers said on Sunday
		{"05_expectations.txt", "2020-10-19", m{"October 11", "2020-10-11", day}, 0},
		{"05_expectations.txt", "2020-10-19", m{"Wednesday", "2020-10-21", day}, 0}, // would cross the pass on Wednesday
		{"05_expectations.txt", "2020-10-19", m{"Saturday", "2020-10-17", day}, 0},  // were expected to reach Ozrunek late on Saturday
		{"05_expectations.txt", "2020-10-19", m{"Friday", "2020-10-16", day}, 0},    // was planning to meet on Friday
		{"05_expectations.txt", "2020-10-19", m{"Thursday", "2020-10-22", day}, 1},  // is expected to arrive on Thursday
		{"05_expectations.txt", "none", m{"October 11", "--10-11", day}, 0},
		// Future words in a quotation the date is not in do not set its
		// tense. Published Saturday 10 October.
		{"06_voices.txt", "2020-10-10", m{"Saturday", "2020-10-10", day}, 0}, // “We will hold our fire…,” Melnavi told the agency … on Saturday
		{"06_voices.txt", "2020-10-10", m{"Saturday", "2020-10-10", day}, 1}, // “… we will keep ours,” Kelmarin repeated … on Saturday
		{"06_voices.txt", "2020-10-10", m{"Monday", "2020-10-12", day}, 0},   // adding that monitors would return on Monday
		{"06_voices.txt", "2020-10-10", m{"Friday", "2020-10-09", day}, 0},
		{"06_voices.txt", "2020-10-10", m{"Thursday", "2020-10-08", day}, 0}, // "The guns stopped on Thursday, and we will plant again."
		// The verb that governs a date sets its tense, whatever else the
		// clause holds. Published Tuesday 20 October.
		{"07_governing.txt", "2020-10-20", m{"Tuesday", "2020-10-20", day}, 0},    // arrived … on Tuesday …, after a ceasefire that was supposed to end
		{"07_governing.txt", "2020-10-20", m{"Saturday", "2020-10-17", day}, 0},   // agreed on Saturday
		{"07_governing.txt", "2020-10-20", m{"Thursday", "2020-10-22", day}, 0},   // agreed on Saturday to open … from Thursday
		{"07_governing.txt", "2020-10-20", m{"Monday", "2020-10-19", day}, 0},     // On Monday, the two sides exchanged …, a step mediators hope will
		{"07_governing.txt", "2020-10-20", m{"Monday", "2020-10-19", day}, 1},     // Oryen, the … minister, met the envoy on Monday
		{"07_governing.txt", "2020-10-20", m{"Sunday", "2020-10-18", day}, 0},     // Her deputy, who will stay …, on Sunday spoke
		{"07_governing.txt", "2020-10-20", m{"Friday", "2020-10-23", day}, 0},     // will reach displaced families … on Friday
		{"07_governing.txt", "2020-10-20", m{"Saturday", "2020-10-17", day}, 1},   // The planned visit on Saturday was called off
		{"07_governing.txt", "2020-10-20", m{"November", "2020-11", month}, 0},    // said she hopes the vote in November will
		{"07_governing.txt", "2020-10-20", m{"Thursday", "2020-10-22", day}, 1},   // is set to meet behind closed doors on Thursday
		{"07_governing.txt", "2020-10-20", m{"October 31", "2020-10-31", day}, 0}, // warned that if the parties do not agree by October 31, aid may stop
		{"07_governing.txt", "2020-10-20", m{"Saturday", "2020-10-17", day}, 2},   // called the truce "a farce" on Saturday
		{"04_monitor.txt", "2020-09-30", m{"Thursday, 1 October", "2020-10-01", day}, 0},
		{"04_monitor.txt", "2020-09-30", m{"2-5 April 2016", "2016-04-02/2016-04-05", day}, 0},
	}
	for _, tt := range tests {
		text, ok := texts[tt.fixture]
		if !ok {
			t.Fatalf("no fixture %s", tt.fixture)
		}
		var pub corpus.Date
		if tt.published != "none" {
			pub = mustDate(t, tt.published)
		}
		n := 0
		var found *Mention
		for _, got := range Find(text, pub) {
			if got.Text == tt.want.text {
				if n == tt.nth {
					found = &got
					break
				}
				n++
			}
		}
		if found == nil {
			t.Errorf("%s, published %s: no mention %q number %d", tt.fixture, tt.published, tt.want.text, tt.nth)
			continue
		}
		if found.Value != tt.want.value || found.Precision != tt.want.prec {
			t.Errorf("%s, published %s: %q: got %q (%s), want %q (%s)", tt.fixture, tt.published, tt.want.text,
				found.Value, found.Precision, tt.want.value, tt.want.prec)
		}
	}
}

// TestFindNumbersFixture checks that the fixture full of numbers yields only
// its real dates.
func TestFindNumbersFixture(t *testing.T) {
	var text string
	for _, fx := range readFixtures(t) {
		if fx.name == "03_numbers.txt" {
			text = fx.text
		}
	}
	got := Find(text, mustDate(t, "2020-11-02"))
	var texts []string
	for _, g := range got {
		texts = append(texts, g.Text)
	}
	want := []string{"2014", "early November", "2019-20"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", texts, want)
	}
}

func BenchmarkFind(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	s := string(text)
	pub := mustDate(b, "2020-11-24")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Find(s, pub)
	}
}
