package handlers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestHandlersReadServerClock: handlers take "now" from Server.Clock, so tests can move time
// (TestServerClock). It fails when a handler file reads the wall clock (time.Now, time.Since,
// time.Until). Two places may: New, which makes time.Now the clock when the config gives none, and
// pacedBody.extend, whose read deadline bounds the connection, which the network measures in real
// time.
func TestHandlersReadServerClock(t *testing.T) {
	allowed := map[string]bool{"server.go:New": true, "limits.go:extend": true}
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) < 10 {
		t.Fatalf("found %v (%v): is the test reading the handlers folder?", files, err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			name := "" // a package-level declaration
			if fd, ok := d.(*ast.FuncDecl); ok {
				name = fd.Name.Name
			}
			ast.Inspect(d, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "time" &&
					(sel.Sel.Name == "Now" || sel.Sel.Name == "Since" || sel.Sel.Name == "Until") &&
					!allowed[f+":"+name] {
					t.Errorf("%s (func %q) reads the wall clock (time.%s): take now from Server.Clock", fset.Position(sel.Pos()), name, sel.Sel.Name)
				}
				return true
			})
		}
	}
}
