package handlers

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// NotifyConfig is what the pages about telling people need of the delivery machinery
// (package notify).
type NotifyConfig struct {
	// MailConfigured is false when no mail server is configured: e-mails wait in the outbox.
	MailConfigured bool
	// MailFrom is the sender's address, shown on the outbox and previews.
	MailFrom string
	// PublicURL is the portal's address in e-mail links.
	PublicURL string
	// AllowPrivateWebhooks lets endpoints be on private addresses and plain http (development).
	AllowPrivateWebhooks bool
	// CheckWebhookURL checks an endpoint's URL before it is registered (resolving its host);
	// nil checks its form only.
	CheckWebhookURL func(ctx context.Context, url string) error
}

// notifyRoutes adds the routes of notifications: preferences, webhooks, the outbox, buyer
// message rules and suggestions, and the unsubscribe page of e-mails, which needs no sign-in.
func (s *Server) notifyRoutes(e *echo.Echo, in echo.MiddlewareFunc) {
	e.GET(views.NotificationsPath, s.notificationsIndex, in)
	e.POST(views.NotificationsPath, s.notificationsSave, in)
	e.GET(views.WebhooksPath, s.webhooksIndex, in)
	e.POST(views.WebhooksPath, s.webhookCreate, in)
	e.GET(views.WebhooksPath+"/:id", s.webhookShow, in)
	e.POST(views.WebhooksPath+"/:id/ping", s.webhookTest, in)
	e.POST(views.WebhooksPath+"/:id/enable", s.webhookEnable, in)
	e.POST(views.WebhooksPath+"/:id/remove", s.webhookDelete, in)
	e.GET(views.OutboxPath, s.outboxIndex, in)
	e.GET(views.OutboxPath+"/:id", s.outboxShow, in)
	e.POST(views.OutboxPath+"/:id/retry", s.outboxRetry, in)
	e.POST(views.MessageRulesPath, s.messageRuleSave, in)
	e.POST(views.BuyerMailPausePath, s.buyerMailPause, in)
	e.GET(views.MessagePreviewPath, s.messagePreview, in)
	e.POST("/shipments/:id/messages/:message_id/send", s.buyerMessageSend, in)
	e.POST("/shipments/:id/messages/:message_id/dismiss", s.buyerMessageDismiss, in)
	e.GET("/unsubscribe/:token", s.unsubscribeShow)
	e.POST("/unsubscribe/:token", s.unsubscribe)
}

// isOneClickUnsubscribe is the POST a mail provider sends for a List-Unsubscribe-Post one-click
// unsubscribe (RFC 8058): it cannot carry a CSRF token, and needs none, since the signed token
// in its path is the whole of the permission.
func isOneClickUnsubscribe(c echo.Context) bool {
	r := c.Request()
	return r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/unsubscribe/") &&
		r.PostForm.Get("List-Unsubscribe") == "One-Click"
}

// timeZones are the zones a member can choose for the digest hour.
var timeZones = []string{"UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Madrid", "Europe/Paris",
	"Europe/Berlin", "Europe/Amsterdam", "Europe/Rome", "Europe/Warsaw", "Europe/Athens", "Europe/Istanbul", "Europe/Moscow",
	"Asia/Dubai", "Asia/Kolkata", "Asia/Bangkok", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore", "Asia/Tokyo",
	"Asia/Seoul", "Australia/Perth", "Australia/Sydney", "Pacific/Auckland", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
	"America/New_York", "America/Toronto", "America/Chicago", "America/Mexico_City", "America/Denver", "America/Phoenix",
	"America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "Africa/Lagos", "Africa/Johannesburg"}

func zonesWith(tz string) []string {
	for _, z := range timeZones {
		if z == tz {
			return timeZones
		}
	}
	return append([]string{tz}, timeZones...)
}

func (s *Server) notificationsIndex(c echo.Context) error {
	p, err := s.store.FindNotificationPrefs(c.Request().Context(), sellerFrom(c), userFrom(c).ID)
	if err != nil {
		return err
	}
	return s.renderNotifications(c, http.StatusOK, p, nil)
}

func (s *Server) renderNotifications(c echo.Context, status int, p domain.NotificationPrefs, errs views.Errors) error {
	vm := views.NotificationSettings{Prefs: p, Zones: zonesWith(p.Timezone), Errors: errs, MailConfigured: s.cfg.Notify.MailConfigured}
	return render(c, status, views.NotificationsPage(s.page(c, "My notifications"), vm), nil)
}

// notificationsSave saves the signed-in member's own preferences.
func (s *Server) notificationsSave(c echo.Context) error {
	hour, err := strconv.Atoi(c.FormValue("digest_hour"))
	if err != nil {
		hour = -1
	}
	form, _ := c.FormParams()
	p := domain.NotificationPrefs{SellerID: sellerFrom(c), UserID: userFrom(c).ID, DigestEnabled: c.FormValue("digest_enabled") == "on",
		DigestHour: hour, Timezone: c.FormValue("timezone"), AlertKinds: form["alert_kinds"]}
	err = s.store.SetNotificationPrefs(c.Request().Context(), sellerFrom(c), userFrom(c), p, s.Clock())
	if errs := fieldErrors(err); errs != nil {
		return s.renderNotifications(c, http.StatusUnprocessableEntity, p, errs)
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.NotificationsPath, views.FlashSuccess, "Your notifications are saved.")
}

func (s *Server) webhooksIndex(c echo.Context) error {
	return s.renderWebhooks(c, http.StatusOK, views.Webhooks{Form: views.WebhookForm{Events: []string{domain.EventExceptionRaised}}})
}

func (s *Server) renderWebhooks(c echo.Context, status int, vm views.Webhooks) error {
	var err error
	if vm.Endpoints, err = s.store.ListWebhookEndpoints(c.Request().Context(), sellerFrom(c)); err != nil {
		return err
	}
	return render(c, status, views.WebhooksPage(s.page(c, "Webhooks"), vm), nil)
}

// webhookCreate registers an endpoint and shows its secret, this once: in the answer itself, not
// through a redirect, so that it is never stored anywhere but the endpoint's row.
func (s *Server) webhookCreate(c echo.Context) error {
	ctx := c.Request().Context()
	form, _ := c.FormParams()
	f := views.WebhookForm{URL: c.FormValue("url"), Events: form["events"]}
	var err error
	if check := s.cfg.Notify.CheckWebhookURL; check != nil && userFrom(c).Role == domain.RoleOwner {
		err = check(ctx, f.URL)
	}
	var ep domain.WebhookEndpoint
	var secret string
	if err == nil {
		ep, secret, err = s.store.CreateWebhookEndpoint(ctx, sellerFrom(c), userFrom(c), f.URL, f.Events, s.cfg.Notify.AllowPrivateWebhooks, s.Clock())
	}
	if f.Errors = fieldErrors(err); f.Errors != nil {
		return s.renderWebhooks(c, http.StatusUnprocessableEntity, views.Webhooks{Form: f})
	}
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	return s.renderWebhooks(c, http.StatusCreated, views.Webhooks{Created: &ep, Secret: secret,
		Form: views.WebhookForm{Events: []string{domain.EventExceptionRaised}}})
}

func (s *Server) webhookShow(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	ctx, seller := c.Request().Context(), sellerFrom(c)
	vm := views.WebhookView{Loc: sellerLocation(c)}
	if vm.Endpoint, err = s.store.FindWebhookEndpoint(ctx, seller, id); err != nil {
		return err
	}
	if vm.Deliveries, err = s.store.ListWebhookDeliveries(ctx, seller, id, 100); err != nil {
		return err
	}
	return render(c, http.StatusOK, views.WebhookPage(s.page(c, "Webhook endpoint"), vm), nil)
}

// webhookAction runs one of an endpoint's buttons and goes back to where it leads.
func (s *Server) webhookAction(c echo.Context, do func(context.Context, domain.SellerID, domain.User, int64) error, to func(int64) string, msg string) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	if err := do(c.Request().Context(), sellerFrom(c), userFrom(c), id); err != nil {
		return err
	}
	return s.redirectWithFlash(c, to(id), views.FlashSuccess, msg)
}

func (s *Server) webhookTest(c echo.Context) error {
	return s.webhookAction(c, func(ctx context.Context, seller domain.SellerID, u domain.User, id int64) error {
		return s.store.SendTestEvent(ctx, seller, u, id, s.Clock())
	}, views.WebhookPath, "A test event is on its way; its delivery shows below within seconds.")
}

func (s *Server) webhookEnable(c echo.Context) error {
	return s.webhookAction(c, s.store.EnableWebhookEndpoint, views.WebhookPath, "The endpoint is on again.")
}

func (s *Server) webhookDelete(c echo.Context) error {
	return s.webhookAction(c, s.store.DeleteWebhookEndpoint, func(int64) string { return views.WebhooksPath }, "The endpoint is removed.")
}

func (s *Server) outboxIndex(c echo.Context) error {
	ctx, seller := c.Request().Context(), sellerFrom(c)
	f := domain.OutboxFilter{Limit: 50}
	switch st := domain.OutboxStatus(c.QueryParam("status")); st {
	case domain.OutboxPending, domain.OutboxHeld, domain.OutboxSent, domain.OutboxFailed:
		f.Status = st
	}
	switch pu := domain.Purpose(c.QueryParam("purpose")); pu {
	case domain.PurposeBuyer, domain.PurposeDigest, domain.PurposeAlert, domain.PurposeWebhook:
		f.Purpose = pu
	}
	if before, err := strconv.ParseInt(c.QueryParam("before"), 10, 64); err == nil && before > 0 {
		f.Before = before
	}
	vm := views.OutboxView{Filter: f, MailConfigured: s.cfg.Notify.MailConfigured, Loc: sellerLocation(c)}
	var err error
	if vm.Messages, vm.Next, err = s.store.ListOutbox(ctx, seller, f); err != nil {
		return err
	}
	if vm.Counts, err = s.store.CountOutbox(ctx, seller); err != nil {
		return err
	}
	return render(c, http.StatusOK, views.OutboxPage(s.page(c, "Outbox"), vm), nil)
}

// outboxShow is one message exactly as it goes (or went) out.
func (s *Server) outboxShow(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	vm := views.OutboxMessageView{MailConfigured: s.cfg.Notify.MailConfigured, Loc: sellerLocation(c)}
	if vm.Message, vm.Attempts, err = s.store.FindOutboxMessage(c.Request().Context(), sellerFrom(c), id); err != nil {
		return err
	}
	if vm.Message.Channel == domain.ChannelEmail {
		content, err := domain.ParseEmailContent(vm.Message)
		if err != nil {
			return err
		}
		if vm.Mail, err = views.RenderMail(vm.Message.Subject, content, s.cfg.Notify.PublicURL); err != nil {
			return err
		}
		vm.From = content.FromName + " <" + s.cfg.Notify.MailFrom + ">"
	}
	return render(c, http.StatusOK, views.OutboxMessagePage(s.page(c, "Outbox message"), vm), nil)
}

func (s *Server) outboxRetry(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	err = s.store.RetryOutboxMessage(c.Request().Context(), sellerFrom(c), userFrom(c), id, s.Clock())
	if errs := fieldErrors(err); errs != nil {
		return s.redirectWithFlash(c, views.OutboxMessagePath(id), views.FlashError, errs[""])
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.OutboxMessagePath(id), views.FlashSuccess, "It will be tried again in a moment.")
}

// messageRuleSave sets what a template does for buyers.
func (s *Server) messageRuleSave(c echo.Context) error {
	f := messageForm(c)
	r := domain.MessageRule{Kind: f.Kind, Stage: f.Stage, Mode: domain.MessageMode(c.FormValue("mode")),
		Trigger: domain.MessageTrigger(c.FormValue("trigger"))}
	err := s.store.SetMessageRule(c.Request().Context(), sellerFrom(c), userFrom(c), r)
	if errs := fieldErrors(err); errs != nil {
		return s.redirectWithFlash(c, views.MessagesPath, views.FlashError, messageName(f)+": "+strings.Join(mapValues(errs), " "))
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.MessagesPath+"#"+views.MessageAnchor(f.Kind, f.Stage), views.FlashSuccess,
		messageName(f)+": "+strings.ToLower(r.Mode.Label())+", when "+strings.ToLower(r.Trigger.Label())+".")
}

func mapValues(m views.Errors) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// buyerMailPause is the one switch that pauses (or resumes) all mail to buyers.
func (s *Server) buyerMailPause(c echo.Context) error {
	paused := c.FormValue("paused") == "true"
	if err := s.store.SetBuyerMailPaused(c.Request().Context(), sellerFrom(c), userFrom(c), paused); err != nil {
		return err
	}
	msg := "Buyer mail is on again; held messages go out now."
	if paused {
		msg = "All buyer mail is paused. Nothing goes to buyers until you resume it."
	}
	return s.redirectWithFlash(c, views.MessagesPath, views.FlashSuccess, msg)
}

// messagePreview shows a template exactly as it would go to a buyer.
func (s *Server) messagePreview(c echo.Context) error {
	kind := domain.ExceptionKind(c.QueryParam("kind"))
	if kind == "" {
		kind = domain.KindStalled // the page without a choice previews the first template
	}
	st, _ := strconv.Atoi(c.QueryParam("stage"))
	pv, err := s.store.PreviewBuyerMessage(c.Request().Context(), sellerFrom(c), kind, domain.Stage(st), s.Clock())
	if fieldErrors(err) != nil {
		return domain.ErrNotFound
	}
	if err != nil {
		return err
	}
	vm := views.MessagePreview{Preview: pv, From: pv.FromName + " <" + s.cfg.Notify.MailFrom + ">"}
	if vm.Mail, err = views.RenderMail(pv.Subject, domain.EmailContent{Kind: domain.PurposeBuyer, FromName: pv.FromName, Text: pv.Text}, s.cfg.Notify.PublicURL); err != nil {
		return err
	}
	return render(c, http.StatusOK, views.MessagePreviewPage(s.page(c, "Message preview"), vm), nil)
}

// buyerMessageAction sends or dismisses a suggested buyer message of a shipment.
func (s *Server) buyerMessageAction(c echo.Context, do func(ctx context.Context, seller domain.SellerID, actor domain.User, shipment, id int64) error, done string) error {
	shipment, err := idParam(c)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(c.Param("message_id"), 10, 64)
	if err != nil || id <= 0 {
		return domain.ErrNotFound
	}
	err = do(c.Request().Context(), sellerFrom(c), userFrom(c), shipment, id)
	if errs := fieldErrors(err); errs != nil {
		return s.redirectWithFlash(c, views.ShipmentPath(shipment)+"#buyer-messages", views.FlashError, errs[""])
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.ShipmentPath(shipment)+"#buyer-messages", views.FlashSuccess, done)
}

func (s *Server) buyerMessageSend(c echo.Context) error {
	return s.buyerMessageAction(c, func(ctx context.Context, seller domain.SellerID, actor domain.User, shipment, id int64) error {
		return s.store.SendBuyerMessage(ctx, seller, actor, shipment, id, s.Clock())
	}, "The message is on its way to the buyer.")
}

func (s *Server) buyerMessageDismiss(c echo.Context) error {
	return s.buyerMessageAction(c, s.store.DismissBuyerMessage, "The message is dismissed.")
}

// unsubscribeShow asks to confirm an unsubscribe from an e-mail's link (a link scanner that
// fetches it changes nothing). A token that is not valid is a 404.
func (s *Server) unsubscribeShow(c echo.Context) error {
	who, err := s.store.CheckUnsubscribeToken(c.Request().Context(), c.Param("token"))
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.UnsubscribePage(s.page(c, "Unsubscribe"), views.Unsubscribe{Who: who, Token: c.Param("token")}), nil)
}

// unsubscribe turns off the digest and alerts of the member the signed token names: the page's
// button, or a mail provider's one-click POST.
func (s *Server) unsubscribe(c echo.Context) error {
	who, err := s.store.Unsubscribe(c.Request().Context(), c.Param("token"))
	if err != nil {
		return err
	}
	if isOneClickUnsubscribe(c) {
		return c.NoContent(http.StatusOK)
	}
	return render(c, http.StatusOK, views.UnsubscribePage(s.page(c, "Unsubscribed"), views.Unsubscribe{Who: who, Done: true}), nil)
}
