package blob

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sync"
)

// Memory keeps blobs in memory: for tests.
type Memory struct {
	mu    sync.Mutex
	blobs map[string][]byte
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory { return &Memory{blobs: map[string][]byte{}} }

// Put implements Store.
func (m *Memory) Put(ctx context.Context, r io.Reader) (string, int64, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", 0, err
	}
	h := sha256.Sum256(b)
	sum := hex.EncodeToString(h[:])
	m.mu.Lock()
	defer m.mu.Unlock()
	m.blobs[sum] = b
	return sum, int64(len(b)), nil
}

// Open implements Store.
func (m *Memory) Open(ctx context.Context, sum string) (io.ReadCloser, int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.blobs[sum]
	if !ok {
		return nil, 0, ErrBadSum
	}
	return io.NopCloser(bytes.NewReader(b)), int64(len(b)), nil
}

// Get implements Store.
func (m *Memory) Get(ctx context.Context, sum string) ([]byte, error) {
	rc, _, err := m.Open(ctx, sum)
	return readAll(rc, err)
}

// Len returns the number of blobs stored.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.blobs)
}
