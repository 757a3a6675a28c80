package csvfile

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parceldesk/portal/domain/country"
	"github.com/parceldesk/portal/domain/money"
	"github.com/parceldesk/portal/domain/zone"
)

func TestParseTime(t *testing.T) {
	cn := zone.China
	paris := time.FixedZone("UTC+1", 3600)
	utc := func(y int, m time.Month, d, hh, mm, ss, ns int) time.Time {
		return time.Date(y, m, d, hh, mm, ss, ns, time.UTC)
	}
	in := func(loc *time.Location, y int, m time.Month, d, hh, mm int) time.Time {
		return time.Date(y, m, d, hh, mm, 0, 0, loc)
	}
	for _, tt := range []struct {
		in    string
		order DateOrder
		loc   *time.Location
		want  time.Time
	}{
		// RFC 3339 / ISO 8601: the offset in the value wins over loc.
		{"2026-02-21T10:00:00Z", DateOrderUnknown, cn, utc(2026, 2, 21, 10, 0, 0, 0)},
		{"2026-02-21T10:00:00.5Z", DateOrderUnknown, cn, utc(2026, 2, 21, 10, 0, 0, 5e8)},
		{"2026-02-21T10:00:00.123456789+08:00", DateOrderUnknown, paris, utc(2026, 2, 21, 2, 0, 0, 123456789)},
		{"2026-02-21T10:00+08:00", DateOrderUnknown, paris, utc(2026, 2, 21, 2, 0, 0, 0)},
		{"2026-02-21 10:00:00 +0000", DateOrderUnknown, cn, utc(2026, 2, 21, 10, 0, 0, 0)},
		{"2024-05-03 10:59:00 +0200", DateOrderUnknown, cn, utc(2024, 5, 3, 8, 59, 0, 0)},
		{"2026-02-21T10:00:00-0500", DateOrderUnknown, cn, utc(2026, 2, 21, 15, 0, 0, 0)},
		{"2026-02-21T10:00:00+08", DateOrderUnknown, paris, utc(2026, 2, 21, 2, 0, 0, 0)},
		{"20260221T103000Z", DateOrderUnknown, cn, utc(2026, 2, 21, 10, 30, 0, 0)},
		// No offset: read in loc.
		{"2026-02-21 10:00:00", DateOrderUnknown, cn, utc(2026, 2, 21, 2, 0, 0, 0)},
		{"2026-02-21 10:00", DateOrderUnknown, paris, utc(2026, 2, 21, 9, 0, 0, 0)},
		{"2026-02-21T10:00", DateOrderUnknown, cn, utc(2026, 2, 21, 2, 0, 0, 0)},
		{"2026-02-21", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"2026/02/21", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"2026/2/1 9:05", DateOrderUnknown, cn, in(cn, 2026, 2, 1, 9, 5)},
		{"2026.02.21", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"  2026-02-21 10:00:00\u00a0", DateOrderUnknown, cn, utc(2026, 2, 21, 2, 0, 0, 0)},
		{"2026-02-21 10:00:00", DateOrderUnknown, nil, utc(2026, 2, 21, 2, 0, 0, 0)}, // nil loc is China time
		// Day-first and month-first.
		{"21/02/2026 14:05", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 14, 5)},
		{"21/02/2026 14:05", DayFirst, cn, in(cn, 2026, 2, 21, 14, 5)},
		{"5/31/2016 0:37", DateOrderUnknown, cn, in(cn, 2016, 5, 31, 0, 37)},
		{"5/31/2016 0:37", MonthFirst, cn, in(cn, 2016, 5, 31, 0, 37)},
		{"03/04/2026", DayFirst, cn, in(cn, 2026, 4, 3, 0, 0)},
		{"03/04/2026", MonthFirst, cn, in(cn, 2026, 3, 4, 0, 0)},
		{"3/4/2026 9:05", DayFirst, cn, in(cn, 2026, 4, 3, 9, 5)},
		{"04/04/2026", DateOrderUnknown, cn, in(cn, 2026, 4, 4, 0, 0)},
		{"03-04-2026", DayFirst, cn, in(cn, 2026, 4, 3, 0, 0)},
		{"21-02-2026", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"21/02/26", DayFirst, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"5/31/2016 12:37 PM", MonthFirst, cn, in(cn, 2016, 5, 31, 12, 37)},
		{"5/31/2016 12:05 AM", MonthFirst, cn, in(cn, 2016, 5, 31, 0, 5)},
		{"5/31/2016 1:05 p.m.", MonthFirst, cn, in(cn, 2016, 5, 31, 13, 5)},
		{"2/21/2026, 10:00:00 AM", MonthFirst, cn, in(cn, 2026, 2, 21, 10, 0)},
		// DD.MM.YYYY is day-first whatever the file's order.
		{"21.02.2026", MonthFirst, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"03.04.2026 14:05", MonthFirst, cn, in(cn, 2026, 4, 3, 14, 5)},
		// Digits only.
		{"20260221", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"20260221103000", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 10, 30)},
		{"1771668000", DateOrderUnknown, cn, utc(2026, 2, 21, 10, 0, 0, 0)},
		{"1771668000123", DateOrderUnknown, cn, utc(2026, 2, 21, 10, 0, 0, 123e6)},
		{"46074", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"46074.5", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 12, 0)},
		// Month names.
		{"Feb 21, 2026", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"February 21, 2026", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"Feb 21st, 2026", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"Sept 1, 2026 10:00", DateOrderUnknown, cn, in(cn, 2026, 9, 1, 10, 0)},
		{"21 Feb 2026", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"21-Feb-2026", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 0, 0)},
		{"21 february 2026 14:05", DateOrderUnknown, cn, in(cn, 2026, 2, 21, 14, 5)},
		{"Sat, 21 Feb 2026 10:00:00 GMT", DateOrderUnknown, cn, utc(2026, 2, 21, 10, 0, 0, 0)},
		{"Sat, 21 Feb 2026 10:00:00 +0800", DateOrderUnknown, paris, utc(2026, 2, 21, 2, 0, 0, 0)},
		// Trailing zones as Cainiao writes them.
		{"2026-02-21 10:00:00 GMT+8", DateOrderUnknown, paris, utc(2026, 2, 21, 2, 0, 0, 0)},
		{"2026-02-21 10:00:00 GMT+2", DateOrderUnknown, cn, utc(2026, 2, 21, 8, 0, 0, 0)},
		{"2026-02-21 10:00:00 GMT-3", DateOrderUnknown, cn, utc(2026, 2, 21, 13, 0, 0, 0)},
		{"2026-02-21 10:00 UTC+08:00", DateOrderUnknown, paris, utc(2026, 2, 21, 2, 0, 0, 0)},
		{"2026-02-21 10:00:00 (GMT+08:00)", DateOrderUnknown, paris, utc(2026, 2, 21, 2, 0, 0, 0)},
		{"2026-02-21 10:00:00 UTC", DateOrderUnknown, cn, utc(2026, 2, 21, 10, 0, 0, 0)},
		{"2026-02-21 10:00:00 GMT+5:30", DateOrderUnknown, cn, utc(2026, 2, 21, 4, 30, 0, 0)},
		{"21/02/2026 10:00 GMT+0", DayFirst, cn, utc(2026, 2, 21, 10, 0, 0, 0)},
	} {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTime(tt.in, tt.order, tt.loc)
			if err != nil {
				t.Fatalf("ParseTime(%q, %v): %v", tt.in, tt.order, err)
			}
			if want := tt.want; !got.Equal(want) {
				t.Errorf("ParseTime(%q, %v): got %v, want %v", tt.in, tt.order, got, want)
			}
		})
	}
}

func TestParseTimeErrors(t *testing.T) {
	for _, tt := range []struct {
		in    string
		order DateOrder
		want  string
	}{
		{"31/31/2026", DateOrderUnknown, `unrecognised date "31/31/2026"`},
		{"31/31/2026", DayFirst, `unrecognised date "31/31/2026"`},
		{"02/13/2026", DayFirst, `unrecognised date "02/13/2026"`},
		{"13/02/2026", MonthFirst, `unrecognised date "13/02/2026"`},
		{"03/04/2026", DateOrderUnknown, `ambiguous date "03/04/2026": day or month first?`},
		{"", DateOrderUnknown, "empty date"},
		{"yesterday", DateOrderUnknown, `unrecognised date "yesterday"`},
		{"2026-02-30", DateOrderUnknown, `unrecognised date "2026-02-30"`},
		{"2025-02-29", DateOrderUnknown, `unrecognised date "2025-02-29"`},
		{"2026-02-21 25:00", DateOrderUnknown, `unrecognised date "2026-02-21 25:00"`},
		{"2026-02-21 10:00 PST", DateOrderUnknown, `unrecognised date "2026-02-21 10:00 PST"`},
		{"2026-02-21 10:00 +15:00", DateOrderUnknown, `unrecognised date "2026-02-21 10:00 +15:00"`},
		{"2026-02-21T", DateOrderUnknown, `unrecognised date "2026-02-21T"`},
		{"1/2/3", DayFirst, `unrecognised date "1/2/3"`},
		{"13:00 2026-02-21", DateOrderUnknown, `unrecognised date "13:00 2026-02-21"`},
		{"1899-12-31", DateOrderUnknown, `unrecognised date "1899-12-31"`},
		{"12345678", DateOrderUnknown, `unrecognised date "12345678"`},
		{"17716680", DateOrderUnknown, `unrecognised date "17716680"`},
		{"Smarch 3, 2026", DateOrderUnknown, `unrecognised date "Smarch 3, 2026"`},
		{"5/31/2016 13:05 PM", MonthFirst, `unrecognised date "5/31/2016 13:05 PM"`},
		{strings.Repeat("9", 100), DateOrderUnknown, `unrecognised date "` + strings.Repeat("9", 60) + `…"`},
	} {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseTime(tt.in, tt.order, zone.China)
			if err == nil {
				t.Fatalf("ParseTime(%q): want an error", tt.in)
			}
			if got, want := err.Error(), tt.want; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestDetectDateOrder(t *testing.T) {
	for _, tt := range []struct {
		name      string
		samples   []string
		want      DateOrder
		ambiguous bool
	}{
		{"day first", []string{"03/04/2026", "13/02/2026 10:00", "01/01/2026"}, DayFirst, false},
		{"month first", []string{"5/31/2016 0:37", "6/1/2016 13:05"}, MonthFirst, false},
		{"dashes count too", []string{"21-02-2026"}, DayFirst, false},
		{"two-digit years", []string{"02/13/26"}, MonthFirst, false},
		{"nothing decides", []string{"03/04/2026", "01/02/2026"}, DateOrderUnknown, true},
		{"no order-dependent dates", []string{"2026-02-21", "Feb 21, 2026", "21.02.2026", "1771668000000"}, DateOrderUnknown, false},
		{"dotted only", []string{"03.04.2026"}, DateOrderUnknown, false},
		{"no samples", nil, DateOrderUnknown, false},
		{"contradiction, mostly day first", []string{"13/02/2026", "14/02/2026", "02/13/2026"}, DayFirst, true},
		{"contradiction, even", []string{"13/02/2026", "02/13/2026"}, DateOrderUnknown, true},
		{"garbage ignored", []string{"", "n/a", "13/02/2026", "1/2/3"}, DayFirst, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ambiguous := DetectDateOrder(tt.samples)
			if want := tt.want; got != want || ambiguous != tt.ambiguous {
				t.Errorf("got %v, %v, want %v, %v", got, ambiguous, want, tt.ambiguous)
			}
		})
	}
}

func TestParseDateOrder(t *testing.T) {
	for _, o := range []DateOrder{DateOrderUnknown, DayFirst, MonthFirst} {
		got, ok := ParseDateOrder(o.String())
		if want := o; got != want || !ok {
			t.Errorf("ParseDateOrder(%q): got %v, %v, want %v", o.String(), got, ok, want)
		}
	}
	if _, ok := ParseDateOrder("sideways"); ok {
		t.Error(`ParseDateOrder("sideways"): want false`)
	}
}

func TestParseZone(t *testing.T) {
	ref := time.Date(2026, 2, 21, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		want int // offset in seconds at ref
	}{
		{"GMT+8", 8 * 3600}, {"GMT+2", 2 * 3600}, {"UTC+08:00", 8 * 3600}, {"+0800", 8 * 3600},
		{"-05:00", -5 * 3600}, {"UTC", 0}, {"Z", 0}, {"GMT+5:30", 5*3600 + 1800}, {"(GMT+08:00)", 8 * 3600},
	} {
		loc, err := ParseZone(tt.in)
		if err != nil {
			t.Errorf("ParseZone(%q): %v", tt.in, err)
			continue
		}
		if _, got := ref.In(loc).Zone(); got != tt.want {
			t.Errorf("ParseZone(%q): offset %d, want %d", tt.in, got, tt.want)
		}
	}
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil { // needs the zone database
		got, err := ParseZone("Asia/Shanghai")
		if err != nil || got.String() != loc.String() {
			t.Errorf("ParseZone(Asia/Shanghai): got %v, %v", got, err)
		}
	}
	for _, in := range []string{"", "PST", "GMT+99", "Mars/Olympus"} {
		if _, err := ParseZone(in); err == nil {
			t.Errorf("ParseZone(%q): want an error", in)
		}
	}
}

// rowRecord builds a record in canonicalMapping's column order.
func rowRecord(cells map[Column]string) []string {
	rec := make([]string, len(Columns)+1)
	for c, v := range cells {
		rec[canonicalMapping()[c]] = v
	}
	return rec
}

func TestParseRow(t *testing.T) {
	cn := zone.China
	m := canonicalMapping()
	opts := ParseOptions{DateOrder: DayFirst, Location: cn}
	for _, tt := range []struct {
		name  string
		rec   []string
		m     Mapping
		opts  ParseOptions
		want  Row
		error string // the RowError's reason
	}{
		{name: "order_ref alone", rec: rowRecord(map[Column]string{ColOrderRef: "#1001"}),
			want: Row{Line: 7, OrderRef: "#1001"}},
		{name: "every column", rec: rowRecord(map[Column]string{
			ColOrderRef: " AE8123456789012345 ", ColTrackingNumber: "lp 0012 3456 7890", ColCarrier: "Cainiao",
			ColService: "AliExpress Standard Shipping", ColLastMileTrackingNumber: "ug251350054mv",
			ColLastMileCarrier: "Correos", ColStatus: "[Shenzhen] Departed from sorting center",
			ColStatusAt: "21/02/2026 10:00", ColLocation: "Shenzhen", ColDestinationCountry: "España",
			ColOrderDate: "2026-02-01 09:00:00", ColCustomerName: "Jörg Müller", ColCustomerEmail: "jorg@example.com",
			ColProduct: "Phone case 6.1\"", ColOrderValue: "US $120.95", ColCurrency: "USD",
			ColPromisedBy: "2026-04-01", ColProtectionEndsAt: "2026-04-20 23:00", ColStatusTZ: "GMT+2",
		}), want: Row{Line: 7, OrderRef: "AE8123456789012345", TrackingNumber: "LP001234567890", Carrier: "Cainiao",
			Service: "AliExpress Standard Shipping", LastMileTrackingNumber: "UG251350054MV", LastMileCarrier: "Correos",
			Status: "[Shenzhen] Departed from sorting center", StatusAt: time.Date(2026, 2, 21, 8, 0, 0, 0, time.UTC),
			Location: "Shenzhen", DestinationCountry: "ES", OrderDate: time.Date(2026, 2, 1, 9, 0, 0, 0, cn),
			CustomerName: "Jörg Müller", CustomerEmail: "jorg@example.com", Product: "Phone case 6.1\"",
			OrderValue: "120.95", Currency: "USD", PromisedBy: time.Date(2026, 4, 1, 23, 59, 59, 999999000, cn),
			ProtectionEndsAt: time.Date(2026, 4, 20, 23, 0, 0, 0, cn)}},
		{name: "shopify continuation row", rec: []string{"#1001", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "2", "Cable", "10.00"},
			m:    Mapping{ColOrderRef: 0, ColCustomerEmail: 1, ColCurrency: 7, ColOrderValue: 11, ColOrderDate: 15, ColProduct: 17},
			want: Row{Line: 7, OrderRef: "#1001", Product: "Cable"}},
		{name: "record shorter than the header", rec: []string{"A1", "RR123456789CN"},
			want: Row{Line: 7, OrderRef: "A1", TrackingNumber: "RR123456789CN"}},
		{name: "fields beyond the header are ignored", rec: append(rowRecord(map[Column]string{ColOrderRef: "A1"}), "extra", "x"),
			want: Row{Line: 7, OrderRef: "A1"}},
		{name: "status without status_at", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColStatus: "Delivered"}),
			want: Row{Line: 7, OrderRef: "A1", Status: "Delivered"}},
		{name: "status_at without status", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColStatusAt: "2026-02-21T10:00:00Z"}),
			want: Row{Line: 7, OrderRef: "A1", StatusAt: time.Date(2026, 2, 21, 10, 0, 0, 0, time.UTC)}},
		{name: "an offset in the value beats status_tz", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColStatusAt: "2026-02-21 10:00 +0000", ColStatusTZ: "GMT+8"}),
			want: Row{Line: 7, OrderRef: "A1", StatusAt: time.Date(2026, 2, 21, 10, 0, 0, 0, time.UTC)}},
		{name: "epoch milliseconds", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColStatusAt: "1771668000000"}),
			want: Row{Line: 7, OrderRef: "A1", StatusAt: time.Date(2026, 2, 21, 10, 0, 0, 0, time.UTC)}},
		{name: "placeholders are empty", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColTrackingNumber: "N/A", ColDestinationCountry: "-", ColStatusAt: "null", ColOrderValue: "#N/A", ColCustomerEmail: "none"}),
			want: Row{Line: 7, OrderRef: "A1"}},
		{name: "NA is Namibia", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColDestinationCountry: "NA"}),
			want: Row{Line: 7, OrderRef: "A1", DestinationCountry: "NA"}},
		{name: "spreadsheet text markers", rec: rowRecord(map[Column]string{ColOrderRef: `="0034123"`, ColTrackingNumber: "'00340434161094042557"}),
			want: Row{Line: 7, OrderRef: "0034123", TrackingNumber: "00340434161094042557"}},
		{name: "currency column fills in", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderValue: "12,50", ColCurrency: "eur"}),
			want: Row{Line: 7, OrderRef: "A1", OrderValue: "12.50", Currency: "EUR"}},
		{name: "currency column settles a dollar sign", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderValue: "$12", ColCurrency: "CAD"}),
			want: Row{Line: 7, OrderRef: "A1", OrderValue: "12", Currency: "CAD"}},
		{name: "currency column as a sign", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderValue: "12", ColCurrency: "€"}),
			want: Row{Line: 7, OrderRef: "A1", OrderValue: "12", Currency: "EUR"}},
		{name: "currency without a value", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColCurrency: "USD"}),
			want: Row{Line: 7, OrderRef: "A1", Currency: "USD"}},
		{name: "yen in a JPY file", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderValue: "¥300", ColCurrency: "JPY"}),
			want: Row{Line: 7, OrderRef: "A1", OrderValue: "300", Currency: "JPY"}},
		{name: "promised in days after the order", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderDate: "2024-02-24 15:00:51", ColPromisedBy: "90"}),
			want: Row{Line: 7, OrderRef: "A1", OrderDate: time.Date(2024, 2, 24, 15, 0, 51, 0, cn), PromisedBy: time.Date(2024, 5, 24, 23, 59, 59, 999999000, cn)}},
		{name: "several emails", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColCustomerEmail: "a@example.com, b@example.com"}),
			want: Row{Line: 7, OrderRef: "A1", CustomerEmail: "a@example.com"}},
		{name: "month-first file", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderDate: "5/31/2016 0:37"}), opts: ParseOptions{DateOrder: MonthFirst},
			want: Row{Line: 7, OrderRef: "A1", OrderDate: time.Date(2016, 5, 31, 0, 37, 0, 0, cn)}},

		{name: "empty order_ref", rec: rowRecord(map[Column]string{ColStatus: "Delivered"}), error: "order_ref is empty"},
		{name: "blank order_ref", rec: rowRecord(map[Column]string{ColOrderRef: "  "}), error: "order_ref is empty"},
		{name: "order_ref not mapped", rec: []string{"x"}, m: Mapping{ColStatus: 0}, error: "order_ref is empty"},
		{name: "order_ref rounded by excel", rec: rowRecord(map[Column]string{ColOrderRef: "8.12346E+15"}),
			error: `order_ref: "8.12346E+15" was rounded by a spreadsheet; format the column as text and export again`},
		{name: "order_ref too long", rec: rowRecord(map[Column]string{ColOrderRef: strings.Repeat("x", 101)}), error: "order_ref: longer than 100 characters"},
		{name: "bad status_at", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColStatusAt: "31/31/2026"}),
			error: `status_at: unrecognised date "31/31/2026"`},
		{name: "ambiguous date with no order", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderDate: "03/04/2026"}), opts: ParseOptions{},
			error: `order_date: ambiguous date "03/04/2026": day or month first?`},
		{name: "unknown country", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColDestinationCountry: "Atlantis"}),
			error: `destination_country: unknown country "Atlantis"`},
		{name: "negative value", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderValue: "-5"}),
			error: `order_value: negative amount "-5"`},
		{name: "not an amount", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderValue: "free"}),
			error: `order_value: not an amount: "free"`},
		{name: "not an email", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColCustomerEmail: "Jörg Müller"}),
			error: "customer_email: not an email address"},
		{name: "conflicting currencies", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderValue: "US $12", ColCurrency: "EUR"}),
			error: `currency: "EUR" does not match the amount's currency "USD"`},
		{name: "dollar sign and euro column", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColOrderValue: "$12", ColCurrency: "EUR"}),
			error: `currency: "EUR" does not match the amount's currency sign`},
		{name: "unknown currency", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColCurrency: "Bitcoin"}),
			error: `currency: unknown currency "Bitcoin"`},
		// A tracking value that is not a number keeps the order: the value is set aside with a warning.
		{name: "tracking note", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColTrackingNumber: "pending", ColStatus: "Processing"}),
			want: Row{Line: 7, OrderRef: "A1", Status: "Processing", UnrecognisedTracking: "pending",
				Warning: `tracking_number: "pending" is not a tracking number; the order was imported without it`}},
		{name: "short internal code", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColTrackingNumber: "X12"}),
			want: Row{Line: 7, OrderRef: "A1", UnrecognisedTracking: "X12",
				Warning: `tracking_number: "X12" is not a tracking number; the order was imported without it`}},
		{name: "two tracking numbers", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColTrackingNumber: "UG1234567MV, UG7654321MV"}),
			want: Row{Line: 7, OrderRef: "A1", UnrecognisedTracking: "UG1234567MV, UG7654321MV",
				Warning: "tracking_number: more than one tracking number in one cell; the order was imported without it"}},
		{name: "tracking rounded by excel", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColTrackingNumber: "LP00123456789012", ColLastMileTrackingNumber: "3.40434E+19"}),
			want: Row{Line: 7, OrderRef: "A1", TrackingNumber: "LP00123456789012", UnrecognisedTracking: "3.40434E+19",
				Warning: `last_mile_tracking_number: "3.40434E+19" was rounded by a spreadsheet; format the column as text and export again; the order was imported without it`}},
		{name: "tracking with a url", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColTrackingNumber: "https://t.17track.net/UG1"}),
			want: Row{Line: 7, OrderRef: "A1", UnrecognisedTracking: "https://t.17track.net/UG1",
				Warning: `tracking_number: unexpected character ':' in "https://t.17track.net/UG1"; the order was imported without it`}},
		{name: "both numbers odd", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColTrackingNumber: "'tbd", ColLastMileTrackingNumber: "awaiting\nlabel"}),
			want: Row{Line: 7, OrderRef: "A1", UnrecognisedTracking: "tbd / awaiting label",
				Warning: `tracking_number: "tbd" is not a tracking number; the order was imported without it; ` +
					`last_mile_tracking_number: more than one tracking number in one cell; the order was imported without it`}},
		{name: "an odd tracking value does not hide the row's problems", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColTrackingNumber: "pending", ColDestinationCountry: "Atlantis"}),
			error: `destination_country: unknown country "Atlantis"`},
		{name: "bad status_tz", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColStatusTZ: "Mars"}),
			error: `status_tz: unrecognised time zone "Mars"`},
		{name: "promise in days without an order date", rec: rowRecord(map[Column]string{ColOrderRef: "A1", ColPromisedBy: "20"}),
			error: "promised_by: 20 days needs an order_date"},
		{name: "every problem is named", rec: rowRecord(map[Column]string{ColDestinationCountry: "Atlantis", ColCustomerEmail: "x"}),
			error: `order_ref is empty; destination_country: unknown country "Atlantis"; customer_email: not an email address`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mm, o := tt.m, tt.opts
			if mm == nil {
				mm = m
			}
			if o == (ParseOptions{}) && tt.name != "ambiguous date with no order" {
				o = opts
			}
			got, err := ParseRow(tt.rec, 7, mm, o)
			if tt.error != "" {
				var re RowError
				if !errors.As(err, &re) {
					t.Fatalf("got %v, want a RowError", err)
				}
				if got, want := re, (RowError{Line: 7, Reason: tt.error}); got != want {
					t.Errorf("got  %q\nwant %q", got.Reason, want.Reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseRow: %v", err)
			}
			if want := tt.want; !rowsEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

// rowsEqual compares rows with time.Equal, so that a time's zone does not matter.
func rowsEqual(a, b Row) bool {
	times := func(r *Row) []time.Time {
		t := []time.Time{r.StatusAt, r.OrderDate, r.PromisedBy, r.ProtectionEndsAt}
		r.StatusAt, r.OrderDate, r.PromisedBy, r.ProtectionEndsAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		return t
	}
	ta, tb := times(&a), times(&b)
	for i := range ta {
		if !ta[i].Equal(tb[i]) {
			return false
		}
	}
	return a == b
}

func TestParseRowFromFiles(t *testing.T) {
	// The whole path a file takes: sniff, read, match the header, detect dates, parse rows.
	for _, tt := range []struct {
		file   string
		order  DateOrder
		rows   int
		errors []string
		first  Row
	}{
		{file: "csv_utf8_bom.csv", order: MonthFirst, rows: 2,
			first: Row{Line: 2, OrderRef: "1001", OrderDate: time.Date(2016, 5, 31, 0, 37, 0, 0, zone.China), Status: "completed",
				OrderValue: "12.50", CustomerEmail: "anna@example.com", DestinationCountry: "DE"}},
		{file: "csv_shopify.csv", order: DateOrderUnknown, rows: 3,
			first: Row{Line: 2, OrderRef: "#1001", CustomerEmail: "ann@example.com", Status: "fulfilled", Currency: "EUR",
				OrderValue: "35.00", Service: "Standard", OrderDate: time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC), Product: "Phone case 6.1\""}},
		{file: "csv_gbk.csv", order: DateOrderUnknown, rows: 2,
			first: Row{Line: 2, OrderRef: "CN-1", TrackingNumber: "YT1234567890123", Status: "深圳市 已发货", CustomerName: "张三", DestinationCountry: "US"}},
		{file: "csv_windows1252.csv", order: DateOrderUnknown, rows: 2,
			first: Row{Line: 2, OrderRef: "D-1", CustomerName: "Müller", DestinationCountry: "DE", OrderValue: "12.50", Currency: "EUR"}},
		{file: "csv_utf16le_bom.csv", order: DateOrderUnknown, rows: 2,
			first: Row{Line: 2, OrderRef: "TT-1", CustomerName: "Zoë Brontë", DestinationCountry: "FR", Status: "Livré"}},
		{file: "csv_utf8.csv", order: DateOrderUnknown, rows: 3,
			first: Row{Line: 2, OrderRef: "AE1001", TrackingNumber: "LP00123456789012", Carrier: "Cainiao",
				Status: "[Shenzhen] Departed from sorting center", StatusAt: time.Date(2026, 2, 21, 10, 0, 0, 0, zone.China), DestinationCountry: "US"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			data := mustReadTestdata(t, tt.file)
			rr, _, err := Open(strings.NewReader(string(data)))
			if err != nil {
				t.Fatal(err)
			}
			header, _, err := rr.Read()
			if err != nil {
				t.Fatal(err)
			}
			m := MatchHeader(append([]string(nil), header...))
			if err := m.Validate(); err != nil {
				t.Fatal(err)
			}
			var rows []Row
			var reasons []string
			for {
				rec, line, err := rr.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				row, err := ParseRow(rec, line, m, ParseOptions{DateOrder: tt.order})
				if err != nil {
					reasons = append(reasons, err.Error())
					continue
				}
				rows = append(rows, row)
			}
			if got, want := reasons, tt.errors; !reflect.DeepEqual(got, want) {
				t.Errorf("errors: got %q, want %q", got, want)
			}
			if got, want := len(rows), tt.rows; got != want {
				t.Fatalf("got %d rows, want %d", got, want)
			}
			if got, want := rows[0], tt.first; !rowsEqual(got, want) {
				t.Errorf("first row:\ngot  %+v\nwant %+v", got, want)
			}
		})
	}
}

func FuzzParseRow(f *testing.F) {
	f.Add("AE1|lp 123 456|Cainiao|Standard|UG1MV|Correos|Delivered|21/02/2026 10:00|Paris|France|2026-02-01|Ann|a@b.co|Lamp|€1.234,56|EUR|90|2026-04-01|GMT+8", uint8(1))
	f.Add("#1001||||||||||||||||||", uint8(0))
	f.Add("|x|y", uint8(2))
	f.Add("A|||||||03/04/2026||Atlantis|||x||-5|XYZ|||Mars", uint8(0))
	f.Add("8.1E+15|3.4E+19||||||1771668000000||uk|46074.5|||| US $-1|$|20||", uint8(2))
	m := canonicalMapping()
	f.Fuzz(func(t *testing.T, s string, order uint8) {
		rec := strings.Split(s, "|")
		opts := ParseOptions{DateOrder: DateOrder(order % 3)}
		row, err := ParseRow(rec, 42, m, opts)
		if err != nil {
			var re RowError
			if !errors.As(err, &re) {
				t.Fatalf("got %T %v, want a RowError", err, err)
			}
			if re.Line != 42 || re.Reason == "" || !utf8.ValidString(re.Reason) {
				t.Fatalf("bad RowError %+v", re)
			}
			return
		}
		if row.OrderRef == "" || row.Line != 42 {
			t.Fatalf("row without order_ref or line: %+v", row)
		}
		for _, tn := range []string{row.TrackingNumber, row.LastMileTrackingNumber} {
			if tn != "" && (strings.ToUpper(tn) != tn || strings.ContainsAny(tn, " \t\n")) {
				t.Fatalf("tracking number %q not normalised", tn)
			}
		}
		if v := row.OrderValue; v != "" {
			if _, _, err := money.Parse(v); err != nil || strings.ContainsAny(v, ", ") {
				t.Fatalf("order value %q is not a plain decimal", v)
			}
		}
		if c := row.Currency; c != "" && !money.IsCode(c) {
			t.Fatalf("currency %q", c)
		}
		if c := row.DestinationCountry; c != "" {
			if got, ok := country.Parse(c); !ok || got != c {
				t.Fatalf("country %q", c)
			}
		}
	})
}

// benchRecords reads benchRows' records, checking that each parses: the rows BenchmarkParseRow
// times are rows an import accepts.
func benchRecords(tb testing.TB) (recs [][]string, lines []int, m Mapping, opts ParseOptions) {
	tb.Helper()
	header, body := benchRows(64)
	rr := NewRecordReader(strings.NewReader(string(header)+string(body)), Dialect{EncodingUTF8, false, ','})
	for {
		rec, line, err := rr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		recs = append(recs, append([]string(nil), rec...))
		lines = append(lines, line)
	}
	m = MatchHeader(recs[0])
	recs, lines = recs[1:], lines[1:]
	opts = ParseOptions{DateOrder: DayFirst, Location: zone.China}
	for i, rec := range recs {
		if _, err := ParseRow(rec, lines[i], m, opts); err != nil {
			tb.Fatalf("%v: %q", err, rec)
		}
	}
	return recs, lines, m, opts
}

// TestBenchRecords keeps BenchmarkParseRow's rows parsing: benchmarks do not run with the tests,
// and a column added to the header once broke it unnoticed.
func TestBenchRecords(t *testing.T) {
	if recs, _, _, _ := benchRecords(t); len(recs) != 64 {
		t.Fatalf("got %d records, want 64", len(recs))
	}
}

func BenchmarkParseRow(b *testing.B) {
	recs, lines, m, opts := benchRecords(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(recs)
		if _, err := ParseRow(recs[k], lines[k], m, opts); err != nil {
			b.Fatal(err)
		}
	}
}
