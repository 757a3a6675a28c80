package domain

import (
	"context"
	"time"
)

// ShipmentDetail is everything the page of one shipment shows: the shipment, its events (oldest
// first), every tracking number it has been known by, whether its service stops tracking after
// hand-over, its stage timeline and its exceptions.
type ShipmentDetail struct {
	Shipment        Shipment
	Events          []Event
	TrackingNumbers []TrackingNumber
	// Untracked is true when the shipment's service is on the seller's list of services whose
	// tracking stops after hand-over to the destination carrier.
	Untracked bool
	Timeline  Timeline
	// Exceptions are the shipment's exceptions, unresolved first, newest first.
	Exceptions []Exception
	// BuyerMessages are the messages to the shipment's buyer, oldest first.
	BuyerMessages []BuyerMessage
}

// ShipmentDetail gathers one shipment with its events, tracking numbers, exceptions and its
// stage timeline as of now, against the seller's thresholds and peak periods. It returns
// ErrNotFound for an id that does not exist or belongs to another seller.
func (s *Store) ShipmentDetail(ctx context.Context, seller SellerID, id int64, now time.Time) (ShipmentDetail, error) {
	var d ShipmentDetail
	var err error
	if d.Shipment, err = s.FindShipment(ctx, seller, id); err != nil {
		return ShipmentDetail{}, err
	}
	if d.Events, err = s.ListEvents(ctx, seller, id); err != nil {
		return ShipmentDetail{}, err
	}
	if d.TrackingNumbers, err = s.ListTrackingNumbers(ctx, seller, id); err != nil {
		return ShipmentDetail{}, err
	}
	if d.Exceptions, err = s.ListShipmentExceptions(ctx, seller, id); err != nil {
		return ShipmentDetail{}, err
	}
	if d.BuyerMessages, err = s.ListBuyerMessages(ctx, seller, id); err != nil {
		return ShipmentDetail{}, err
	}
	untracked, err := s.ListUntrackedServices(ctx, seller)
	if err != nil {
		return ShipmentDetail{}, err
	}
	d.Untracked = serviceListed(untracked, d.Shipment.ServiceKey)
	overrides, err := s.ListThresholdOverrides(ctx, seller)
	if err != nil {
		return ShipmentDetail{}, err
	}
	periods, err := s.ListPeakPeriods(ctx, seller)
	if err != nil {
		return ShipmentDetail{}, err
	}
	d.Timeline = BuildTimeline(d.Events, d.Shipment.Stage, NewThresholds(overrides), d.Shipment.DestinationCountry,
		periods, d.Untracked, now)
	return d, nil
}

// serviceListed reports whether a shipment's service key (its service as
// tracking.NormalizeService writes it, stored at import) is on a list of normalised service
// names, as the sweep's SQL compares them; a shipment without a service is on no list.
func serviceListed(names []string, svc string) bool {
	if svc == "" {
		return false
	}
	for _, n := range names {
		if n == svc {
			return true
		}
	}
	return false
}
