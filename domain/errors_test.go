package domain_test

import (
	"testing"

	"github.com/parceldesk/portal/domain"
)

func TestValidationErrorMessage(t *testing.T) {
	e := &domain.ValidationError{Fields: map[string]string{"stage": "Choose a stage.", "": "Check the form.", "signal": "Choose a signal."}}
	for range 20 { // map order varies from run to run; the message must not
		if got, want := e.Message(), "Check the form. Choose a signal. Choose a stage."; got != want {
			t.Fatalf("Message() = %q, want %q", got, want)
		}
	}
}
