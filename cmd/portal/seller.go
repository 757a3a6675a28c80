package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/parceldesk/portal/domain"
)

// cmdSellerAdd creates a seller account and its owner.
func cmdSellerAdd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var cfg Config
	var in domain.Signup
	fs := newFlagSet("seller add", getenv, stderr, &cfg)
	fs.StringVar(&in.ShopName, "shop", "", "shop name (required)")
	fs.StringVar(&in.Email, "email", "", "owner's email (required)")
	fs.StringVar(&in.Password, "password", "", "owner's password, at least 10 characters (required)")
	fs.StringVar(&in.Name, "name", "", "owner's name")
	if err := fs.Parse(args); err != nil {
		return err
	}
	store, db, err := openStore(ctx, cfg, newLogger(cfg, stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	seller, user, err := store.CreateSeller(ctx, in)
	var verr *domain.ValidationError
	if errors.As(err, &verr) {
		return fmt.Errorf("seller add: %s", verr.Error())
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created seller %d %q with owner %s\n", seller.ID, seller.ShopName, user.Email)
	return nil
}
