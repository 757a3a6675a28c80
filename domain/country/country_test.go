package country

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
	}{
		{"US", "US"}, {"us", "US"}, {"USA", "US"}, {"U.S.A.", "US"}, {"U.S.", "US"}, {"United States", "US"},
		{"united states of america", "US"}, {"  United States  ", "US"}, {"UK", "GB"}, {"uk", "GB"}, {"GB", "GB"},
		{"GBR", "GB"}, {"United Kingdom", "GB"}, {"Great Britain", "GB"}, {"England", "GB"},
		{"DE", "DE"}, {"deu", "DE"}, {"Germany", "DE"}, {"Deutschland", "DE"}, {"Allemagne", "DE"}, {"Niemcy", "DE"},
		{"España", "ES"}, {"Espana", "ES"}, {"ESPAÑA", "ES"}, {"Spain", "ES"}, {"Nederland", "NL"}, {"The Netherlands", "NL"},
		{"Holland", "NL"}, {"Россия", "RU"}, {"Russian Federation", "RU"}, {"Russia", "RU"}, {"Российская Федерация", "RU"},
		{"Korea, Republic of", "KR"}, {"South Korea", "KR"}, {"Korea", "KR"}, {"대한민국", "KR"}, {"North Korea", "KP"},
		{"Czechia", "CZ"}, {"Czech Republic", "CZ"}, {"Česko", "CZ"}, {"Türkiye", "TR"}, {"Turkey", "TR"},
		{"Côte d'Ivoire", "CI"}, {"Cote dIvoire", "CI"}, {"Ivory Coast", "CI"}, {"Bosnia & Herzegovina", "BA"},
		{"Bosnia and Herzegovina", "BA"}, {"Trinidad & Tobago", "TT"}, {"St. Lucia", "LC"}, {"Saint Lucia", "LC"},
		{"Viet Nam", "VN"}, {"Vietnam", "VN"}, {"中国", "CN"}, {"美国", "US"}, {"日本", "JP"}, {"Brasil", "BR"},
		{"México", "MX"}, {"Polska", "PL"}, {"Sverige", "SE"}, {"Österreich", "AT"}, {"Schweiz", "CH"},
		{"Suisse", "CH"}, {"Hong Kong", "HK"}, {"Taiwan", "TW"}, {"Macao", "MO"}, {"Macau", "MO"},
		{"Congo", "CG"}, {"DR Congo", "CD"}, {"Democratic Republic of the Congo", "CD"}, {"Kosovo", "XK"},
		{"Germany (DE)", "DE"}, {"Reunion", "RE"}, {"Réunion", "RE"}, {"Curaçao", "CW"}, {"Åland Islands", "AX"},
		{"Iran", "IR"}, {"Iran, Islamic Republic of", "IR"}, {"Bolivia", "BO"}, {"Venezuela", "VE"},
		{"Canary Islands", "ES"}, {"Puerto Rico", "PR"}, {"UAE", "AE"}, {"Emirates", "AE"}, {"Eesti", "EE"},
		{"Ελλάδα", "GR"}, {"Україна", "UA"}, {"ישראל", "IL"}, {"the Bahamas", "BS"}, {"Bahamas", "BS"},
	} {
		got, ok := Parse(tt.in)
		if want := tt.want; got != want || !ok {
			t.Errorf("Parse(%q): got %q, %v, want %q", tt.in, got, ok, want)
		}
	}
	for _, in := range []string{"", "Atlantis", "XX", "ZZZ", "Europe", "America!!!x", "N/A", "12"} {
		if got, ok := Parse(in); ok {
			t.Errorf("Parse(%q): got %q, want no country", in, got)
		}
	}
}

func TestTable(t *testing.T) {
	if got, want := len(countryTable), 250; got != want {
		t.Errorf("got %d countries, want %d (249 ISO 3166-1 and Kosovo)", got, want)
	}
	seen2, seen3 := map[string]bool{}, map[string]bool{}
	for _, c := range countryTable {
		if seen2[c.a2] || seen3[c.a3] {
			t.Errorf("%s/%s listed twice", c.a2, c.a3)
		}
		seen2[c.a2], seen3[c.a3] = true, true
		// The alpha-3 code agrees with CLDR's.
		if c.a2 != "XK" {
			r, err := language.ParseRegion(c.a2)
			if err != nil {
				t.Errorf("%s: %v", c.a2, err)
			} else if got, want := r.ISO3(), c.a3; got != want {
				t.Errorf("%s: alpha-3 %s, CLDR says %s", c.a2, want, got)
			}
		}
		// Every name leads back to its own country: no name is shared or shadowed.
		for _, names := range []string{c.a2, c.a3, c.english, c.local} {
			for _, n := range strings.Split(names, "|") {
				if got, ok := Parse(n); got != c.a2 || !ok {
					t.Errorf("Parse(%q): got %q, %v, want %s", n, got, ok, c.a2)
				}
			}
		}
	}
}

func TestName(t *testing.T) {
	for code, want := range map[string]string{"DE": "Germany", "KR": "South Korea", "XK": "Kosovo", "": "", "QQ": "QQ"} {
		if got := Name(code); got != want {
			t.Errorf("Name(%q) = %q, want %q", code, got, want)
		}
	}
}

// FuzzParse: whatever Parse accepts comes back as a code Parse accepts as itself, and Name knows.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"DE", "Deutschland", "Korea, Republic of", "Germany (DE)", "N/A", "the Bahamas", "中国", "\u00a0us\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, ok := Parse(s)
		if !ok {
			if code != "" {
				t.Fatalf("Parse(%q) = %q but not ok", s, code)
			}
			return
		}
		if again, ok := Parse(code); !ok || again != code {
			t.Fatalf("Parse(%q) = %q, and Parse(%q) = %q, %v", s, code, code, again, ok)
		}
		if Name(code) == code {
			t.Fatalf("Parse(%q) = %q, a code without a name", s, code)
		}
	})
}
