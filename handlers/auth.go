package handlers

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// fieldErrors returns the field messages of a validation error, or nil for any other error.
func fieldErrors(err error) views.Errors {
	var verr *domain.ValidationError
	if errors.As(err, &verr) {
		return verr.Fields
	}
	return nil
}

func (s *Server) signupForm(c echo.Context) error {
	if c.Get(ctxUser) != nil {
		return c.Redirect(http.StatusSeeOther, "/")
	}
	return render(c, http.StatusOK, views.SignupPage(s.page(c, "Create account"), views.SignupForm{}), nil)
}

// signup creates a shop and its owner, and signs the owner in.
func (s *Server) signup(c echo.Context) error {
	in := domain.Signup{
		ShopName: c.FormValue("shop_name"), Name: c.FormValue("name"),
		Email: c.FormValue("email"), Password: c.FormValue("password"),
	}
	seller, user, err := s.store.CreateSeller(c.Request().Context(), in)
	if errs := fieldErrors(err); errs != nil {
		f := views.SignupForm{ShopName: in.ShopName, Name: in.Name, Email: in.Email, Errors: errs}
		return render(c, http.StatusUnprocessableEntity, views.SignupPage(s.page(c, "Create account"), f), nil)
	}
	if err != nil {
		return err
	}
	return s.startSession(c, user, "/", "Welcome to Parcel Desk, "+seller.ShopName+".")
}

func (s *Server) loginForm(c echo.Context) error {
	if c.Get(ctxUser) != nil {
		return c.Redirect(http.StatusSeeOther, "/")
	}
	f := views.LoginForm{Next: safeNext(c.QueryParam("next"))}
	return render(c, http.StatusOK, views.LoginPage(s.page(c, "Sign in"), f), nil)
}

// login checks the password, throttled per account and per client address. The attempt is
// counted before the slow password check (domain.BeginLogin) and taken back when it was right;
// both writes use a context that the client hanging up does not cancel, so hanging up on a slow
// answer does not keep a guess off the count.
func (s *Server) login(c echo.Context) error {
	ctx := c.Request().Context()
	f := views.LoginForm{Email: strings.TrimSpace(c.FormValue("email")), Next: safeNext(c.FormValue("next"))}
	keep, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	attempt, wait, err := s.store.BeginLogin(keep, f.Email, c.RealIP())
	if err != nil {
		return err
	}
	if wait > 0 {
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		f.Errors = views.Errors{"": "Too many failed sign-ins. Try again in " + views.FormatWait(wait) + "."}
		return render(c, http.StatusTooManyRequests, views.LoginPage(s.page(c, "Sign in"), f), nil)
	}
	user, err := s.store.Authenticate(ctx, f.Email, c.FormValue("password"))
	if errors.Is(err, domain.ErrUnauthorized) {
		f.Errors = views.Errors{"": "That email and password do not match an account."}
		return render(c, http.StatusUnauthorized, views.LoginPage(s.page(c, "Sign in"), f), nil)
	}
	if err != nil {
		return err
	}
	if err := s.store.LoginSucceeded(keep, attempt); err != nil {
		return err
	}
	to := f.Next
	if to == "" {
		to = "/"
	}
	return s.startSession(c, user, to, "")
}

// startSession signs a member in on a brand-new session token and redirects.
func (s *Server) startSession(c echo.Context, user domain.User, to, flash string) error {
	sess, err := s.sessions.Session(c.Request())
	if err != nil {
		return err
	}
	if err := s.sessions.renew(c.Request(), sess); err != nil {
		return err
	}
	sess.Values[keySeller] = int64(user.SellerID)
	sess.Values[keyUser] = user.ID
	if flash != "" {
		sess.AddFlash(string(views.FlashSuccess) + ":" + flash)
	}
	if err := sess.Save(c.Request(), c.Response()); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, to)
}

// logout ends the session server-side, so the old cookie is worthless even if it was copied.
func (s *Server) logout(c echo.Context) error {
	sess, err := s.sessions.Session(c.Request())
	if err != nil {
		return err
	}
	if err := s.sessions.renew(c.Request(), sess); err != nil {
		return err
	}
	return s.redirectWithFlash(c, "/login", views.FlashInfo, "You are signed out.")
}

// safeNext keeps a post-login redirect on this site: a path, never another host. Browsers drop
// tabs and newlines from URLs and read a backslash as a slash, so "/\t/evil.test" would lead
// away: any control character or backslash is refused outright.
func safeNext(next string) string {
	if strings.ContainsFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return ""
	}
	return next
}

func (s *Server) inviteForm(c echo.Context) error {
	inv, seller, err := s.store.FindInvitation(c.Request().Context(), c.Param("token"))
	if err != nil {
		return err
	}
	f := views.InviteForm{ShopName: seller.ShopName, Email: inv.Email, Role: string(inv.Role)}
	return render(c, http.StatusOK, views.InvitePage(s.page(c, "Join "+seller.ShopName), c.Param("token"), f), nil)
}

// inviteAccept creates the invited member's account and signs them in.
func (s *Server) inviteAccept(c echo.Context) error {
	ctx := c.Request().Context()
	token := c.Param("token")
	inv, seller, err := s.store.FindInvitation(ctx, token)
	if err != nil {
		return err
	}
	user, err := s.store.AcceptInvitation(ctx, token, c.FormValue("name"), c.FormValue("password"))
	if errs := fieldErrors(err); errs != nil {
		f := views.InviteForm{ShopName: seller.ShopName, Email: inv.Email, Role: string(inv.Role), Name: c.FormValue("name"), Errors: errs}
		return render(c, http.StatusUnprocessableEntity, views.InvitePage(s.page(c, "Join "+seller.ShopName), token, f), nil)
	}
	if err != nil {
		return err
	}
	return s.startSession(c, user, "/", "Welcome to "+seller.ShopName+".")
}
