package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestClassifyCommand(t *testing.T) {
	in := strings.Join([]string{
		"[Shenzhen] Departed from sorting center",
		"Import clearance start",
		"Delivered to parcel locker",
		"Shipment information received",
		"export_customs",
		"Zorblax manifest ping",
	}, "\n") + "\n"
	var out bytes.Buffer
	if err := run(t.Context(), []string{"classify"}, func(string) string { return "" }, strings.NewReader(in), &out, &out); err != nil {
		t.Fatal(err)
	}
	want := "3,none\n8,none\n11,delivered_elsewhere\n2,label_only\n5,none\n0,none\n"
	if got := out.String(); got != want {
		t.Errorf("portal classify printed\n%s\nwant\n%s", got, want)
	}
}
