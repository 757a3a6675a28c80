package domain

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
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

// evidenceTypes are the content types an evidence file may have, with the file extension each is
// served under. SVG is not among them: it is a document that can carry script.
var evidenceTypes = map[string]string{
	"image/png":       ".png",
	"image/jpeg":      ".jpg",
	"image/gif":       ".gif",
	"image/webp":      ".webp",
	"application/pdf": ".pdf",
}

// DetectEvidenceType reads a file's content type from its first bytes (the WHATWG sniffing
// algorithm of http.DetectContentType), never from its name, and reports whether evidence may have
// it: an HTML page or a program renamed photo.png is refused.
func DetectEvidenceType(data []byte) (string, bool) {
	ct := http.DetectContentType(data)
	_, ok := evidenceTypes[ct]
	return ct, ok
}

// IsImage reports whether an evidence content type is an image, which pages may show inline.
func IsImage(contentType string) bool { return strings.HasPrefix(contentType, "image/") }

// SafeFilename is the name an evidence file is stored and served under: the uploaded name without
// its folders, control and invisible format characters (a right-to-left override shows the rest
// of a name backwards), quotes or path separators, at most 100 characters, ending in
// the extension of its real content type ("invoice.html" that is a PNG becomes
// "invoice.html.png"), so that whoever opens the download opens what it is.
func SafeFilename(name, contentType string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r), strings.ContainsRune(`"'/\:*?<>|;%`, r):
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.Trim(strings.Join(strings.Fields(b.String()), " "), ". ")
	if r := []rune(name); len(r) > 100 {
		name = string(r[:100])
	}
	if name == "" {
		name = "evidence"
	}
	ext := evidenceTypes[contentType]
	if lower := strings.ToLower(name); ext != "" && !strings.HasSuffix(lower, ext) &&
		!(ext == ".jpg" && strings.HasSuffix(lower, ".jpeg")) {
		name += ext
	}
	return name
}

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
	ct, ok := DetectEvidenceType(up.Data)
	desc := strings.TrimSpace(up.Description)
	switch {
	case len(up.Data) == 0:
		return Evidence{}, Invalid("file", "Choose a file to upload; the one sent was empty")
	case len(up.Data) > MaxEvidenceBytes:
		return Evidence{}, Invalid("file", fmt.Sprintf("Evidence files can be up to %d MB; this one is larger", MaxEvidenceMB))
	case !ok:
		return Evidence{}, Invalid("file", fmt.Sprintf("This file is not an image or a PDF: its content reads as %s, whatever its name says. "+
			"Upload a PNG, JPEG, GIF or WebP image, or a PDF.", describeType(ct)))
	case !up.Kind.Valid():
		return Evidence{}, Invalid("kind", "Choose what the file shows")
	case utf8.RuneCountInString(desc) > MaxEvidenceDescription:
		return Evidence{}, Invalid("description", fmt.Sprintf("Keep the description under %d characters", MaxEvidenceDescription))
	}
	sum := sha256.Sum256(up.Data)
	name := SafeFilename(up.Filename, ct)
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

// describeType words a sniffed content type for the refusal: "an HTML page", "plain text".
func describeType(ct string) string {
	mt, _, _ := strings.Cut(ct, ";")
	switch {
	case mt == "text/html":
		return "an HTML page"
	case mt == "text/xml":
		return "XML (an SVG image is XML, and is not accepted)"
	case mt == "text/plain":
		return "plain text"
	case mt == "application/octet-stream":
		return "unknown binary data (a program or an archive, for example)"
	}
	return mt
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
