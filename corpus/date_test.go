package corpus

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in        string
		want      string
		precision Precision
	}{
		{"", "", Unknown},
		{"2019", "2019", Year},
		{"2019-04", "2019-04", Month},
		{"2020-10-20", "2020-10-20", Day},
		{" 2020-10-20 ", "2020-10-20", Day},
		{"2020-10-20T10:30:00Z", "2020-10-20T10:30:00Z", Time},
		{"2020-10-20T10:30:00+03:00", "2020-10-20T10:30:00+03:00", Time},
		{"2020-10-20T10:30", "2020-10-20T10:30:00Z", Time},
		{"2020-10-20 10:30:05", "2020-10-20T10:30:05Z", Time},
		{"4/4/2017", "2017-04-04", Day},
		{"12/30/2017", "2017-12-30", Day},
		{"7/23/17", "2017-07-23", Day},
		{"1/2/99", "1999-01-02", Day},
		{"15/4/2019", "2019-04-15", Day},
		{"Mon, 02 Jan 2006 15:04:05 +0000", "2006-01-02T15:04:05Z", Time},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got.String() != tt.want || got.Precision != tt.precision {
			t.Errorf("ParseDate(%q) = %q (%s), want %q (%s)", tt.in, got, got.Precision, tt.want, tt.precision)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{"2019-13", "2019-02-30", "2019-4", "20190415", "13/13/2019", "yesterday", "2019/04/15", "1/2/123", "-2019"} {
		if d, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", in, d)
		}
	}
}

func TestDateEnd(t *testing.T) {
	tests := []struct{ in, end string }{
		{"2019", "2020-01-01"},
		{"2019-12", "2020-01-01"},
		{"2020-02-29", "2020-03-01"},
	}
	for _, tt := range tests {
		d, _ := ParseDate(tt.in)
		if got := d.End().Format("2006-01-02"); got != tt.end {
			t.Errorf("%s.End() = %s, want %s", tt.in, got, tt.end)
		}
	}
	if !(Date{}).End().IsZero() {
		t.Errorf("unknown date has an end")
	}
}

func TestDateJSON(t *testing.T) {
	d, _ := ParseDate("2019-04")
	b, err := json.Marshal(struct{ D, U Date }{D: d})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"D":"2019-04","U":null}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	var back struct{ D, U Date }
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.D != d || !back.U.IsZero() {
		t.Errorf("round trip: got %+v", back)
	}
	if d.Month() != "2019-04" || (Date{Start: time.Now(), Precision: Year}).Month() != "" {
		t.Errorf("Month() wrong")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Erdoğan":            "erdogan",
		"Əliyev":             "aliyev",
		"İlham  Əliyev":      "ilham aliyev",
		"Łódź":               "lodz",
		"Mnatsakanyan’s":     "mnatsakanyan's",
		"Сергей":             "сергей",
		"Nagorno‑Karabakh":   "nagorno-karabakh",
		" Zürich ":           "zurich",
		"Ceyhun Bayramov":    "ceyhun bayramov",
		"Bashar al-Assad":    "bashar al-assad",
		"Đorđević, Þórr, ßæ": "dordevic, thorr, ssae",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
