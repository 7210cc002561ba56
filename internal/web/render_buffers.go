package web

import (
	"bytes"
	"sync"
)

// maxPooledBuffer is the largest render buffer kept for reuse: a page is
// 20–200 KB; a rare huge one is left to the collector.
const maxPooledBuffer = 1 << 20

// bufferPool reuses the buffers pages are rendered into: a page grew a
// new buffer from nothing each time, a sixth of what a dashboard
// allocated.
type bufferPool struct{ pool sync.Pool }

func (p *bufferPool) get() *bytes.Buffer {
	if b, ok := p.pool.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

func (p *bufferPool) put(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	p.pool.Put(b)
}
