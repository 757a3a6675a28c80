package domain

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/parceldesk/portal/domain/evidencefile"
)

// MaxEvidenceBytes is the largest evidence file: a PDF of a few pages or a phone photo fits, and
// marketplaces take no larger files anyway.
const MaxEvidenceBytes = 10 << 20

// MaxEvidenceMB is MaxEvidenceBytes in megabytes, for the messages that state it.
const MaxEvidenceMB = MaxEvidenceBytes >> 20

// EvidenceKind is what an evidence file shows.
type EvidenceKind string

// The kinds of evidence file, after what payment processors ask for.
const (
	EvidenceShipping      EvidenceKind = "shipping_documentation"
	EvidenceCommunication EvidenceKind = "customer_communication"
	EvidencePhoto         EvidenceKind = "photo"
	EvidenceOther         EvidenceKind = "other"
)

// EvidenceKinds lists the kinds.
var EvidenceKinds = []EvidenceKind{EvidenceShipping, EvidenceCommunication, EvidencePhoto, EvidenceOther}

// Valid reports whether k is a known kind.
func (k EvidenceKind) Valid() bool { return oneOf(k, EvidenceKinds) }

// Label is the kind as sellers read it.
func (k EvidenceKind) Label() string { return sentence(string(k)) }

// Evidence is an evidence file of a dispute, without its bytes.
type Evidence struct {
	ID          int64        `db:"id"`
	DisputeID   int64        `db:"dispute_id"`
	Kind        EvidenceKind `db:"kind"`
	Filename    string       `db:"filename"`
	ContentType string       `db:"content_type"`
	Size        int64        `db:"size_bytes"`
	SHA256      []byte       `db:"sha256"`
	Description string       `db:"description"`
	UploadedBy  *int64       `db:"uploaded_by"`
	UploadedAt  time.Time    `db:"uploaded_at"`
}

// Checksum is the file's SHA-256 in hex, to quote beside the file in a filing.
func (e Evidence) Checksum() string { return hex.EncodeToString(e.SHA256) }

const evidenceColumns = `v.id, v.dispute_id, v.kind, v.filename, v.content_type, v.size_bytes, v.sha256,
	v.description, v.uploaded_by, v.uploaded_at`

// EvidenceUpload is a file a team member adds to a dispute.
type EvidenceUpload struct {
	Kind        EvidenceKind
	Filename    string
	Description string
	Data        []byte
}

// MaxEvidenceDescription is the longest description of an evidence file, in characters.
const MaxEvidenceDescription = 500

// AddEvidence stores a file as evidence of one of the seller's disputes, with its content type
// read from its bytes and its SHA-256, and writes it to the dispute's history. It returns
// ErrNotFound for another seller's dispute (checked first, so nothing about the file is said to
// them), and a *ValidationError, safe to show, for an empty, too large or wrong kind of file.
func (s *Store) AddEvidence(ctx context.Context, seller SellerID, actor User, dispute int64, up EvidenceUpload, now time.Time) (Evidence, error) {
	if actor.SellerID != seller {
		return Evidence{}, ErrUnauthorized
	}
	if _, err := s.FindDispute(ctx, seller, dispute); err != nil {
		return Evidence{}, err
	}
	ct, ok := evidencefile.Detect(up.Data)
	desc := strings.TrimSpace(up.Description)
	switch {
	case len(up.Data) == 0:
		return Evidence{}, Invalid("file", "Choose a file to upload; the one sent was empty")
	case len(up.Data) > MaxEvidenceBytes:
		return Evidence{}, Invalid("file", fmt.Sprintf("Evidence files can be up to %d MB; this one is larger", MaxEvidenceMB))
	case !ok:
		return Evidence{}, Invalid("file", fmt.Sprintf("This file is not an image or a PDF: its content reads as %s, whatever its name says. "+
			"Upload a PNG, JPEG, GIF or WebP image, or a PDF.", evidencefile.Describe(ct)))
	case !up.Kind.Valid():
		return Evidence{}, Invalid("kind", "Choose what the file shows")
	case utf8.RuneCountInString(desc) > MaxEvidenceDescription:
		return Evidence{}, Invalid("description", fmt.Sprintf("Keep the description under %d characters", MaxEvidenceDescription))
	}
	sum := sha256.Sum256(up.Data)
	name := evidencefile.SafeName(up.Filename, ct)
	var out Evidence
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// The dispute is named with the seller: another seller's id inserts nothing.
		err := tx.GetContext(ctx, &out, `
			INSERT INTO dispute_evidence AS v (seller_id, dispute_id, kind, filename, content_type, size_bytes, sha256,
			       data, description, uploaded_by, uploaded_at)
			SELECT d.seller_id, d.id, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM disputes d WHERE d.seller_id = $1 AND d.id = $2
			RETURNING `+evidenceColumns, seller, dispute, up.Kind, name, ct, len(up.Data), sum[:], up.Data, desc, actor.ID, now)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		return addDisputeHistory(ctx, tx, seller, dispute, actor.ID, "evidence",
			fmt.Sprintf("Added %s (%s, SHA-256 %s…)", name, strings.ToLower(up.Kind.Label()), out.Checksum()[:12]), now)
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return Evidence{}, err
		}
		return Evidence{}, fmt.Errorf("add evidence: %w", err)
	}
	return out, nil
}

// ListEvidence returns a dispute's evidence files without their bytes, oldest first.
func (s *Store) ListEvidence(ctx context.Context, seller SellerID, dispute int64) ([]Evidence, error) {
	var out []Evidence
	if err := s.db.SelectContext(ctx, &out, `SELECT `+evidenceColumns+` FROM dispute_evidence v
		WHERE v.seller_id = $1 AND v.dispute_id = $2 ORDER BY v.id`, seller, dispute); err != nil {
		return nil, fmt.Errorf("list evidence: %w", err)
	}
	return out, nil
}

// EvidenceFile returns one evidence file of a dispute with its bytes. It returns ErrNotFound for a
// file that does not exist, belongs to another dispute or to another seller.
func (s *Store) EvidenceFile(ctx context.Context, seller SellerID, dispute, id int64) (Evidence, []byte, error) {
	var row struct {
		Evidence
		Data []byte `db:"data"`
	}
	err := s.db.GetContext(ctx, &row, `SELECT `+evidenceColumns+`, v.data FROM dispute_evidence v
		WHERE v.seller_id = $1 AND v.dispute_id = $2 AND v.id = $3`, seller, dispute, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Evidence{}, nil, ErrNotFound
	}
	if err != nil {
		return Evidence{}, nil, fmt.Errorf("evidence file: %w", err)
	}
	return row.Evidence, row.Data, nil
}
