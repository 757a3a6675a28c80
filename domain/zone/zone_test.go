package zone

import (
	"strings"
	"testing"
	"time"
)

func TestZones(t *testing.T) {
	madrid, err := Lookup("Europe/Madrid")
	if err != nil || madrid.String() != "Europe/Madrid" {
		t.Fatalf("Lookup(Europe/Madrid) = %v, %v", madrid, err)
	}
	if again, _ := Lookup("Europe/Madrid"); again != madrid {
		t.Errorf("Lookup loaded Europe/Madrid twice")
	}
	for _, name := range []string{"", "Local", "localtime", "Mars/Olympus", "europe/madrid ", "Europe/" + strings.Repeat("x", 64)} {
		if _, err := Lookup(name); err != ErrUnknown {
			t.Errorf("Lookup(%q): err = %v, want ErrUnknown", name, err)
		}
		if got := Load(name); got != China {
			t.Errorf("Load(%q) = %v, want the one fallback, China", name, got)
		}
	}
	if got := Load("Europe/Madrid"); got != madrid {
		t.Errorf("Load(Europe/Madrid) = %v", got)
	}
}

func TestEndOfDay(t *testing.T) {
	berlin, err := Lookup("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   time.Time
		want time.Time
	}{
		{time.Date(2026, 10, 25, 0, 0, 0, 0, berlin), time.Date(2026, 10, 25, 23, 59, 59, 999999000, berlin)},   // 25-hour day
		{time.Date(2026, 3, 29, 12, 0, 0, 0, berlin), time.Date(2026, 3, 29, 23, 59, 59, 999999000, berlin)},    // 23-hour day
		{time.Date(2026, 3, 29, 22, 30, 0, 0, time.UTC), time.Date(2026, 3, 30, 23, 59, 59, 999999000, berlin)}, // already the 30th in Berlin
	} {
		if got := EndOfDay(tc.in, berlin); !got.Equal(tc.want) {
			t.Errorf("EndOfDay(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
