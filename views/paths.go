package views

import (
	"fmt"

	"github.com/a-h/templ"
)

// Typed URL helpers: pages link to records through these, so a path is written once. The paths
// themselves are fixed by the product design.

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
