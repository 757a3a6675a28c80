package handlers

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// render writes a component with a status. The component is rendered into a buffer first, so a
// template error becomes a clean error page instead of half a page. An htmx request that is not
// a boosted navigation (nor htmx restoring a page from history) gets the partial alone, when the
// page has one.
func render(c echo.Context, status int, full, partial templ.Component) error {
	comp := full
	h := c.Request().Header
	if partial != nil {
		c.Response().Header().Add("Vary", "HX-Request")
		if h.Get("HX-Request") == "true" && h.Get("HX-Boosted") != "true" && h.Get("HX-History-Restore-Request") != "true" {
			comp = partial
		}
	}
	buf := renderBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledRender {
			buf.Reset()
			renderBuffers.Put(buf)
		}
	}()
	if err := comp.Render(c.Request().Context(), buf); err != nil {
		return err
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// renderBuffers keeps the buffers pages are rendered into: a queue page is tens of kilobytes, and
// growing a fresh buffer to that size on every request was a good part of its rendering.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledRender is the largest buffer kept for the next page: a rare huge page (a long import
// report) is left to the garbage collector rather than held.
const maxPooledRender = 1 << 20

// page builds the Page of the current request: title, member, CSRF token and the flash messages,
// which are removed from the session as they are shown.
func (s *Server) page(c echo.Context, title string) views.Page {
	p := views.Page{Title: title, Path: c.Request().URL.Path}
	if tok, ok := c.Get(ctxCSRF).(string); ok {
		p.CSRF = tok
	}
	if u, ok := c.Get(ctxUser).(*domain.User); ok {
		p.User = u
		p.Seller = c.Get(ctxSeller).(*domain.Seller)
	}
	sess, err := s.sessions.Session(c.Request())
	if err != nil || sess.IsNew {
		return p
	}
	if fl := sess.Flashes(); len(fl) > 0 {
		for _, f := range fl {
			if kind, msg, ok := strings.Cut(fmt.Sprint(f), ":"); ok {
				p.Flashes = append(p.Flashes, views.Flash{Kind: views.FlashKind(kind), Message: msg})
			}
		}
		if err := sess.Save(c.Request(), c.Response()); err != nil {
			s.log.Warn("save session after flash", "err", err)
		}
	}
	return p
}

// redirectWithFlash stores a one-time message and answers 303 See Other, the answer to a
// successful form post.
func (s *Server) redirectWithFlash(c echo.Context, to string, kind views.FlashKind, msg string) error {
	sess, err := s.sessions.Session(c.Request())
	if err != nil {
		return err
	}
	sess.AddFlash(string(kind) + ":" + msg)
	if err := sess.Save(c.Request(), c.Response()); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, to)
}
