package csvfile

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Error refuses a file or a mapping as a whole. Fields maps what is wrong ("file", or a column
// of a mapping) to a message that is safe to show to the seller.
type Error struct {
	Fields map[string]string
}

// Error lists the messages, sorted by field, so the text is stable: "field: message; …", with
// a message under the field "" (about the input as a whole) written without a name. It is also
// the text of domain.ValidationError, which has the same fields.
func (e *Error) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for _, k := range slices.Sorted(maps.Keys(e.Fields)) {
		if k == "" {
			parts = append(parts, e.Fields[k])
			continue
		}
		parts = append(parts, k+": "+e.Fields[k])
	}
	return strings.Join(parts, "; ")
}

// Message is the error's messages without their field names, in field order.
func (e *Error) Message() string {
	msgs := make([]string, 0, len(e.Fields))
	for _, k := range slices.Sorted(maps.Keys(e.Fields)) {
		msgs = append(msgs, e.Fields[k])
	}
	return strings.Join(msgs, " ")
}

// fileError refuses the whole file with a message for the seller.
func fileError(message string) *Error {
	return &Error{Fields: map[string]string{"file": message}}
}

// RowError is one rejected row of an import: the 1-based line number where the row starts in the
// file and a reason safe to show to the seller.
type RowError struct {
	Line   int
	Reason string
}

// Error returns "line N: reason".
func (e RowError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// AsRowError reports whether err is about one record rather than the whole file, and returns
// that record's RowError (given as a value or a pointer).
func AsRowError(err error) (RowError, bool) {
	var re RowError
	if errors.As(err, &re) {
		return re, true
	}
	var pre *RowError
	if errors.As(err, &pre) {
		return *pre, true
	}
	return RowError{}, false
}

// isRowError reports whether err is about one record rather than the whole file.
func isRowError(err error) bool {
	_, ok := AsRowError(err)
	return ok
}
