package domain

import (
	"errors"

	"github.com/parceldesk/portal/domain/csvfile"
)

// Errors callers test with errors.Is. Their text is not meant for sellers: handlers map them to
// pages (ErrNotFound → 404, ErrConflict → 409, ErrUnauthorized → 401/403).
var (
	// ErrNotFound means the record does not exist or belongs to another seller; the two are
	// deliberately indistinguishable.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the record changed since the caller read it (optimistic version check).
	ErrConflict = errors.New("changed by someone else")
	// ErrUnauthorized means wrong credentials, or a role that may not do this.
	ErrUnauthorized = errors.New("unauthorized")
)

// ValidationError reports input that breaks a rule. Fields maps a form field name to a message
// that is safe to show to the seller; the key "" holds a message about the form as a whole.
type ValidationError struct {
	Fields map[string]string
}

// Error lists the messages, sorted by field, so the text is stable: "invalid input: " and
// csvfile.Error's text of the same fields, the one definition of that list.
func (e *ValidationError) Error() string { return "invalid input: " + (*csvfile.Error)(e).Error() }

// Message is the error's messages without their field names, in field order, for places that
// show one line (a flash, a skipped row's reason, a failed import, the command line).
func (e *ValidationError) Message() string { return (*csvfile.Error)(e).Message() }

// Invalid returns a *ValidationError for one field.
func Invalid(field, message string) *ValidationError {
	return &ValidationError{Fields: map[string]string{field: message}}
}

// fromCSV turns the *csvfile.Error of a file or a mapping the CSV reader refuses into a
// *ValidationError with the same fields and messages, which handlers show; other errors (a
// csvfile.RowError among them) pass unchanged.
func fromCSV(err error) error {
	var ce *csvfile.Error
	if errors.As(err, &ce) {
		return &ValidationError{Fields: ce.Fields}
	}
	return err
}
