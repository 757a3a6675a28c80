package domain

import (
	"fmt"

	"github.com/parceldesk/portal/domain/trackerhook"
)

// trackerParcel is what a tracker's delivery says of one parcel: its numbers, the order
// references it carries, and its checkpoints as events (without an order reference until the
// parcel is matched to a shipment).
type trackerParcel struct {
	TrackingNumber string
	OrderRefs      []string
	Events         []APIEvent
	// Matched is the order reference of the shop's shipment the parcel turned out to be.
	Matched string
}

// parseTrackerPayload reads a delivery's body in the tracker's documented format (package
// trackerhook). An error means the body is not that format (its text says why, for the
// delivery's note).
func parseTrackerPayload(t Tracker, body []byte) (trackerParcel, error) {
	var p trackerhook.Parcel
	var err error
	switch t {
	case TrackerAfterShip:
		p, err = trackerhook.ParseAfterShip(body)
	case Tracker17Track:
		p, err = trackerhook.Parse17Track(body)
	default:
		return trackerParcel{}, fmt.Errorf("unknown tracker %q", t)
	}
	if err != nil {
		return trackerParcel{}, err
	}
	out := trackerParcel{TrackingNumber: p.TrackingNumber, OrderRefs: p.OrderRefs}
	for _, c := range p.Checkpoints {
		out.Events = append(out.Events, APIEvent{TrackingNumber: p.TrackingNumber, Carrier: c.Carrier, Status: c.Status,
			StatusCode: c.StatusCode, StatusAt: c.StatusAt, Location: c.Location})
	}
	return out, nil
}
