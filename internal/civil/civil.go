// Package civil holds calendar dates without a time of day: birth dates,
// activity starts, due dates. Dates are civil dates in Europe/Rome; they are
// stored as ISO 8601 text ("2025-05-16") on every database.
package civil

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date. The zero value means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Rome is the time zone of every civil date in the system.
var Rome = mustLoadRome()

func mustLoadRome() *time.Location {
	loc, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		// The Go distribution embeds tzdata via time/tzdata in main; fall back to a fixed zone.
		return time.FixedZone("CET", 3600)
	}
	return loc
}

// Of returns the civil date of t in Europe/Rome.
func Of(t time.Time) Date {
	y, m, d := t.In(Rome).Date()
	return Date{y, m, d}
}

// New returns the date y-m-d, normalised like time.Date.
func New(y int, m time.Month, d int) Date {
	return Of(time.Date(y, m, d, 12, 0, 0, 0, Rome))
}

// Parse reads an ISO date "2006-01-02".
func Parse(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("civil: %q is not a date as YYYY-MM-DD", s)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// MustParse is Parse for constants in tests and demo data; it panics on error.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero date.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// String formats d as "2006-01-02", or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.AppendISO(make([]byte, 0, 10)))
}

// AppendISO appends d formatted as String does to b, without allocating.
func (d Date) AppendISO(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	b = AppendPadded(b, d.Year, 4)
	b = append(b, '-')
	b = AppendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return AppendPadded(b, d.Day, 2)
}

// AppendPadded appends n in decimal, with leading zeros to width digits, as
// the verb %0Nd does, without fmt for n ≥ 0 (the batches format millions of
// dates, periods and codelines).
func AppendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		return fmt.Appendf(b, "%0*d", width, n)
	}
	for p := 10; width > 1; width, p = width-1, p*10 {
		if n < p {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// Italian formats d as "16/05/2025", the way the user interface shows dates.
func (d Date) Italian() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// Time returns noon of d in Europe/Rome (noon avoids DST edge cases).
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, Rome) }

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return New(d.Year, d.Month, d.Day+n) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.compare(e) > 0 }

func (d Date) compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return d.Year - e.Year
	case d.Month != e.Month:
		return int(d.Month) - int(e.Month)
	default:
		return d.Day - e.Day
	}
}

// DaysUntil returns the number of days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int {
	a := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	b := time.Date(e.Year, e.Month, e.Day, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// YearsAt returns the age in whole years on date at of a person born on d.
func (d Date) YearsAt(at Date) int {
	years := at.Year - d.Year
	if at.Month < d.Month || (at.Month == d.Month && at.Day < d.Day) {
		years--
	}
	return years
}

// Value stores d as ISO text, or NULL for the zero date.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date stored as text or returned by the driver as a time.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = Date{v.Year(), v.Month(), v.Day()}
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return fmt.Errorf("civil: cannot scan %T into a date", src)
}

func (d *Date) scanText(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	p, err := Parse(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// MarshalText formats d as ISO text for JSON.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses ISO text.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := Parse(string(b))
	*d = p
	return err
}
