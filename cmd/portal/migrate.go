package main

import (
	"context"
	"fmt"
	"io"
)

// cmdMigrate applies the migrations and exits; serve does the same at start.
func cmdMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var cfg Config
	fs := newFlagSet("migrate", getenv, stderr, &cfg)
	if err := fs.Parse(args); err != nil {
		return err
	}
	_, db, err := openStore(ctx, cfg, newLogger(cfg, stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintln(stdout, "migrations applied")
	return nil
}
