package tracking_test

import (
	"testing"

	"github.com/parceldesk/portal/domain/tracking"
)

func TestNormalizeService(t *testing.T) {
	for in, want := range map[string]string{
		"Cainiao Super Economy":           "cainiao super economy",
		"  Cainiao   Super\tEconomy ":     "cainiao super economy",
		"Cainiao\u00a0Super\u00a0Economy": "cainiao super economy", // no-break spaces
		"Cainiao\u202fSuper\u3000Economy": "cainiao super economy", // narrow no-break, ideographic
		"ÉCONOMIE Colissimo":              "économie colissimo",
		"":                                "",
		"\u00a0\u00a0":                    "",
		"AliExpress Standard Shipping":    "aliexpress standard shipping",
	} {
		if got := tracking.NormalizeService(in); got != want {
			t.Errorf("NormalizeService(%q) = %q, want %q", in, got, want)
		}
		if got := tracking.NormalizeService(want); got != want {
			t.Errorf("NormalizeService(%q) = %q, not idempotent", want, got)
		}
	}
}

func FuzzNormalizeService(f *testing.F) {
	f.Add("Cainiao\u00a0Super Economy")
	f.Fuzz(func(t *testing.T, s string) {
		n := tracking.NormalizeService(s)
		if tracking.NormalizeService(n) != n {
			t.Fatalf("not idempotent: %q → %q", s, n)
		}
	})
}
