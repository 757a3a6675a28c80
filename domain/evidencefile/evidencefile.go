// Package evidencefile decides what an uploaded evidence file is and what it is called: its
// content type read from its bytes, never its name, whether evidence may be of that type (images
// and PDFs, not SVG or HTML), and a name safe to store and serve it under. It knows nothing of
// the database or the rest of the portal; domain's AddEvidence applies it.
package evidencefile

import (
	"net/http"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// types are the content types an evidence file may have, with the file extension each is
// served under. SVG is not among them: it is a document that can carry script.
var types = map[string]string{
	"image/png":       ".png",
	"image/jpeg":      ".jpg",
	"image/gif":       ".gif",
	"image/webp":      ".webp",
	"application/pdf": ".pdf",
}

// Detect reads a file's content type from its first bytes (the WHATWG sniffing
// algorithm of http.DetectContentType), never from its name, and reports whether evidence may have
// it: an HTML page or a program renamed photo.png is refused.
func Detect(data []byte) (string, bool) {
	ct := http.DetectContentType(data)
	_, ok := types[ct]
	return ct, ok
}

// IsImage reports whether an evidence content type is an image, which pages may show inline.
func IsImage(contentType string) bool { return strings.HasPrefix(contentType, "image/") }

// SafeName is the name an evidence file is stored and served under: the uploaded name without
// its folders, control and invisible format characters (a right-to-left override shows the rest
// of a name backwards), quotes or path separators, at most 100 characters, ending in
// the extension of its real content type ("invoice.html" that is a PNG becomes
// "invoice.html.png"), so that whoever opens the download opens what it is.
func SafeName(name, contentType string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r), strings.ContainsRune(`"'/\:*?<>|;%`, r):
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.Trim(strings.Join(strings.Fields(b.String()), " "), ". ")
	if r := []rune(name); len(r) > 100 {
		name = string(r[:100])
	}
	if name == "" {
		name = "evidence"
	}
	ext := types[contentType]
	if lower := strings.ToLower(name); ext != "" && !strings.HasSuffix(lower, ext) &&
		!(ext == ".jpg" && strings.HasSuffix(lower, ".jpeg")) {
		name += ext
	}
	return name
}

// Describe words a sniffed content type for the refusal: "an HTML page", "plain text".
func Describe(ct string) string {
	mt, _, _ := strings.Cut(ct, ";")
	switch {
	case mt == "text/html":
		return "an HTML page"
	case mt == "text/xml":
		return "XML (an SVG image is XML, and is not accepted)"
	case mt == "text/plain":
		return "plain text"
	case mt == "application/octet-stream":
		return "unknown binary data (a program or an archive, for example)"
	}
	return mt
}
