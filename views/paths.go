package views

import (
	"fmt"
	"net/url"

	"github.com/a-h/templ"

	"github.com/parceldesk/portal/domain"
)

// Typed URL helpers: pages link to records through these, so a path is written once. The paths
// themselves are fixed by the product design.

// ShipmentURL is the page of one shipment.
func ShipmentURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/shipments/%d", id))
}

// ShipmentPath is ShipmentURL as a plain string, for redirects.
func ShipmentPath(id int64) string { return string(ShipmentURL(id)) }

// ShipmentsInStageURL is the shipments list filtered to one stage.
func ShipmentsInStageURL(st domain.Stage) templ.SafeURL {
	return templ.SafeURL("/shipments?stage=" + st.Key())
}

// NotReceivedURL is where a team member posts to open a not_received exception on a shipment.
func NotReceivedURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/shipments/%d/not-received", id))
}

// TeamMemberURL is the page of one team member.
func TeamMemberURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/settings/team/members/%d", id))
}

// RemoveTeamMemberURL is where an owner posts to remove a member.
func RemoveTeamMemberURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/settings/team/members/%d/remove", id))
}

// RevokeInvitationURL is where an owner posts to revoke an invitation.
func RevokeInvitationURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/settings/team/invitations/%d/revoke", id))
}

// InviteURL is the one-time link an invited person opens.
func InviteURL(token string) templ.SafeURL {
	return templ.SafeURL("/invite/" + token)
}

// TeamMemberPath is TeamMemberURL as a plain string, for redirects.
func TeamMemberPath(id int64) string { return string(TeamMemberURL(id)) }

// ImportURL is the page of one import.
func ImportURL(id int64) templ.SafeURL { return templ.SafeURL(fmt.Sprintf("/imports/%d", id)) }

// ImportPath is ImportURL as a plain string, for redirects.
func ImportPath(id int64) string { return string(ImportURL(id)) }

// RunImportURL is where the confirmed mapping is posted to run an import.
func RunImportURL(id int64) templ.SafeURL { return templ.SafeURL(fmt.Sprintf("/imports/%d/run", id)) }

// RejectedURL downloads an import's rejected rows as CSV.
func RejectedURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/imports/%d/rejected.csv", id))
}

// DeletePeakPeriodURL is where an owner posts to delete one of their peak periods.
func DeletePeakPeriodURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/settings/peak-periods/%d/delete", id))
}

// QueueURL is the review queue of unresolved exceptions.
func QueueURL() templ.SafeURL { return "/exceptions" }

// ExceptionURL is the page of one exception, where its workflow actions also post.
func ExceptionURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/exceptions/%d", id))
}

// ExceptionPath is ExceptionURL as a plain string, for redirects.
func ExceptionPath(id int64) string { return string(ExceptionURL(id)) }

// DisputesURL is the list of disputes, narrowed to a status filter ("" for the running ones).
func DisputesURL(status string) templ.SafeURL {
	if status == "" {
		return "/disputes"
	}
	return templ.SafeURL("/disputes?status=" + url.QueryEscape(status))
}

// DisputeURL is the page of one dispute, where its edits and status changes also post.
func DisputeURL(id int64) templ.SafeURL { return templ.SafeURL(fmt.Sprintf("/disputes/%d", id)) }

// DisputePath is DisputeURL as a plain string, for redirects.
func DisputePath(id int64) string { return string(DisputeURL(id)) }

// OpenDisputeURL is where the form that opens a dispute over an exception posts.
func OpenDisputeURL(exception int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/exceptions/%d/disputes", exception))
}

// DisputeNotesURL is where a note on a dispute posts.
func DisputeNotesURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/disputes/%d/notes", id))
}

// DisputePackURL is a dispute's printable evidence pack.
func DisputePackURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/disputes/%d/pack", id))
}

// EvidenceUploadURL is where an evidence file of a dispute is uploaded, with the CSRF token in the
// query string (like the CSV upload) so that no body is read before the token is checked.
func EvidenceUploadURL(dispute int64, csrf string) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/disputes/%d/evidence?_csrf=%s", dispute, url.QueryEscape(csrf)))
}

// EvidenceURL downloads one evidence file of a dispute.
func EvidenceURL(dispute, id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/disputes/%d/evidence/%d", dispute, id))
}

// QueueContext is the queue a member opened an exception from, as its filter's query string
// ("kind=stalled&country=DE"): the exception's links and forms carry it, so that "next" walks
// the same queue and the way back returns to it.
type QueueContext string

// queueKeys are the query values of a queue filter (the cursor is not part of a queue).
var queueKeys = []string{"kind", "state", "stage", "country", "assignee", "q", "carrier", "age"}

// NewQueueContext keeps the filter values of a query string, in a stable order; anything else is
// dropped, so the value cannot carry more than a filter.
func NewQueueContext(raw string) QueueContext {
	in, err := url.ParseQuery(raw)
	if err != nil {
		return ""
	}
	out := url.Values{}
	for _, k := range queueKeys {
		if v := in.Get(k); v != "" {
			out.Set(k, v)
		}
	}
	return QueueContext(out.Encode())
}

// Values are the filter's query values.
func (q QueueContext) Values() url.Values {
	v, _ := url.ParseQuery(string(q))
	return v
}

// URL is the queue itself.
func (q QueueContext) URL() string { return withQuery(string(QueueURL()), q.Values()) }

// ExceptionPath is an exception's page, opened from this queue.
func (q QueueContext) ExceptionPath(id int64) string {
	if q == "" {
		return ExceptionPath(id)
	}
	return ExceptionPath(id) + "?" + url.Values{"queue": {string(q)}}.Encode()
}

// ExceptionURL is ExceptionPath as a link.
func (q QueueContext) ExceptionURL(id int64) templ.SafeURL { return templ.SafeURL(q.ExceptionPath(id)) }

// NextURL is where an exception's "resolve & next" and "snooze & next" post.
func NextURL(id int64) templ.SafeURL { return templ.SafeURL(fmt.Sprintf("/exceptions/%d/next", id)) }

// UndoBulkURL undoes a bulk change of the queue.
func UndoBulkURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/exceptions/bulk/%d/undo", id))
}

// DeleteViewURL deletes a saved view of the queue.
func DeleteViewURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/exceptions/views/%d/delete", id))
}
