package static

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

//go:embed third_party css img
var embedded embed.FS

// Prefix is the path under which [Assets.Handler] serves the files; mount
// the handler on it without stripping it ("GET /static/").
const Prefix = "/static/"

const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
	hashLen         = 10 // hex characters of the SHA-256 kept in URLs
)

// Assets holds the embedded files with their hashes, and serves them.
// It is read-only after [New] and safe for concurrent use.
type Assets struct {
	files map[string]*file // by name relative to the static root
}

// file is one servable file, prepared at start.
type file struct {
	name  string
	hash  string
	ctype string
	body  []byte
	gz    []byte // gzip of body; nil when not compressible or no smaller
}

// New reads every embedded file, rewrites stylesheet references, hashes the
// contents and precompresses CSS, JavaScript and SVG (about 80 ms). The work
// is done once per process: the files cannot change, so later calls return
// the same read-only Assets.
func New() (*Assets, error) { return built() }

var built = sync.OnceValues(func() (*Assets, error) { return newAssets(embedded) })

// newAssets builds the assets from any file system; tests use fstest.MapFS.
func newAssets(fsys fs.FS) (*Assets, error) {
	var names, sheets []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case !d.Type().IsRegular():
			return nil
		case path.Ext(name) == ".css":
			sheets = append(sheets, name)
		default:
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static: %w", err)
	}
	a := &Assets{files: make(map[string]*file, len(names)+len(sheets))}
	// Other files first, so stylesheets can point at their hashed URLs.
	for _, name := range names {
		if err := a.add(fsys, name, nil); err != nil {
			return nil, err
		}
	}
	refs := make(map[string]*file, len(a.files))
	for name, f := range a.files {
		refs[name] = f
	}
	for _, name := range sheets {
		if err := a.add(fsys, name, func(b []byte) []byte { return rewriteCSS(name, b, refs) }); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// add reads, transforms, hashes and compresses one file.
func (a *Assets) add(fsys fs.FS, name string, transform func([]byte) []byte) error {
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("static: %w", err)
	}
	if transform != nil {
		body = transform(body)
	}
	sum := sha256.Sum256(body)
	f := &file{
		name:  name,
		hash:  hex.EncodeToString(sum[:])[:hashLen],
		ctype: contentType(name),
		body:  body,
	}
	if compressible(name) {
		if f.gz, err = gzipped(body); err != nil {
			return fmt.Errorf("static: gzip %s: %w", name, err)
		}
	}
	a.files[name] = f
	return nil
}

// URL returns the hashed URL of a file, /static/<hash>/<name>, where name is
// the path relative to the static root, such as
// "third_party/bootstrap-italia/css/bootstrap-italia.min.css".
//
// URL panics when no such file is embedded: templates call it, and a wrong
// name must fail the first render in tests rather than link a missing file.
func (a *Assets) URL(name string) string {
	f, ok := a.files[name]
	if !ok {
		panic(fmt.Sprintf("static: no embedded file %q", name))
	}
	return Prefix + f.hash + "/" + name
}

// Handler serves GET and HEAD of /static/<hash>/<name> for every embedded
// file. When hash is the file's own the response is cached for a year as
// immutable; under any other hash (a page from an earlier deploy, or a URL
// relative to another file) it is the current file with Cache-Control
// no-cache. The ETag is the file's hash (weak when gzipped), so
// If-None-Match gets 304. Unknown names and directories get 404.
func (a *Assets) Handler() http.Handler { return http.HandlerFunc(a.serve) }

func (a *Assets) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	rest, found := strings.CutPrefix(r.URL.Path, Prefix)
	hash, name, ok := strings.Cut(rest, "/")
	f := a.files[name]
	if !found || !ok || hash == "" || f == nil {
		h.Set("Cache-Control", cacheRevalidate)
		http.NotFound(w, r)
		return
	}
	body, etag := f.body, `"`+f.hash+`"`
	if f.gz != nil {
		h.Set("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Values("Accept-Encoding")) {
			// Same content, other bytes: the ETag becomes weak (as nginx does).
			body, etag = f.gz, "W/"+etag
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	if hash == f.hash {
		h.Set("Cache-Control", cacheImmutable)
	} else {
		h.Set("Cache-Control", cacheRevalidate)
	}
	if noneMatch(r.Header.Get("If-None-Match"), f.hash) {
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", f.ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// noneMatch reports whether an If-None-Match header matches the hash, with
// the weak comparison RFC 9110 asks for.
func noneMatch(header, hash string) bool {
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == "*" || tag == `"`+hash+`"` {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether Accept-Encoding allows gzip: named with a
// non-zero q, or covered by "*" with a non-zero q.
func acceptsGzip(values []string) bool {
	gzipQ, anyQ := -1.0, -1.0
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(part, ";")
			q := 1.0
			for p := range strings.SplitSeq(params, ";") {
				k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
				if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					if f, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil {
						q = f
					}
				}
			}
			switch strings.ToLower(strings.TrimSpace(coding)) {
			case "gzip", "x-gzip":
				gzipQ = max(gzipQ, q)
			case "*":
				anyQ = max(anyQ, q)
			}
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return anyQ > 0
}

// cssURL matches url(...) in a stylesheet, quoted or not.
var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^"'()\s]*))\s*\)`)

// rewriteCSS replaces each relative url(...) of the stylesheet name that
// names a file in refs with that file's hashed URL, keeping any query or
// fragment. Other references (data:, absolute, unknown) are left as they are;
// relative ones still resolve through the handler's any-hash fallback.
func rewriteCSS(name string, css []byte, refs map[string]*file) []byte {
	dir := path.Dir(name)
	return cssURL.ReplaceAllFunc(css, func(m []byte) []byte {
		sub := cssURL.FindSubmatch(m)
		ref, quote := string(sub[3]), ""
		switch {
		case sub[1] != nil:
			ref, quote = string(sub[1]), `"`
		case sub[2] != nil:
			ref, quote = string(sub[2]), `'`
		}
		if ref == "" || strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "#") || strings.Contains(ref, ":") {
			return m // empty, absolute, fragment-only, or with a scheme (data:, https:)
		}
		p, suffix := ref, ""
		if i := strings.IndexAny(ref, "?#"); i >= 0 {
			p, suffix = ref[:i], ref[i:]
		}
		target := path.Join(dir, p)
		f, ok := refs[target]
		if !ok {
			return m
		}
		return []byte("url(" + quote + Prefix + f.hash + "/" + target + suffix + quote + ")")
	})
}

// compressible reports whether a file is text worth gzipping.
func compressible(name string) bool {
	switch path.Ext(name) {
	case ".css", ".js", ".svg":
		return true
	}
	return false
}

// gzipped returns body compressed, or nil when that saves nothing.
func gzipped(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(body); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if buf.Len() >= len(body) {
		return nil, nil
	}
	return buf.Bytes(), nil
}

// contentType maps the extensions kept here to their media types; the table
// is fixed so the answer does not depend on the host's mime.types.
func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".png":
		return "image/png"
	case ".ico":
		return "image/vnd.microsoft.icon"
	case ".webmanifest":
		return "application/manifest+json"
	case ".json", ".map":
		return "application/json"
	case ".md":
		return "text/markdown; charset=utf-8"
	case ".txt", "":
		return "text/plain; charset=utf-8" // licences: LICENSE, OFL.txt
	}
	return "application/octet-stream"
}
