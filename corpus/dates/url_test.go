package dates

import (
	"testing"

	"github.com/parleysearch/parley/corpus"
)

func TestFromURL(t *testing.T) {
	tests := []struct {
		url  string
		want string // "" for none
		prec corpus.Precision
	}{
		{"https://meridianwire.example.org/world/2016/09/20/monitors-say", "2016-09-20", day},
		{"https://vta.example.net/en/news/2020/11/24/oryan-urges", "2020-11-24", day},
		{"https://example.org/2020/10/", "2020-10", month},
		{"https://example.org/2020/10/123456/slug", "2020-10", month},
		{"https://example.org/news/20161201/slug", "2016-12-01", day},
		{"https://example.org/news/20161201.html", "2016-12-01", day},
		{"https://example.org/a/story-2019-04-05-slug.html", "2019-04-05", day},
		{"https://example.org/world/2020/oct/20/talks", "2020-10-20", day},
		{"https://example.org/2019/04/05/talks-2019-04-05", "2019-04-05", day},
		{"https://example.org/2019/04/talks-2019-04-05", "2019-04-05", day},
		{"/2016/09/20/slug", "2016-09-20", day},
		{"//example.org/2016/09/slug?page=2#top", "2016-09", month},

		{"https://example.org/2020/", "", unknown},
		{"https://example.org/2020/story-123", "", unknown},
		{"https://example.org/article/12345678", "", unknown},
		{"https://example.org/story/20201301", "", unknown},
		{"https://example.org/p/202010201234", "", unknown},
		{"https://example.org/2020/13/05/", "", unknown},
		{"https://example.org/2020/02/30/slug", "", unknown},
		{"https://example.org/2020/10/00/slug", "", unknown},
		{"https://example.org/1985/10/20/slug", "", unknown},
		{"https://example.org/2020/1/5/slug", "", unknown},
		{"https://example.org/2019/04/05/slug-2019-04-06", "", unknown},
		{"https://example.org/2019/04/slug-2019-05-06", "", unknown},
		{"https://example.org/story?date=2020-10-20", "", unknown},
		{"https://example.org/id/120201020/", "", unknown},
		{"https://2020.example.org/10/", "", unknown},
		{"https://example.org", "", unknown},
		{"", "", unknown},
	}
	for _, tt := range tests {
		d, ok := FromURL(tt.url)
		if ok != (tt.want != "") {
			t.Errorf("FromURL(%q): got ok %v (%s), want %v", tt.url, ok, d, tt.want != "")
			continue
		}
		if ok && (d.String() != tt.want || d.Precision != tt.prec) {
			t.Errorf("FromURL(%q) = %s (%s), want %s (%s)", tt.url, d, d.Precision, tt.want, tt.prec)
		}
	}
}
