package handlers

import (
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// formLimit bounds every request body but the upload's. Forms are a few kilobytes; a note or a
// message template is at most a few thousand characters.
const formLimit = "1M"

// readForm reads a form body, bounded by formLimit, before anything else looks at it, so that a
// body over the limit is answered 413 however it was sent. Otherwise the first reader (the CSRF
// check, a handler's FormValue) would swallow the limit's error and see an empty form: a
// chunked body of any size would get "form expired" or a validation message instead.
func readForm(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.Method != http.MethodPost || isUpload(c) || isAPI(c) {
			return next(c)
		}
		err := r.ParseForm()
		if err == nil && strings.HasPrefix(r.Header.Get(echo.HeaderContentType), echo.MIMEMultipartForm) {
			err = r.ParseMultipartForm(1 << 20)
		}
		if errors.Is(err, echo.ErrStatusRequestEntityTooLarge) {
			return echo.ErrStatusRequestEntityTooLarge
		}
		if errors.Is(err, os.ErrDeadlineExceeded) { // the server's ReadTimeout
			return echo.NewHTTPError(http.StatusRequestTimeout, "The form took too long to arrive. Send it again.")
		}
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, "The form could not be read.")
		}
		return next(c)
	}
}

// uploadPaceBytes is how much of an upload must arrive within Config.UploadStall of the last
// such piece: a slow line may take as long as it needs for a large file, a trickle may not.
const uploadPaceBytes = 1 << 20

// pacedBody lets an upload outlive the server's ReadTimeout for as long as it keeps arriving:
// each uploadPaceBytes read moves the connection's read deadline (and, after it, the write
// deadline for the answer) UploadStall ahead. It remembers why reading failed, so the handler
// can tell a stalled or broken upload from a database error.
type pacedBody struct {
	r     io.Reader
	rc    *http.ResponseController
	stall time.Duration
	left  int64
	err   error
}

func newPacedBody(c echo.Context, stall time.Duration) *pacedBody {
	p := &pacedBody{r: c.Request().Body, rc: http.NewResponseController(c.Response()), stall: stall}
	p.extend()
	return p
}

func (p *pacedBody) extend() {
	p.left = uploadPaceBytes
	d := time.Now().Add(p.stall)
	_ = p.rc.SetReadDeadline(d)
	_ = p.rc.SetWriteDeadline(d.Add(p.stall))
}

func (p *pacedBody) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if p.left -= int64(n); p.left <= 0 {
		p.extend()
	}
	if err != nil && err != io.EOF {
		p.err = err
	}
	return n, err
}

func (p *pacedBody) Close() error { return nil }
