package blob

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// FS keeps blobs as files under a directory: ab/abcdef… (the first two hex
// digits as a sub-directory), written to a temporary file first and renamed
// into place, so a blob is either whole or absent.
type FS struct {
	root *os.Root
}

var _ Store = (*FS)(nil)

// OpenFS opens (creating it if needed) the blob directory dir.
func OpenFS(dir string) (*FS, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("blob: create %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("blob: open %s: %w", dir, err)
	}
	if err := root.MkdirAll("tmp", 0o750); err != nil {
		root.Close()
		return nil, fmt.Errorf("blob: create %s/tmp: %w", dir, err)
	}
	return &FS{root: root}, nil
}

// Close releases the directory.
func (s *FS) Close() error { return s.root.Close() }

func blobPath(sum string) string { return filepath.Join(sum[:2], sum) }

// Put implements Store.
func (s *FS) Put(ctx context.Context, r io.Reader) (string, int64, error) {
	tmp := filepath.Join("tmp", rand.Text())
	f, err := s.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return "", 0, fmt.Errorf("blob: create: %w", err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), r)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = s.root.Remove(tmp)
		return "", 0, fmt.Errorf("blob: write: %w", err)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if err := s.root.MkdirAll(sum[:2], 0o750); err != nil {
		_ = s.root.Remove(tmp)
		return "", 0, fmt.Errorf("blob: directory: %w", err)
	}
	if err := s.root.Rename(tmp, blobPath(sum)); err != nil {
		_ = s.root.Remove(tmp)
		return "", 0, fmt.Errorf("blob: store: %w", err)
	}
	return sum, n, nil
}

// Open implements Store.
func (s *FS) Open(ctx context.Context, sum string) (io.ReadCloser, int64, error) {
	if !validSum(sum) {
		return nil, 0, ErrBadSum
	}
	f, err := s.root.Open(blobPath(sum))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, ErrBadSum
	}
	if err != nil {
		return nil, 0, fmt.Errorf("blob: open: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("blob: stat: %w", err)
	}
	return f, st.Size(), nil
}

// Get implements Store.
func (s *FS) Get(ctx context.Context, sum string) ([]byte, error) {
	rc, _, err := s.Open(ctx, sum)
	return readAll(rc, err)
}
