package static

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

const (
	themeCSS = "third_party/bootstrap-italia/css/bootstrap-italia.min.css"
	themeJS  = "third_party/bootstrap-italia/js/bootstrap-italia.bundle.min.js"
	sprites  = "third_party/bootstrap-italia/svg/sprites.svg"
	siteCSS  = "css/cassetto.css"
	favicon  = "img/favicon.svg"
	font     = "third_party/bootstrap-italia/fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular.woff2"
)

// mustNew builds the embedded assets or stops the test.
func mustNew(tb testing.TB) *Assets {
	tb.Helper()
	a, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// get requests target from the handler with the given header pairs.
func get(tb testing.TB, a *Assets, method, target string, header ...string) *http.Response {
	tb.Helper()
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	a.Handler().ServeHTTP(w, r)
	return w.Result()
}

func body(tb testing.TB, res *http.Response) []byte {
	tb.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func wantHeader(tb testing.TB, res *http.Response, key, want string) {
	tb.Helper()
	if got := res.Header.Get(key); got != want {
		tb.Errorf("%s = %q, want %q", key, got, want)
	}
}

func TestURL_IsStableContentHash(t *testing.T) {
	a := mustNew(t)
	b, err := newAssets(embedded) // a fresh build, not the shared one
	if err != nil {
		t.Fatal(err)
	}
	shape := regexp.MustCompile(`^/static/[0-9a-f]{10}/`)
	for _, name := range []string{themeCSS, themeJS, sprites, siteCSS, favicon, font} {
		u := a.URL(name)
		if !shape.MatchString(u) || !strings.HasSuffix(u, "/"+name) {
			t.Errorf("URL(%q) = %q, want /static/<10 hex>/%s", name, u, name)
		}
		if u != b.URL(name) {
			t.Errorf("URL(%q) differs between two New: %q, %q", name, u, b.URL(name))
		}
	}
	// A file that is not rewritten is hashed as it is on disk.
	raw, err := fs.ReadFile(embedded, sprites)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if want := "/static/" + hex.EncodeToString(sum[:])[:10] + "/" + sprites; a.URL(sprites) != want {
		t.Errorf("URL(sprites) = %q, want %q", a.URL(sprites), want)
	}
}

func TestURL_PanicsOnUnknownFile(t *testing.T) {
	a := mustNew(t)
	for _, name := range []string{"css/missing.css", "/" + siteCSS, "third_party", ""} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("URL(%q) did not panic", name)
				}
			}()
			a.URL(name)
		}()
	}
}

func TestHandler_CurrentHashIsImmutable(t *testing.T) {
	a := mustNew(t)
	cases := map[string]string{
		themeCSS: "text/css; charset=utf-8",
		siteCSS:  "text/css; charset=utf-8",
		themeJS:  "text/javascript; charset=utf-8",
		sprites:  "image/svg+xml",
		favicon:  "image/svg+xml",
		font:     "font/woff2",
	}
	for name, ctype := range cases {
		t.Run(name, func(t *testing.T) {
			res := get(t, a, http.MethodGet, a.URL(name))
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			wantHeader(t, res, "Content-Type", ctype)
			wantHeader(t, res, "Cache-Control", "public, max-age=31536000, immutable")
			wantHeader(t, res, "X-Content-Type-Options", "nosniff")
			wantHeader(t, res, "ETag", `"`+a.files[name].hash+`"`)
			wantHeader(t, res, "Content-Encoding", "")
			if b := body(t, res); !bytes.Equal(b, a.files[name].body) {
				t.Errorf("body differs from the file (%d bytes, want %d)", len(b), len(a.files[name].body))
			}
		})
	}
}

func TestHandler_IfNoneMatchGets304(t *testing.T) {
	a := mustNew(t)
	u := a.URL(themeCSS)
	etag := get(t, a, http.MethodGet, u).Header.Get("ETag")
	for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
		res := get(t, a, http.MethodGet, u, "If-None-Match", inm)
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match %s: status %d, want 304", inm, res.StatusCode)
		}
		if len(body(t, res)) != 0 {
			t.Errorf("If-None-Match %s: 304 has a body", inm)
		}
		wantHeader(t, res, "ETag", etag)
		wantHeader(t, res, "Cache-Control", "public, max-age=31536000, immutable")
	}
	// The gzipped representation has the weak form, which also matches.
	res := get(t, a, http.MethodGet, u, "Accept-Encoding", "gzip", "If-None-Match", etag)
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("gzip: status %d, want 304", res.StatusCode)
	}
	wantHeader(t, res, "ETag", "W/"+etag)
	wantHeader(t, res, "Content-Encoding", "")
	if res := get(t, a, http.MethodGet, u, "If-None-Match", `"0000000000"`); res.StatusCode != http.StatusOK {
		t.Errorf("other ETag: status %d, want 200", res.StatusCode)
	}
}

func TestHandler_StaleHashServesCurrentFileUncached(t *testing.T) {
	a := mustNew(t)
	res := get(t, a, http.MethodGet, "/static/0123456789/"+siteCSS)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	wantHeader(t, res, "Cache-Control", "no-cache")
	wantHeader(t, res, "ETag", `"`+a.files[siteCSS].hash+`"`)
	if !bytes.Equal(body(t, res), a.files[siteCSS].body) {
		t.Error("stale hash did not serve the current file")
	}
	// Revalidation of the current content still gets 304.
	res = get(t, a, http.MethodGet, "/static/0123456789/"+siteCSS, "If-None-Match", `"`+a.files[siteCSS].hash+`"`)
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("stale hash revalidation: status %d, want 304", res.StatusCode)
	}
	wantHeader(t, res, "Cache-Control", "no-cache")
}

func TestHandler_UnknownIs404(t *testing.T) {
	a := mustNew(t)
	h := a.files[siteCSS].hash
	for _, target := range []string{
		"/static/" + h + "/css/missing.css",
		"/static/" + h + "/css/",
		"/static/" + h + "/css",
		"/static/" + h + "/third_party/bootstrap-italia/",
		"/static/" + h + "/",
		"/static/" + h,
		"/static/",
		"/static//" + siteCSS,
		"/static/" + h + "/../static.go",
		"/static/" + h + "/static.go",
		"/" + h + "/" + siteCSS,
	} {
		res := get(t, a, http.MethodGet, target)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, res.StatusCode)
		}
		wantHeader(t, res, "X-Content-Type-Options", "nosniff")
	}
}

func TestHandler_MethodsAndHEAD(t *testing.T) {
	a := mustNew(t)
	res := get(t, a, http.MethodPost, a.URL(siteCSS))
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", res.StatusCode)
	}
	wantHeader(t, res, "Allow", "GET, HEAD")
	res = get(t, a, http.MethodHead, a.URL(font))
	if res.StatusCode != http.StatusOK || len(body(t, res)) != 0 {
		t.Errorf("HEAD: status %d with a body, want 200 without", res.StatusCode)
	}
	if want := len(a.files[font].body); res.Header.Get("Content-Length") != strconv.Itoa(want) {
		t.Errorf("HEAD Content-Length = %q, want %d", res.Header.Get("Content-Length"), want)
	}
}

// cssRefs returns the url(...) references of a stylesheet that are not data: URIs.
func cssRefs(css []byte) []string {
	var out []string
	for _, m := range cssURL.FindAllSubmatch(css, -1) {
		ref := string(bytes.Join(m[1:], nil))
		if !strings.HasPrefix(ref, "data:") {
			out = append(out, ref)
		}
	}
	return out
}

func TestHandler_FontReferencedByCSSIsServed(t *testing.T) {
	a := mustNew(t)
	cssURL, err := url.Parse(a.URL(siteCSS))
	if err != nil {
		t.Fatal(err)
	}
	res := get(t, a, http.MethodGet, cssURL.String())
	refs := cssRefs(body(t, res))
	if len(refs) != 8 {
		t.Fatalf("%s has %d font URLs, want 8: %q", siteCSS, len(refs), refs)
	}
	for _, ref := range refs {
		u, err := cssURL.Parse(ref)
		if err != nil {
			t.Fatal(err)
		}
		res := get(t, a, http.MethodGet, u.String())
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s (from %q): status %d", u, ref, res.StatusCode)
			continue
		}
		wantHeader(t, res, "Content-Type", "font/woff2")
		// Rewritten at start to the font's own hash: cached for good.
		wantHeader(t, res, "Cache-Control", "public, max-age=31536000, immutable")
	}

	// The file as written has relative URLs; resolved against the
	// stylesheet's URL (the stylesheet's hash) they are served too.
	raw, err := fs.ReadFile(embedded, siteCSS)
	if err != nil {
		t.Fatal(err)
	}
	rawRefs := cssRefs(raw)
	if len(rawRefs) == 0 || !strings.HasPrefix(rawRefs[0], "../third_party/") {
		t.Fatalf("%s should reference fonts relatively, got %q", siteCSS, rawRefs)
	}
	u, err := cssURL.Parse(rawRefs[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(u.Path, "/static/"+a.files[siteCSS].hash+"/third_party/") {
		t.Fatalf("relative URL resolved to %s", u.Path)
	}
	res = get(t, a, http.MethodGet, u.String())
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d", u, res.StatusCode)
	}
	wantHeader(t, res, "Content-Type", "font/woff2")
	wantHeader(t, res, "Cache-Control", "no-cache")
}

func TestVendoredThemeLoadsNoFileByURL(t *testing.T) {
	a := mustNew(t)
	if refs := cssRefs(a.files[themeCSS].body); len(refs) != 0 {
		t.Errorf("%s references files that may not be vendored: %q", themeCSS, refs)
	}
}

func TestHandler_Gzip(t *testing.T) {
	a := mustNew(t)
	for _, name := range []string{themeCSS, themeJS, sprites, siteCSS} {
		res := get(t, a, http.MethodGet, a.URL(name), "Accept-Encoding", "br, gzip;q=0.8")
		wantHeader(t, res, "Content-Encoding", "gzip")
		wantHeader(t, res, "Vary", "Accept-Encoding")
		wantHeader(t, res, "ETag", `W/"`+a.files[name].hash+`"`)
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, a.files[name].body) {
			t.Errorf("%s: gunzipped body differs", name)
		}
		if cl := res.Header.Get("Content-Length"); cl != strconv.Itoa(len(a.files[name].gz)) {
			t.Errorf("%s: Content-Length %s, want %d", name, cl, len(a.files[name].gz))
		}
	}
	for _, ae := range []string{"", "identity", "gzip;q=0", "br", "*;q=0", "*, gzip;q=0"} {
		res := get(t, a, http.MethodGet, a.URL(themeCSS), "Accept-Encoding", ae)
		wantHeader(t, res, "Content-Encoding", "")
		wantHeader(t, res, "Vary", "Accept-Encoding")
	}
	if res := get(t, a, http.MethodGet, a.URL(themeCSS), "Accept-Encoding", "*"); res.Header.Get("Content-Encoding") != "gzip" {
		t.Error(`Accept-Encoding "*" did not get gzip`)
	}
	// Fonts are compressed already.
	res := get(t, a, http.MethodGet, a.URL(font), "Accept-Encoding", "gzip")
	wantHeader(t, res, "Content-Encoding", "")
	wantHeader(t, res, "Vary", "")
}

func TestRewriteCSS(t *testing.T) {
	fsys := fstest.MapFS{
		"css/site.css": {Data: []byte(`a{background:url(../img/a.png)}` +
			`b{background:url( "../img/a.png?v=1#x" )}` +
			`c{background:url('data:image/svg+xml,<svg/>')}` +
			`d{background:url(/img/a.png)}` +
			`e{background:url(../img/missing.png)}` +
			`f{background:url(https://example.invalid/a.png)}` +
			`@import url("other.css");`)},
		"css/other.css": {Data: []byte(`x{}`)},
		"img/a.png":     {Data: []byte("png")},
	}
	a, err := newAssets(fsys)
	if err != nil {
		t.Fatal(err)
	}
	png := a.URL("img/a.png")
	want := `a{background:url(` + png + `)}` +
		`b{background:url("` + png + `?v=1#x")}` +
		`c{background:url('data:image/svg+xml,<svg/>')}` +
		`d{background:url(/img/a.png)}` +
		`e{background:url(../img/missing.png)}` +
		`f{background:url(https://example.invalid/a.png)}` +
		`@import url("other.css");`
	if got := string(a.files["css/site.css"].body); got != want {
		t.Errorf("rewritten CSS\n got %s\nwant %s", got, want)
	}

	// A new image gives the stylesheet a new hash.
	fsys["img/a.png"] = &fstest.MapFile{Data: []byte("png2")}
	b, err := newAssets(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL("css/site.css") == b.URL("css/site.css") {
		t.Error("stylesheet hash did not change with the image it references")
	}
	if a.URL("css/other.css") != b.URL("css/other.css") {
		t.Error("unrelated stylesheet changed hash")
	}
}

func TestAcceptsGzip(t *testing.T) {
	cases := map[string]bool{
		"":                   false,
		"gzip":               true,
		"GZIP":               true,
		"x-gzip":             true,
		"deflate, gzip":      true,
		"gzip;q=0":           false,
		"gzip; q=0.0":        false,
		"gzip;q=0.001":       true,
		"*":                  true,
		"*;q=0":              false,
		"*, gzip;q=0":        false,
		"gzip;q=0, *":        false,
		"br;q=1, identity":   false,
		"gzip;level=1;q=0.5": true,
		" gzip ; q = 0.5 ":   true,
		"gzip;q=bad":         true,
		"identity;q=0, gzip": true,
	}
	for in, want := range cases {
		if got := acceptsGzip([]string{in}); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestEmbeddedLicencesAreKept(t *testing.T) {
	for _, name := range []string{
		"third_party/README.md",
		"third_party/bootstrap-italia/LICENSE",
		"third_party/bootstrap-italia/fonts/Titillium_Web/OFL.txt",
	} {
		if _, err := fs.Stat(embedded, name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := newAssets(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
