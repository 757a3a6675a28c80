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
