package handlers

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
)

// errNotText answers a request whose input holds a NUL byte or bytes that are not UTF-8.
// PostgreSQL refuses both in text, so without this check they reached a query and failed as a
// 500; no browser sends them from a form.
var errNotText = echo.NewHTTPError(http.StatusBadRequest,
	"Something you sent holds characters that are not text (a NUL byte or invalid UTF-8). Remove them and try again.")

// isText reports whether s may be stored and searched as text: valid UTF-8 without NUL bytes.
func isText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// textOnly refuses, with 400, a request whose query parameters, form fields (names or values) or
// path parameters are not text. It is the one check every route goes through: it runs after
// readForm has read the form and before anything uses the input. File uploads stream their
// multipart bodies past it; their handlers read each field with readText, and the domain cleans
// the names of uploaded files (which come from the sender's file system).
func textOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		for _, vs := range []map[string][]string{c.QueryParams(), c.Request().PostForm} {
			for k, v := range vs {
				if !isText(k) {
					return errNotText
				}
				for _, s := range v {
					if !isText(s) {
						return errNotText
					}
				}
			}
		}
		for _, v := range c.ParamValues() {
			if !isText(v) {
				return errNotText
			}
		}
		return next(c)
	}
}

// readText is a text field of a streamed multipart body, as textOnly would have it.
func readText(b []byte) (string, error) {
	if s := string(b); isText(s) {
		return s, nil
	}
	return "", errNotText
}
