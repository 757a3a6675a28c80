package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

func (s *Server) messagesIndex(c echo.Context) error {
	return s.renderMessages(c, http.StatusOK, views.MessageForm{})
}

// renderMessages shows the customer message settings; after a refused save, with the text as the
// owner typed it and its messages.
func (s *Server) renderMessages(c echo.Context, status int, form views.MessageForm) error {
	ctx, seller := c.Request().Context(), sellerFrom(c)
	list, err := s.store.ListMessageTemplates(ctx, seller)
	if err != nil {
		return err
	}
	vm := views.MessageSettings{Templates: list, Form: form}
	if vm.Rules, err = s.store.ListMessageRules(ctx, seller); err != nil {
		return err
	}
	if vm.Paused, err = s.store.BuyerMailPaused(ctx, seller); err != nil {
		return err
	}
	return render(c, status, views.MessagesPage(s.page(c, "Customer messages"), vm), nil)
}

// messageForm reads which template a post is about, and the text when it carries one.
func messageForm(c echo.Context) views.MessageForm {
	st, _ := strconv.Atoi(c.FormValue("stage")) // anything else is refused by the domain
	return views.MessageForm{Kind: domain.ExceptionKind(c.FormValue("kind")), Stage: domain.Stage(st), Body: c.FormValue("body")}
}

// messageName says which template a flash is about: "Stalled at Clearing Customs (Export)".
func messageName(f views.MessageForm) string {
	if f.Stage == domain.StageUnknown {
		return f.Kind.Label() + " at any stage"
	}
	return f.Kind.Label() + " at " + f.Stage.Label()
}

// messageSave saves an owner's own text for a template.
func (s *Server) messageSave(c echo.Context) error {
	f := messageForm(c)
	err := s.store.SetMessageTemplate(c.Request().Context(), sellerFrom(c), userFrom(c), f.Kind, f.Stage, f.Body)
	if errs := fieldErrors(err); errs != nil {
		f.Errors = errs
		c.Response().Header().Set("HX-Reswap", "innerHTML show:#"+views.MessageAnchor(f.Kind, f.Stage)+":top")
		return s.renderMessages(c, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.MessagesPath, views.FlashSuccess, messageName(f)+": your text is saved.")
}

// messageReset brings a template's built-in text back.
func (s *Server) messageReset(c echo.Context) error {
	f := messageForm(c)
	if err := s.store.ResetMessageTemplate(c.Request().Context(), sellerFrom(c), userFrom(c), f.Kind, f.Stage); err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.MessagesPath, views.FlashSuccess, messageName(f)+": the default text applies again.")
}
