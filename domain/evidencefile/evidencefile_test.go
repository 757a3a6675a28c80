package evidencefile

import "testing"

func TestSafeName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, ct, want string }{
		{"photo.png", "image/png", "photo.png"},
		{"IMG_0042.JPEG", "image/jpeg", "IMG_0042.JPEG"},
		{"invoice.html", "image/png", "invoice.html.png"},
		{`C:\Users\mei\Desktop\label.pdf`, "application/pdf", "label.pdf"},
		{"../../etc/passwd", "application/pdf", "passwd.pdf"},
		{"a\"b;c\r\nd.png", "image/png", "abcd.png"},
		{"  .. ", "image/gif", "evidence.gif"},
		{"колет 收据.webp", "image/webp", "колет 收据.webp"},
		// Format characters are invisible: a right-to-left override (U+202E) would show
		// "photo<RLO>gnp.exe" as "photoexe.png"; zero-width ones hide in a name.
		{"photo\u202egnp.exe", "image/png", "photognp.exe.png"},
		{"in\u200bvoice\u2066.pdf\ufeff", "application/pdf", "invoice.pdf"},
	} {
		if got := SafeName(tc.name, tc.ct); got != tc.want {
			t.Errorf("SafeName(%q, %s) = %q, want %q", tc.name, tc.ct, got, tc.want)
		}
	}
}

func TestDetectEvidenceType(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		data []byte
		ct   string
		ok   bool
	}{
		{[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "image/png", true}, // the start of a PNG: sniffing reads its signature
		{[]byte("%PDF-1.7\n1 0 obj\n"), "application/pdf", true},
		{[]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "image/jpeg", true},
		{[]byte("<!DOCTYPE html><html><script>alert(1)</script>"), "text/html; charset=utf-8", false},
		{[]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), "application/octet-stream", false},
		{[]byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "text/xml; charset=utf-8", false},
	} {
		ct, ok := Detect(tc.data)
		if ct != tc.ct || ok != tc.ok {
			t.Errorf("Detect(%.12q) = %s, %v; want %s, %v", tc.data, ct, ok, tc.ct, tc.ok)
		}
	}
}
