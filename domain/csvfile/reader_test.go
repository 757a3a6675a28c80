package csvfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode"
	"unicode/utf8"
)

func mustReadTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readItem is one result of RecordReader.Read: a record or a row error, at a line.
type readItem struct {
	Line   int
	Rec    []string
	Reason string // set for a RowError
}

func (it readItem) String() string {
	if it.Reason != "" {
		return fmt.Sprintf("line %d: error %q", it.Line, it.Reason)
	}
	return fmt.Sprintf("line %d: %q", it.Line, it.Rec)
}

// mustReadAll reads every record, failing the test on anything but row errors.
func mustReadAll(t testing.TB, rr *RecordReader) []readItem {
	t.Helper()
	var items []readItem
	for i := 0; ; i++ {
		if i > 1e6 {
			t.Fatal("reader does not stop")
		}
		rec, line, err := rr.Read()
		if err == io.EOF {
			return items
		}
		var re RowError
		switch {
		case errors.As(err, &re):
			if re.Line != line {
				t.Fatalf("RowError line %d, Read line %d", re.Line, line)
			}
			items = append(items, readItem{Line: line, Reason: re.Reason})
		case err != nil:
			t.Fatalf("Read: %v", err)
		default:
			items = append(items, readItem{Line: line, Rec: append([]string(nil), rec...)})
		}
	}
}

func TestSniffDialect(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   []byte
		want Dialect
	}{
		{"utf-8 comma", []byte("a,b,c\n1,2,3\n"), Dialect{EncodingUTF8, false, ','}},
		{"utf-8 bom semicolon", []byte("\xEF\xBB\xBFa;b;c\r\n1;2,5;3\r\n"), Dialect{EncodingUTF8, true, ';'}},
		{"tab", []byte("a\tb\tc\n1\t2\t3\n"), Dialect{EncodingUTF8, false, '\t'}},
		{"pipe", []byte("a|b|c\n1|2|3\n"), Dialect{EncodingUTF8, false, '|'}},
		{"single column", []byte("order_ref\nA1\nA2\n"), Dialect{EncodingUTF8, false, ','}},
		{"decimal commas in a semicolon file", []byte("order;value;total\nA;12,50;13,00\nB;1,00;2,00\n"), Dialect{EncodingUTF8, false, ';'}},
		{"commas inside quotes", []byte("a;b\n\"x, y, z\";1\n\"p, q\";2\n"), Dialect{EncodingUTF8, false, ';'}},
		{"semicolons inside quotes", []byte("a,b,c\n\"x;y;z\",1,2\n\"p;q\",2,3\n"), Dialect{EncodingUTF8, false, ','}},
		{"quoted newlines", []byte("a,b\n\"line\none;two;three\",1\n"), Dialect{EncodingUTF8, false, ','}},
		{"excel sep line", []byte("sep=;\na,b,c\n1,2,3\n"), Dialect{EncodingUTF8, false, ';'}},
		{"utf-16le bom", []byte("\xFF\xFEa\x00,\x00b\x00\n\x00"), Dialect{EncodingUTF16LE, true, ','}},
		{"utf-16be bom", []byte("\xFE\xFF\x00a\x00;\x00b\x00\n"), Dialect{EncodingUTF16BE, true, ';'}},
		{"utf-16le without bom", []byte("a\x00\t\x00b\x00\n\x001\x00\t\x002\x00\n\x00"), Dialect{EncodingUTF16LE, false, '\t'}},
		{"utf-16be without bom", []byte("\x00a\x00,\x00b\x00\n\x001\x00,\x002\x00\n"), Dialect{EncodingUTF16BE, false, ','}},
		{"windows-1252", []byte("Name;City\nM\xFCller;K\xF6ln\nCaf\xE9;Z\xFCrich\n"), Dialect{EncodingWindows1252, false, ';'}},
		{"utf-8 with a stray latin-1 byte", []byte("Name,City\nJörg,Köln\nZoë,Málaga\nRené,Genève\nM\xFCller,X\n"), Dialect{EncodingUTF8, false, ','}},
		{"windows-1252 that is well-formed GBK", []byte("Name,City\nM\xFCller,K\xF6ln\n"), Dialect{EncodingWindows1252, false, ','}},
		{"gbk", []byte("\xb6\xa9\xb5\xa5\xba\xc5,\xd7\xb4\xcc\xac\nCN-1,\xd2\xd1\xb7\xa2\xbb\xf5\n"), Dialect{EncodingGBK, false, ','}},
		{"utf-8 cut mid-character", append(bytes.Repeat([]byte("a,b\n"), SniffBytes/4)[:SniffBytes-1], "中,文\n"...), Dialect{EncodingUTF8, false, ','}},
		{"long file, last line cut", bytes.Repeat([]byte("a;b;c\n"), SniffBytes/6+1), Dialect{EncodingUTF8, false, ';'}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SniffDialect(tt.in)
			if err != nil {
				t.Fatalf("SniffDialect: %v", err)
			}
			if want := tt.want; got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestSniffDialectRejects(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   []byte
		want string // start of the seller's message
	}{
		{"empty", nil, "The file is empty."},
		{"only a bom", []byte("\xEF\xBB\xBF"), "The file is empty."},
		{"only blank lines", []byte("\r\n\r\n  \n"), "The file is empty."},
		{"utf-16 bom only", []byte("\xFF\xFE"), "The file is empty."},
		{"xlsx", []byte("PK\x03\x04\x14\x00\x06\x00"), "This does not look like a CSV file: it is an Excel workbook"},
		{"xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "This does not look like a CSV file: it is an Excel workbook"},
		{"pdf", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "This does not look like a CSV file: it is a PDF"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "This does not look like a CSV file: it is an image"},
		{"nul bytes", []byte("a,b\n1,\x002\x00\x00\x00\n"), "This does not look like a CSV file: it holds binary data"},
		{"control bytes", []byte("\x01\x02\x03\x04\x05\x06a,b\x07\x08\x0e\x0f\n"), "This does not look like a CSV file: it holds binary data"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := SniffDialect(tt.in)
			var ve *Error
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *Error", err)
			}
			if got, want := ve.Fields["file"], tt.want; !strings.HasPrefix(got, want) {
				t.Errorf("got %q, want it to start with %q", got, want)
			}
		})
	}
}

func TestRecordReaderFiles(t *testing.T) {
	for _, tt := range []struct {
		file    string
		dialect Dialect
		want    []readItem
	}{
		{"csv_utf8.csv", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"Order ID", "Tracking Number", "Carrier", "Status", "Event Time", "Country"}},
			{Line: 2, Rec: []string{"AE1001", "LP00123456789012", "Cainiao", "[Shenzhen] Departed from sorting center", "2026-02-21 10:00:00", "US"}},
			{Line: 3, Rec: []string{"AE1002", "UG251350054MV", "Cainiao", "Import clearance start", "2026-02-22T08:30:00+08:00", "Deutschland"}},
			{Line: 4, Rec: []string{"AE1003", "CNG00012345", "Cainiao", "Zugestellt – Müller", "21.02.2026 14:05", "España"}},
		}},
		{"csv_utf8_bom.csv", Dialect{EncodingUTF8, true, ';'}, []readItem{
			{Line: 1, Rec: []string{"order_number", "date", "status", "order_total", "billing_email", "shipping_country"}},
			{Line: 2, Rec: []string{"1001", "5/31/2016 0:37", "completed", "12,50", "anna@example.com", "DE"}},
			{Line: 3, Rec: []string{"1002", "6/1/2016 13:05", "processing", "1.234,56", "bob@example.org", "FR"}},
		}},
		{"csv_utf16le_bom.csv", Dialect{EncodingUTF16LE, true, '\t'}, []readItem{
			{Line: 1, Rec: []string{"Order ID", "Recipient", "Country", "Status"}},
			{Line: 2, Rec: []string{"TT-1", "Zoë Brontë", "France", "Livré"}},
			{Line: 3, Rec: []string{"TT-2", "李雷", "中国", "已签收"}},
		}},
		{"csv_utf16be_bom.csv", Dialect{EncodingUTF16BE, true, ','}, []readItem{
			{Line: 1, Rec: []string{"Order ID", "Recipient", "Country"}},
			{Line: 2, Rec: []string{"TT-3", "Jörg Ångström", "Sverige"}},
			{Line: 3, Rec: []string{"TT-4", "Łukasz Żółć", "Polska"}},
		}},
		{"csv_windows1252.csv", Dialect{EncodingWindows1252, false, ';'}, []readItem{
			{Line: 1, Rec: []string{"Order number", "Contact person", "Country", "Price"}},
			{Line: 2, Rec: []string{"D-1", "Müller", "Germany", "€12,50"}},
			{Line: 3, Rec: []string{"D-2", "José Café", "Spain", "€1.234,56"}},
		}},
		{"csv_gbk.csv", Dialect{EncodingGBK, false, ','}, []readItem{
			{Line: 1, Rec: []string{"订单号", "运单号", "物流状态", "收件人", "国家"}},
			{Line: 2, Rec: []string{"CN-1", "YT1234567890123", "深圳市 已发货", "张三", "美国"}},
			{Line: 3, Rec: []string{"CN-2", "YT1234567890124", "北京 清关中", "李四", "德国"}},
		}},
		{"csv_tab.csv", Dialect{EncodingUTF8, false, '\t'}, []readItem{
			{Line: 1, Rec: []string{"Order", "Tracking", "Status"}},
			{Line: 2, Rec: []string{"T-1", "RR123456789CN", "In transit, sorting"}},
			{Line: 3, Rec: []string{"T-2", "", "Label created"}},
		}},
		{"csv_quoted.csv", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"order_ref", "status", "location"}},
			{Line: 2, Rec: []string{"A1", "Departed, sorting center", "Shenzhen"}},
			{Line: 3, Rec: []string{"A2", "Line one\nline two", "Guangzhou, CN"}},
			{Line: 6, Rec: []string{"A3", "He said \"hi\"\n\nthen left", "Paris"}},
			{Line: 10, Rec: []string{"A4", "Delivered", "Berlin", "extra", "columns"}},
			{Line: 11, Rec: []string{"A5", "Short"}},
		}},
		{"csv_shopify.csv", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: strings.Split("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price", ",")},
			{Line: 2, Rec: []string{"#1001", "ann@example.com", "paid", "2024-05-01 10:05:00 +0000", "fulfilled", "2024-05-02 09:00:00 +0000", "no", "EUR", "30.00", "5.00", "0.00", "35.00", "", "0.00", "Standard", "2024-05-01 10:00:00 +0000", "1", "Phone case 6.1\"", "10.00"}},
			{Line: 3, Rec: []string{"#1001", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "2", "Cable", "10.00"}},
			{Line: 4, Rec: []string{"#1002", "bo@example.com", "paid", "2024-05-03 11:00:00 +0000", "", "", "yes", "EUR", "1,200.00", "0.00", "0.00", "1,200.00", "", "0.00", "Express", "2024-05-03 10:59:00 +0200", "1", "Lamp", "1,200.00"}},
		}},
		{"csv_badquotes.csv", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"order_ref", "product", "status"}},
			{Line: 2, Rec: []string{"B1", "12\" TV", "Delivered"}},
			{Line: 3, Rec: []string{"B2", "Box \"big\" one", "Delivered"}},
			{Line: 4, Reason: "the quoted field that starts on this line is not closed properly; the line was skipped"},
			{Line: 5, Rec: []string{"B4", "Lamp", "In transit"}},
			{Line: 6, Reason: `a quoted field is not closed properly (a " inside quotes must be doubled: "")`},
			{Line: 7, Rec: []string{"B6", "Chair", "Delivered"}},
		}},
		{"csv_cr.csv", Dialect{EncodingUTF8, false, ';'}, []readItem{
			{Line: 1, Rec: []string{"order_ref", "status"}},
			{Line: 2, Rec: []string{"M1", "Delivered"}},
			{Line: 3, Rec: []string{"M2", "two\nlines"}},
			{Line: 5, Rec: []string{"M3", "Out for delivery"}},
		}},
		{"csv_sepline.csv", Dialect{EncodingUTF8, false, ';'}, []readItem{
			{Line: 2, Rec: []string{"order_ref", "status"}},
			{Line: 3, Rec: []string{"S1", "Delivered"}},
		}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			data := mustReadTestdata(t, tt.file)
			d, err := SniffDialect(data)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := d, tt.dialect; got != want {
				t.Fatalf("dialect: got %+v, want %+v", got, want)
			}
			// Whatever the size of the reads underneath, the result is the same.
			for _, src := range []struct {
				name string
				r    io.Reader
			}{
				{"whole", bytes.NewReader(data)},
				{"one byte", iotest.OneByteReader(bytes.NewReader(data))},
				{"half", iotest.HalfReader(bytes.NewReader(data))},
				{"data with EOF", iotest.DataErrReader(bytes.NewReader(data))},
			} {
				got := mustReadAll(t, NewRecordReader(src.r, d))
				if want := tt.want; !reflect.DeepEqual(got, want) {
					t.Errorf("%s reads:\ngot  %v\nwant %v", src.name, got, want)
				}
			}
		})
	}
}

func TestRecordReaderEdgeCases(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		d    Dialect
		want []readItem
	}{
		{"no final newline", "a,b\n1,2", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}}, {Line: 2, Rec: []string{"1", "2"}}}},
		{"blank and delimiter-only lines", "\n\na,b\n\n;;\n , \n1,2\n\n", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 3, Rec: []string{"a", "b"}}, {Line: 5, Rec: []string{";;"}}, {Line: 7, Rec: []string{"1", "2"}}}},
		{"space before a quote", "a, \"b, c\"\n", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b, c"}}}},
		{"tab keeps empty fields", "a\t\t\tb\n", Dialect{EncodingUTF8, false, '\t'}, []readItem{
			{Line: 1, Rec: []string{"a", "", "", "b"}}}},
		{"invalid utf-8 replaced", "a,b\nM\xFCller,1\n", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}}, {Line: 2, Rec: []string{"M\uFFFDller", "1"}}}},
		{"nul byte reported", "a,b\nx\x00y,1\nz,2\n", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}},
			{Line: 2, Reason: "the row holds NUL bytes (binary data); check the export"},
			{Line: 3, Rec: []string{"z", "2"}}}},
		{"bare quote with wrong field count is an error", "a,b,c\n1,2\"x\n3,4,5\n", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b", "c"}},
			{Line: 2, Reason: `a quote (") inside a field that is not quoted: quote the field and double the quote ("")`},
			{Line: 3, Rec: []string{"3", "4", "5"}}}},
		{"unclosed quote: the lines it swallowed are read again", "a,b\n1,\"open\n2,3\n", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}},
			{Line: 2, Reason: "the quoted field that starts on this line is not closed properly; the line was skipped"},
			{Line: 3, Rec: []string{"2", "3"}}}},
		{"lines read again must fit the header", "a,b,c\n1,\"open,x\nnote line\n3,4,5\n\"q\"z,1,2\n6,7,8\n", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b", "c"}},
			{Line: 2, Reason: "the quoted field that starts on this line is not closed properly; the line was skipped"},
			{Line: 3, Reason: "this line follows the quote left open on line 2 and does not have the header's 3 fields; check it"},
			{Line: 4, Rec: []string{"3", "4", "5"}},
			{Line: 5, Reason: `a quoted field is not closed properly (a " inside quotes must be doubled: "")`},
			{Line: 6, Rec: []string{"6", "7", "8"}}}},
		{"a quote left open twice is read again once", "a,b\n1,\"x\n2,\"y\n3,\"z\n4,ok\n", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}},
			{Line: 2, Reason: "the quoted field that starts on this line is not closed properly; the line was skipped"},
			{Line: 3, Reason: "lines 3–4 could not be read: the quoted field that starts on line 3 is not closed properly"},
			{Line: 5, Rec: []string{"4", "ok"}}}},
		{"unclosed quote on the last line is rescued", "a,b\n1,\"open", Dialect{EncodingUTF8, false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}}, {Line: 2, Rec: []string{"1", "open"}}}},
		{"crlf split from cr", "a;b\r\n1;2\r\n", Dialect{EncodingUTF8, false, ';'}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}}, {Line: 2, Rec: []string{"1", "2"}}}},
		{"invalid delimiter falls back to comma", "a,b\n", Dialect{EncodingUTF8, false, '"'}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}}}},
		{"unknown encoding read as utf-8", "a,b\n", Dialect{"klingon", false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}}}},
		{"latin-1 alias", "a,b\nM\xFCller,1\n", Dialect{"ISO-8859-1", false, ','}, []readItem{
			{Line: 1, Rec: []string{"a", "b"}}, {Line: 2, Rec: []string{"Müller", "1"}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := mustReadAll(t, NewRecordReader(strings.NewReader(tt.in), tt.d))
			if want := tt.want; !reflect.DeepEqual(got, want) {
				t.Errorf("got  %v\nwant %v", got, want)
			}
		})
	}
}

func TestRecordReaderLongRecord(t *testing.T) {
	// An unclosed quote on line 3 would swallow the rest of the file; with a small limit the reader
	// gives up on it, reports line 3, and reads the lines it swallowed again.
	var b strings.Builder
	b.WriteString("order_ref,status\nR1,ok\nR2,\"never closed\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "X%d,filler text to make it long\n", i)
	}
	b.WriteString("R3,ok\n")
	rr := NewRecordReader(strings.NewReader(b.String()), Dialect{EncodingUTF8, false, ','})
	rr.feed.limit, rr.maxRecord = 4<<10, 4<<10
	got := mustReadAll(t, rr)
	if got, want := len(got), 2004; got != want {
		t.Fatalf("got %d items, want %d (header, R1, the error, 2000 X rows, R3)", got, want)
	}
	if got, want := got[:2], []readItem{{Line: 1, Rec: []string{"order_ref", "status"}}, {Line: 2, Rec: []string{"R1", "ok"}}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got, want := got[2], (readItem{Line: 3, Reason: `a quote (") on this line is never closed (the field would be longer than 4 KiB); the line was skipped`}); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got, want := got[3], (readItem{Line: 4, Rec: []string{"X0", "filler text to make it long"}}); !reflect.DeepEqual(got, want) {
		t.Errorf("after the error: got %v, want %v", got, want)
	}
	// Line numbers stay right after the skip: the last record is R3 on line 2004.
	if got, want := got[len(got)-1], (readItem{Line: 2004, Rec: []string{"R3", "ok"}}); !reflect.DeepEqual(got, want) {
		t.Errorf("last: got %v, want %v", got, want)
	}
	// Whatever follows the skipped lines comes back as records or errors with growing lines.
	for i := 1; i < len(got); i++ {
		if got[i].Line <= got[i-1].Line {
			t.Errorf("lines go back: %v then %v", got[i-1], got[i])
		}
	}
}

func TestRecordReaderLongLineWithBadQuote(t *testing.T) {
	// encoding/csv reports the bare quote it finds in the part of a too-long line it got; the
	// line must still be skipped whole, not read again from the middle.
	in := strings.Repeat("0", 42) + `"` + strings.Repeat("0", 60) + "\nok,1\n"
	rr := NewRecordReader(strings.NewReader(in), Dialect{EncodingUTF8, false, ','})
	rr.feed.limit, rr.maxRecord = 48, 48
	got := mustReadAll(t, rr)
	want := []readItem{
		{Line: 1, Reason: "the line is longer than 48 bytes and was skipped"},
		{Line: 2, Rec: []string{"ok", "1"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestRecordReaderCleansDeepInFile(t *testing.T) {
	// Fields are only checked where the bytes were suspect; bad bytes far from the start, past
	// the first read, must still be caught.
	var b strings.Builder
	b.WriteString("order_ref,status\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, "R%d,In transit\n", i)
	}
	b.WriteString("BAD1,M\xFCller\nBAD2,x\x00y\nLAST,ok\n")
	got := mustReadAll(t, NewRecordReader(strings.NewReader(b.String()), Dialect{EncodingUTF8, false, ','}))
	want := []readItem{
		{Line: 20002, Rec: []string{"BAD1", "M\uFFFDller"}},
		{Line: 20003, Reason: "the row holds NUL bytes (binary data); check the export"},
		{Line: 20004, Rec: []string{"LAST", "ok"}},
	}
	if got := got[len(got)-3:]; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestRecordReaderReadError(t *testing.T) {
	boom := errors.New("connection reset")
	r := io.MultiReader(strings.NewReader("a,b\n1,2\n"), iotest.ErrReader(boom))
	rr := NewRecordReader(r, Dialect{EncodingUTF8, false, ','})
	for i := 0; i < 2; i++ {
		if _, _, err := rr.Read(); err != nil {
			t.Fatalf("Read %d: %v", i, err)
		}
	}
	for i := 0; i < 2; i++ {
		_, _, err := rr.Read()
		if !errors.Is(err, boom) {
			t.Fatalf("got %v, want %v", err, boom)
		}
		if errors.As(err, new(RowError)) {
			t.Fatalf("a read error must not look like a row error")
		}
	}
	if got, want := rr.BytesRead(), int64(len("a,b\n1,2\n")); got != want {
		t.Errorf("BytesRead: got %d, want %d", got, want)
	}
}

func TestRecordReaderReusesRecord(t *testing.T) {
	rr := NewRecordReader(strings.NewReader("a,b\n1,2\n"), Dialect{EncodingUTF8, false, ','})
	first, _, _ := rr.Read()
	kept := append([]string(nil), first...)
	second, _, _ := rr.Read()
	if got, want := kept, []string{"a", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("copy: got %q, want %q", got, want)
	}
	if got, want := second, []string{"1", "2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("second: got %q, want %q", got, want)
	}
}

func TestOpenCSV(t *testing.T) {
	data := mustReadTestdata(t, "csv_utf16le_bom.csv")
	rr, d, err := Open(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d, (Dialect{EncodingUTF16LE, true, '\t'}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got, want := len(mustReadAll(t, rr)), 3; got != want {
		t.Errorf("got %d records, want %d", got, want)
	}
	if _, _, err := Open(strings.NewReader("")); err == nil {
		t.Error("empty file: want an error")
	}
}

func TestMatchHeader(t *testing.T) {
	split := func(s string) []string { return strings.Split(s, ",") }
	for _, tt := range []struct {
		name   string
		header []string
		want   Mapping // the whole mapping
	}{
		{"canonical names", canonicalHeader(), canonicalMapping()},
		{"shopify", split("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References"),
			Mapping{ColOrderRef: 0, ColCustomerEmail: 1, ColStatus: 4, ColCurrency: 7, ColOrderValue: 11, ColService: 14,
				ColOrderDate: 15, ColProduct: 17, ColCustomerName: 34, ColDestinationCountry: 42, ColLocation: 53}},
		{"woocommerce", split("order_id,order_number_formatted,order_number,date,status,order_shipping,order_shipping_tax,order_fees,order_fee_tax,order_tax,cart_discount,order_discount,order_total,payment_method,shipping_method,customer_user,billing_first_name,billing_last_name,billing_email,billing_phone,billing_address_1,billing_address_2,billing_postcode,billing_city,billing_state,billing_country,billing_company,shipping_first_name,shipping_last_name,shipping_address_1,shipping_address_2,shipping_postcode,shipping_city,shipping_state,shipping_country,shipping_company,customer_note,order_item_1,order_item_2,download_permissions_granted,order_notes,shipping_method_1,shipping_cost_1"),
			Mapping{ColOrderRef: 2, ColOrderDate: 3, ColStatus: 4, ColOrderValue: 12, ColService: 14, ColCustomerEmail: 18, ColDestinationCountry: 34}},
		{"tiktok", split("Order ID,Order Status,Order Substatus,Cancelation/Return Type,Normal or Pre-order,SKU ID,Seller SKU,Product Name,Variation,Quantity,Sku Quantity of return,SKU Unit Original Price,SKU Subtotal Before Discount,SKU Platform Discount,SKU Seller Discount,SKU Subtotal After Discount,Shipping Fee After Discount,Original Shipping Fee,Shipping Fee Seller Discount,Shipping Fee Platform Discount,Payment platform discount,Taxes,Order Amount,Order Refund Amount,Created Time,Paid Time,RTS Time,Shipped Time,Delivered Time,Cancelled Time,Cancel By,Cancel Reason,Fulfillment Type,Warehouse Name,Tracking ID,Delivery Option,Shipping Provider Name,Buyer Message,Buyer Username,Recipient,Phone #,Country,Province,District,Commune,Detail Address,Additional address information,Payment Method,Weight(kg),Product Category,Package ID,Seller Note,Checked Status,Checked Marked by"),
			Mapping{ColOrderRef: 0, ColStatus: 1, ColProduct: 7, ColOrderValue: 22, ColOrderDate: 24, ColTrackingNumber: 34,
				ColService: 35, ColCarrier: 36, ColCustomerName: 39, ColDestinationCountry: 41}},
		{"aftership", split("tracking_number,courier,email,sms,order_id,title,order_path,customer_name,origin_country,destination_country,tracking_postal_code,tracking_ship_date,tracking_account_number,tracking_key,tracking_origin_country,tracking_destination_country,tracking_state"),
			Mapping{ColTrackingNumber: 0, ColCarrier: 1, ColCustomerEmail: 2, ColOrderRef: 4, ColProduct: 5, ColCustomerName: 7, ColDestinationCountry: 9}},
		{"pkge", split("trackNumber,courierId,destinationCountry,departureAddress,destinationAddress,orderId,recipientName,recipientEmail,recipientPhone,comment"),
			Mapping{ColTrackingNumber: 0, ColDestinationCountry: 2, ColOrderRef: 5, ColCustomerName: 6, ColCustomerEmail: 7}},
		{"dsers", split("Order number, Date, Country, Product id, SKU, Product count, Order memo, Contact person, Mobile no, Email, Address, Address2, Province, City, Zip, RUT, Personal Clearance ID, Passport/ Alien registration Card Number, CPF"),
			Mapping{ColOrderRef: 0, ColOrderDate: 1, ColDestinationCountry: 2, ColCustomerName: 7, ColCustomerEmail: 9}},
		{"aliexpress extension", split("orderId,title,price,orderDate,status,storeName"),
			Mapping{ColOrderRef: 0, ColProduct: 1, ColOrderValue: 2, ColOrderDate: 3, ColStatus: 4}},
		{"aliexpress api", split("order_id,gmtCreate,orderStatus,logisticsServiceName,freightCommitDay,timeoutLeftTime"),
			Mapping{ColOrderRef: 0, ColOrderDate: 1, ColStatus: 2, ColService: 3, ColPromisedBy: 4}},
		{"shop shipping import", split("Order_ID,Shipping_Carrier,Tracking_Number,Tracking_Url"),
			Mapping{ColOrderRef: 0, ColCarrier: 1, ColTrackingNumber: 2}},
		{"tracking tool", split("Order Number,Tracking Number,Courier,Shipping Method,Status,Last Event,Last Update,Location,Last mile tracking number,Last Mile Carrier,Promised delivery date,Buyer protection ends,Destination Country,Time Zone"),
			Mapping{ColOrderRef: 0, ColTrackingNumber: 1, ColCarrier: 2, ColService: 3, ColStatus: 5, ColStatusAt: 6, ColLocation: 7,
				ColLastMileTrackingNumber: 8, ColLastMileCarrier: 9, ColPromisedBy: 10, ColProtectionEndsAt: 11, ColDestinationCountry: 12, ColStatusTZ: 13}},
		{"status alone", split("Order,Status,Event Time"), Mapping{ColOrderRef: 0, ColStatus: 1, ColStatusAt: 2}},
		{"spelling noise", []string{"\uFEFFORDER-ID", " tracking.no ", "Carrier*", "e_mail", "Country (ISO)"},
			Mapping{ColOrderRef: 0, ColTrackingNumber: 1, ColCarrier: 2, ColCustomerEmail: 3, ColDestinationCountry: 4}},
		{"fuzzy containment", split("Order Number (Shop),Tracking Number 1,Tracking Number 2,Tracking URL,Carrier Service,Customer Email Address,Estimated Delivery Date (local),origin_country"),
			Mapping{ColOrderRef: 0, ColTrackingNumber: 1, ColService: 4, ColCustomerEmail: 5, ColPromisedBy: 6}},
		{"chinese", split("订单号,运单号,物流状态,收件人,国家"),
			Mapping{ColOrderRef: 0, ColTrackingNumber: 1, ColStatus: 2, ColCustomerName: 3, ColDestinationCountry: 4}},
		{"name is a person when there is an order column", split("Order ID,Name,Email"),
			Mapping{ColOrderRef: 0, ColCustomerName: 1, ColCustomerEmail: 2}},
		{"duplicate headers map once", split("Email,Email,Order"), Mapping{ColCustomerEmail: 0, ColOrderRef: 2}},
		{"nothing known", split("foo,bar,,baz"), Mapping{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := MatchHeader(tt.header)
			if want := tt.want; !reflect.DeepEqual(got, want) {
				t.Errorf("got  %v\nwant %v", describeMapping(got, tt.header), describeMapping(want, tt.header))
			}
		})
	}
}

// Columns2Strings is the canonical header row, plus status_tz.
func canonicalHeader() []string {
	var h []string
	for _, c := range Columns {
		h = append(h, string(c))
	}
	return append(h, string(ColStatusTZ))
}

func canonicalMapping() Mapping {
	m := Mapping{}
	for i, c := range Columns {
		m[c] = i
	}
	m[ColStatusTZ] = len(Columns)
	return m
}

func describeMapping(m Mapping, header []string) string {
	var parts []string
	for _, c := range append(append([]Column(nil), Columns...), ColStatusTZ) {
		if i, ok := m[c]; ok {
			h := "?"
			if i >= 0 && i < len(header) {
				h = header[i]
			}
			parts = append(parts, fmt.Sprintf("%s=%d(%s)", c, i, h))
		}
	}
	return strings.Join(parts, " ")
}

func TestHeaderAliasesAreUnambiguous(t *testing.T) {
	// An exact alias means one column; only "name" is deliberately shared (Shopify's order name,
	// elsewhere a person), and MatchHeader's ranking settles it.
	for k, entries := range aliasIndex {
		cols := map[Column]bool{}
		for _, e := range entries {
			cols[e.col] = true
		}
		if len(cols) > 1 && k != "name" {
			t.Errorf("alias %q means %d columns: %v", k, len(cols), entries)
		}
	}
	for _, c := range append(append([]Column(nil), Columns...), ColStatusTZ) {
		if len(columnAliases[c]) == 0 {
			t.Errorf("%s has no aliases", c)
		}
	}
}

func TestHeaderMappingValidate(t *testing.T) {
	for _, tt := range []struct {
		name string
		m    Mapping
		want map[string]string // nil: valid
	}{
		{"order_ref only", Mapping{ColOrderRef: 0}, nil},
		{"full", canonicalMapping(), nil},
		{"missing order_ref", Mapping{ColTrackingNumber: 0}, map[string]string{"order_ref": "No order reference column: map one column to order_ref."}},
		{"empty", Mapping{}, map[string]string{"order_ref": "No order reference column: map one column to order_ref."}},
		{"negative index", Mapping{ColOrderRef: 0, ColStatus: -1}, map[string]string{"status": "Choose a column of the file."}},
		{"unknown column", Mapping{ColOrderRef: 0, Column("colour"): 1}, map[string]string{"colour": "Unknown column."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.m.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				return
			}
			var ve *Error
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *Error", err)
			}
			if got, want := ve.Fields, tt.want; !reflect.DeepEqual(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestCSVColumns(t *testing.T) {
	if got, want := len(Columns), 19; got != want {
		t.Fatalf("got %d columns, want %d", got, want)
	}
	if got, want := Columns[0], ColOrderRef; got != want {
		t.Errorf("first column: got %s, want %s", got, want)
	}
	for _, tt := range []struct {
		in   string
		want Column
		ok   bool
	}{
		{"order_ref", ColOrderRef, true},
		{" Status_TZ ", ColStatusTZ, true},
		{"PROTECTION_ENDS_AT", ColProtectionEndsAt, true},
		{"colour", Column("colour"), false},
	} {
		got, ok := ParseColumn(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseColumn(%q): got %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// referenceRecords reads decoded text with encoding/csv alone, configured as RecordReader
// configures it, and returns what RecordReader must return for it: records (blank ones and a
// leading "sep=" line dropped) and, for each parse error, the line it starts on. The list stops
// at the first quote error that spans lines: RecordReader reads those lines again on their own,
// and from there on the two readings differ by design.
func referenceRecords(text []byte, comma rune) (items []readItem, complete bool, ok bool) {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = !unicode.IsSpace(comma)
	started := false
	for i := 0; i < 1e6; i++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return items, true, true
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			started = true
			items = append(items, readItem{Line: pe.StartLine, Reason: "?"})
			if pe.StartLine != pe.Line {
				return items, false, true
			}
			continue
		}
		if err != nil {
			return nil, false, false
		}
		line, _ := cr.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		if !started && len(rec) <= 2 && strings.HasPrefix(strings.ToLower(rec[0]), "sep=") && utf8.RuneCountInString(strings.Join(rec, string(comma))) == 5 {
			continue
		}
		started = true
		for j, f := range rec {
			rec[j] = strings.ToValidUTF8(f, "\uFFFD")
		}
		items = append(items, readItem{Line: line, Rec: rec})
	}
	return nil, false, false
}

func FuzzCSVReader(f *testing.F) {
	for _, name := range []string{"csv_utf8.csv", "csv_utf8_bom.csv", "csv_utf16le_bom.csv", "csv_utf16be_bom.csv",
		"csv_windows1252.csv", "csv_gbk.csv", "csv_tab.csv", "csv_quoted.csv", "csv_shopify.csv", "csv_badquotes.csv",
		"csv_cr.csv", "csv_sepline.csv"} {
		f.Add(mustReadTestdata(f, name))
	}
	f.Add([]byte("a,b\n\"x\"\"y\",\"\n\"\r\n\r\r\n"))
	f.Add([]byte("a;b\n1;\"2\"x\n3;4\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := SniffDialect(data)
		if err != nil {
			var ve *Error
			if !errors.As(err, &ve) || ve.Fields["file"] == "" {
				t.Fatalf("SniffDialect: got %v, want a *Error about the file", err)
			}
			return
		}
		switch d.Delimiter {
		case ',', ';', '\t', '|':
		default:
			if !strings.HasPrefix(strings.ToLower(string(data)), "sep=") && !bytes.Contains(data, []byte{0}) {
				t.Fatalf("odd delimiter %q", d.Delimiter)
			}
		}
		rr := NewRecordReader(bytes.NewReader(data), d)
		var got []readItem
		last := 0
		for i := 0; ; i++ {
			if i > len(data)+10 {
				t.Fatal("more records than bytes: the reader does not stop")
			}
			rec, line, err := rr.Read()
			if err == io.EOF {
				break
			}
			var re RowError
			switch {
			case errors.As(err, &re):
				if re.Reason == "" || re.Line != line {
					t.Fatalf("bad RowError %+v at line %d", re, line)
				}
				got = append(got, readItem{Line: line, Reason: re.Reason})
			case err != nil:
				t.Fatalf("Read: %v", err)
			default:
				for _, f := range rec {
					if !utf8.ValidString(f) || strings.IndexByte(f, 0) >= 0 {
						t.Fatalf("field %q is not safe to store", f)
					}
				}
				got = append(got, readItem{Line: line, Rec: append([]string(nil), rec...)})
			}
			if line <= last {
				t.Fatalf("line %d after line %d", line, last)
			}
			last = line
		}

		// With a tiny record limit, the skipping path must also end, keep lines increasing and
		// report what it skips.
		small := NewRecordReader(bytes.NewReader(data), d)
		small.feed.limit, small.maxRecord = 48, 48
		last = 0
		for i := 0; ; i++ {
			if i > len(data)+10 {
				t.Fatal("small limit: the reader does not stop")
			}
			_, line, err := small.Read()
			if err == io.EOF {
				break
			}
			if err != nil && !errors.As(err, new(RowError)) {
				t.Fatalf("small limit: %v", err)
			}
			if line <= last {
				t.Fatalf("small limit: line %d after line %d", line, last)
			}
			last = line
		}

		// Nothing is dropped silently: compare with encoding/csv on the same decoded text.
		fd := NewRecordReader(bytes.NewReader(data), d).feed
		text, err := io.ReadAll(fd)
		if err != nil {
			t.Fatal(err)
		}
		comma := NewRecordReader(nil, d).comma
		want, complete, ok := referenceRecords(text, comma)
		if !ok {
			return
		}
		if complete && len(got) != len(want) || len(got) < len(want) {
			t.Fatalf("got %d records, encoding/csv has %d:\ngot  %v\nwant %v", len(got), len(want), got, want)
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.Line != w.Line {
				t.Fatalf("record %d: line %d, encoding/csv says %d", i, g.Line, w.Line)
			}
			switch {
			case w.Reason != "":
				// A parse error is either reported or rescued as a record; both count.
			case strings.Contains(strings.Join(w.Rec, ""), "\x00") || bytes.IndexByte(text, 0) >= 0:
				// NUL rows are reported.
			case g.Reason != "" && !strings.Contains(g.Reason, "NUL"):
				t.Fatalf("record %d: error %q, encoding/csv read %q", i, g.Reason, w.Rec)
			case g.Reason == "" && !reflect.DeepEqual(g.Rec, w.Rec):
				t.Fatalf("record %d: got %q, encoding/csv read %q", i, g.Rec, w.Rec)
			}
		}
	})
}

// cycleReader repeats a block of rows forever, so a benchmark can read b.N records from it.
type cycleReader struct {
	head, body []byte
	off        int
}

func (c *cycleReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(c.head) > 0 {
			k := copy(p[n:], c.head)
			c.head = c.head[k:]
			n += k
			continue
		}
		k := copy(p[n:], c.body[c.off:])
		c.off = (c.off + k) % len(c.body)
		n += k
	}
	return n, nil
}

// benchColumns are the columns of benchRows' rows, in their order. They are named rather than
// taken from Columns, so that a column added there (status_code was) cannot shift the header
// against the rows.
var benchColumns = []Column{
	ColOrderRef, ColTrackingNumber, ColCarrier, ColService, ColLastMileTrackingNumber, ColLastMileCarrier,
	ColStatus, ColStatusAt, ColLocation, ColDestinationCountry, ColOrderDate, ColCustomerName,
	ColCustomerEmail, ColProduct, ColOrderValue, ColCurrency, ColPromisedBy, ColProtectionEndsAt,
}

// benchRows builds realistic 18-column rows, with quotes, commas and non-ASCII text.
func benchRows(n int) (header []byte, body []byte) {
	names := make([]string, len(benchColumns))
	for i, c := range benchColumns {
		names[i] = string(c)
	}
	header = []byte(strings.Join(names, ",") + "\n")
	var b bytes.Buffer
	statuses := []string{
		"[Shenzhen] Departed from sorting center", "Import clearance start",
		"\"Arrived at destination country, Madrid\"", "Delivered to parcel locker", "Out for delivery",
	}
	countries := []string{"US", "Deutschland", "España", "United Kingdom", "FR"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "AE%016d,LP%014d,Cainiao,AliExpress Standard Shipping,UG%09dMV,Correos,%s,2026-02-%02d 10:%02d:00,Shenzhen,%s,2026-02-01 09:00:00,Jörg Müller,jorg%d@example.com,\"Phone case 6.1\"\" black, matte\",US $%d.%02d,USD,2026-04-01,2026-04-20\n",
			i, i, i, statuses[i%len(statuses)], 1+i%28, i%60, countries[i%len(countries)], i, 10+i%90, i%100)
	}
	return header, b.Bytes()
}

func BenchmarkRecordReader(b *testing.B) {
	header, body := benchRows(1000)
	rr := NewRecordReader(&cycleReader{head: header, body: body}, Dialect{EncodingUTF8, false, ','})
	if _, _, err := rr.Read(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body) / 1000))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := rr.Read(); err != nil {
			b.Fatal(err)
		}
	}
}

// wideLine is a CSV line of n fields: "c1,c2,…".
func wideLine(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "c%d", i+1)
	}
	return b.String()
}

// TestRecordReaderColumnCap: a header wider than MaxColumns refuses the file with a message that
// gives the count and the limit, on this and every later read; a data row wider than that is
// rejected with its first MaxColumns fields, and the rows after it read as usual.
func TestRecordReaderColumnCap(t *testing.T) {
	d := Dialect{Encoding: EncodingUTF8, Delimiter: ','}
	rr := NewRecordReader(strings.NewReader(wideLine(MaxColumns)+"\n"+wideLine(MaxColumns)+"\n"), d)
	if items := mustReadAll(t, rr); len(items) != 2 || items[0].Reason != "" || len(items[1].Rec) != MaxColumns {
		t.Fatalf("a file of exactly %d columns: %v", MaxColumns, items)
	}

	rr = NewRecordReader(strings.NewReader(wideLine(100_000)+"\na,b\n"), d)
	for range 2 {
		rec, _, err := rr.Read()
		var verr *Error
		if !errors.As(err, &verr) || rec != nil {
			t.Fatalf("a header of 100,000 columns: rec of %d, err %v; want a *Error", len(rec), err)
		}
		if msg := verr.Message(); !strings.Contains(msg, "100,000 columns") || !strings.Contains(msg, fmt.Sprint(MaxColumns)) {
			t.Errorf("message %q does not give the count and the limit", msg)
		}
	}

	wide := "a,b\n" + strings.Repeat("x,", 500_000) + "x\nx,y\n"
	rr = NewRecordReader(strings.NewReader(wide), d)
	_, _, _ = rr.Read()
	if rec, _, err := rr.Read(); !isRowError(err) || len(rec) != MaxColumns {
		t.Errorf("a data row of 500,001 fields: %d fields kept, err %v; want a row error and %d fields", len(rec), err, MaxColumns)
	}
	items := mustReadAll(t, NewRecordReader(strings.NewReader(wide), d))
	if len(items) != 3 || items[1].Reason == "" || !strings.Contains(items[1].Reason, "500,001 fields") || items[2].Reason != "" {
		t.Fatalf("a data row of a million fields: %v", items)
	}
	if items[2].Line != 3 || !reflect.DeepEqual(items[2].Rec, []string{"x", "y"}) {
		t.Errorf("the row after the wide one: %v", items[2])
	}
}

// TestCheckHeaderWidth judges an upload's first piece: a header cut off at its end is wider than
// it counts ("more than"); a narrow one, or a file that is not read as CSV at all, passes (other
// checks refuse those).
func TestCheckHeaderWidth(t *testing.T) {
	d := Dialect{Encoding: EncodingUTF8, Delimiter: ','}
	if err := CheckHeaderWidth([]byte(wideLine(40)+"\n1,2\n"), d, true); err != nil {
		t.Errorf("40 columns: %v", err)
	}
	head := []byte(wideLine(MaxColumns + 10))
	err := CheckHeaderWidth(head[:len(head)-2], d, false) // "…,c510" cut to "…,c5"
	var verr *Error
	if !errors.As(err, &verr) || !strings.Contains(verr.Message(), "more than 510 columns") {
		t.Errorf("a header cut off after %d fields: %v", MaxColumns+10, err)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range []byte(`"a,b",` + wideLine(MaxColumns) + "\r\n1,2\r\n") {
		utf16 = append(utf16, c, 0)
	}
	err = CheckHeaderWidth(utf16, Dialect{Encoding: EncodingUTF16LE, BOM: true, Delimiter: ','}, true)
	if !errors.As(err, &verr) || !strings.Contains(verr.Message(), "has 501 columns") {
		t.Errorf("a UTF-16 header of %d fields, one of them quoted with a comma in it: %v", MaxColumns+1, err)
	}
	err = CheckHeaderWidth([]byte(wideLine(MaxColumns+1)+"\n"+wideLine(2)), d, false)
	if !errors.As(err, &verr) || !strings.Contains(verr.Message(), "has 501 columns") {
		t.Errorf("a whole header of %d fields in the first piece: %v", MaxColumns+1, err)
	}
	if err := CheckHeaderWidth([]byte("sep=;\n"+strings.ReplaceAll(wideLine(MaxColumns), ",", ";")+"\n"), Dialect{Encoding: EncodingUTF8, Delimiter: ';'}, true); err != nil {
		t.Errorf("an Excel sep= line before %d columns: %v", MaxColumns, err)
	}
}
