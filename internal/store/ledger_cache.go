package store

import (
	"container/list"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// RecordsCache keeps the ledger records of the positions read last, each
// under the position's ledger version (table ledger_versions, raised by
// triggers in the transaction of every change to dues, payments,
// allocations, notices and notice items). A read that finds the version it
// has just read serves the records from memory; any other version reads
// them again. It holds at most a set number of bytes, dropping the
// positions read least recently. It is safe for concurrent use.
type RecordsCache struct {
	max int64

	mu    sync.Mutex
	bytes int64
	order *list.List // of *cachedRecords, most recent first
	byPos map[int64]*list.Element

	hits, misses atomic.Int64
}

// cachedRecords is one position's records, its persons included (their
// names and membership raise the ledger version too, migration 00017).
type cachedRecords struct {
	positionID int64
	version    int64
	rec        ledger.Records
	size       int64
}

// NewRecordsCache returns a cache of at most maxBytes (estimated from the
// rows held); nil when maxBytes is not positive: no cache.
func NewRecordsCache(maxBytes int64) *RecordsCache {
	if maxBytes <= 0 {
		return nil
	}
	return &RecordsCache{max: maxBytes, order: list.New(), byPos: map[int64]*list.Element{}}
}

// Stats returns the reads served from memory and those that read the
// database.
func (c *RecordsCache) Stats() (hits, misses int64) {
	if c == nil {
		return 0, 0
	}
	return c.hits.Load(), c.misses.Load()
}

// get returns the records of positionID if held under version. They are
// the cache's own: callers read them and never change them (a test serves
// every page from the cache and compares what it holds with the database
// after). Appending to one of their slices makes a copy.
func (c *RecordsCache) get(positionID, version int64) (ledger.Records, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byPos[positionID]
	if !ok || el.Value.(*cachedRecords).version != version {
		c.misses.Add(1)
		return ledger.Records{}, false
	}
	c.hits.Add(1)
	c.order.MoveToFront(el)
	return shared(el.Value.(*cachedRecords).rec), true
}

// put holds rec as the records of positionID at version, replacing what
// was held for it.
func (c *RecordsCache) put(positionID, version int64, rec ledger.Records) {
	size := recordsSize(rec)
	if size > c.max {
		return
	}
	e := &cachedRecords{positionID: positionID, version: version, rec: copyRecords(rec), size: size}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byPos[positionID]; ok {
		c.remove(el)
	}
	c.byPos[positionID] = c.order.PushFront(e)
	c.bytes += e.size
	for c.bytes > c.max {
		c.remove(c.order.Back())
	}
}

func (c *RecordsCache) remove(el *list.Element) {
	e := el.Value.(*cachedRecords)
	c.order.Remove(el)
	delete(c.byPos, e.positionID)
	c.bytes -= e.size
}

// shared returns rec with each slice's capacity cut to its length, so an
// append by a reader allocates instead of writing into the cache's
// arrays. Copying them instead was a quarter of what a dashboard
// allocated.
func shared(rec ledger.Records) ledger.Records {
	rec.Persons = rec.Persons[:len(rec.Persons):len(rec.Persons)]
	rec.Dues = rec.Dues[:len(rec.Dues):len(rec.Dues)]
	rec.Allocations = rec.Allocations[:len(rec.Allocations):len(rec.Allocations)]
	rec.Payments = rec.Payments[:len(rec.Payments):len(rec.Payments)]
	rec.Notices = rec.Notices[:len(rec.Notices):len(rec.Notices)]
	return rec
}

// copyRecords copies the slices of rec, which the caller that read them
// from the database keeps.
func copyRecords(rec ledger.Records) ledger.Records {
	rec.Persons = slices.Clone(rec.Persons)
	rec.Dues = slices.Clone(rec.Dues)
	rec.Allocations = slices.Clone(rec.Allocations)
	rec.Payments = slices.Clone(rec.Payments)
	rec.Notices = slices.Clone(rec.Notices)
	return rec
}

// recordsSize estimates the memory rec holds: its rows, the strings they
// point to are small and mostly shared, plus the entry's bookkeeping.
func recordsSize(rec ledger.Records) int64 {
	n := len(rec.Persons)*int(unsafe.Sizeof(ledger.PersonInfo{})) + len(rec.Dues)*int(unsafe.Sizeof(ledger.Due{})) +
		len(rec.Allocations)*int(unsafe.Sizeof(ledger.Allocation{})) +
		len(rec.Payments)*int(unsafe.Sizeof(ledger.Payment{})) +
		len(rec.Notices)*int(unsafe.Sizeof(ledger.NoticeLink{}))
	return int64(n)*3/2 + 256 // strings of the rows, list element, map entry
}
