package money

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/currency"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in       string
		amount   string
		currency string
	}{
		{"129.46", "129.46", ""},
		{"12", "12", ""},
		{"0", "0", ""},
		{"0.50", "0.50", ""},
		{"007", "7", ""},
		{".5", "0.5", ""},
		{"US $120.95", "120.95", "USD"},
		{"US$120.95", "120.95", "USD"},
		{"129,46zł", "129.46", "PLN"},
		{"129,46 zł", "129.46", "PLN"},
		{"€1.234,56", "1234.56", "EUR"},
		{"1.234,56 €", "1234.56", "EUR"},
		{"1 234,56 €", "1234.56", "EUR"},
		{"1\u00a0234,56\u00a0€", "1234.56", "EUR"},
		{"1,234.56", "1234.56", ""},
		{"1,234", "1234", ""},
		{"12.990", "12990", ""},
		{"0.125", "0.125", ""},
		{"1,2345", "1.2345", ""},
		{"1,234,567.89", "1234567.89", ""},
		{"1.234.567", "1234567", ""},
		{"12,34,567.00", "1234567.00", ""},
		{"1'234.50", "1234.50", ""},
		{"R$ 99,90", "99.90", "BRL"},
		{"£12", "12", "GBP"},
		{"¥300", "300", "CNY"},
		{"￥300", "300", "CNY"},
		{"A$ 15.00", "15.00", "AUD"},
		{"C$15", "15", "CAD"},
		{"HK$ 88", "88", "HKD"},
		{"$12.00", "12.00", ""},
		{"$12.00 USD", "12.00", "USD"},
		{"USD 12.00", "12.00", "USD"},
		{"12.00 usd", "12.00", "USD"},
		{"EUR12", "12", "EUR"},
		{"99 kr", "99", ""},
		{"99 kr.", "99", ""},
		{"99 SEK", "99", "SEK"},
		{"1 200 ₽", "1200", "RUB"},
		{"1200 руб.", "1200", "RUB"},
		{"CHF 12.50", "12.50", "CHF"},
		{"₹1,00,000", "100000", "INR"},
		{"12,50 Kč", "12.50", "CZK"},
		{"  12.50  ", "12.50", ""},
	} {
		t.Run(tt.in, func(t *testing.T) {
			amount, cur, err := Parse(tt.in)
			currency := cur.Code
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if amount != tt.amount || currency != tt.currency {
				t.Errorf("Parse(%q): got %q %q, want %q %q", tt.in, amount, currency, tt.amount, tt.currency)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
	}{
		{"", "empty amount"},
		{"-12.00", `negative amount "-12.00"`},
		{"(12.00)", `negative amount "(12.00)"`},
		{"12.00-", `negative amount "12.00-"`},
		{"−5", `negative amount "−5"`},
		{"US $-5", `negative amount "US $-5"`},
		{"free", `not an amount: "free"`},
		{"12abc", `not an amount: "12abc"`},
		{"12 XYZ", `not an amount: "12 XYZ"`},
		{"1e5", `not an amount: "1e5"`},
		{"1.234.56", `not an amount: "1.234.56"`},
		{"1,,2", `not an amount: "1,,2"`},
		{"12.5.6,7", `not an amount: "12.5.6,7"`},
		{"€12 USD", `two different currencies in "€12 USD"`},
		{"1234567890123", `amount too large: "1234567890123"`},
		{"1.23456", `too many decimals in "1.23456"`},
		{"12 34", `not an amount: "12 34"`},
	} {
		t.Run(tt.in, func(t *testing.T) {
			_, _, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q): want an error", tt.in)
			}
			if got, want := err.Error(), tt.want; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestErrTooLarge: the sentinel, not the text, says an amount is too large.
func TestErrTooLarge(t *testing.T) {
	for in, want := range map[string]error{"1234567890123": ErrTooLarge, "US$ 1,234,567,890,123.00": ErrTooLarge,
		"free": ErrInvalid, "": ErrInvalid, "1.23456": ErrInvalid, "123456789012": nil} {
		_, _, err := Parse(in)
		if want == nil {
			if err != nil {
				t.Errorf("Parse(%q): %v", in, err)
			}
			continue
		}
		if !errors.Is(err, want) {
			t.Errorf("Parse(%q): %v, want errors.Is %v", in, err, want)
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q): %T, want a *Error", in, err)
		}
	}
}

// TestCodes: the codes are golang.org/x/text/currency's tender of today brought up to date, and
// they are the active ISO 4217 list (as the Debian iso-codes table had it when the portal kept
// its own: this test fails when the library's tables change).
func TestCodes(t *testing.T) {
	const iso4217 = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB " +
		"BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN " +
		"ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK " +
		"JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK " +
		"MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG " +
		"QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS " +
		"TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER " +
		"ZAR ZMW ZWG ZWL"
	want := strings.Fields(iso4217)
	if len(codes) != len(want) {
		t.Errorf("%d codes, want %d", len(codes), len(want))
	}
	for _, c := range want {
		if !IsCode(c) {
			t.Errorf("%s is not a code", c)
		}
	}
	for _, c := range []string{"XAU", "XTS", "USN", "DEM", "MRO", "VEF", "usd", "", "EURO"} {
		if IsCode(c) {
			t.Errorf("%q is a code", c)
		}
	}
	// The additions are needed: the library's tender of today lacks each of them.
	lib := map[string]bool{}
	for it := currency.Query(currency.Date(time.Now())); it.Next(); {
		lib[it.Unit().String()] = true
	}
	for _, c := range strings.Fields(newerCodes) {
		if lib[c] {
			t.Errorf("%s: golang.org/x/text/currency has it now; take it out of newerCodes", c)
		}
	}
}

// FuzzParse: an accepted amount is a plain decimal Parse accepts as itself, with at most 12
// digits before the point and 4 after; a refused one is a *Error.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"US $120.95", "129,46zł", "€1.234,56", "1,234.56", "₹1,00,000", "(12.00)", "1234567890123", "$12.00 USD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		amount, cur, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !(errors.Is(err, ErrInvalid) || errors.Is(err, ErrTooLarge)) {
				t.Fatalf("Parse(%q): %T %v", s, err, err)
			}
			return
		}
		if cur.Code != "" && !IsCode(cur.Code) {
			t.Fatalf("Parse(%q): currency %q", s, cur.Code)
		}
		whole, frac, _ := strings.Cut(amount, ".")
		if len(whole) == 0 || len(whole) > 12 || len(frac) > 4 || strings.Trim(whole+frac, "0123456789") != "" {
			t.Fatalf("Parse(%q) = %q", s, amount)
		}
		// Written back, it reads the same — but for three decimals, which Parse reads as a
		// thousands group ("1.234"); "1.234,567" gives one.
		if len(frac) == 3 && strings.Trim(whole, "0") != "" {
			return
		}
		if again, c, err := Parse(amount); err != nil || again != amount || !c.Empty() {
			t.Fatalf("Parse(%q) = %q, and Parse(%q) = %q, %v, %v", s, amount, amount, again, c, err)
		}
	})
}

// ExampleParse shows the shapes sellers' files write amounts in.
func ExampleParse() {
	for _, s := range []string{"US $120.95", "129,46zł", "€1.234,56", "1,234.56"} {
		amount, cur, _ := Parse(s)
		fmt.Printf("%s %q\n", amount, cur.Code)
	}
	// Output:
	// 120.95 "USD"
	// 129.46 "PLN"
	// 1234.56 "EUR"
	// 1234.56 ""
}
