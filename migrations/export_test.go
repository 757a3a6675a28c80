package migrations

// ApplyFS applies the migrations of fsys, for tests.
var ApplyFS = apply
