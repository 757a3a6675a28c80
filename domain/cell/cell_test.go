package cell

import (
	"strings"
	"testing"
)

func TestTrim(t *testing.T) {
	for in, want := range map[string]string{
		"":                      "",
		"DE":                    "DE",
		"  DE\t":                "DE",
		"\uFEFF12.50\u00a0":     "12.50",
		"\u200bLP123\u2060\r\n": "LP123",
		"a b":                   "a b",
	} {
		if got := Trim(in); got != want {
			t.Errorf("Trim(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuote(t *testing.T) {
	if got := Quote(`say "hi"`); got != `"say \"hi\""` {
		t.Errorf("Quote = %s", got)
	}
	long := strings.Repeat("é", 100)
	if got := Quote(long); got != `"`+strings.Repeat("é", 60)+`…"` {
		t.Errorf("Quote(100 runes) = %s", got)
	}
}
