package evidencefile

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSafeName: whatever name an upload carries, the stored one is valid UTF-8, not empty, free of
// path separators, quotes, control and invisible format characters, at most 100 characters
// before the extension, and ends in its content type's extension.
func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"photo.png", `C:\Users\mei\label.pdf`, "../../etc/passwd", "  .. ", "photo\u202egnp.exe", "\xff\xfe.png", "колет 收据.webp"} {
		f.Add(s, "image/png")
		f.Add(s, "application/pdf")
	}
	f.Add("IMG.JPEG", "image/jpeg")
	f.Add("notes", "text/plain")
	f.Fuzz(func(t *testing.T, name, ct string) {
		got := SafeName(name, ct)
		if got == "" || !utf8.ValidString(got) || strings.ContainsAny(got, `"'/\:*?<>|;%`) {
			t.Fatalf("SafeName(%q, %q) = %q", name, ct, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("SafeName(%q, %q) = %q keeps %U", name, ct, got, r)
			}
		}
		ext := types[ct]
		lower := strings.ToLower(got)
		if ext != "" && !strings.HasSuffix(lower, ext) && !(ext == ".jpg" && strings.HasSuffix(lower, ".jpeg")) {
			t.Fatalf("SafeName(%q, %q) = %q, without %s", name, ct, got, ext)
		}
		if n := utf8.RuneCountInString(got) - len(ext); n > 100 {
			t.Fatalf("SafeName(%q, %q) = %q: %d characters before the extension", name, ct, got, n)
		}
	})
}
