package handlers

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"maps"
	"net/http"
	"sync"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"

	"github.com/parceldesk/portal/domain"
)

// sessionName is the name of the session cookie; served over TLS it is "__Host-desk_session", a
// name browsers only accept from this host with Secure and Path=/, so a sibling subdomain cannot
// plant a session (sign a member into the planter's account).
const sessionName = "desk_session"

// Session value keys.
const (
	keySeller = "seller_id"
	keyUser   = "user_id"
)

// SessionStore is a gorilla/sessions Store that keeps session values in PostgreSQL and only a
// signed random token in the cookie. Sessions therefore end for real on logout (the row is
// deleted), survive restarts, and are shared by every web replica. The table comes from our own
// migrations, not from the store.
type SessionStore struct {
	store   *domain.Store
	codecs  []securecookie.Codec
	limits  domain.SessionLimits
	options sessions.Options
	name    string // the cookie's: sessionCookieName
	// decoded holds session data already decoded whose values are all plain (a signed-in
	// member's ids): a gob decoder learns the map's types afresh for each session read, which
	// was a twentieth of a served queue page's CPU. Data with anything else (flashes) is decoded
	// each time, so that no two requests share a value they may change.
	decodedMu sync.Mutex
	decoded   map[string]map[any]any
}

// maxDecoded bounds SessionStore.decoded; past it, it starts afresh.
const maxDecoded = 4096

// decode returns the values gob-encoded in data, a copy of its own for the caller, and false when
// data is not readable.
func (st *SessionStore) decode(data []byte) (map[any]any, bool) {
	st.decodedMu.Lock()
	v, ok := st.decoded[string(data)]
	st.decodedMu.Unlock()
	if ok {
		return maps.Clone(v), true
	}
	var values map[any]any
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&values); err != nil {
		return nil, false
	}
	if values == nil {
		values = map[any]any{}
	}
	for _, x := range values {
		switch x.(type) {
		case int64, string, bool:
		default:
			return values, true
		}
	}
	st.decodedMu.Lock()
	if st.decoded == nil || len(st.decoded) >= maxDecoded {
		st.decoded = map[string]map[any]any{}
	}
	st.decoded[string(data)] = maps.Clone(values)
	st.decodedMu.Unlock()
	return values, true
}

// NewSessionStore returns a store whose cookies are signed with key, HttpOnly and SameSite=Lax,
// Secure when secure is set, and live as long as the absolute session limit.
func NewSessionStore(store *domain.Store, key []byte, limits domain.SessionLimits, secure bool) *SessionStore {
	codec := securecookie.New(key, nil)
	codec.MaxAge(int(limits.Absolute.Seconds()))
	return &SessionStore{
		store:  store,
		codecs: []securecookie.Codec{codec},
		limits: limits,
		name:   sessionCookieName(secure),
		options: sessions.Options{
			Path:     "/",
			MaxAge:   int(limits.Absolute.Seconds()),
			HttpOnly: true,
			Secure:   secure,
			SameSite: http.SameSiteLaxMode,
		},
	}
}

// sessionCookieName is the session cookie's name: __Host- prefixed when it is Secure.
func sessionCookieName(secure bool) string {
	if secure {
		return "__Host-" + sessionName
	}
	return sessionName
}

// Get returns the request's session named name, loading it once per request (sessions.Store).
func (st *SessionStore) Get(r *http.Request, name string) (*sessions.Session, error) {
	return sessions.GetRegistry(r).Get(st, name)
}

// Session returns the request's session, under this store's cookie name.
func (st *SessionStore) Session(r *http.Request) (*sessions.Session, error) {
	return st.Get(r, st.name)
}

// New loads the session named by the request's cookie, or returns a new empty one when there is
// no cookie, a forged one, or one whose session has ended. Only a database failure is an error.
func (st *SessionStore) New(r *http.Request, name string) (*sessions.Session, error) {
	sess := sessions.NewSession(st, name)
	opts := st.options
	sess.Options = &opts
	sess.IsNew = true
	c, err := r.Cookie(name)
	if err != nil {
		return sess, nil
	}
	var token string
	if securecookie.DecodeMulti(name, c.Value, &token, st.codecs...) != nil {
		return sess, nil
	}
	rec, err := st.store.FindSession(r.Context(), token, st.limits)
	if errors.Is(err, domain.ErrNotFound) {
		return sess, nil
	}
	if err != nil {
		return sess, err
	}
	values, ok := st.decode(rec.Data)
	if !ok {
		return sess, nil // unreadable values (an older format): start afresh
	}
	sess.Values = values
	sess.ID = token
	sess.IsNew = false
	if rec.Member != nil {
		// As the registry itself is kept: on the request, for Member.
		*r = *r.WithContext(context.WithValue(r.Context(), memberKey{}, rec.Member))
	}
	return sess, nil
}

// memberKey is the request context key of the member whose session New loaded.
type memberKey struct{}

// Member returns the team member whose session the request carries, nil when nobody is signed
// in. The session, the member's user and their seller are read in one query, once per request
// (the session is loaded through the registry, as Get does).
func (st *SessionStore) Member(r *http.Request) (*domain.Member, error) {
	if _, err := st.Session(r); err != nil {
		return nil, err
	}
	m, _ := r.Context().Value(memberKey{}).(*domain.Member)
	return m, nil
}

// Save writes the session and its cookie; a negative MaxAge ends the session.
func (st *SessionStore) Save(r *http.Request, w http.ResponseWriter, sess *sessions.Session) error {
	if sess.Options.MaxAge < 0 {
		if sess.ID != "" {
			if err := st.store.DeleteSession(r.Context(), sess.ID); err != nil {
				return err
			}
		}
		http.SetCookie(w, sessions.NewCookie(sess.Name(), "", sess.Options))
		return nil
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(sess.Values); err != nil {
		return err
	}
	if sess.ID == "" {
		sess.ID = domain.NewSessionToken()
		var seller *domain.SellerID
		var user *int64
		if sid, uid, ok := sessionMember(sess.Values); ok {
			seller, user = &sid, &uid
		}
		if err := st.store.CreateSession(r.Context(), sess.ID, seller, user, buf.Bytes()); err != nil {
			return err
		}
	} else if err := st.store.UpdateSession(r.Context(), sess.ID, buf.Bytes()); errors.Is(err, domain.ErrNotFound) {
		// Ended while this request ran (a logout elsewhere): it stays ended.
		expired := *sess.Options
		expired.MaxAge = -1
		http.SetCookie(w, sessions.NewCookie(sess.Name(), "", &expired))
		return nil
	} else if err != nil {
		return err
	}
	encoded, err := securecookie.EncodeMulti(sess.Name(), sess.ID, st.codecs...)
	if err != nil {
		return err
	}
	http.SetCookie(w, sessions.NewCookie(sess.Name(), encoded, sess.Options))
	return nil
}

// renew ends the request's current session and turns sess into a fresh one with a new token, so
// a token planted before sign-in (session fixation) is worthless after it.
func (st *SessionStore) renew(r *http.Request, sess *sessions.Session) error {
	if sess.ID != "" {
		if err := st.store.DeleteSession(r.Context(), sess.ID); err != nil {
			return err
		}
	}
	sess.ID = ""
	sess.IsNew = true
	sess.Values = map[any]any{}
	return nil
}

// sessionMember reads who a session belongs to.
func sessionMember(v map[any]any) (domain.SellerID, int64, bool) {
	sid, ok1 := v[keySeller].(int64)
	uid, ok2 := v[keyUser].(int64)
	return domain.SellerID(sid), uid, ok1 && ok2
}
