package handlers

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/country"
	"github.com/parceldesk/portal/domain/tracking"
	"github.com/parceldesk/portal/views"
)

// settingsPath is the stage clock's settings page, where every settings form returns to.
const settingsPath = "/settings/thresholds"

func (s *Server) thresholdsIndex(c echo.Context) error {
	return s.renderThresholds(c, http.StatusOK, views.SettingsForm{})
}

// renderThresholds shows the settings page; after a refused post, with the form as the seller
// filled it and its messages.
func (s *Server) renderThresholds(c echo.Context, status int, form views.SettingsForm) error {
	seller := c.Get(ctxSeller).(*domain.Seller)
	cs, err := s.store.FindClockSettings(c.Request().Context(), seller.ID)
	if err != nil {
		return err
	}
	vm := views.Thresholds{Settings: cs, Loc: sellerLocation(c), Now: s.Clock(), Form: form}
	return render(c, status, views.ThresholdsPage(s.page(c, "Settings"), vm), nil)
}

// settingsSaved ends every settings post: the page again with 422 and the messages when the
// input was refused, else a redirect to it with msg.
func (s *Server) settingsSaved(c echo.Context, err error, form views.SettingsForm, msg string) error {
	if errs := fieldErrors(err); errs != nil {
		form.Errors = errs
		// A boosted post scrolls the new page to its top; the refused form may be far below.
		c.Response().Header().Set("HX-Reswap", "innerHTML show:#"+form.Anchor()+":top")
		return s.renderThresholds(c, http.StatusUnprocessableEntity, form)
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, settingsPath, views.FlashSuccess, msg)
}

// settingsForm reads the named form's fields, kept to fill the form again if it is refused.
func settingsForm(c echo.Context, name string, fields ...string) views.SettingsForm {
	f := views.SettingsForm{Name: name, Values: map[string]string{}}
	for _, k := range fields {
		f.Values[k] = c.FormValue(k)
	}
	st, _ := strconv.Atoi(f.Values["stage"])
	f.Stage = domain.Stage(st)
	return f
}

// thresholdName says which threshold a message is about: "Clearing Customs (Import)", with
// " for BR" when it is a country's.
func thresholdName(stage domain.Stage, dest string) string {
	if code, ok := country.Parse(dest); ok {
		return stage.Label() + " for " + code
	}
	return stage.Label()
}

// thresholdSet saves a threshold typed as days and hours, from a stage row (every destination)
// or from the per-country form, which must name a country.
func (s *Server) thresholdSet(c echo.Context) error {
	form := settingsForm(c, c.FormValue("form"), "stage", "country", "days", "hours")
	if form.Name != views.FormCountry {
		form.Name, form.Values["country"] = views.FormStage, ""
	}
	hours, err := domain.ParseThresholdDuration(form.Values["days"], form.Values["hours"])
	if err == nil && form.Name == views.FormCountry && strings.TrimSpace(form.Values["country"]) == "" {
		err = domain.Invalid("country", "Enter the destination country.")
	}
	if err == nil {
		err = s.store.SetThreshold(c.Request().Context(), sellerFrom(c), userFrom(c), form.Stage, form.Values["country"], hours)
	}
	return s.settingsSaved(c, err, form, fmt.Sprintf("%s: shipments are now flagged after %s.",
		thresholdName(form.Stage, form.Values["country"]), views.FormatThreshold(time.Duration(hours)*time.Hour)))
}

// thresholdAdopt sets a threshold to what the seller's history suggests, in one click.
func (s *Server) thresholdAdopt(c echo.Context) error {
	form := settingsForm(c, views.FormRow, "stage", "country", "hours")
	hours, _ := strconv.Atoi(form.Values["hours"]) // anything else is 0, which SetThreshold refuses
	err := s.store.SetThreshold(c.Request().Context(), sellerFrom(c), userFrom(c), form.Stage, form.Values["country"], hours)
	return s.settingsSaved(c, err, form, fmt.Sprintf("%s: adopted %s from your history.",
		thresholdName(form.Stage, form.Values["country"]), views.FormatThreshold(time.Duration(hours)*time.Hour)))
}

// thresholdDelete removes the seller's own value, so the more general one applies again.
func (s *Server) thresholdDelete(c echo.Context) error {
	form := settingsForm(c, views.FormRow, "stage", "country")
	err := s.store.DeleteThreshold(c.Request().Context(), sellerFrom(c), userFrom(c), form.Stage, form.Values["country"])
	next := "the default applies again"
	if form.Values["country"] != "" {
		next = "the stage's value applies again"
	}
	return s.settingsSaved(c, err, form, fmt.Sprintf("%s: your value is removed; %s.", thresholdName(form.Stage, form.Values["country"]), next))
}

// peakPeriodCreate adds a peak period from first and last days in the seller's time zone.
func (s *Server) peakPeriodCreate(c echo.Context) error {
	form := settingsForm(c, views.FormPeak, "name", "starts_on", "ends_on")
	start, end, err := domain.PeakPeriodDates(form.Values["starts_on"], form.Values["ends_on"],
		sellerLocation(c))
	var p domain.PeakPeriod
	if err == nil {
		p, err = s.store.AddPeakPeriod(c.Request().Context(), sellerFrom(c), userFrom(c), form.Values["name"], start, end)
	}
	return s.settingsSaved(c, err, form, fmt.Sprintf("Peak period “%s” added: the origin stages' clock pauses during it.", p.Name))
}

func (s *Server) peakPeriodDelete(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	err = s.store.DeletePeakPeriod(c.Request().Context(), sellerFrom(c), userFrom(c), id)
	return s.settingsSaved(c, err, views.SettingsForm{Name: views.FormRow}, "Peak period deleted.")
}

func (s *Server) warningUpdate(c echo.Context) error {
	form := settingsForm(c, views.FormWarning, "warning_days")
	days, convErr := strconv.Atoi(strings.TrimSpace(form.Values["warning_days"]))
	if convErr != nil {
		days = 0 // refused by the domain with the seller's message
	}
	err := s.store.SetProtectionWarningDays(c.Request().Context(), sellerFrom(c), userFrom(c), days)
	return s.settingsSaved(c, err, form, fmt.Sprintf("You are now warned %d days before a supplier order's buyer protection ends.", days))
}

func (s *Server) untrackedServiceAdd(c echo.Context) error {
	form := settingsForm(c, views.FormService, "service")
	err := s.store.AddUntrackedService(c.Request().Context(), sellerFrom(c), userFrom(c), form.Values["service"])
	return s.settingsSaved(c, err, form, fmt.Sprintf("“%s” is now untracked after hand-over: its clock stops at arrival.",
		tracking.NormalizeService(form.Values["service"])))
}

func (s *Server) untrackedServiceRemove(c echo.Context) error {
	form := settingsForm(c, views.FormRow, "service")
	err := s.store.RemoveUntrackedService(c.Request().Context(), sellerFrom(c), userFrom(c), form.Values["service"])
	return s.settingsSaved(c, err, form, fmt.Sprintf("“%s” is tracked to the door again.", tracking.NormalizeService(form.Values["service"])))
}

// timezoneUpdate sets the shop's time zone, the default zone of an import's times.
func (s *Server) timezoneUpdate(c echo.Context) error {
	form := settingsForm(c, views.FormZone, "timezone")
	name, err := s.store.SetTimezone(c.Request().Context(), sellerFrom(c), userFrom(c), form.Values["timezone"])
	return s.settingsSaved(c, err, form, fmt.Sprintf("Your shop's time zone is now %s: imports read times without an offset in it.", name))
}
