package handlers

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// CSRF tokens are bound to the session. A signed-in member's token (and that of a visitor whose
// session holds a message) is an HMAC of the session's secret token, which lives only in the
// HttpOnly session cookie (the database keeps a hash of it): nobody who cannot read that cookie can
// make the token, and a cookie planted by a sibling subdomain cannot stand in for it. A visitor without a session (the
// sign-in and sign-up forms) gets a token bound to a random value in a cookie of its own; over TLS
// that cookie is named with the __Host- prefix, which browsers accept only from this host, with
// Secure and Path=/, so a sibling subdomain cannot plant it either.
//
// Browsers that send Sec-Fetch-Site are checked by it first, as Echo's CSRF middleware does: a
// cross-site POST is refused outright, a same-origin one needs no token; same-site (a sibling
// subdomain) falls through to the token.

// csrfCookie names the visitor cookie: __Host-csrf when served over TLS.
func (s *Server) csrfCookie() string {
	if s.cfg.SecureCookies {
		return "__Host-csrf"
	}
	return "_csrf"
}

// csrfKey is the HMAC key of the tokens, derived from the session key so that a token is no use
// as anything else.
func csrfKey(sessionKey []byte) []byte {
	m := hmac.New(sha256.New, sessionKey)
	m.Write([]byte("parcel-desk csrf v1"))
	return m.Sum(nil)
}

// csrfMAC is a token: the HMAC of what it is bound to.
func (s *Server) csrfMAC(kind, value string) string {
	m := hmac.New(sha256.New, s.csrfKey)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// csrfVisitorBytes is the size of a visitor cookie's random value.
const csrfVisitorBytes = 32

// csrfToken is the token the request's forms carry: bound to its session when it has one, else
// to its visitor cookie, which is set when it is missing or malformed.
func (s *Server) csrfToken(c echo.Context) (string, error) {
	sess, err := s.sessions.Session(c.Request())
	if err != nil {
		return "", err
	}
	if sess.ID != "" {
		return s.csrfMAC("session", sess.ID), nil
	}
	if ck, err := c.Cookie(s.csrfCookie()); err == nil {
		if b, err := base64.RawURLEncoding.DecodeString(ck.Value); err == nil && len(b) == csrfVisitorBytes {
			return s.csrfMAC("visitor", ck.Value), nil
		}
	}
	b := make([]byte, csrfVisitorBytes)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	v := base64.RawURLEncoding.EncodeToString(b)
	c.SetCookie(&http.Cookie{ // #nosec G124 -- Secure follows SECURE_COOKIES: plain HTTP in development
		Name: s.csrfCookie(), Value: v, Path: "/", HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
	return s.csrfMAC("visitor", v), nil
}

// csrf checks the token of every state-changing request: the form field _csrf, or the
// X-CSRF-Token header. It runs after the session is loaded (the token is bound to it). The upload
// is checked by uploadCSRF instead.
func (s *Server) csrf() echo.MiddlewareFunc {
	return s.csrfWith(func(c echo.Context) string { return c.Request().PostForm.Get("_csrf") },
		func(c echo.Context) bool { return skipSession(c) || isUpload(c) || isOneClickUnsubscribe(c) })
}

// uploadCSRF checks the upload's token from the query string or a header, never the form: reading
// a form field of a multipart body would read the whole body (to memory and temporary files)
// before the check, for anyone, signed in or not.
func (s *Server) uploadCSRF() echo.MiddlewareFunc {
	return s.csrfWith(func(c echo.Context) string { return c.QueryParam("_csrf") }, nil)
}

func (s *Server) csrfWith(field func(echo.Context) string, skip middleware.Skipper) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if skip != nil && skip(c) {
				return next(c)
			}
			token, err := s.csrfToken(c)
			if err != nil {
				return err
			}
			c.Set(ctxCSRF, token)
			c.Response().Header().Add(echo.HeaderVary, echo.HeaderCookie)
			switch c.Request().Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
				return next(c)
			}
			switch c.Request().Header.Get(echo.HeaderSecFetchSite) {
			case "same-origin", "none":
				return next(c) // the browser says it comes from our own pages (or the address bar)
			case "cross-site":
				return errCSRF
			}
			given := c.Request().Header.Get(echo.HeaderXCSRFToken)
			if given == "" {
				given = field(c)
			}
			if given == "" || !hmac.Equal([]byte(given), []byte(token)) {
				return errCSRF
			}
			return next(c)
		}
	}
}

// ctxCSRF is the context key of the request's CSRF token, for the pages' forms.
const ctxCSRF = "csrf"

// errCSRF is the answer to a POST without a valid token.
var errCSRF = echo.NewHTTPError(http.StatusForbidden, "This form has expired or was sent from another site. Go back, reload the page and try again.")
