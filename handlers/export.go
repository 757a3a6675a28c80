package handlers

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// safeCell keeps a value from being read as a formula when the CSV is opened in a spreadsheet
// (CSV injection): a cell that starts with = + - @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets show as text.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// safeRow applies safeCell to every cell, in place.
func safeRow(row []string) []string {
	for i, v := range row {
		row[i] = safeCell(v)
	}
	return row
}

// prefixWriter writes prefix before the first bytes written through it, in the same write, so
// that nothing reaches the response before the first buffer of rows does.
type prefixWriter struct {
	w      io.Writer
	prefix []byte
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	if p.prefix == nil {
		return p.w.Write(b)
	}
	buf := append(p.prefix, b...)
	p.prefix = nil
	n, err := p.w.Write(buf)
	return max(0, n-(len(buf)-len(b))), err
}

// exportCutShort is the last line of a download that an error stopped after it had begun.
const exportCutShort = "#ERROR: the desk stopped this export before its end; this file is incomplete. Download it again."

// streamCSV answers a CSV download named filename whose rows write produces as it reads them,
// so an export of any size is never whole in memory. An error before anything was sent is an
// ordinary error page. An error after the 200 went out can no longer change the status: it is
// logged, a last line says the file is incomplete, and the connection is dropped without the
// end of the chunked body, so that a browser, curl or a spreadsheet's web query sees a failed
// download rather than a shorter file that looks whole.
func (s *Server) streamCSV(c echo.Context, filename string, write func(w *csv.Writer) error) error {
	return s.streamCSVAs(c, filename, csvShape{}, write)
}

// csvShape is how a download is written: its delimiter (a comma when zero), and whether it starts
// with a byte order mark (a spreadsheet then reads it as UTF-8 for sure).
type csvShape struct {
	Comma rune
	BOM   bool
}

// streamCSVAs is streamCSV in the given shape.
func (s *Server) streamCSVAs(c echo.Context, filename string, shape csvShape, write func(w *csv.Writer) error) error {
	res := c.Response()
	h := res.Header()
	h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, filename))
	var out io.Writer = res
	if shape.BOM {
		out = &prefixWriter{w: res, prefix: []byte("\uFEFF")}
	}
	w := csv.NewWriter(out) // buffered: nothing is sent until its first 4 KiB or Flush
	if shape.Comma != 0 {
		w.Comma = shape.Comma
	}
	err := write(w)
	if err == nil {
		w.Flush()
		err = w.Error()
	}
	if err == nil {
		return nil
	}
	if !res.Committed {
		h.Del(echo.HeaderContentType)
		h.Del(echo.HeaderContentDisposition)
		return err
	}
	ctx := c.Request().Context()
	level, msg := slog.LevelError, "export cut short"
	if ctx.Err() != nil {
		level, msg = slog.LevelInfo, "export abandoned by the client"
	}
	s.log.Log(context.WithoutCancel(ctx), level, msg, "id", res.Header().Get(echo.HeaderXRequestID),
		"route", c.Path(), "bytes", res.Size, "err", err)
	w.Flush() // the last record whole, then the line that says the file is not
	_, _ = res.Write([]byte(exportCutShort + "\n"))
	_ = http.NewResponseController(res).Flush()
	panic(http.ErrAbortHandler) // net/http drops the connection; Echo's Recover passes this one on
}
