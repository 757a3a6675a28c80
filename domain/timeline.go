package domain

import "time"

// SpanState is where a stage stands in a shipment's progress.
type SpanState string

// The states of a stage in a timeline.
const (
	// SpanDone is a stage the shipment passed through: an event of it was seen and the shipment
	// has moved on.
	SpanDone SpanState = "done"
	// SpanCurrent is the shipment's stage now.
	SpanCurrent SpanState = "current"
	// SpanSkipped is a stage below the current one that no event ever reported: carriers often
	// leave out the export hub or the customs steps.
	SpanSkipped SpanState = "skipped"
	// SpanFuture is a stage the shipment has not reached.
	SpanFuture SpanState = "future"
)

// StageSpan is one stage of a shipment's timeline: when the shipment entered it, how long it
// stayed against the stage's threshold, and how much of that a peak period paused.
type StageSpan struct {
	Stage Stage
	// EnteredAt is the time of the stage's earliest event (its recorded time when the carrier
	// gave none); nil for skipped and future stages.
	EnteredAt *time.Time
	// Spent is the clock time in the stage, the time that counts toward the threshold: until
	// the next stage was entered, or until now for the current stage, less the peak pauses
	// for origin stages.
	Spent time.Duration
	// Paused is how much of the stay a peak period paused (origin stages only).
	Paused time.Duration
	// Threshold is the maximum stay before the shipment is flagged; 0 when none applies
	// (delivered, or a stage whose clock has stopped).
	Threshold time.Duration
	State     SpanState
	// Over is true when the stay passed the threshold: the stage is (or was) stalled.
	Over bool
	// Ratio is Spent/Threshold (0 without a threshold); above 1 when Over.
	Ratio float64
	// ClockStopped marks stages from arrival on for an economy service that is not tracked after
	// hand-over: silence there is normal, so no threshold applies.
	ClockStopped bool
}

// Timeline is a shipment's progress through the eleven stages, in order, and the stage it is in.
type Timeline struct {
	Stages  []StageSpan
	Current Stage
}

// Span returns the timeline's span of a stage, or false when the timeline has none.
func (t Timeline) Span(stage Stage) (StageSpan, bool) {
	for _, sp := range t.Stages {
		if sp.Stage == stage {
			return sp, true
		}
	}
	return StageSpan{}, false
}

// BuildTimeline lays a shipment's events out over the eleven stages, by the rules that give a
// shipment its stage (refreshShipments) and its clock (ClockTime):
//   - a stage is entered at its earliest event that is not a pre-advice (an event without its own
//     time counts at the time it was recorded), so duplicated and re-imported events change
//     nothing;
//   - a reached stage lasts until a higher stage was entered, and the current stage (the
//     shipment's stored stage) until now; stages below it that no event reported are skipped,
//     stages above it are future;
//   - origin stages (1–6) do not count peak periods, and report what was paused;
//   - for an economy service untracked after hand-over, the clock stops at arrival: stages 7 on
//     get no threshold, so they are never over;
//   - delivered is the end: no threshold and no time.
func BuildTimeline(events []Event, current Stage, thresholds Thresholds, country string, periods []PeakPeriod,
	untrackedAfterArrival bool, now time.Time) Timeline {
	var entered [StageDelivered + 1]*time.Time
	for _, e := range events {
		if !e.Stage.Valid() || e.PreAdvice || e.Stage > current {
			// A stage above the stored one can only be a pre-advice or not yet applied; the
			// stored stage is what the rest of the portal shows, so the timeline agrees with it.
			continue
		}
		at := e.RecordedAt
		if e.OccurredAt != nil {
			at = *e.OccurredAt
		}
		if entered[e.Stage] == nil || at.Before(*entered[e.Stage]) {
			entered[e.Stage] = &at
		}
	}

	t := Timeline{Stages: make([]StageSpan, 0, len(Stages)), Current: current}
	for _, st := range Stages {
		sp := StageSpan{Stage: st, EnteredAt: entered[st]}
		sp.ClockStopped = untrackedAfterArrival && st >= StageArrivedDestination && st != StageDelivered
		if !sp.ClockStopped {
			sp.Threshold, _ = thresholds.For(st, country)
		}
		switch {
		case st > current || !current.Valid():
			sp.State, sp.EnteredAt = SpanFuture, nil
		case st == current:
			sp.State = SpanCurrent
		case sp.EnteredAt == nil:
			sp.State = SpanSkipped
		default:
			sp.State = SpanDone
		}
		if sp.EnteredAt != nil && st != StageDelivered {
			end, ok := now, st == current
			if !ok {
				end, ok = leftAt(entered[:current+1], st)
			}
			if ok {
				sp.Spent = ClockTime(st, *sp.EnteredAt, end, periods)
				if st.IsOrigin() {
					sp.Paused = Paused(periods, *sp.EnteredAt, end)
				}
			}
		}
		if sp.Threshold > 0 && (sp.State == SpanDone || sp.State == SpanCurrent) {
			sp.Ratio = float64(sp.Spent) / float64(sp.Threshold)
			sp.Over = sp.Spent > sp.Threshold
		}
		t.Stages = append(t.Stages, sp)
	}
	return t
}

// leftAt is when the shipment left a reached stage: the earliest entry into any higher reached
// stage. That is the next stage's entry when carriers report in order; when a higher stage was
// scanned before a lower one (a label-only "dispatched" after the hub's scan), progress is still
// monotonic, so the lower stage ended no later than that scan.
func leftAt(entered []*time.Time, stage Stage) (time.Time, bool) {
	var end *time.Time
	for _, at := range entered[stage+1:] {
		if at != nil && (end == nil || at.Before(*end)) {
			end = at
		}
	}
	if end == nil {
		return time.Time{}, false
	}
	return *end, true
}
