package views

import (
	"bytes"
	"context"
	"io"
	"strings"

	"github.com/a-h/templ"

	"github.com/parceldesk/portal/domain/lru"
)

// RowsCache keeps the queue's rows sections as last rendered, least recently used out first once
// they pass a size. Rendering fifty rows was the largest part of a queue page's CPU (templ writes
// each of their some thirteen hundred expressions through fmt.Sprint and an escaper), for a
// section that only changes when the seller's queue does or when the clock moves one of the
// times it shows on.
type RowsCache struct {
	rows *lru.Cache[string, renderedRows]
}

// renderedRows is a rows section as rendered, with the stamp of the clock-dependent text it
// showed (rowsStamp).
type renderedRows struct {
	stamp string
	html  []byte
}

// NewRowsCache returns a cache of rows sections up to maxBytes of HTML (and their stamps) in all.
func NewRowsCache(maxBytes int) *RowsCache {
	return &RowsCache{lru.New[string, renderedRows](maxBytes)}
}

// get returns the section kept for key if it was rendered with the same stamp.
func (c *RowsCache) get(key, stamp string) ([]byte, bool) {
	r, ok := c.rows.Get(key)
	if !ok || r.stamp != stamp {
		return nil, false
	}
	return r.html, true
}

// put keeps html, rendered for key with stamp, in place of what was kept for key.
func (c *RowsCache) put(key, stamp string, html []byte) {
	c.rows.Put(key, renderedRows{stamp, html}, len(key)+len(stamp)+len(html), nil)
}

// keptRows renders the rows section rows of vm, or writes the rendering kept for vm.RowsKey when it
// showed the same clock-dependent text (rowsStamp): then it is byte for byte what rendering again
// would write, as the rest of the section is a function of what RowsKey names.
func (vm Queue) keptRows(rows templ.Component) templ.Component {
	if vm.Rows == nil || vm.RowsKey == "" {
		return rows
	}
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		stamp := vm.rowsStamp()
		if html, ok := vm.Rows.get(vm.RowsKey, stamp); ok {
			_, err := w.Write(html)
			return err
		}
		var buf bytes.Buffer
		if err := rows.Render(ctx, &buf); err != nil {
			return err
		}
		vm.Rows.put(vm.RowsKey, stamp, buf.Bytes())
		_, err := w.Write(buf.Bytes())
		return err
	})
}

// rowsStamp is the text of queueRows that depends on the clock, row by row: each row's deadlines,
// dispute, last scan and time in stage, computed by the very calls queueRows makes, and the lead
// exception's deadline (Exception.Urgency): the one way the clock reaches the severity reason,
// which costs more to write out whole.
func (vm Queue) rowsStamp() string {
	var b strings.Builder
	for _, r := range vm.Page.Rows {
		b.WriteString(rowUrgency(r, vm.Now))
		b.WriteByte(0)
		if r.Dispute != nil {
			b.WriteString(disputeDue(*r.Dispute, vm.Now, queueLoc(vm)))
		}
		b.WriteByte(0)
		b.WriteString(rowReason(r, vm.Now, vm.Loc))
		b.WriteByte(0)
		b.WriteString(queueInStage(r, vm.Now))
		b.WriteByte(0)
		b.WriteString(r.Urgency(vm.Now))
		b.WriteByte(0)
	}
	return b.String()
}
