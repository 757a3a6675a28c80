package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEConfigurationIsComplete: every flag of `portal serve` (which has the shared ones too)
// and every environment variable its help names is in the README's configuration table.
func TestREADMEConfigurationIsComplete(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var help bytes.Buffer
	err = run(context.Background(), []string{"serve", "-h"}, func(string) string { return "" }, nil, &help, &help)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("serve -h: %v", err)
	}
	flags := regexp.MustCompile(`(?m)^  -([a-z-]+)`).FindAllStringSubmatch(help.String(), -1)
	envs := regexp.MustCompile(`\(env ([A-Z_]+)\)`).FindAllStringSubmatch(help.String(), -1)
	if len(flags) < 10 || len(envs) < 10 {
		t.Fatalf("serve -h lists %d flags and %d variables:\n%s", len(flags), len(envs), help.String())
	}
	for _, f := range flags {
		if !strings.Contains(string(readme), "| `--"+f[1]+"` |") {
			t.Errorf("README's configuration table lacks the flag --%s", f[1])
		}
	}
	for _, e := range envs {
		if !strings.Contains(string(readme), "| `"+e[1]+"` |") {
			t.Errorf("README's configuration table lacks the variable %s", e[1])
		}
	}
}
