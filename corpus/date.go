package corpus

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a date is known. A source that says "2019-04"
// tells us the month, not the day, and Parley never invents the rest.
type Precision uint8

// The precisions a Date can have, from knowing nothing to knowing the minute.
const (
	Unknown Precision = iota
	Year
	Month
	Day
	Time
)

var precisionNames = [...]string{"unknown", "year", "month", "day", "time"}

func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "unknown"
}

// MarshalText writes the precision's name, as in "month".
func (p Precision) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Date is a point or period in time known to some precision: "2019-04" is the
// whole of April 2019. Start holds the first instant of that period.
type Date struct {
	Start     time.Time
	Precision Precision
}

// IsZero reports whether nothing is known about the date.
func (d Date) IsZero() bool { return d.Precision == Unknown }

// End returns the first instant after the period the date covers: the end of
// the day for a day, the end of the month for a month.
func (d Date) End() time.Time {
	switch d.Precision {
	case Year:
		return d.Start.AddDate(1, 0, 0)
	case Month:
		return d.Start.AddDate(0, 1, 0)
	case Day:
		return d.Start.AddDate(0, 0, 1)
	case Time:
		return d.Start.Add(time.Minute)
	}
	return time.Time{}
}

// String writes the date with exactly the precision that is known:
// "2019", "2019-04", "2019-04-15" or "2019-04-15T10:30:00+03:00"; "" when unknown.
func (d Date) String() string {
	switch d.Precision {
	case Year:
		return d.Start.Format("2006")
	case Month:
		return d.Start.Format("2006-01")
	case Day:
		return d.Start.Format("2006-01-02")
	case Time:
		return d.Start.Format(time.RFC3339)
	}
	return ""
}

// Month returns the "YYYY-MM" the date falls in, or "" if the month is not known.
func (d Date) Month() string {
	if d.Precision < Month {
		return ""
	}
	return d.Start.Format("2006-01")
}

// MarshalJSON writes the date as in String, or null when it is unknown.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	parsed, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// timeLayouts are full timestamps seen in exports and feeds, tried in order.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
}

// ParseDate reads a date as news exports write them and keeps its precision:
//
//	2019                       year
//	2019-04                    month
//	2019-04-15                 day
//	2019-04-15T10:30:00+03:00  time (also without zone or seconds, or with a space for T)
//	4/15/2019, 4/15/19         day, month first as in US exports; a first number
//	                           above 12 is read as the day (15/4/2019)
//	Mon, 15 Apr 2019 10:30:00 +0000   time, as in RSS feeds
//
// Two-digit years 00–68 are 2000–2068 and 69–99 are 1969–1999, as POSIX does.
// Dates without a zone are taken as UTC. An empty string is an unknown date,
// not an error.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if d, ok := parseISO(s); ok {
		return d, nil
	}
	if d, ok := parseSlashed(s); ok {
		return d, nil
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return Date{Start: t, Precision: Time}, nil
		}
	}
	return Date{}, fmt.Errorf("unrecognised date %q (want YYYY, YYYY-MM, YYYY-MM-DD, a timestamp or M/D/YYYY)", s)
}

// earliestPublication is the first year a news article can have been
// published in: the first printed newspapers date from the 1600s.
const earliestPublication = 1600

// publicationLead is how far past now a publication date may lie: time
// zones and embargoed stories put a day or so ahead.
const publicationLead = 48 * time.Hour

// timeNow is the clock dates are checked against; tests set it.
var timeNow = time.Now

// implausibility says why d cannot be when a news article was published,
// at time now (before 1600, or after tomorrow), or "" when it can.
func implausibility(d Date, now time.Time) string {
	switch {
	case d.Start.Year() < earliestPublication:
		return fmt.Sprintf("before %d", earliestPublication)
	case d.Start.After(now.Add(publicationLead)):
		return "in the future"
	}
	return ""
}

// parseISO reads YYYY, YYYY-MM and YYYY-MM-DD, checking the calendar.
func parseISO(s string) (Date, bool) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, false
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			return Date{}, false
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, false
		}
		nums[i] = n
	}
	switch len(nums) {
	case 1:
		return Date{Start: time.Date(nums[0], 1, 1, 0, 0, 0, 0, time.UTC), Precision: Year}, true
	case 2:
		if nums[1] < 1 || nums[1] > 12 {
			return Date{}, false
		}
		return Date{Start: time.Date(nums[0], time.Month(nums[1]), 1, 0, 0, 0, 0, time.UTC), Precision: Month}, true
	default:
		return calendarDay(nums[0], nums[1], nums[2])
	}
}

// parseSlashed reads M/D/YYYY and M/D/YY.
func parseSlashed(s string) (Date, bool) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return Date{}, false
	}
	var nums [3]int
	for i, p := range parts {
		if len(p) == 0 || len(p) > 4 || (i < 2 && len(p) > 2) {
			return Date{}, false
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, false
		}
		nums[i] = n
	}
	month, day, year := nums[0], nums[1], nums[2]
	switch len(parts[2]) {
	case 2:
		if year < 69 {
			year += 2000
		} else {
			year += 1900
		}
	case 4:
	default:
		return Date{}, false
	}
	if month > 12 && day <= 12 {
		month, day = day, month
	}
	return calendarDay(year, month, day)
}

// calendarDay builds a day, refusing dates such as 2019-02-30 that
// time.Date would quietly roll over into March.
func calendarDay(year, month, day int) (Date, bool) {
	if month < 1 || month > 12 || day < 1 {
		return Date{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return Date{}, false
	}
	return Date{Start: t, Precision: Day}, true
}
