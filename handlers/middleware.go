package handlers

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/parceldesk/portal/domain"
)

// contentSecurityPolicy allows our own files only: no inline script or style, no eval, no
// framing. htmx is configured by a meta tag so that it needs neither.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(tls bool) echo.MiddlewareFunc {
	cfg := middleware.SecureConfig{
		XSSProtection:         "0", // the legacy XSS auditor does more harm than good; CSP does the job
		ContentTypeNosniff:    "nosniff",
		XFrameOptions:         "DENY",
		ContentSecurityPolicy: contentSecurityPolicy,
		ReferrerPolicy:        "same-origin",
	}
	if tls {
		cfg.HSTSMaxAge = 31536000
	}
	secure := middleware.SecureWithConfig(cfg)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return secure(func(c echo.Context) error {
			h := c.Response().Header()
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
			return next(c)
		})
	}
}

// cacheForever lets browsers keep static files: their URLs carry a content hash (static.URL).
func cacheForever(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		return next(c)
	}
}

// logRequests writes one structured line per request — its id, method, route pattern, path,
// status, latency, client address and, when signed in, the seller — and counts it in the metrics
// (static files are counted but not logged).
func (s *Server) logRequests() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURIPath: true, LogMethod: true, LogLatency: true, LogRequestID: true,
		LogRemoteIP: true, LogError: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			s.metrics.observeRequest(v.Method, c.Path(), v.Status, v.Latency)
			if strings.HasPrefix(c.Path(), "/static") {
				return nil
			}
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			attrs := []slog.Attr{
				// The path only: the upload's CSRF token travels in its query string.
				slog.String("id", v.RequestID), slog.String("method", v.Method), slog.String("route", c.Path()),
				slog.String("path", v.URIPath), slog.Int("status", v.Status), slog.Duration("latency", v.Latency),
				slog.String("ip", v.RemoteIP),
			}
			if seller, ok := c.Get(ctxSeller).(*domain.Seller); ok {
				attrs = append(attrs, slog.Int64("seller", int64(seller.ID)))
			}
			if auth, ok := c.Get(ctxAPI).(domain.APIAuth); ok {
				attrs = append(attrs, slog.Int64("seller", int64(auth.Seller)), slog.Int64("api_token", auth.TokenID))
			}
			if v.Error != nil && v.Status >= 500 {
				attrs = append(attrs, slog.String("err", v.Error.Error()))
			}
			s.log.LogAttrs(context.Background(), level, "request", attrs...)
			return nil
		},
	})
}

// errTooSlow is the cause of a request's context ended by answerWithin.
var errTooSlow = errors.New("no answer within the request time limit")

// answerWithin bounds how long a request may take before its answer starts: past limit its
// context ends, so a request waiting for a database connection (every one in use) or on a query
// gives up and answers 503 with a page that says the desk is busy, instead of hanging. Once the
// answer has started (a CSV export streams for as long as it needs) the limit no longer applies.
// Uploads are left out: they stream in for as long as the file keeps arriving. So are the API's
// writes: a batch of events is an import, which waits its turn behind the shop's other imports
// (a tool posting from several clients at once) and must not be cut off half way by a clock that
// is about pages.
func answerWithin(limit time.Duration) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if isUpload(c) || isAPI(c) && c.Request().Method != http.MethodGet {
				return next(c)
			}
			ctx, cancel := context.WithCancelCause(c.Request().Context())
			defer cancel(nil)
			timer := time.AfterFunc(limit, func() { cancel(errTooSlow) })
			defer timer.Stop()
			c.Response().Before(func() { timer.Stop() })
			c.SetRequest(c.Request().WithContext(ctx))
			return next(c)
		}
	}
}

// Context keys for the signed-in member.
const (
	ctxUser   = "user"
	ctxSeller = "seller"
)

// loadSession finds the member the session cookie stands for, if any: one query for the session,
// its user and their seller. A member removed from the team has no session any more. A database
// outage here becomes the 503 page, not an anonymous visitor.
func (s *Server) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if skipSession(c) {
			return next(c)
		}
		m, err := s.sessions.Member(c.Request())
		if err != nil {
			return err
		}
		if m != nil {
			c.Set(ctxUser, &m.User)
			c.Set(ctxSeller, &m.Seller)
		}
		return next(c)
	}
}

// requireUser sends visitors who are not signed in to the sign-in page, remembering where they
// were going.
func (s *Server) requireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Get(ctxUser) == nil {
			if c.Request().Method != http.MethodGet {
				return echo.NewHTTPError(http.StatusUnauthorized, "Your session has ended. Sign in again.")
			}
			return c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
		}
		return next(c)
	}
}

// sellerFrom returns the signed-in member's seller: the only source of the tenant scope.
func sellerFrom(c echo.Context) domain.SellerID {
	return c.Get(ctxSeller).(*domain.Seller).ID
}

// userFrom returns the signed-in member.
func userFrom(c echo.Context) domain.User {
	return *c.Get(ctxUser).(*domain.User)
}
