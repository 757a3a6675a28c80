package handlers

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// handleError is the one place errors become pages. Domain errors map to their status; an
// unreachable database, or one too busy to answer in the request's time (answerWithin), is a 503
// (the pool reconnects by itself when it is back); anything else
// is a 500 whose details go to the log only, found by the request id on the page.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if isAPI(c) {
		s.handleAPIError(err, c)
		return
	}
	ec := classifyError(err, c)
	// A request cut off by a read timeout has its context cancelled, but its client still waits
	// for the answer: the page is rendered regardless.
	c.SetRequest(c.Request().WithContext(context.WithoutCancel(c.Request().Context())))
	status, heading, msg := ec.status, "Something went wrong",
		"The desk could not finish this request. It has been logged; try again in a moment."
	switch ec.kind {
	case errBusy:
		heading, msg = "The desk is busy", "The desk is too busy to answer this right now. Try again in a moment."
	case errInvalid:
		// Handlers re-render their form with the messages; one that does not still says why.
		heading, msg = "Please check", ec.invalid.Message()
	case errNotFound:
		heading, msg = "Not found", "There is nothing here, or it belongs to another shop."
	case errConflict:
		heading, msg = "Changed by someone else", "Someone changed this while you were looking at it. Reload to see their change."
	case errForbidden:
		heading, msg = "Not allowed", "Your role in this shop does not allow this. Ask an owner."
	case errUnavailable:
		heading, msg = "Database unavailable", "The desk cannot reach its database right now. Nothing was lost; try again in a minute."
	case errHTTP:
		heading, msg = statusText(ec.http)
	}
	ec.setRetryAfter(c)
	rid := c.Response().Header().Get(echo.HeaderXRequestID)
	if status >= 500 {
		s.log.Error("request failed", "id", rid, "status", status, "err", err)
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	p := s.page(c, heading)
	if rerr := render(c, status, views.ErrorPage(p, status, heading, msg, rid), nil); rerr != nil {
		s.log.Error("render error page", "id", rid, "err", rerr)
		_ = c.String(status, heading)
	}
}

// errKind is what an error means to the client, whichever channel (page or JSON) words it.
type errKind int

const (
	errInternal    errKind = iota // anything else: a 500, details in the log only
	errBusy                       // the request ran out of its time (answerWithin)
	errInvalid                    // a *domain.ValidationError
	errNotFound                   // domain.ErrNotFound
	errConflict                   // domain.ErrConflict
	errForbidden                  // domain.ErrUnauthorized
	errUnavailable                // the database cannot be reached (domain.Unavailable)
	errHTTP                       // an *echo.HTTPError from Echo or our middleware
)

// errClass is an error classified: its kind, the status it answers, and the Retry-After it
// sends, if any. The error's own details ride along for the channel to word.
type errClass struct {
	kind       errKind
	status     int
	retryAfter string
	invalid    *domain.ValidationError
	http       *echo.HTTPError
}

// classifyError is the one mapping of errors to statuses, shared by the pages (handleError) and
// the JSON API (handleAPIError), which word them each their own way. A request over its time
// limit is "busy" whatever error it ended with.
func classifyError(err error, c echo.Context) errClass {
	var verr *domain.ValidationError
	var he *echo.HTTPError
	switch {
	case errors.Is(context.Cause(c.Request().Context()), errTooSlow):
		return errClass{kind: errBusy, status: http.StatusServiceUnavailable, retryAfter: "5"}
	case errors.As(err, &verr):
		return errClass{kind: errInvalid, status: http.StatusUnprocessableEntity, invalid: verr}
	case errors.Is(err, domain.ErrNotFound):
		return errClass{kind: errNotFound, status: http.StatusNotFound}
	case errors.Is(err, domain.ErrConflict):
		return errClass{kind: errConflict, status: http.StatusConflict}
	case errors.Is(err, domain.ErrUnauthorized):
		return errClass{kind: errForbidden, status: http.StatusForbidden}
	case domain.Unavailable(err):
		return errClass{kind: errUnavailable, status: http.StatusServiceUnavailable, retryAfter: "30"}
	case errors.As(err, &he):
		return errClass{kind: errHTTP, status: he.Code, http: he}
	}
	return errClass{kind: errInternal, status: http.StatusInternalServerError}
}

// setRetryAfter sends the class's Retry-After, if it has one.
func (ec errClass) setRetryAfter(c echo.Context) {
	if ec.retryAfter != "" {
		c.Response().Header().Set("Retry-After", ec.retryAfter)
	}
}

// statusText words the HTTP errors that Echo and our middleware raise.
func statusText(he *echo.HTTPError) (string, string) {
	msg, _ := he.Message.(string)
	switch he.Code {
	case http.StatusNotFound:
		return "Not found", "There is nothing here, or it belongs to another shop."
	case http.StatusMethodNotAllowed:
		return "Not allowed", "This address does not take that kind of request."
	case http.StatusRequestEntityTooLarge:
		if msg == "" || msg == http.StatusText(he.Code) {
			msg = "What you sent is larger than the desk accepts: a form takes up to 1 MB. Shorten the text and send it again; files go through Imports."
		}
		return "Too large", msg
	case http.StatusForbidden:
		if he == errCSRF || strings.Contains(strings.ToLower(msg), "csrf") {
			return "Form expired", errCSRF.Message.(string)
		}
		return "Not allowed", "Your role in this shop does not allow this. Ask an owner."
	case http.StatusBadRequest:
		if msg == "" || msg == http.StatusText(he.Code) {
			msg = "The request could not be understood."
		}
		return "Bad request", msg
	case http.StatusUnauthorized:
		return "Signed out", msg
	}
	if msg == "" {
		msg = http.StatusText(he.Code)
	}
	return http.StatusText(he.Code), msg
}
