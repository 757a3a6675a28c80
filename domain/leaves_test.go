package domain_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLibrariesImportNothingInternal: the packages under domain that domain imports (csvfile,
// money, trackerhook, …) are libraries that know nothing of the portal; each may import the
// others but nothing else of the module. dbtest and eddbacktest are the exceptions: test and
// measurement helpers that import domain, which domain never imports.
func TestLibrariesImportNothingInternal(t *testing.T) {
	const module = "github.com/parceldesk/portal/"
	helpers := map[string]bool{"dbtest": true, "eddbacktest": true}
	var libs []string
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() || path == "." {
			return nil
		}
		if n := d.Name(); n == "testdata" || n == "internal" || helpers[path] {
			return filepath.SkipDir
		}
		libs = append(libs, filepath.ToSlash(path))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	isLib := map[string]bool{}
	for _, l := range libs {
		isLib[module+"domain/"+l] = true
	}
	for _, l := range libs {
		files, _ := filepath.Glob(filepath.Join(l, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, im := range ast.Imports {
				p, _ := strconv.Unquote(im.Path.Value)
				if strings.HasPrefix(p, module) && !isLib[p] {
					t.Errorf("%s imports %s: a library under domain imports only other libraries", f, p)
				}
			}
		}
	}
	if len(libs) < 8 {
		t.Fatalf("found only %v: is the walk reading domain's folders?", libs)
	}
}
