package domain

import (
	"errors"
	"sort"
	"strings"

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

// Error lists the messages, sorted by field, so the text is stable.
func (e *ValidationError) Error() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		if k == "" {
			parts = append(parts, e.Fields[k])
			continue
		}
		parts = append(parts, k+": "+e.Fields[k])
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Message is the error's messages without their field names, in field order, for places that
// show one line (a flash, a skipped row's reason, a failed import, the command line).
func (e *ValidationError) Message() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	msgs := make([]string, 0, len(keys))
	for _, k := range keys {
		msgs = append(msgs, e.Fields[k])
	}
	return strings.Join(msgs, " ")
}

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
