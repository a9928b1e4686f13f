package dates

import (
	"testing"
	"time"
)

// TestDayNumber checks the calendar arithmetic that resolution uses
// against package time, day by day over the years Find reads.
func TestDayNumber(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := time.Date(minYear, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= maxYear; d = d.AddDate(0, 0, 1) {
		want := int(d.Sub(epoch).Hours() / 24)
		if got := dayNumber(d.Year(), int(d.Month()), d.Day()); got != want {
			t.Fatalf("dayNumber(%s) = %d, want %d", d.Format(time.DateOnly), got, want)
		}
		if d.Day() == 1 {
			want := d.AddDate(0, 1, -1).Day()
			if got := daysIn(d.Year(), int(d.Month())); got != want {
				t.Fatalf("daysIn(%d, %d) = %d, want %d", d.Year(), d.Month(), got, want)
			}
		}
	}
}
