package csvfile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/parceldesk/portal/domain/cell"
)

// SniffBytes is how much of the start of a file SniffDialect looks at: enough lines to judge the
// delimiter and the encoding, little enough to hold in memory for any upload.
const SniffBytes = 64 << 10

// The encodings SniffDialect reports and NewRecordReader decodes.
const (
	EncodingUTF8        = "utf-8"
	EncodingUTF16LE     = "utf-16le"
	EncodingUTF16BE     = "utf-16be"
	EncodingWindows1252 = "windows-1252" // also read for Latin-1 (ISO 8859-1) files
	EncodingGBK         = "gbk"          // Simplified Chinese, as Excel on Chinese Windows saves
	EncodingGB18030     = "gb18030"      // GBK with its four-byte extension
)

// Dialect is how a CSV file is written: its encoding, whether it starts with a byte order mark,
// and the field delimiter.
type Dialect struct {
	// Encoding is one of the Encoding constants ("utf-8", "utf-16le", "utf-16be",
	// "windows-1252", "gbk", "gb18030").
	Encoding string
	// BOM is true when the file starts with a byte order mark (Excel's "CSV UTF-8" writes one).
	BOM bool
	// Delimiter is ',', ';', '\t' or '|'.
	Delimiter rune
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func errEmptyFile() error { return fileError("The file is empty.") }

func errNotCSV(what string) error {
	return fileError("This does not look like a CSV file: " + what)
}

// SniffDialect guesses a file's Dialect from its first bytes (up to SniffBytes are used; pass at
// least that much when the file is longer). The encoding comes from a byte order mark (UTF-8,
// UTF-16 LE/BE); else UTF-16 when every other byte is zero; else UTF-8 when the bytes are valid
// UTF-8, or nearly (a few stray bytes among many UTF-8 characters, read as U+FFFD); else GBK
// when they decode as GBK into mostly Chinese text; else Windows-1252, which also reads Latin-1.
// The delimiter is the one among ',', ';', tab and '|' that splits the sampled
// records (quotes respected) into the most consistent number of fields; an Excel "sep=;" first
// line decides it outright. A file with a single column gets ','.
//
// It returns an *Error (field "file") with a message for the seller when the file is
// empty or is not text: a workbook, PDF or image, NUL bytes outside UTF-16, or mostly control
// bytes.
func SniffDialect(head []byte) (Dialect, error) {
	truncated := len(head) >= SniffBytes
	if truncated {
		head = head[:SniffBytes]
	}
	if len(head) == 0 {
		return Dialect{}, errEmptyFile()
	}
	if what := binaryKind(head); what != "" {
		return Dialect{}, errNotCSV(what)
	}
	d := Dialect{Encoding: EncodingUTF8, Delimiter: ','}
	body := head
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		d.BOM, body = true, head[3:]
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		d.Encoding, d.BOM = EncodingUTF16LE, true
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		d.Encoding, d.BOM = EncodingUTF16BE, true
	default:
		if enc := sniffUTF16(head); enc != "" {
			d.Encoding = enc
		}
	}

	var text []byte
	switch d.Encoding {
	case EncodingUTF16LE, EncodingUTF16BE:
		text = decodeSample(head, d.Encoding)
		if bytes.IndexByte(text, 0) >= 0 {
			return Dialect{}, errNotCSV(binaryData)
		}
	default:
		if bytes.IndexByte(body, 0) >= 0 {
			return Dialect{}, errNotCSV(binaryData)
		}
		switch {
		case d.BOM || validUTF8Sample(body) || mostlyUTF8(body):
			text = body
		default:
			if enc := sniffGBK(body); enc != "" {
				d.Encoding = enc
			} else {
				d.Encoding = EncodingWindows1252
			}
			text = decodeSample(body, d.Encoding)
		}
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return Dialect{}, errEmptyFile()
	}
	if mostlyControl(text) {
		return Dialect{}, errNotCSV(binaryData)
	}
	d.Delimiter = sniffDelimiter(text, truncated)
	return d, nil
}

const binaryData = "it holds binary data. Export your orders as CSV and upload that file."

// binaryKind names the kind of file a seller most often uploads by mistake, from its signature.
func binaryKind(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")),
		bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "it is an Excel workbook (or another packed file). In Excel, choose File › Save As › CSV UTF-8, then upload that file."
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "it is a PDF document. Export your orders as CSV and upload that file."
	case bytes.HasPrefix(b, []byte("\x89PNG")), bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}),
		bytes.HasPrefix(b, []byte("GIF8")):
		return "it is an image. Export your orders as CSV and upload that file."
	}
	return ""
}

// sniffUTF16 recognises UTF-16 without a byte order mark by its zero bytes: text that is mostly
// ASCII has a zero in every other byte, on the odd side for little-endian.
func sniffUTF16(b []byte) string {
	n := len(b) / 2
	if n < 2 {
		return ""
	}
	var even, odd int
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= n*3 && even*20 <= n:
		return EncodingUTF16LE
	case even*10 >= n*3 && odd*20 <= n:
		return EncodingUTF16BE
	}
	return ""
}

// validUTF8Sample is utf8.Valid, tolerating a character cut in two at the end of the sample.
func validUTF8Sample(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	for k := 1; k <= 3 && k < len(b); k++ {
		tail := b[len(b)-k:]
		if utf8.RuneStart(tail[0]) && !utf8.FullRune(tail) {
			return utf8.Valid(b[:len(b)-k])
		}
	}
	return false
}

// mostlyUTF8 recognises UTF-8 with a few stray bytes, such as a file put together from two
// exports: at least four valid multi-byte characters for each invalid byte. Text in a legacy
// encoding seldom forms even one valid multi-byte sequence, so this does not mistake it.
func mostlyUTF8(b []byte) bool {
	multi, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		i += size
	}
	return bad > 0 && multi >= 4*bad
}

// sniffGBK reports "gbk" (or "gb18030" when four-byte sequences occur) when b is well-formed GBK
// that decodes into mostly Chinese text. Latin-1 text is well-formed GBK surprisingly often
// ("Müller" pairs 0xFC with 'l'), so it also asks for what Chinese text looks like: both bytes of
// a character high (GB2312) and characters in runs rather than one between ASCII letters.
func sniffGBK(b []byte) string {
	var chars, highTrail, runs, four int
	inRun := false
	end := len(b)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			inRun = false
			i++
			continue
		}
		if c == 0x80 || c == 0xFF {
			return ""
		}
		if i+1 >= len(b) {
			end = i // a character cut at the end of the sample
			break
		}
		t := b[i+1]
		size := 2
		switch {
		case t >= 0x30 && t <= 0x39: // GB18030 four-byte sequence
			if i+3 >= len(b) {
				end = i
				break
			}
			if b[i+2] < 0x81 || b[i+2] > 0xFE || b[i+3] < 0x30 || b[i+3] > 0x39 {
				return ""
			}
			size = 4
			four++
			highTrail++
		case t < 0x40 || t == 0x7F || t == 0xFF:
			return ""
		case t >= 0xA1:
			highTrail++
		}
		if end == i {
			break
		}
		chars++
		if !inRun {
			runs++
			inRun = true
		}
		i += size
	}
	if chars == 0 || highTrail*10 < chars*7 || chars*2 < runs*3 {
		return ""
	}
	enc := EncodingGBK
	if four > 0 {
		enc = EncodingGB18030
	}
	var cjk, other int
	for _, r := range string(decodeSample(b[:end], enc)) {
		switch {
		case r < 0x80:
		case unicode.Is(unicode.Han, r), r >= 0x3000 && r <= 0x30FF, r >= 0xFF00 && r <= 0xFFEF,
			r >= 0x2010 && r <= 0x206F, r == 0xB7:
			cjk++
		default:
			other++
		}
	}
	if cjk*10 < (cjk+other)*9 {
		return ""
	}
	return enc
}

// decodeSample decodes a sample to UTF-8; bytes that do not decode become U+FFFD.
func decodeSample(b []byte, enc string) []byte {
	dec := decoderFor(enc)
	if dec == nil {
		return b
	}
	out, _, err := transform.Bytes(dec, b)
	if err != nil {
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return out
}

// decoderFor returns the transformer that turns enc into UTF-8, or nil for UTF-8 itself.
func decoderFor(enc string) transform.Transformer {
	switch strings.ToLower(strings.ReplaceAll(enc, "_", "-")) {
	case EncodingUTF16LE, "utf16le", "utf-16":
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
	case EncodingUTF16BE, "utf16be":
		return xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewDecoder()
	case EncodingWindows1252, "cp1252", "latin1", "latin-1", "iso-8859-1", "iso8859-1":
		return charmap.Windows1252.NewDecoder()
	case EncodingGBK, "gb2312", "cp936":
		return simplifiedchinese.GBK.NewDecoder()
	case EncodingGB18030:
		return simplifiedchinese.GB18030.NewDecoder()
	}
	return nil
}

// mostlyControl reports whether more than 5% of the text is control characters other than tab,
// line breaks and form feed: binary data that happens to decode.
func mostlyControl(text []byte) bool {
	n := 0
	for _, c := range text {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F {
			n++
		}
	}
	return n*20 > len(text)
}

// sniffDelimiter picks the delimiter whose field counts are most consistent over the sampled
// records: the share of records with as many fields as the header, then the larger header, then
// the order ',', ';', tab, '|'. A header that does not split (one field) disqualifies a
// candidate, which is what keeps decimal commas in a ';' file from voting for ','.
func sniffDelimiter(text []byte, truncated bool) rune {
	if len(text) >= 6 && bytes.HasPrefix(bytes.ToLower(text[:4]), []byte("sep=")) {
		if c := text[4]; c != '\r' && c != '\n' && c != '"' && c < utf8.RuneSelf && (len(text) == 5 || text[5] == '\r' || text[5] == '\n') {
			return rune(c)
		}
	}
	best, bestScore, bestFields := ',', -1.0, 0
	for _, delim := range []byte{',', ';', '\t', '|'} {
		counts := fieldCounts(text, delim, 200)
		if truncated && len(counts) > 2 {
			counts = counts[:len(counts)-1] // the last record may be cut off
		}
		if len(counts) == 0 || counts[0] < 2 {
			continue
		}
		same := 0
		for _, n := range counts {
			if n == counts[0] {
				same++
			}
		}
		score := float64(same) / float64(len(counts))
		if score > bestScore+1e-9 || (score > bestScore-1e-9 && counts[0] > bestFields) {
			best, bestScore, bestFields = rune(delim), score, counts[0]
		}
	}
	return best
}

// fieldCounts splits text into records the way encoding/csv does (quoted fields may hold
// delimiters and line breaks, blank lines are skipped) and returns each record's field count,
// for at most max records.
func fieldCounts(text []byte, delim byte, max int) []int {
	var counts []int
	fields, content, inQuotes, atStart := 1, false, false, true
	for i := 0; i < len(text); i++ {
		c := text[i]
		if inQuotes {
			if c == '"' {
				if i+1 < len(text) && text[i+1] == '"' {
					i++
				} else {
					inQuotes = false
				}
			}
			continue
		}
		switch {
		case c == '"' && atStart:
			inQuotes, atStart, content = true, false, true
		case c == delim:
			fields++
			atStart, content = true, true
		case c == '\n' || c == '\r':
			if content {
				counts = append(counts, fields)
				if len(counts) == max {
					return counts
				}
			}
			fields, content, atStart = 1, false, true
		case c == ' ' && atStart:
			content = true // leading spaces before a quote are trimmed by the reader
		default:
			atStart, content = false, true
		}
	}
	if content {
		counts = append(counts, fields)
	}
	return counts
}

// MaxColumns is the most columns a file may have. Real exports have a few dozen (Shopify's order
// export, one of the widest, has 79); a file of 100,000 columns (868 KB) made a preview page of
// 70 MB. A header wider than this refuses the file; a data row wider than this is rejected, and
// only its first MaxColumns fields are kept for the report, so a row of a million empty fields
// costs no more than one of MaxColumns.
const MaxColumns = 500

// errTooManyColumns refuses a file whose header has n fields.
func errTooManyColumns(n int, cut bool) error {
	more := ""
	if cut {
		more = "more than "
	}
	return fileError(fmt.Sprintf("The file has %s%s columns; the desk reads at most %d. "+
		"Remove the columns you do not need (or export fewer) and upload it again.", more, formatThousands(n), MaxColumns))
}

// formatThousands writes n with comma thousands separators: 100000 → "100,000".
func formatThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// CheckHeaderWidth refuses a file whose header row, as far as head holds it (the first piece of
// an upload; whole when it is the whole file), is wider than MaxColumns, before the file is kept.
// It counts the fields as RecordReader splits them (quotes respected, an Excel "sep=" line and
// blank lines skipped) without making a string of each.
func CheckHeaderWidth(head []byte, d Dialect, whole bool) error {
	text := bytes.TrimPrefix(head, utf8BOM)
	if decoderFor(d.Encoding) != nil {
		text = decodeSample(head, d.Encoding)
	}
	delim := byte(',')
	if d.Delimiter > 0 && d.Delimiter < utf8.RuneSelf {
		delim = byte(d.Delimiter)
	}
	counts := fieldCounts(text, delim, 2)
	if line, _, _ := bytes.Cut(bytes.TrimLeft(text, "\r\n"), []byte("\n")); len(counts) > 0 &&
		len(bytes.TrimRight(line, "\r")) == 5 && bytes.HasPrefix(bytes.ToLower(line), []byte("sep=")) {
		counts = counts[1:]
	}
	if len(counts) == 0 || counts[0] <= MaxColumns {
		return nil
	}
	return errTooManyColumns(counts[0], !whole && !bytes.ContainsAny(text, "\r\n")) // the header goes on past head
}

// maxRecordBytes bounds one record. A quote that is never closed would otherwise make
// encoding/csv read the rest of a million-row file into one field.
const maxRecordBytes = 1 << 20

// readBufSize is the read-ahead of a RecordReader.
const readBufSize = 64 << 10

var errRecordTooLong = errors.New("record too long")

// RecordReader streams the records of a CSV file in constant memory: it decodes the file's
// encoding, drops a byte order mark, Excel's "sep=" line and blank lines (also lines of empty
// fields, such as ";;;;"), and reports where each record starts. It uses encoding/csv underneath
// with strict quotes, so that a broken quote costs the line it is on rather than the rows after it
// (see Read). Memory stays bounded by the longest record it accepts (1 MiB) plus its read-ahead.
type RecordReader struct {
	feed      *feeder
	br        *bufio.Reader
	cr        *csv.Reader
	comma     rune
	checkUTF8 bool
	lineBase  int  // physical lines before the current csv.Reader's first line
	fields    int  // fields in the first record (the header); 0 until it is read
	started   bool // a record has been returned
	maxRecord int
	err       error // sticky: io.EOF or a read error
	blank     int64 // records skipped because nothing was in them (blankRecord)

	// guardEnd is the feeder offset up to which records are being read again after a quote left
	// open on guardLine; they must have the header's field count.
	guardEnd  int64
	guardLine int
}

// NewRecordReader returns a reader of r's records in dialect d. An unknown encoding is read as
// UTF-8, and an invalid delimiter as ','.
func NewRecordReader(r io.Reader, d Dialect) *RecordReader {
	cnt := &countingReader{r: r}
	var src io.Reader = cnt
	dec := decoderFor(d.Encoding)
	if dec != nil {
		src = transform.NewReader(cnt, dec)
	}
	comma := d.Delimiter
	if comma == 0 || comma == '"' || comma == '\r' || comma == '\n' || comma == utf8.RuneError || !utf8.ValidRune(comma) {
		comma = ','
	}
	rr := &RecordReader{comma: comma, checkUTF8: dec == nil, maxRecord: maxRecordBytes}
	rr.feed = &feeder{src: src, count: cnt, limit: maxRecordBytes + readBufSize, checkUTF8: dec == nil}
	rr.br = bufio.NewReaderSize(rr.feed, readBufSize)
	rr.cr = rr.newCSV(false, rr.br)
	return rr
}

func (rr *RecordReader) newCSV(lazy bool, r io.Reader) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = rr.comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = lazy
	cr.ReuseRecord = !lazy
	// Trimming leading space lets `a, "b"` be a quoted field; with a tab delimiter it would eat
	// empty fields, so it stays off there.
	cr.TrimLeadingSpace = !unicode.IsSpace(rr.comma)
	return cr
}

// Blank is how many records the reader has skipped so far because nothing was in them: every
// cell empty, blank or an Excel ="" text (the ";;;;" rows spreadsheets leave under the data).
// Lines with no cell at all are not records and are not counted.
func (rr *RecordReader) Blank() int64 { return rr.blank }

// BytesRead is how many bytes of the underlying file have been read so far (a little ahead of
// the records returned), for a progress bar.
func (rr *RecordReader) BytesRead() int64 { return rr.feed.count.n }

// Read returns the next record and the 1-based physical line where it starts (a quoted field
// with line breaks spans several lines; the next record's line counts them). At the end of the
// file it returns io.EOF.
//
// The returned slice is reused by the next call (encoding/csv's ReuseRecord, for speed): copy it
// to keep it. The strings themselves are not reused.
//
// A record that cannot be read returns a RowError (errors.As(err, &RowError{})) with its line and
// a reason for the seller, and the reader goes on; rec then holds what could be read of the
// record, for the error report, or nil. Quotes are read strictly, because a lenient reading lets
// one stray quote swallow the following rows silently. A bare quote inside one line (12" TV) is
// read leniently when that gives the header's number of fields. When a quote opened on a line is
// never closed properly, that line is reported and the lines it swallowed are read again on their
// own; those must have the header's number of fields, or they are reported too, since they may
// be the rest of a broken multi-line field. A record that grows past 1 MiB is treated the same
// way. Lines are read again at most once: a second broken quote among them is reported with the
// range of lines it took, and a single line over 1 MiB is skipped. Any other error (reading r
// failed) is returned again by every later call.
func (rr *RecordReader) Read() (rec []string, line int, err error) {
	first := !rr.started
	rec, line, err = rr.read()
	if len(rec) <= MaxColumns {
		return rec, line, err
	}
	// Too wide: the header refuses the file (and stays the answer to every later call); a data
	// row is rejected, with its first MaxColumns fields.
	if first {
		rr.err = errTooManyColumns(len(rec), false)
		return nil, line, rr.err
	}
	n := len(rec)
	rec = rec[:MaxColumns]
	if _, ok := AsRowError(err); !ok {
		err = RowError{Line: line, Reason: fmt.Sprintf("this line has %s fields, more than the %d columns a file may have; check it",
			formatThousands(n), MaxColumns)}
	}
	capFields(rec)
	return rec, line, err
}

// read is Read without the check of the record's width.
func (rr *RecordReader) read() (rec []string, line int, err error) {
	for {
		if rr.err != nil {
			return nil, 0, rr.err
		}
		rec, err := rr.cr.Read()
		f := rr.feed
		consumed := f.pulled - int64(rr.br.Buffered())
		recStart := f.bufOff
		if err == nil {
			l, _ := rr.cr.FieldPos(0)
			line := rr.lineBase + l
			suspect := f.suspectEnd > recStart // bytes of this record need cleaning
			f.release(consumed)
			if blankRecord(rec) {
				rr.blank++
				continue
			}
			if !rr.started && rr.isSepLine(rec) {
				continue
			}
			rr.started = true
			if rr.fields == 0 {
				rr.fields = len(rec)
			}
			if suspect {
				if reason := rr.clean(rec); reason != "" {
					return rec, line, RowError{Line: line, Reason: reason}
				}
			}
			if recStart < rr.guardEnd && len(rec) != rr.fields {
				capFields(rec)
				return rec, line, RowError{Line: line, Reason: fmt.Sprintf(
					"this line follows the quote left open on line %d and does not have the header's %d fields; check it",
					rr.guardLine, rr.fields)}
			}
			return rec, line, nil
		}
		if err == io.EOF {
			rr.err = io.EOF
			return nil, 0, io.EOF
		}
		rr.started = true
		if f.overflow || errors.Is(err, errRecordTooLong) {
			// The record hit the size limit. encoding/csv may report a quote error it found in the
			// part it got instead, so the feeder's word is what counts.
			f.overflow = false
			w := f.window(f.pulled) // encoding/csv has consumed all of it
			start := f.lines + 1 + leadingBlankLines(w)
			if first := firstLineLen(w); recStart >= rr.guardEnd && first > 0 && first < len(w) {
				rec := []string{string(bytes.TrimRight(w[:first], "\r\n"))}
				rr.replayFrom(recStart+int64(first), f.pulled, start)
				rr.clean(rec)
				capFields(rec)
				return rec, start, RowError{Line: start, Reason: fmt.Sprintf(
					"a quote (\") on this line is never closed (the field would be longer than %s); the line was skipped",
					sizeText(rr.maxRecord))}
			}
			start, end := rr.skipLongRecord()
			reason := fmt.Sprintf("the line is longer than %s and was skipped", sizeText(rr.maxRecord))
			if end > start {
				reason = fmt.Sprintf("lines %d–%d could not be read: one record is longer than %s, probably because a quote (\") is never closed",
					start, end, sizeText(rr.maxRecord))
			}
			return nil, start, RowError{Line: start, Reason: reason}
		}
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			rr.err = fmt.Errorf("read csv: %w", err)
			return nil, 0, rr.err
		}
		start, end := rr.lineBase+pe.StartLine, rr.lineBase+pe.Line
		raw := f.window(consumed)
		if start != end && recStart >= rr.guardEnd {
			// A quote opened on line start swallowed the lines up to end: report line start and
			// read the others again. Each byte is read again at most once (recStart >= guardEnd),
			// which keeps a file of unclosed quotes linear.
			if first := firstLineLen(raw); first > 0 && first < len(raw) {
				rec, ok := rr.lenient(raw[:first])
				if !ok {
					rec = []string{string(bytes.TrimRight(raw[:first], "\r\n"))}
				}
				rr.replayFrom(recStart+int64(first), consumed, start)
				rr.clean(rec)
				capFields(rec)
				return rec, start, RowError{Line: start, Reason: "the quoted field that starts on this line is not closed properly; the line was skipped"}
			}
		}
		rec, ok := rr.lenient(raw)
		closed := bytes.Count(raw, []byte{'"'})%2 == 0
		f.release(consumed)
		if ok && start == end && closed && blankRecord(rec) {
			// A row of Excel's empty texts written bare (="";="";=""): an empty row. One that only
			// reads as empty because a quote is never closed (` "`) is reported below.
			rr.blank++
			continue
		}
		if ok && start == end && (rr.fields == 0 || len(rec) == rr.fields) {
			// A bare quote on one line (12" TV): the lenient reading is unambiguous.
			if rr.fields == 0 {
				rr.fields = len(rec)
			}
			if reason := rr.clean(rec); reason != "" {
				return rec, start, RowError{Line: start, Reason: reason}
			}
			return rec, start, nil
		}
		if !ok {
			rec = []string{string(bytes.TrimRight(raw, "\r\n"))}
		}
		rr.clean(rec)
		capFields(rec)
		return rec, start, RowError{Line: start, Reason: quoteReason(pe.Err, start, end)}
	}
}

// firstLineLen is the length of the leading blank lines and the first line of b, line break
// included, or 0 when b holds no complete line.
func firstLineLen(b []byte) int {
	n := 0
	for {
		i := bytes.IndexByte(b[n:], '\n')
		if i < 0 {
			return 0
		}
		blank := len(bytes.TrimRight(b[n:n+i], "\r")) == 0
		n += i + 1
		if !blank {
			return n
		}
	}
}

// replayFrom makes the reader go on from offset from, a line start inside the window, reading
// again everything pulled since; records that start before guardEnd are checked against the
// header's field count, on behalf of the quote left open on line guardLine.
func (rr *RecordReader) replayFrom(from, guardEnd int64, guardLine int) {
	f := rr.feed
	all := f.window(f.pulled) // what encoding/csv consumed plus what bufio still holds
	k := int(from - f.bufOff)
	replay := make([]byte, 0, len(all)-k+len(f.replay))
	replay = append(append(replay, all[k:]...), f.replay...)
	f.release(from)
	// Forget the rest of the window: it comes back through replay, at new offsets.
	f.buf, f.start, f.bufOff = f.buf[:0], 0, f.pulled
	f.replay = replay
	rr.br.Reset(f)
	rr.lineBase = f.lines
	rr.cr = rr.newCSV(false, rr.br)
	rr.guardEnd, rr.guardLine = f.pulled+(guardEnd-from), guardLine
}

// sizeText writes a byte count for a seller: "1 MiB", "64 KiB", "48 bytes".
func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func quoteReason(err error, start, end int) string {
	if start != end {
		return fmt.Sprintf("lines %d–%d could not be read: the quoted field that starts on line %d is not closed properly", start, end, start)
	}
	if err == csv.ErrBareQuote {
		return `a quote (") inside a field that is not quoted: quote the field and double the quote ("")`
	}
	return `a quoted field is not closed properly (a " inside quotes must be doubled: "")`
}

// lenient reads raw, the bytes of one failed record, with encoding/csv's LazyQuotes. It reports
// false unless they hold exactly one record.
func (rr *RecordReader) lenient(raw []byte) ([]string, bool) {
	lr := rr.newCSV(true, bytes.NewReader(raw))
	rec, err := lr.Read()
	if err != nil {
		return nil, false
	}
	if _, err := lr.Read(); err != io.EOF {
		return nil, false
	}
	return rec, true
}

// skipLongRecord drops a record that hit maxRecordBytes and the rest of the line where it was cut,
// and starts a fresh csv.Reader after it. It returns the lines the record covered.
func (rr *RecordReader) skipLongRecord() (start, end int) {
	// csv has consumed everything pulled so far: bufio hands all it has over with the error.
	f := rr.feed
	w := f.window(f.pulled)
	start = f.lines + 1 + leadingBlankLines(w)
	lastNL := len(w) > 0 && w[len(w)-1] == '\n'
	f.release(f.pulled)
	for !lastNL {
		chunk, err := rr.br.ReadSlice('\n')
		if len(chunk) > 0 {
			lastNL = chunk[len(chunk)-1] == '\n'
		}
		f.release(f.pulled - int64(rr.br.Buffered()))
		if err == bufio.ErrBufferFull || errors.Is(err, errRecordTooLong) {
			continue // a long line: keep dropping it
		}
		if err != nil && err != io.EOF {
			rr.err = fmt.Errorf("read csv: %w", err)
		}
		break
	}
	f.overflow = false
	end = f.lines
	if !lastNL {
		end++
	}
	if end < start {
		end = start
	}
	rr.lineBase = f.lines
	rr.cr = rr.newCSV(false, rr.br)
	return start, end
}

func leadingBlankLines(b []byte) int {
	n := 0
	for {
		switch {
		case bytes.HasPrefix(b, []byte("\n")):
			b = b[1:]
		case bytes.HasPrefix(b, []byte("\r\n")):
			b = b[2:]
		default:
			return n
		}
		n++
	}
}

// clean makes a record safe to store: invalid UTF-8 becomes U+FFFD (PostgreSQL refuses it), and
// NUL bytes, which PostgreSQL refuses in text, are removed and reported.
func (rr *RecordReader) clean(rec []string) string {
	reason := ""
	for i, f := range rec {
		if rr.checkUTF8 && !utf8.ValidString(f) {
			f = strings.ToValidUTF8(f, "\uFFFD")
			rec[i] = f
		}
		if strings.IndexByte(f, 0) >= 0 {
			rec[i] = strings.ReplaceAll(f, "\x00", "")
			reason = "the row holds NUL bytes (binary data); check the export"
		}
	}
	return reason
}

// maxErrorField bounds each field of a rejected record, which only goes to the error report.
const maxErrorField = 4096

// capFields shortens overlong fields of a rejected record (a broken quote can gather many lines
// into one), cutting on a character boundary.
func capFields(rec []string) {
	for i, f := range rec {
		if len(f) <= maxErrorField {
			continue
		}
		cut := maxErrorField
		for cut > 0 && !utf8.RuneStart(f[cut]) {
			cut--
		}
		rec[i] = f[:cut] + "…" // #nosec G602 -- i ranges over rec (gosec misreads the one-field records some callers pass)
	}
}

// isSepLine recognises Excel's "sep=;" hint line at the top of a file.
func (rr *RecordReader) isSepLine(rec []string) bool {
	if len(rec) > 2 || !strings.HasPrefix(strings.ToLower(rec[0]), "sep=") {
		return false
	}
	s := strings.Join(rec, string(rr.comma))
	return utf8.RuneCountInString(s) == 5
}

// blankRecord reports whether every field is empty, spaces or an empty Excel text (="" or a lone
// apostrophe), like the ";;;;" rows spreadsheets leave under the data and the ="";="" rows of
// exports that quote every cell as text.
func blankRecord(rec []string) bool {
	for _, f := range rec {
		if f = cell.Trim(f); f != "" && !isEmptyExcelText(f) {
			return false
		}
	}
	return true
}

// Open sniffs the dialect of r and returns a RecordReader over all of it.
func Open(r io.Reader) (*RecordReader, Dialect, error) {
	br := bufio.NewReaderSize(r, SniffBytes)
	head, err := br.Peek(SniffBytes)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, Dialect{}, fmt.Errorf("read csv: %w", err)
	}
	d, err := SniffDialect(head)
	if err != nil {
		return nil, Dialect{}, err
	}
	return NewRecordReader(br, d), d, nil
}

// countingReader counts the bytes read through it: the file bytes behind BytesRead and an import's
// progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// feeder sits between the decoded file and the bufio.Reader that encoding/csv reads. It drops a
// UTF-8 byte order mark, turns old Mac line ends (a lone CR) into LF so that encoding/csv sees
// lines, and keeps the bytes of the record being read (the window), so that a record encoding/csv
// rejects can be read again leniently and so that no record grows beyond limit.
type feeder struct {
	src    io.Reader
	count  *countingReader
	head   *bufio.Reader // wraps src until the BOM has been looked at
	begun  bool
	skipLF bool // the last chunk ended in a CR turned into LF: drop an LF that starts the next

	buf    []byte // buf[start:] is the window
	start  int
	bufOff int64 // stream offset of buf[start]
	pulled int64 // stream offset of the end of buf
	lines  int   // line breaks before bufOff
	limit  int
	// overflow is set when the window reached limit: the record being read is too long.
	overflow bool
	// replay holds bytes to hand out again before reading on, after a broken quote.
	replay []byte

	// suspectEnd is the end offset of the last chunk that held a NUL byte or (when checkUTF8)
	// invalid UTF-8: records before it are cleaned field by field, the rest need not be, which
	// saves checking every field of a clean file.
	suspectEnd int64
	checkUTF8  bool
}

func (f *feeder) Read(p []byte) (int, error) {
	if !f.begun {
		f.begun = true
		f.head = bufio.NewReaderSize(f.src, 16)
		if b, _ := f.head.Peek(3); bytes.Equal(b, utf8BOM) {
			_, _ = f.head.Discard(3)
		}
		f.src = f.head // bufio reads a large p straight through once its buffer is empty
	}
	room := f.limit - (len(f.buf) - f.start)
	if room <= 0 {
		f.overflow = true
		return 0, errRecordTooLong
	}
	if len(p) > room {
		p = p[:room]
	}
	if len(f.replay) > 0 {
		n := copy(p, f.replay)
		f.replay = f.replay[n:]
		if len(f.replay) == 0 {
			f.replay = nil
		}
		f.keep(p[:n])
		return n, nil
	}
	for {
		n, err := f.src.Read(p)
		n = f.fixCR(p[:n])
		if n > 0 {
			f.keep(p[:n])
		}
		if n > 0 || err != nil {
			return n, err
		}
	}
}

// fixCR turns each CR that is not followed by LF into LF, in place, and returns the new length.
func (f *feeder) fixCR(b []byte) int {
	if f.skipLF && len(b) > 0 {
		f.skipLF = false
		if b[0] == '\n' {
			copy(b, b[1:])
			b = b[:len(b)-1]
		}
	}
	for i := bytes.IndexByte(b, '\r'); i >= 0; {
		switch {
		case i+1 == len(b):
			b[i] = '\n'
			f.skipLF = true
		case b[i+1] != '\n':
			b[i] = '\n'
		}
		j := bytes.IndexByte(b[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return len(b)
}

// keep appends bytes handed to bufio to the window, reusing the space of released bytes first.
func (f *feeder) keep(b []byte) {
	if len(f.buf)+len(b) > cap(f.buf) && f.start > 0 {
		n := copy(f.buf, f.buf[f.start:])
		f.buf, f.start = f.buf[:n], 0
	}
	if f.buf == nil {
		f.buf = make([]byte, 0, 2*readBufSize)
	}
	f.buf = append(f.buf, b...)
	f.pulled += int64(len(b))
	if bytes.IndexByte(b, 0) >= 0 || (f.checkUTF8 && !utf8.Valid(b)) {
		f.suspectEnd = f.pulled
	}
}

// window returns the bytes from the last released offset up to off.
func (f *feeder) window(off int64) []byte {
	return f.buf[f.start : f.start+int(off-f.bufOff)]
}

// release forgets the bytes before off, which encoding/csv has consumed, counting their lines.
func (f *feeder) release(off int64) {
	n := int(off - f.bufOff)
	if n <= 0 {
		return
	}
	f.lines += bytes.Count(f.buf[f.start:f.start+n], []byte{'\n'})
	f.start += n
	f.bufOff = off
	if f.start == len(f.buf) {
		f.buf, f.start = f.buf[:0], 0
	}
}
