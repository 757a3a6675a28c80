package domain

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/jmoiron/sqlx"
	"github.com/parceldesk/portal/domain/csvfile"
)

// uploadChunk is the size of the pieces an upload is kept in.
const uploadChunk = 1 << 20

// importFilename is how an import's file name is kept, for display only: it comes from the
// sender's file system, which may hand over bytes PostgreSQL refuses in text (a NUL, invalid
// UTF-8), and other control characters would only garble a page. Those are dropped or replaced,
// and the name is cut to 255 characters.
func importFilename(name string) string {
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, "\uFFFD"))
	if r := []rune(name); len(r) > 255 {
		name = string(r[:255])
	}
	return name
}

// CreateUpload keeps an uploaded file in the database, in pieces, for preview and run, reading it
// as a stream. A file that is empty, binary, wider than csvfile.MaxColumns or larger than maxBytes is
// refused with a *ValidationError and leaves nothing behind.
func (s *Store) CreateUpload(ctx context.Context, seller SellerID, user int64, filename string, r io.Reader, maxBytes int64) (Import, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &id, `
			INSERT INTO imports (seller_id, user_id, source, filename, status)
			VALUES ($1, $2, 'upload', $3, 'uploaded') RETURNING id`, seller, user, importFilename(filename)); err != nil {
			return err
		}
		buf := make([]byte, uploadChunk)
		var size, lines int64
		for seq := 0; ; seq++ {
			n, err := io.ReadFull(r, buf)
			if n > 0 {
				if seq == 0 {
					whole := err != nil // the file ended within the first piece
					d, err := csvfile.SniffDialect(buf[:n])
					if err != nil {
						return fromCSV(err)
					}
					if err := csvfile.CheckHeaderWidth(buf[:n], d, whole); err != nil {
						return fromCSV(err)
					}
				}
				size += int64(n)
				if size > maxBytes {
					return Invalid("file", fmt.Sprintf("The file is larger than the limit of %d MB. Split it into smaller files.", maxBytes>>20))
				}
				lines += int64(bytes.Count(buf[:n], []byte{'\n'}))
				if _, err := tx.ExecContext(ctx, `INSERT INTO import_chunks (seller_id, import_id, seq, data) VALUES ($1, $2, $3, $4)`,
					seller, id, seq, buf[:n]); err != nil {
					return err
				}
			}
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				if size == 0 {
					return Invalid("file", "The file is empty.")
				}
				break
			}
			if err != nil {
				return fmt.Errorf("read upload: %w", err)
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE imports SET size_bytes = $3, rows_estimate = greatest($4 - 1, 1)
			WHERE seller_id = $1 AND id = $2`, seller, id, size, lines)
		return err
	})
	if err != nil {
		return Import{}, fmt.Errorf("upload: %w", err)
	}
	return s.FindImport(ctx, seller, id)
}

// OpenUpload streams back a kept upload, one piece at a time. It returns ErrNotFound for another
// seller's import or one whose file is gone (a finished import does not keep its file).
func (s *Store) OpenUpload(ctx context.Context, seller SellerID, id int64) (io.Reader, error) {
	var n int
	if err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM import_chunks WHERE seller_id = $1 AND import_id = $2`, seller, id); err != nil {
		return nil, fmt.Errorf("open upload: %w", err)
	}
	if n == 0 {
		return nil, ErrNotFound
	}
	return &chunkReader{ctx: ctx, db: s.db, seller: seller, id: id, chunks: n}, nil
}

// chunkReader reads an upload's pieces in order, holding one in memory.
type chunkReader struct {
	ctx    context.Context
	db     *sqlx.DB
	seller SellerID
	id     int64
	chunks int
	next   int
	buf    []byte
}

func (c *chunkReader) Read(p []byte) (int, error) {
	for len(c.buf) == 0 {
		if c.next >= c.chunks {
			return 0, io.EOF
		}
		err := c.db.GetContext(c.ctx, &c.buf, `SELECT data FROM import_chunks WHERE seller_id = $1 AND import_id = $2 AND seq = $3`,
			c.seller, c.id, c.next)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, io.ErrUnexpectedEOF
		}
		if err != nil {
			return 0, fmt.Errorf("read upload: %w", err)
		}
		c.next++
	}
	n := copy(p, c.buf)
	c.buf = c.buf[n:]
	return n, nil
}

// PreviewUpload reads the start of a kept upload for the seller to confirm before it runs
// (DetectSettings). It returns ErrNotFound for another seller's import or one whose file is
// gone, and a *ValidationError for a file that cannot be read as CSV.
func (s *Store) PreviewUpload(ctx context.Context, seller SellerID, id int64) (csvfile.Preview, error) {
	r, err := s.OpenUpload(ctx, seller, id)
	if err != nil {
		return csvfile.Preview{}, err
	}
	return DetectSettings(r)
}

// DetectSettings reads the start of a file for its preview (csvfile.Detect): its dialect,
// header, first rows, the suggested column mapping and the date order. It returns a
// *ValidationError for an empty or binary file.
func DetectSettings(r io.Reader) (csvfile.Preview, error) {
	p, err := csvfile.Detect(r)
	return p, fromCSV(err)
}

// mappingJSON is how a mapping is kept on the import row: column → field index. A string, not
// []byte: the connection sends []byte arguments in binary (see Open), which jsonb does not take.
func mappingJSON(m csvfile.Mapping) string {
	b, _ := json.Marshal(m)
	return string(b)
}
