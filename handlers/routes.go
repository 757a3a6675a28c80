package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/parceldesk/portal/static"
)

// routes is the whole route table, in one place. Middleware order: request id first so every log
// line and error page carries it, then logging and recovery, security headers on every response,
// body limits (a form is read at once, so that its limit answers 413; the file uploads stream
// under their own), a check that the input is text (no NUL byte, valid UTF-8), the time limit of
// a request (before anything waits for the database), then the session
// (which needs the database) and CSRF last, since the token is bound to the session. Static files
// and the health check skip both, so they answer even while the database is away. The session
// runs for unknown paths too, so a signed-in member's 404 page keeps its navigation.
func (s *Server) routes(e *echo.Echo) {
	e.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}))
	e.Use(middleware.RequestID())
	e.Use(s.logRequests())
	e.Use(middleware.Recover())
	e.Use(securityHeaders(s.cfg.SecureCookies))
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: formLimit, Skipper: func(c echo.Context) bool { return isUpload(c) || isAPI(c) }}))
	e.Use(readForm)
	e.Use(textOnly)
	e.Use(answerWithin(s.cfg.RequestTimeout))
	e.Use(s.loadSession)
	e.Use(s.csrf())

	e.GET("/healthz", s.health)
	e.GET("/static/*", echo.WrapHandler(http.StripPrefix("/static/", http.FileServerFS(static.FS))), cacheForever)

	e.GET("/signup", s.signupForm)
	e.POST("/signup", s.signup)
	e.GET("/login", s.loginForm)
	e.POST("/login", s.login)
	e.GET("/invite/:token", s.inviteForm)
	e.POST("/invite/:token", s.inviteAccept)

	in := s.requireUser
	e.POST("/logout", s.logout, in)
	e.GET("/", s.home, in)
	e.GET("/exceptions", s.exceptionsIndex, in)
	e.GET("/exceptions.csv", s.exceptionsCSV, in)
	e.POST("/exceptions/bulk", s.exceptionsBulk, in)
	e.POST("/exceptions/bulk/:id/undo", s.exceptionsUndo, in)
	e.POST("/exceptions/views", s.viewSave, in)
	e.POST("/exceptions/views/:id/delete", s.viewDelete, in)
	e.GET("/exceptions/:id", s.exceptionShow, in)
	e.POST("/exceptions/:id", s.exceptionUpdate, in)
	e.POST("/exceptions/:id/next", s.exceptionNext, in)
	e.POST("/exceptions/:id/disputes", s.disputeCreate, in)
	e.GET("/disputes", s.disputesIndex, in)
	e.GET("/disputes/:id", s.disputeShow, in)
	e.POST("/disputes/:id", s.disputeUpdate, in)
	e.POST("/disputes/:id/notes", s.disputeNote, in)
	e.POST("/disputes/:id/evidence", s.evidenceCreate, s.uploadCSRF(), in)
	e.GET("/disputes/:id/evidence/:evidence_id", s.evidenceDownload, in)
	e.GET("/disputes/:id/pack", s.disputePack, in)
	e.GET("/search", s.search, in)
	e.GET("/shipments", s.shipmentsIndex, in)
	e.GET("/shipments/:id", s.shipmentShow, in)
	e.POST("/shipments/:id/not-received", s.shipmentNotReceived, in)
	e.GET("/outcomes", s.outcomes, in)
	e.GET("/settings/team", s.teamIndex, in)
	e.POST("/settings/team/invitations", s.invitationCreate, in)
	e.POST("/settings/team/invitations/:id/revoke", s.invitationRevoke, in)
	e.GET("/settings/team/members/:id", s.memberShow, in)
	e.POST("/settings/team/members/:id/remove", s.memberRemove, in)
	e.GET("/imports", s.importsIndex, in)
	e.POST("/imports", s.importCreate, s.uploadCSRF(), in)
	e.GET("/imports/:id", s.importShow, in)
	e.POST("/imports/:id/run", s.importRun, in)
	e.GET("/imports/:id/rejected.csv", s.importRejected, in)
	e.GET("/settings/statuses", s.statusesIndex, in)
	e.POST("/settings/statuses", s.statusMap, in)
	e.POST("/settings/statuses/suggestions", s.statusSuggestionsAccept, in)
	e.GET("/settings/thresholds", s.thresholdsIndex, in)
	e.POST("/settings/thresholds", s.thresholdSet, in)
	e.POST("/settings/thresholds/delete", s.thresholdDelete, in)
	e.POST("/settings/thresholds/adopt", s.thresholdAdopt, in)
	e.POST("/settings/peak-periods", s.peakPeriodCreate, in)
	e.POST("/settings/peak-periods/:id/delete", s.peakPeriodDelete, in)
	e.POST("/settings/warning", s.warningUpdate, in)
	e.POST("/settings/timezone", s.timezoneUpdate, in)
	e.POST("/settings/untracked-services", s.untrackedServiceAdd, in)
	e.POST("/settings/untracked-services/delete", s.untrackedServiceRemove, in)
	e.GET("/settings/api-tokens", s.apiTokensIndex, in)
	e.POST("/settings/api-tokens", s.apiTokenCreate, in)
	e.POST("/settings/api-tokens/:id/revoke", s.apiTokenRevoke, in)
	e.GET("/settings/api-tokens/trackers", s.trackerHooksIndex, in)
	e.POST("/settings/api-tokens/trackers", s.trackerHookSave, in)
	e.POST("/settings/api-tokens/trackers/remove", s.trackerHookRemove, in)
	e.POST("/settings/api-tokens/trackers/retry", s.trackerHooksRetry, in)
	e.GET("/settings/messages", s.messagesIndex, in)
	e.POST("/settings/messages", s.messageSave, in)
	e.POST("/settings/messages/reset", s.messageReset, in)
	s.notifyRoutes(e, in)
	s.apiRoutes(e)
	s.hookRoutes(e)
}

// isUpload is a file upload (a CSV import, a dispute's evidence): its body streams to the handler,
// which bounds it, and its CSRF token comes in the query string (uploadCSRF), so nothing reads the
// body of a request without a valid token.
func isUpload(c echo.Context) bool {
	r := c.Request()
	return r.Method == http.MethodPost &&
		(r.URL.Path == "/imports" || strings.HasPrefix(r.URL.Path, "/disputes/") && strings.HasSuffix(r.URL.Path, "/evidence"))
}

// skipSession lists the paths that need neither a session nor CSRF: static files, the health
// check, the JSON API, which authenticates with a token instead (requireToken), and the tracker
// webhooks, which a signature authenticates (hookReceive); neither reads a cookie, so a page
// cannot forge a request with the member's session.
func skipSession(c echo.Context) bool {
	p := c.Request().URL.Path
	return p == "/healthz" || strings.HasPrefix(p, "/static/") || isAPI(c)
}
