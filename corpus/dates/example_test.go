package dates_test

import (
	"fmt"

	"github.com/parleysearch/parley/corpus"
	"github.com/parleysearch/parley/corpus/dates"
)

func ExampleFind() {
	published, _ := corpus.ParseDate("2021-01-05")
	text := "Monitors said on Tuesday that shelling near Kelvash stopped on December 28. " +
		"The commission will meet on January 12; last month was the quietest since 1994."
	for _, m := range dates.Find(text, published) {
		fmt.Printf("%-12s %-11s %s\n", m.Text, m.Value, m.Precision)
	}
	// Output:
	// Tuesday      2021-01-05  day
	// December 28  2020-12-28  day
	// January 12   2021-01-12  day
	// last month   2020-12     month
	// 1994         1994        year
}

func ExampleDateline() {
	text := "BELVASTA, Oct 20 (Meridian Wire) - Dravonia's foreign ministry said on Tuesday…"
	d, start, end, method, ok := dates.Dateline(text, 2020)
	fmt.Println(d, d.Precision, text[start:end], method, ok)
	// Output:
	// 2020-10-20 day Oct 20 dateline true
}

func ExampleFromURL() {
	for _, url := range []string{
		"https://meridianwire.example.org/world/2020/11/20/detainees-home",
		"https://example.org/news/2020/10/",
		"https://example.org/story/20201120",
		"https://example.org/article/48213977",
	} {
		d, ok := dates.FromURL(url)
		fmt.Println(d, ok)
	}
	// Output:
	// 2020-11-20 true
	// 2020-10 true
	// 2020-11-20 true
	//  false
}
