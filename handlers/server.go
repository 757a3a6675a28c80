// Package handlers is the web layer: Echo routes, middleware (sessions, CSRF, tenant, security
// headers), request parsing, one call into the domain, and the choice of a view. It holds no SQL
// and no business rules.
package handlers

import (
	"log/slog"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// Config is the web layer's share of the portal's configuration.
type Config struct {
	// SecureCookies marks cookies Secure; set it when the portal is served over TLS (directly or
	// behind a TLS-terminating proxy).
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For, for login throttling and logs;
	// set it only behind a proxy that sets that header.
	TrustProxy bool
	// SessionKey signs session cookies.
	SessionKey []byte
	// Sessions bounds how long a sign-in lasts.
	Sessions domain.SessionLimits
	// MaxUploadBytes bounds an uploaded file (default 512 MiB).
	MaxUploadBytes int64
	// UploadStall is how long an upload may go without another MiB arriving before it is cut
	// off (default a minute). While it keeps arriving it may take as long as it needs, past the
	// server's ReadTimeout.
	UploadStall time.Duration
	// RequestTimeout is how long a request may take before its answer starts; past it, it
	// answers 503 (the desk is busy) rather than wait on for a database connection (default
	// DefaultRequestTimeout). Uploads are not bound by it.
	RequestTimeout time.Duration
	// Metrics counts requests and imports. Default: figures nobody reads.
	Metrics *Metrics
	// APIRateLimit is how often one API token may call the API (default domain.DefaultRateLimit).
	APIRateLimit domain.RateLimit
	// Notify is what the notification pages need of the delivery machinery.
	Notify NotifyConfig
	// Clock is the time the handlers act at and show pages for (default time.Now): tests set it
	// to move time. Deadlines of the connection itself (an upload's stall) keep the real clock.
	Clock func() time.Time
}

// DefaultRequestTimeout is Config.RequestTimeout unless set: far longer than any page takes, short
// enough that nobody is left with a page that never comes.
const DefaultRequestTimeout = 20 * time.Second

// DefaultSessionLimits: a day without a request signs a member out; a week after sign-in, they
// sign in again whatever they did.
var DefaultSessionLimits = domain.SessionLimits{Idle: 24 * time.Hour, Absolute: 7 * 24 * time.Hour}

// Server holds the dependencies of the handlers.
type Server struct {
	store    *domain.Store
	sessions *SessionStore
	metrics  *Metrics
	log      *slog.Logger
	cfg      Config
	csrfKey  []byte
	// Clock is Config.Clock: every handler takes "now" from it, never from time.Now.
	Clock func() time.Time
	// rows keeps the queue's rendered rows sections (exceptionsIndex).
	rows *views.RowsCache
}

// New returns the portal's HTTP handler with every route, middleware and the error page wired.
func New(log *slog.Logger, cfg Config, store *domain.Store) *echo.Echo {
	if cfg.Sessions == (domain.SessionLimits{}) {
		cfg.Sessions = DefaultSessionLimits
	}
	if cfg.MaxUploadBytes == 0 {
		cfg.MaxUploadBytes = 512 << 20
	}
	if cfg.UploadStall == 0 {
		cfg.UploadStall = time.Minute
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Metrics == nil {
		cfg.Metrics = NewMetrics(nil)
	}
	s := &Server{
		store:    store,
		sessions: NewSessionStore(store, cfg.SessionKey, cfg.Sessions, cfg.SecureCookies),
		metrics:  cfg.Metrics,
		log:      log,
		cfg:      cfg,
		csrfKey:  csrfKey(cfg.SessionKey),
		Clock:    cfg.Clock,
		rows:     views.NewRowsCache(queueRowsCacheBytes),
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	if cfg.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	} else {
		e.IPExtractor = echo.ExtractIPDirect()
	}
	s.routes(e)
	return e
}
