// Package trackerhook reads the bodies of the webhooks parcel trackers post: AfterShip's
// Tracking webhook and 17TRACK's API v2 webhook, each in its documented format, into one Parcel
// with its checkpoints as the tracker wrote them (text, status code, time as given, place), and
// computes and checks the signatures each tracker sends with them (signature.go). It knows
// nothing of the database or the rest of the portal: matching the parcel to a shop's shipment and
// reading the checkpoints as events is domain's work (domain/trackerpayload.go), as is knowing
// which tracker a delivery came from (Tracker.VerifySignature).
package trackerhook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Parcel is what a tracker's delivery says of one parcel: its tracking number, the order
// references it carries (trimmed, without repeats) and its checkpoints in the order the tracker
// lists them.
type Parcel struct {
	TrackingNumber string
	OrderRefs      []string
	Checkpoints    []Checkpoint
}

// Checkpoint is one tracking step of a Parcel: the carrier that reported it, its text, the
// tracker's status code (the sub-status where there is one), its time as the tracker wrote it
// (with or without an offset) and its place.
type Checkpoint struct {
	Carrier    string
	Status     string
	StatusCode string
	StatusAt   string
	Location   string
}

// looseString reads a JSON string, number or null as text: trackers document order ids as
// strings but shops send numbers too.
type looseString string

func (l *looseString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*l = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*l = looseString(s)
	default:
		if _, err := strconv.ParseFloat(string(b), 64); err != nil {
			return fmt.Errorf("not a string or number: %.40s", b)
		}
		*l = looseString(b)
	}
	return nil
}

// afterShipHook is the body of an AfterShip Tracking webhook, the fields the portal reads.
// Documented at https://www.aftership.com/docs/tracking/webhook/webhook-specifications (ts,
// event, event_id, msg: the tracking with its checkpoints: message, tag, subtag, checkpoint_time,
// location, city, state, country_name, slug); https://docs.aftership.com/api/4/webhook says a
// checkpoint_time may be a date, a time without offset, or a time with one.
type afterShipHook struct {
	Msg *struct {
		TrackingNumber string      `json:"tracking_number"`
		Slug           string      `json:"slug"`
		OrderID        looseString `json:"order_id"`
		OrderNumber    looseString `json:"order_number"`
		Checkpoints    []struct {
			Message        string      `json:"message"`
			Tag            string      `json:"tag"`
			Subtag         string      `json:"subtag"`
			CheckpointTime string      `json:"checkpoint_time"`
			Location       looseString `json:"location"`
			City           looseString `json:"city"`
			State          looseString `json:"state"`
			CountryName    looseString `json:"country_name"`
			CountryISO3    looseString `json:"country_iso3"`
			Slug           string      `json:"slug"`
		} `json:"checkpoints"`
	} `json:"msg"`
}

// ParseAfterShip reads the body of an AfterShip Tracking webhook. An error means the body is not
// that format; its text says why.
func ParseAfterShip(body []byte) (Parcel, error) {
	var h afterShipHook
	if err := json.Unmarshal(body, &h); err != nil {
		return Parcel{}, fmt.Errorf("not an AfterShip webhook: %v", err)
	}
	if h.Msg == nil {
		return Parcel{}, errors.New("not an AfterShip webhook: no msg")
	}
	m := h.Msg
	p := Parcel{TrackingNumber: strings.TrimSpace(m.TrackingNumber), OrderRefs: refs(string(m.OrderID), string(m.OrderNumber))}
	for _, c := range m.Checkpoints {
		loc := string(c.Location)
		if strings.TrimSpace(loc) == "" {
			loc = joinPlace(string(c.City), string(c.State), string(c.CountryName), string(c.CountryISO3))
		}
		code := c.Subtag
		if code == "" {
			code = c.Tag
		}
		carrier := c.Slug
		if carrier == "" {
			carrier = m.Slug
		}
		p.Checkpoints = append(p.Checkpoints, Checkpoint{Carrier: carrier, Status: strings.TrimSpace(c.Message),
			StatusCode: code, StatusAt: strings.TrimSpace(c.CheckpointTime), Location: strings.TrimSpace(loc)})
	}
	return p, nil
}

// seventeenTrackHook is the body of a 17TRACK API v2 webhook (event TRACKING_UPDATED), the fields
// the portal reads: data.number, data.tag (the shop's own label given at registration, often the
// order number), and data.track_info.tracking.providers[].events[] (time_iso with its offset,
// time_utc, description, location, stage, sub_status). Documented at
// https://api.17track.net/en/doc?version=v2.2&anchor=webhook, statuses at
// https://help.17track.net/hc/en-us/articles/37471096573337-Understanding-Tracking-Status-Main-Status-Substatus
type seventeenTrackHook struct {
	Data *struct {
		Number    string      `json:"number"`
		Tag       looseString `json:"tag"`
		OrderNo   looseString `json:"order_no"`
		TrackInfo *struct {
			Tracking *struct {
				Providers []struct {
					Provider *struct {
						Name  looseString `json:"name"`
						Alias looseString `json:"alias"`
					} `json:"provider"`
					Events []struct {
						TimeISO     string      `json:"time_iso"`
						TimeUTC     string      `json:"time_utc"`
						Description string      `json:"description"`
						Location    looseString `json:"location"`
						Stage       looseString `json:"stage"`
						SubStatus   looseString `json:"sub_status"`
						Address     *struct {
							Country looseString `json:"country"`
							State   looseString `json:"state"`
							City    looseString `json:"city"`
						} `json:"address"`
					} `json:"events"`
				} `json:"providers"`
			} `json:"tracking"`
		} `json:"track_info"`
	} `json:"data"`
}

// seventeenStageCodes turns the milestone keys 17TRACK writes in an event's stage into the
// sub-status codes of the same meaning, for events that carry no sub_status. A milestone's own key
// is not used as a code: "Departure" and "Arrival" are Cainiao codes of another meaning.
var seventeenStageCodes = map[string]string{
	"PickedUp": "InTransit_PickedUp", "Departure": "InTransit_Departure", "Arrival": "InTransit_Arrival",
	"Returning": "Exception_Returning", "Returned": "Exception_Returned",
	"InfoReceived": "InfoReceived", "AvailableForPickup": "AvailableForPickup", "OutForDelivery": "OutForDelivery",
	"Delivered": "Delivered",
}

// Parse17Track reads the body of a 17TRACK API v2 webhook. An error means the body is not that
// format; its text says why. A body without tracking info (TRACKING_STOPPED and the like) is a
// parcel without checkpoints.
func Parse17Track(body []byte) (Parcel, error) {
	var h seventeenTrackHook
	if err := json.Unmarshal(body, &h); err != nil {
		return Parcel{}, fmt.Errorf("not a 17TRACK webhook: %v", err)
	}
	if h.Data == nil {
		return Parcel{}, errors.New("not a 17TRACK webhook: no data")
	}
	d := h.Data
	p := Parcel{TrackingNumber: strings.TrimSpace(d.Number), OrderRefs: refs(string(d.Tag), string(d.OrderNo))}
	if d.TrackInfo == nil || d.TrackInfo.Tracking == nil {
		return p, nil // TRACKING_STOPPED and the like carry no events
	}
	for _, pr := range d.TrackInfo.Tracking.Providers {
		var carrier string
		if pr.Provider != nil {
			carrier = string(pr.Provider.Name)
			if carrier == "" {
				carrier = string(pr.Provider.Alias)
			}
		}
		for _, e := range pr.Events {
			at := strings.TrimSpace(e.TimeISO)
			if at == "" {
				at = strings.TrimSpace(e.TimeUTC)
			}
			code := strings.TrimSpace(string(e.SubStatus))
			if code == "" {
				code = seventeenStageCodes[strings.TrimSpace(string(e.Stage))]
			}
			loc := strings.TrimSpace(string(e.Location))
			if loc == "" && e.Address != nil {
				loc = joinPlace(string(e.Address.City), string(e.Address.State), string(e.Address.Country))
			}
			p.Checkpoints = append(p.Checkpoints, Checkpoint{Carrier: carrier,
				Status: strings.TrimSpace(e.Description), StatusCode: code, StatusAt: at, Location: loc})
		}
	}
	return p, nil
}

// refs returns the non-empty values, trimmed, without repeats.
func refs(vs ...string) []string {
	out := []string{}
	for _, v := range vs {
		v = strings.TrimSpace(v)
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// joinPlace writes a place from its parts, skipping empty ones: "Paris, Île-de-France, France".
func joinPlace(parts ...string) string { return strings.Join(refs(parts...), ", ") }
