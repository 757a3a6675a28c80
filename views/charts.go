package views

import (
	"fmt"
	"strings"
	"time"

	"github.com/parceldesk/portal/domain"
)

// Charts are inline SVG drawn here in Go: no script, no inline style (the CSP forbids it), colour
// from CSS classes on the shapes. Each chart carries its numbers three ways: as text inside the
// picture, in the aria-label of the role="img" svg, and in a visually hidden table.

// Chart geometry, in viewBox units. The svg scales to its box, so these set proportions and the
// text size relative to the bars.
const (
	chartW      = 480.0
	barLabelW   = 130.0 // left column of row labels
	barValueW   = 44.0  // right room for the total
	barRowH     = 26.0
	barH        = 18.0
	colChartH   = 200.0
	colBaseline = 168.0
	colMaxH     = 140.0
)

// BarSegment is one part of a horizontal bar: a value, its CSS class, its name for hover.
type BarSegment struct {
	Name  string
	Value int64
	Class string
}

// BarRow is one horizontal bar, made of one or more segments.
type BarRow struct {
	Label    string
	Segments []BarSegment
}

// Total is the row's value: its segments summed.
func (r BarRow) Total() int64 {
	var n int64
	for _, s := range r.Segments {
		n += s.Value
	}
	return n
}

// BarChart is a horizontal bar chart, stacked when rows have several segments.
type BarChart struct {
	ID    string
	Title string // what the chart shows, the start of its aria-label and table caption
	Rows  []BarRow
}

// barRect is a segment placed in the viewBox.
type barRect struct {
	X, Y, W float64
	Class   string
	Title   string
	Text    string // the segment's name when it fits inside
}

// barLine is a row placed in the viewBox: its label, rectangles and total.
type barLine struct {
	Label  string
	LabelY float64
	Rects  []barRect
	Total  string
	TotalX float64
}

func (c BarChart) height() float64 { return float64(max(len(c.Rows), 1)) * barRowH }

// lines places the rows: the longest total spans the width between the label and value columns.
func (c BarChart) lines() []barLine {
	var top int64
	for _, r := range c.Rows {
		top = max(top, r.Total())
	}
	scale := 0.0
	if top > 0 {
		scale = (chartW - barLabelW - barValueW) / float64(top)
	}
	out := make([]barLine, 0, len(c.Rows))
	for i, r := range c.Rows {
		y := float64(i)*barRowH + (barRowH-barH)/2
		l := barLine{Label: r.Label, LabelY: y + barH/2, Total: FormatCount(r.Total())}
		x := barLabelW
		for _, s := range r.Segments {
			if s.Value == 0 {
				continue
			}
			w := float64(s.Value) * scale
			rect := barRect{X: x, Y: y, W: max(w, 1), Class: s.Class, Title: fmt.Sprintf("%s: %s", s.Name, FormatCount(s.Value))}
			if len(r.Segments) > 1 && w >= 7*float64(len(s.Name)) {
				rect.Text = s.Name
			}
			l.Rects = append(l.Rects, rect)
			x += w
		}
		l.TotalX = x + 5
		out = append(out, l)
	}
	return out
}

// ariaLabel reads the chart as a sentence: "Title: Row 3, Row 2".
func (c BarChart) ariaLabel() string {
	parts := make([]string, 0, len(c.Rows))
	for _, r := range c.Rows {
		p := r.Label + " " + FormatCount(r.Total())
		if len(r.Segments) > 1 {
			var segs []string
			for _, s := range r.Segments {
				if s.Value > 0 {
					segs = append(segs, s.Name+" "+FormatCount(s.Value))
				}
			}
			p += " (" + strings.Join(segs, ", ") + ")"
		}
		parts = append(parts, p)
	}
	return c.Title + ": " + strings.Join(parts, "; ")
}

// FunnelChart is the active shipments per stage, origin first.
func FunnelChart(stages []domain.StageCount) BarChart {
	c := BarChart{ID: "chart-funnel", Title: "Active shipments per stage"}
	for _, st := range stages {
		c.Rows = append(c.Rows, BarRow{Label: StageShortLabel(st.Stage), Segments: []BarSegment{{
			Name: st.Stage.Label(), Value: st.Count, Class: "bar " + stageTone(st.Stage)}}})
	}
	return c
}

// KindStageChart is the open exceptions per kind, each bar split by the stage they were opened
// in; kinds without an open exception are left out.
func KindStageChart(counts []domain.KindStageCount) BarChart {
	c := BarChart{ID: "chart-kind-stage", Title: "Open exceptions per kind and stage"}
	for _, k := range domain.ExceptionKinds {
		row := BarRow{Label: k.Label()}
		for _, n := range counts {
			if n.Kind == k {
				row.Segments = append(row.Segments, BarSegment{Name: StageShortLabel(n.Stage), Value: n.Count, Class: "bar seg " + stageTone(n.Stage)})
			}
		}
		if len(row.Segments) > 0 {
			c.Rows = append(c.Rows, row)
		}
	}
	return c
}

// chartTones lists the stage colours a stacked chart uses, for its legend.
func chartTones(counts []domain.KindStageCount) []legendEntry {
	names := map[string]string{
		"stage-origin": "Origin", "stage-customs": "Customs", "stage-transit": "In transit",
		"stage-local": "Last mile", "stage-delivered": "Delivered", "stage-unknown": "Unknown stage",
	}
	var out []legendEntry
	seen := map[string]bool{}
	for _, n := range counts {
		t := stageTone(n.Stage)
		if !seen[t] {
			seen[t] = true
			out = append(out, legendEntry{Class: t, Label: names[t]})
		}
	}
	return out
}

// legendEntry is a colour swatch and what it stands for.
type legendEntry struct{ Class, Label string }

// WeekChart is the exceptions opened and resolved per week, as pairs of columns.
type WeekChart struct {
	ID    string
	Title string
	Weeks []domain.WeekCount
}

// weekCol is a column placed in the viewBox.
type weekCol struct {
	X, Y, W, H float64
	Class      string
	Title      string
	Value      string
}

// weekGroup is one week's pair of columns and its label.
type weekGroup struct {
	Cols   []weekCol
	Label  string
	LabelX float64
}

func (c WeekChart) groups() []weekGroup {
	var top int64
	for _, w := range c.Weeks {
		top = max(top, w.Opened, w.Resolved)
	}
	n := max(len(c.Weeks), 1)
	slot := chartW / float64(n)
	colW := min(slot*0.36, 24)
	out := make([]weekGroup, 0, len(c.Weeks))
	for i, w := range c.Weeks {
		mid := slot*float64(i) + slot/2
		g := weekGroup{Label: w.Week.Format("2 Jan"), LabelX: mid}
		for j, v := range []struct {
			n     int64
			class string
			name  string
		}{{w.Opened, "col col-opened", "opened"}, {w.Resolved, "col col-resolved", "resolved"}} {
			h := 0.0
			if top > 0 {
				h = float64(v.n) / float64(top) * colMaxH
			}
			h = max(h, 1) // a hairline marks a zero
			x := mid - colW - 1 + float64(j)*(colW+2)
			g.Cols = append(g.Cols, weekCol{X: x, Y: colBaseline - h, W: colW, H: h, Class: v.class,
				Title: fmt.Sprintf("Week of %s: %s %s", w.Week.Format("2 Jan 2006"), FormatCount(v.n), v.name), Value: FormatCount(v.n)})
		}
		out = append(out, g)
	}
	return out
}

func (c WeekChart) ariaLabel() string {
	parts := make([]string, 0, len(c.Weeks))
	for _, w := range c.Weeks {
		parts = append(parts, fmt.Sprintf("week of %s: %s opened, %s resolved", w.Week.Format("2 Jan"), FormatCount(w.Opened), FormatCount(w.Resolved)))
	}
	return c.Title + ": " + strings.Join(parts, "; ")
}

// coord writes a viewBox coordinate without needless digits.
func coord(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".")
}

// viewBox is the svg's viewBox for a chart of the given height.
func viewBox(h float64) string { return "0 0 " + coord(chartW) + " " + coord(h) }

// percent writes a share as a whole percentage: "33%".
func percent(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }

// medianText writes the median time to resolve, or a dash when nothing was resolved.
func medianText(n int64, d time.Duration) string {
	if n == 0 {
		return "—"
	}
	return compactDuration(d)
}
