package domain

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"syscall"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"golang.org/x/crypto/bcrypt"
)

// Store persists the business in PostgreSQL. It is safe for concurrent use; every web replica
// and command holds one over a shared connection pool.
type Store struct {
	db *sqlx.DB
	// hot runs the queries every page asks for as prepared statements (see hotQueries).
	hot *hotQueries
	// PasswordCost is the bcrypt cost of new password hashes. Tests lower it; production keeps
	// the default, which makes one guess cost about a quarter of a second.
	PasswordCost int
	// MaxImportRows is the most data rows one import reads; a longer file fails whole, with a
	// message to split it. It bounds how long one import holds its transaction and how much
	// its staging table takes on disk.
	MaxImportRows int64
	// importKick wakes this process's ImportQueue when an import is queued or a place frees.
	importKick chan struct{}
	// groups are the API batches waiting to merge together (apigroup.go).
	groups batchGroups
	// Log receives debug detail such as the duration of each step of an import; NewStore's
	// discards it.
	Log *slog.Logger
	// queueMarks holds, for each transaction of inTx that changed which exceptions need action,
	// the sellers whose queue version it moves on before committing (queueChanged).
	queueMarks sync.Map // *sqlx.Tx → *[]SellerID
	// counts holds each seller's queue tab counts with the queue version they were counted at
	// (queueCounts).
	counts sync.Map // SellerID → countsAt
	// pages holds the queue pages last read, each with the queue version it was read at
	// (QueueView).
	pages *queuePageCache
}

// DefaultMaxImportRows is MaxImportRows unless configured: five times the largest file the
// importer is benchmarked with.
const DefaultMaxImportRows = 5_000_000

// Open returns a connection pool to the PostgreSQL database at dsn (a URL or key=value string).
// A query with arguments takes one round trip instead of two: lib/pq's binary_parameters parses,
// binds and runs it in one exchange, where it otherwise first asks the server to describe the
// statement ([]byte arguments then travel in binary, which suits bytea).
func Open(dsn string) (*sqlx.DB, error) {
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.BinaryParameters = true
	c, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, err
	}
	return sqlx.NewDb(sql.OpenDB(c), "postgres"), nil
}

// NewStore returns a Store over db.
func NewStore(db *sqlx.DB) *Store {
	return &Store{db: db, hot: &hotQueries{db: db}, PasswordCost: 12, MaxImportRows: DefaultMaxImportRows,
		importKick: make(chan struct{}, 1), Log: slog.New(slog.DiscardHandler), pages: newQueuePageCache(queuePageCacheRows)}
}

// hotQueries runs queries of a fixed text that (nearly) every request runs as prepared statements:
// PostgreSQL then parses each once per connection, and plans it once when its generic plan is as
// cheap as a custom one (plan_cache_mode auto), instead of parsing and planning it on every
// request — about half of such a small query's server time. database/sql prepares a statement on
// each pooled connection the first time that connection runs it. Only for queries whose best plan
// does not depend on the seller's size: a generic plan is made for no seller in particular.
type hotQueries struct {
	db    *sqlx.DB
	stmts sync.Map // query text → *sqlx.Stmt
}

func (h *hotQueries) stmt(ctx context.Context, query string) (*sqlx.Stmt, error) {
	if st, ok := h.stmts.Load(query); ok {
		return st.(*sqlx.Stmt), nil
	}
	st, err := h.db.PreparexContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := h.stmts.LoadOrStore(query, st); loaded {
		_ = st.Close()
		return prev.(*sqlx.Stmt), nil
	}
	return st, nil
}

// GetContext is sqlx's GetContext on the prepared query.
func (h *hotQueries) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	st, err := h.stmt(ctx, query)
	if err != nil {
		return err
	}
	return st.GetContext(ctx, dest, args...)
}

// SelectContext is sqlx's SelectContext on the prepared query.
func (h *hotQueries) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	st, err := h.stmt(ctx, query)
	if err != nil {
		return err
	}
	return st.SelectContext(ctx, dest, args...)
}

// hotRunner runs prepared statements: on the pool (hotQueries) or in a transaction (txHot).
type hotRunner interface {
	GetContext(ctx context.Context, dest any, query string, args ...any) error
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// QueryContext is database/sql's QueryContext on the prepared query.
func (h *hotQueries) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := h.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryContext is database/sql's QueryContext on the prepared query, in the transaction.
func (t txHot) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.h.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return t.tx.StmtxContext(ctx, st).QueryContext(ctx, args...)
}

// txHot runs the prepared statements in a transaction, on its connection (where each is prepared
// once, as on any pooled connection).
type txHot struct {
	h  *hotQueries
	tx *sqlx.Tx
}

// GetContext is sqlx's GetContext on the prepared query, in the transaction.
func (t txHot) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	st, err := t.h.stmt(ctx, query)
	if err != nil {
		return err
	}
	return t.tx.StmtxContext(ctx, st).GetContext(ctx, dest, args...)
}

// reader runs the statements of one read: plain ones (planned on each call) and prepared ones.
type reader struct {
	plain sqlx.QueryerContext
	hot   hotRunner
}

// pool is the reader of the connection pool.
func (s *Store) pool() reader { return reader{plain: s.db, hot: s.hot} }

// withGenericPlans runs fn with a reader in one read-only transaction in which every statement
// runs its generic plan (plan_cache_mode force_generic_plan), made once per connection and
// statement instead of on each call. Only for statements whose one plan is good whatever their
// values (see QueueFilter.planStable): PostgreSQL's own choice (auto) keeps planning a statement
// whose plan for its values looks cheaper than the generic one, as a keyset page or a stage
// filter's does, though both plans are the same walk of an index.
//
// The setting is made by fn's first statement, which must be queueCounts's (queueVersionSQL sets
// it for the transaction with set_config): a SET LOCAL of its own would cost every queue page a
// round trip.
func (s *Store) withGenericPlans(ctx context.Context, fn func(reader) error) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	if err := fn(reader{plain: tx, hot: txHot{h: s.hot, tx: tx}}); err != nil {
		return err
	}
	return tx.Commit()
}

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	return nil
}

// execer is what both *sqlx.DB and *sqlx.Tx offer for statements without results.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// inTx runs fn in one transaction, committed when fn returns nil and rolled back otherwise. When
// fn changed which exceptions need action (queueChanged), the sellers' queue versions move on as
// the transaction's last statement.
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		s.queueMarks.Delete(tx)
		_ = tx.Rollback()
	}()
	if err := fn(tx); err != nil {
		return err
	}
	if err := s.bumpQueueVersions(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Unavailable reports whether err means the database could not be reached or went away (refused
// connection, dropped connection, server shutting down), as opposed to a bad query. Handlers
// answer such errors with 503; the connection pool reconnects by itself when the server is back.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return true
	}
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		switch {
		case pqErr.Code.Class() == "08": // connection exception
			return true
		case pqErr.Code == "57P01", pqErr.Code == "57P02", pqErr.Code == "57P03": // shutdown, cannot connect now
			return true
		}
	}
	return false
}

// newToken returns a random URL-safe token of 32 bytes of entropy.
func newToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken is what the database keeps of a token: a leaked table holds no usable session or
// invitation link. SHA-256 suffices because tokens are random, not guessable passwords.
func hashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// hashPassword hashes a password with bcrypt at the store's cost.
func (s *Store) hashPassword(password string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(password), s.PasswordCost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(h), nil
}

// isUniqueViolation reports whether err is a PostgreSQL unique violation on the named constraint
// (any constraint when name is "").
func isUniqueViolation(err error, name string) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "23505" && (name == "" || pqErr.Constraint == name)
}
