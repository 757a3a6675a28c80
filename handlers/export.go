package handlers

import "strings"

// safeCell keeps a value from being read as a formula when the CSV is opened in a spreadsheet
// (CSV injection): a cell that starts with = + - @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets show as text.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// safeRow applies safeCell to every cell, in place.
func safeRow(row []string) []string {
	for i, v := range row {
		row[i] = safeCell(v)
	}
	return row
}
