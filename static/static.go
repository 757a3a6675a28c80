// Package static holds the portal's CSS, scripts and images, embedded into the binary.
// Vendored files carry their version in the file name (htmx-2.0.11.min.js from the npm package
// htmx.org, pico-2.1.1.min.css from @picocss/pico).
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"sync"
)

//go:embed css js img
var FS embed.FS

var (
	versionsOnce sync.Once
	versions     map[string]string
)

// URL returns the path of a static file with a content hash in its query, so browsers may cache
// it for a year and still see a new version the moment it changes. name is relative to static/,
// such as "css/app.css"; an unknown name still gets a path (and a 404 from the server).
func URL(name string) string {
	versionsOnce.Do(func() {
		versions = map[string]string{}
		_ = fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := FS.ReadFile(path)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			versions[path] = hex.EncodeToString(sum[:6])
			return nil
		})
	})
	return "/static/" + name + "?v=" + versions[name]
}
