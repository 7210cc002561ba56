package blob_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

func stores(t *testing.T) map[string]blob.Store {
	fsStore, err := blob.OpenFS(filepath.Join(t.TempDir(), "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fsStore.Close() })
	return map[string]blob.Store{"fs": fsStore, "memory": blob.NewMemory()}
}

func TestPutThenGetReturnsTheContentUnderItsSHA256(t *testing.T) {
	ctx := context.Background()
	for name, s := range stores(t) {
		t.Run(name, func(t *testing.T) {
			content := "%PDF-1.7 delega"
			sum, size, err := s.Put(ctx, strings.NewReader(content))
			if err != nil {
				t.Fatal(err)
			}
			want := sha256.Sum256([]byte(content))
			if sum != hex.EncodeToString(want[:]) || size != int64(len(content)) {
				t.Fatalf("Put = %s, %d", sum, size)
			}
			again, _, err := s.Put(ctx, strings.NewReader(content))
			if err != nil || again != sum {
				t.Fatalf("second Put = %s, %v", again, err)
			}
			got, err := s.Get(ctx, sum)
			if err != nil || string(got) != content {
				t.Fatalf("Get = %q, %v", got, err)
			}
			rc, n, err := s.Open(ctx, sum)
			if err != nil || n != size {
				t.Fatalf("Open = %d, %v", n, err)
			}
			rc.Close()
		})
	}
}

func TestUnknownOrMalformedNamesAreNotFound(t *testing.T) {
	ctx := context.Background()
	for name, s := range stores(t) {
		t.Run(name, func(t *testing.T) {
			for _, sum := range []string{strings.Repeat("a", 64), "../../etc/passwd", "", strings.Repeat("A", 64)} {
				if _, err := s.Get(ctx, sum); !errs.Is(err, errs.NotFound) {
					t.Errorf("Get(%q) = %v, want not found", sum, err)
				}
			}
		})
	}
}

func TestFSLeavesNoTemporaryFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "blobs")
	s, err := blob.OpenFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.Put(context.Background(), strings.NewReader("x")); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadDir(filepath.Join(dir, "tmp"))
	if len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}
