package views

import (
	"fmt"
	"net/url"

	"github.com/a-h/templ"
)

// The paths of the notification pages (issue 15).
const (
	NotificationsPath   = "/settings/notifications"
	WebhooksPath        = "/settings/webhooks"
	OutboxPath          = "/outbox"
	MessageRulesPath    = "/settings/messages/rules"
	BuyerMailPausePath  = "/settings/messages/pause"
	MessagePreviewPath  = "/settings/messages/preview"
	unsubscribePathBase = "/unsubscribe/"
)

// UnsubscribePath is the one-click unsubscribe page of a signed token; it needs no sign-in.
func UnsubscribePath(token string) string { return unsubscribePathBase + url.PathEscape(token) }

// WebhookURL is an endpoint's page: its delivery log.
func WebhookURL(id int64) templ.SafeURL { return templ.SafeURL(fmt.Sprintf("%s/%d", WebhooksPath, id)) }

// WebhookPath is WebhookURL as a string, for redirects.
func WebhookPath(id int64) string { return string(WebhookURL(id)) }

// WebhookActionURL is where an endpoint's buttons post: "ping" (a test event), "enable", "remove".
func WebhookActionURL(id int64, action string) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("%s/%d/%s", WebhooksPath, id, action))
}

// OutboxMessageURL is one message of the outbox.
func OutboxMessageURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("%s/%d", OutboxPath, id))
}

// OutboxMessagePath is OutboxMessageURL as a string, for redirects.
func OutboxMessagePath(id int64) string { return string(OutboxMessageURL(id)) }

// OutboxRetryURL is where a failed message's "Retry" posts.
func OutboxRetryURL(id int64) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("%s/%d/retry", OutboxPath, id))
}

// BuyerMessageActionURL is where a suggested buyer message's "Send" and "Dismiss" post.
func BuyerMessageActionURL(shipment, id int64, action string) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/shipments/%d/messages/%d/%s", shipment, id, action))
}

// MessagePreviewURL is the preview of a template as it goes out.
func MessagePreviewURL(kind string, stage int) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("%s?kind=%s&stage=%d", MessagePreviewPath, url.QueryEscape(kind), stage))
}
