package handlers_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/parceldesk/portal/handlers"
)

// TestOpenAPIMatchesRoutes: the served OpenAPI document names every /api/ route of the table,
// and the table has every operation of the document, so neither can drift from the other.
// Operations that need a token say so (the document's default security), and the description
// alone opts out.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	res := ts.client(t).get("/api/v1/openapi.json")
	wantStatus(t, res, http.StatusOK)
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Errorf("content type %q", res.Header.Get("Content-Type"))
	}
	var doc struct {
		OpenAPI  string                                `json:"openapi"`
		Servers  []struct{ URL string }                `json:"servers"`
		Security []map[string][]string                 `json:"security"`
		Paths    map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(res.body), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || len(doc.Servers) != 1 || len(doc.Security) != 1 {
		t.Fatalf("openapi %q, servers %v, security %v", doc.OpenAPI, doc.Servers, doc.Security)
	}
	param := regexp.MustCompile(`\{([a-z_]+)\}`)
	methods := map[string]bool{"get": true, "put": true, "post": true, "patch": true, "delete": true, "head": true, "options": true}
	var inDoc []string
	for p, ops := range doc.Paths {
		for m, raw := range ops {
			if !methods[m] {
				continue // path-level parameters
			}
			route := strings.ToUpper(m) + " " + doc.Servers[0].URL + param.ReplaceAllString(p, ":$1")
			inDoc = append(inDoc, route)
			var op struct {
				Security *[]map[string][]string `json:"security"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatal(err)
			}
			if public := op.Security != nil && len(*op.Security) == 0; public != (route == "GET /api/v1/openapi.json") {
				t.Errorf("%s: public in the document is %v", route, public)
			}
		}
	}
	var inTable []string
	for _, r := range ts.routes {
		if strings.HasPrefix(r.Path, "/api/") {
			inTable = append(inTable, r.Method+" "+r.Path)
		}
	}
	sort.Strings(inDoc)
	sort.Strings(inTable)
	if strings.Join(inDoc, "\n") != strings.Join(inTable, "\n") {
		t.Errorf("the OpenAPI document and the route table differ:\ndocument:\n%s\n\ntable:\n%s", strings.Join(inDoc, "\n"), strings.Join(inTable, "\n"))
	}
	if len(inTable) < 5 {
		t.Errorf("only %d API routes", len(inTable))
	}
}
