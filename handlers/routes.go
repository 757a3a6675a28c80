package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/parceldesk/portal/static"
)

// routes is the whole route table, in one place. Middleware order: request id first so every log
// line and error page carries it, then logging and recovery, security headers on every response,
// body limits, CSRF, and the session (which needs the database) last.
func (s *Server) routes(e *echo.Echo) {
	e.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}))
	e.Use(middleware.RequestID())
	e.Use(s.logRequests())
	e.Use(middleware.Recover())
	e.Use(securityHeaders(s.cfg.SecureCookies))

	e.GET("/healthz", s.health)
	assets := e.Group("/static", cacheForever)
	assets.StaticFS("/", echo.MustSubFS(static.FS, "."))

	app := e.Group("", middleware.BodyLimit("1M"), s.csrf(), s.loadSession)
	app.GET("/signup", s.signupForm)
	app.POST("/signup", s.signup)
	app.GET("/login", s.loginForm)
	app.POST("/login", s.login)
	app.GET("/invite/:token", s.inviteForm)
	app.POST("/invite/:token", s.inviteAccept)

	in := app.Group("", s.requireUser)
	in.POST("/logout", s.logout)
	in.GET("/", s.home)
	in.GET("/settings/team", s.teamIndex)
	in.POST("/settings/team/invitations", s.invitationCreate)
	in.POST("/settings/team/invitations/:id/revoke", s.invitationRevoke)
	in.GET("/settings/team/members/:id", s.memberShow)
	in.POST("/settings/team/members/:id/remove", s.memberRemove)
}
