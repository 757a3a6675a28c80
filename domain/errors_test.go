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

// TestValidationErrorText: the error's text (for logs) names each field but the form-wide one, in
// field order, as csvfile.Error's does.
func TestValidationErrorText(t *testing.T) {
	e := &domain.ValidationError{Fields: map[string]string{"stage": "Choose a stage.", "": "Check the form.", "signal": "Choose a signal."}}
	for range 20 {
		if got, want := e.Error(), "invalid input: Check the form.; signal: Choose a signal.; stage: Choose a stage."; got != want {
			t.Fatalf("Error() = %q, want %q", got, want)
		}
	}
}
