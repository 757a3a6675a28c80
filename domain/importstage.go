package domain

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/lib/pq"

	"github.com/parceldesk/portal/domain/csvfile"
	"github.com/parceldesk/portal/domain/tracking"
)

// stagingTable is the temporary table a file is copied into, one row per record. A rejected
// record has only line, reject and raw. An accepted one has its order_ref, its event (status
// through extra_numbers, NULL when the row has no status) and the order's facts, sent only when
// they change: on the first row of a run of rows of the same order, and then only the facts that
// differ from the previous row's. Files list an order's rows together, so most rows carry no
// facts, and the shipments merge reads only the rows marked facts. "The last non-empty value in
// the file wins" still holds: a value that is not sent repeats the one sent before it in the run.
// An accepted record that had something set aside (a tracking value that is not a number) carries
// a warning. import_id is the import the record came in with: the same on every row of a file;
// API batches merged together (apigroup.go) each have their own, and line counts within each.
const stagingTable = `CREATE TEMP TABLE staging (
	line int NOT NULL, order_ref text,
	tracking_number text, carrier text, service text, service_key text, last_mile_tracking_number text, last_mile_carrier text,
	destination_country text, order_date timestamptz, customer_name text, customer_email text, product text,
	order_value numeric(14, 2), currency text, promised_by timestamptz, protection_ends_at timestamptz,
	unrecognised_tracking text,
	facts boolean,
	status text, status_norm text, status_at timestamptz, location text, stage smallint, signal text,
	extra_numbers text[],
	reject text, raw text[],
	warning text,
	import_id bigint NOT NULL
) ON COMMIT DROP`

const stagingCopy = `COPY staging (line, order_ref,
	tracking_number, carrier, service, service_key, last_mile_tracking_number, last_mile_carrier,
	destination_country, order_date, customer_name, customer_email, product,
	order_value, currency, promised_by, protection_ends_at,
	unrecognised_tracking,
	facts,
	status, status_norm, status_at, location, stage, signal,
	extra_numbers,
	reject, raw,
	warning,
	import_id) FROM STDIN`

// stagedFile is what stageRows read of one file.
type stagedFile struct {
	header     []string
	rows       int64 // data rows read
	rejected   int64 // of which rejected
	warned     int64 // accepted with a warning
	withStatus int64 // accepted rows that carry an event
	bytes      int64 // of the file, read
	empty      int64 // records with nothing in them, skipped (not in rows)
	// unmapped are the distinct normal forms of the status texts that matched no rule (up to
	// UnmappedStatusesMax of them), and unmappedRows the accepted rows that carried such a text.
	unmapped     map[string]struct{}
	unmappedRows int64
}

// UnmappedStatusesMax bounds the distinct unmapped texts an import remembers, so memory does not
// grow with a file of one-off texts; the count then reads "at least" (Import.UnmappedAtLeast).
const UnmappedStatusesMax = 10_000

// copyStream is lib/pq's COPY statement, which takes rows already in COPY's text format. Going
// through database/sql instead costs a conversion of every value of every row; here a row is
// encoded once, straight into the buffer that is sent.
type copyStream interface {
	driver.Stmt
	CopyData(ctx context.Context, lines string) (driver.Result, error)
}

// copyChunk is how much COPY data is gathered before it is handed to the driver.
const copyChunk = 64 << 10

// stageRows parses and classifies every record of each part (a file, or each API batch of a
// group) and streams it into the temporary table staging with COPY, in constant memory: a chunk
// of rows at a time. It sets each part's staged.
func (run *ImportRun) stageRows(ctx context.Context, parts []*importPart, progress func(id, rows, bytes int64)) error {
	t0 := time.Now()
	if _, err := run.tx.ExecContext(ctx, stagingTable); err != nil {
		return err
	}
	statuses := newStatusCache(run.cls)
	err := run.conn.Raw(func(dc any) (err error) {
		defer hideBadConn(&err)
		pc, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return errors.New("stage rows: the database driver cannot prepare statements")
		}
		st, err := pc.PrepareContext(ctx, stagingCopy)
		if err != nil {
			return err
		}
		defer st.Close()
		cs, ok := st.(copyStream)
		if !ok {
			return errors.New("stage rows: the database driver cannot stream COPY data")
		}
		var b copyLine
		for _, p := range parts {
			if b, err = run.stagePart(ctx, cs, p, b, statuses, progress); err != nil {
				return err
			}
		}
		if len(b) > 0 {
			if _, err := cs.CopyData(ctx, string(b[:len(b)-1])); err != nil {
				return err
			}
		}
		//lint:ignore SA1019 lib/pq's COPY statement has only Exec: Exec(nil) ends the COPY and reports its errors
		_, err = st.Exec(nil)
		return err
	})
	if err != nil {
		return err
	}
	// A temporary table has no statistics until analysed: without them the planner takes the
	// staging table for a few dozen rows and joins it to shipments in a nested loop, which made
	// files of 20,000–50,000 rows several times slower than larger ones. Only the columns whose
	// statistics shape the merge's plans (its joins, groups and filters by order, status and
	// numbers): all 26 took as long as the COPY of 100,000 rows, and gave the same estimates.
	run.logStep(ctx, "copy", t0)
	t0 = time.Now()
	if _, err := run.tx.ExecContext(ctx, `ANALYZE staging (order_ref, facts, status, extra_numbers, reject)`); err != nil {
		return err
	}
	run.logStep(ctx, "analyze", t0)
	for _, p := range parts {
		progress(p.id, p.staged.rows, p.staged.bytes)
	}
	return nil
}

// stagePart is stageRows for one part: its records, appended to b and sent with cs a chunk at a
// time; it returns what of b is still to send.
func (run *ImportRun) stagePart(ctx context.Context, cs copyStream, p *importPart, b copyLine, statuses *statusCache,
	progress func(id, rows, bytes int64)) (copyLine, error) {
	out := &p.staged
	*out = stagedFile{unmapped: map[string]struct{}{}}
	rr := csvfile.NewRecordReader(p.r, run.set.Dialect)
	first, _, err := rr.Read()
	if err == io.EOF {
		return b, Invalid("file", "The file is empty.")
	} else if err != nil && !isRowError(err) {
		return b, fromCSV(err)
	}
	out.header = append([]string(nil), first...)
	opts := csvfile.ParseOptions{DateOrder: run.set.DateOrder, Location: run.set.Location}
	var prev csvfile.Row // the previous accepted row, for the facts that changed
	lastProgress := time.Now()
	batches, stop := readAhead(rr)
	defer stop()
	for batch := range batches {
		for _, rd := range batch.records {
			if max := run.store.MaxImportRows; max > 0 && out.rows >= max {
				return b, Invalid("file", fmt.Sprintf("The file has more than %d rows, the most one import takes. "+
					"Split it into smaller files and import each; nothing from this one was saved.", max))
			}
			rec, err := rd.rec, rd.err
			if err == nil {
				var row csvfile.Row
				if row, err = csvfile.ParseRow(rec, rd.line, run.set.Mapping, opts); err == nil {
					out.rows++
					if row.Status != "" {
						out.withStatus++
					}
					if row.Warning != "" {
						out.warned++
					}
					st := statuses.get(row.Status, row.StatusCode, row.Carrier)
					if row.Status != "" && st.stage == 0 {
						out.unmappedRows++
						if len(out.unmapped) < UnmappedStatusesMax {
							out.unmapped[st.norm] = struct{}{}
						}
					}
					b = b.row(row, &prev, st, p.id)
					prev = row
				}
			}
			if err != nil {
				re, ok := csvfile.AsRowError(err)
				if !ok {
					return b, fromCSV(err)
				}
				out.rows++
				out.rejected++
				b = b.reject(re, rec, p.id)
			}
			if len(b) >= copyChunk {
				if err := ctx.Err(); err != nil {
					return b, err
				}
				if _, err := cs.CopyData(ctx, string(b[:len(b)-1])); err != nil { // CopyData adds the last newline
					return b, err
				}
				b = b[:0]
			}
		}
		out.bytes = batch.bytes
		if time.Since(lastProgress) > 500*time.Millisecond {
			progress(p.id, out.rows, out.bytes)
			lastProgress = time.Now()
		}
	}
	out.empty = rr.Blank() // the reading goroutine is done: it closed batches
	return b, nil
}

// readRecord is a record read ahead: csvfile.RecordReader.Read's results, the record copied.
type readRecord struct {
	rec  []string
	line int
	err  error
}

// recordBatch is records read ahead, and how many bytes of the file were read by then.
type recordBatch struct {
	records []readRecord
	bytes   int64
}

// readAhead reads rr's records in a goroutine of its own, a batch at a time, so that splitting
// the CSV overlaps parsing and encoding the records read before (the two take comparable CPU).
// At most a few batches wait, so memory does not grow with the file. The channel closes at the
// end of the file or after an error that is not about one record (the last record then carries
// it). stop ends the goroutine early and waits for it.
func readAhead(rr *csvfile.RecordReader) (batches <-chan recordBatch, stop func()) {
	const batchSize, waiting = 256, 4
	out := make(chan recordBatch, waiting)
	quit, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		defer close(out)
		for {
			batch := recordBatch{records: make([]readRecord, 0, batchSize)}
			end := false
			for !end && len(batch.records) < batchSize {
				rec, line, err := rr.Read()
				if err == io.EOF {
					end = true
					break
				}
				batch.records = append(batch.records, readRecord{rec: slices.Clone(rec), line: line, err: err})
				end = err != nil && !isRowError(err)
			}
			batch.bytes = rr.BytesRead()
			select {
			case out <- batch:
			case <-quit:
				return
			}
			if end {
				return
			}
		}
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() { close(quit) })
		<-finished
	}
}

// copyLine is rows of COPY's text format being built: fields separated by tabs, \N for NULL,
// backslash, tab and line breaks escaped, one row per line.
type copyLine []byte

// reject appends the staging row of a rejected record of import id: its line, the reason and the
// original fields.
func (b copyLine) reject(re csvfile.RowError, rec []string, id int64) copyLine {
	b = strconv.AppendInt(b, int64(re.Line), 10)
	for range 25 { // order_ref … extra_numbers
		b = append(b, "\t\\N"...)
	}
	b = append(b, '\t')
	b = b.text(re.Reason)
	b = append(b, '\t')
	b = b.array(rec)
	b = append(b, "\t\\N\t"...) // warning
	b = strconv.AppendInt(b, id, 10)
	return append(b, '\n')
}

// row appends the staging row of an accepted record of import id, with what its status means;
// the order's facts only where they differ from prev, the previous accepted row, unless prev is
// of another order.
func (b copyLine) row(row csvfile.Row, prev *csvfile.Row, st statusInfo, id int64) copyLine {
	b = strconv.AppendInt(b, int64(row.Line), 10)
	b = append(b, '\t')
	b = b.text(row.OrderRef)
	newRun := row.OrderRef != prev.OrderRef
	facts := newRun
	str := func(v, old string) {
		b = append(b, '\t')
		if v == "" || (v == old && !newRun) {
			b = append(b, `\N`...)
			return
		}
		facts = true
		b = b.text(v)
	}
	tm := func(v, old time.Time) {
		b = append(b, '\t')
		if v.IsZero() || (v.Equal(old) && !newRun) {
			b = append(b, `\N`...)
			return
		}
		facts = true
		b = b.time(v)
	}
	str(row.TrackingNumber, prev.TrackingNumber)
	str(row.Carrier, prev.Carrier)
	str(row.Service, prev.Service)
	// The service's key goes with the service: sent when it is, so the two stay of one row.
	if row.Service != "" && (newRun || row.Service != prev.Service) {
		b = append(b, '\t')
		b = b.text(tracking.NormalizeService(row.Service))
	} else {
		b = append(b, "\t\\N"...)
	}
	str(row.LastMileTrackingNumber, prev.LastMileTrackingNumber)
	str(row.LastMileCarrier, prev.LastMileCarrier)
	str(row.DestinationCountry, prev.DestinationCountry)
	tm(row.OrderDate, prev.OrderDate)
	str(row.CustomerName, prev.CustomerName)
	str(row.CustomerEmail, prev.CustomerEmail)
	str(row.Product, prev.Product)
	str(row.OrderValue, prev.OrderValue)
	str(row.Currency, prev.Currency)
	tm(row.PromisedBy, prev.PromisedBy)
	tm(row.ProtectionEndsAt, prev.ProtectionEndsAt)
	str(row.UnrecognisedTracking, prev.UnrecognisedTracking)
	if facts {
		b = append(b, "\tt"...)
	} else {
		b = append(b, "\tf"...)
	}
	if row.Status == "" {
		b = append(b, "\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N"...)
	} else {
		b = append(b, '\t')
		b = b.text(row.Status)
		b = append(b, '\t')
		b = b.text(st.norm)
		b = append(b, '\t')
		at := row.StatusAt
		if at.IsZero() && st.stage == StageOrderCompleted {
			// A store's order status ("unfulfilled") carries no event time: its clock starts
			// when the order was placed, not when the file was imported.
			at = row.OrderDate
			if at.IsZero() && !newRun {
				at = prev.OrderDate
			}
		}
		if at.IsZero() {
			b = append(b, `\N`...)
		} else {
			b = b.time(at)
		}
		b = append(b, '\t')
		b = b.text(row.Location)
		b = append(b, '\t')
		b = strconv.AppendInt(b, int64(st.stage), 10)
		b = append(b, '\t')
		b = b.text(string(st.signal))
		b = append(b, '\t')
		if len(st.extra) == 0 {
			b = append(b, `\N`...)
		} else {
			b = b.array(st.extra)
		}
	}
	b = append(b, "\t\\N\t\\N\t"...) // reject, raw
	if row.Warning == "" {
		b = append(b, `\N`...)
	} else {
		b = b.text(row.Warning)
	}
	b = append(b, '\t')
	b = strconv.AppendInt(b, id, 10)
	return append(b, '\n')
}

// text appends s as a field value: an empty string stays empty (not NULL).
func (b copyLine) text(s string) copyLine {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '\\':
			esc = `\\`
		case '\t':
			esc = `\t`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\r`
		default:
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		start = i + 1
	}
	return append(b, s[start:]...)
}

// array appends ss as a text[] value.
func (b copyLine) array(ss []string) copyLine {
	v, _ := pq.StringArray(ss).Value() // a string array always has a value
	lit, _ := v.(string)
	return b.text(lit)
}

// time appends t as a timestamptz value, in UTC.
func (b copyLine) time(t time.Time) copyLine {
	t = t.UTC().Round(time.Microsecond)
	y, mo, d := t.Date()
	if y < 1 || y > 9999 {
		return append(b, pq.FormatTimestamp(t)...)
	}
	hh, mm, ss := t.Clock()
	b = appendDigits(b, y, 4)
	b = append(b, '-')
	b = appendDigits(b, int(mo), 2)
	b = append(b, '-')
	b = appendDigits(b, d, 2)
	b = append(b, ' ')
	b = appendDigits(b, hh, 2)
	b = append(b, ':')
	b = appendDigits(b, mm, 2)
	b = append(b, ':')
	b = appendDigits(b, ss, 2)
	if us := t.Nanosecond() / 1000; us != 0 {
		b = append(b, '.')
		b = appendDigits(b, us, 6)
	}
	return append(b, "+00"...)
}

// appendDigits appends n, zero-padded to width digits.
func appendDigits(b []byte, n, width int) []byte {
	var buf [8]byte
	for i := width - 1; i >= 0; i-- {
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, buf[:width]...)
}

// hideBadConn rewords driver.ErrBadConn from lib/pq as a lost connection. Conn.Raw closes its
// connection when the callback returns ErrBadConn, which waits for the import's transaction (open
// on that same connection) to let go of it: the import would hang instead of failing.
func hideBadConn(err *error) {
	if errors.Is(*err, driver.ErrBadConn) {
		*err = fmt.Errorf("stage rows: the connection to the database broke: %w", io.ErrUnexpectedEOF)
	}
}
