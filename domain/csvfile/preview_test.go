package csvfile

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzDetect: the preview reads any start of a file without panicking; it refuses with an *Error
// that names the file, or gives a preview whose mapping points into its header and whose rows and
// date samples stay within their bounds.
func FuzzDetect(f *testing.F) {
	for _, name := range []string{"csv_utf8.csv", "csv_utf16le_bom.csv", "csv_windows1252.csv", "csv_gbk.csv",
		"csv_tab.csv", "csv_quoted.csv", "csv_shopify.csv", "csv_badquotes.csv", "csv_sepline.csv"} {
		f.Add(mustReadTestdata(f, name))
	}
	f.Add([]byte("order_ref,status,status_at\nA-1,Delivered,03/04/2026 10:00\nA-2,Delivered,04/03/2026\n"))
	f.Add([]byte("\"order\nref\";date\n1;2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Detect(bytes.NewReader(data))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || len(e.Fields) == 0 {
				t.Fatalf("Detect: got %T %v, want an *Error", err, err)
			}
			return
		}
		for col, i := range p.Mapping {
			if i < 0 || i >= len(p.Header) {
				t.Fatalf("%s mapped to column %d of a header of %d", col, i, len(p.Header))
			}
		}
		if len(p.Rows) > previewRows {
			t.Fatalf("%d preview rows, want at most %d", len(p.Rows), previewRows)
		}
		if p.DateAmbiguous && p.DateOrder != DateOrderUnknown {
			t.Fatalf("dates ambiguous but read as %v", p.DateOrder)
		}
	})
}
