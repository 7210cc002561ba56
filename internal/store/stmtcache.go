package store

import (
	"container/list"
	"context"
	"database/sql"
	"errors"
	"sync"
)

// stmtCacheSize bounds the statements kept per pool: the repositories'
// fixed queries fit; queries built with a varying number of placeholders
// (IN lists, bulk inserts) only push the least recently used out.
const stmtCacheSize = 512

// stmtCache keeps the prepared statements of one pool by query text
// (after Rebind), least recently used first out. database/sql prepares a
// cached *sql.Stmt again on each connection that runs it, once, and keeps
// it there: a statement run again is not parsed again. On SQLite this
// saves the parse and plan of every statement (pgx caches prepared
// statements per connection by itself, so PostgreSQL pools run without).
//
// A statement pushed out is closed when the last execution that holds it
// has returned (rows still open keep it alive: database/sql closes it
// after them).
type stmtCache struct {
	db  *sql.DB
	max int

	mu     sync.Mutex
	byText map[string]*list.Element // of *cachedStmt
	lru    list.List                // most recently used at the front
	closed bool
}

// cachedStmt is one statement of a stmtCache.
type cachedStmt struct {
	text    string
	stmt    *sql.Stmt
	refs    int  // executions holding it
	evicted bool // out of the cache: closed when refs drops to 0
}

func newStmtCache(db *sql.DB, max int) *stmtCache {
	return &stmtCache{db: db, max: max, byText: map[string]*list.Element{}}
}

// get returns the statement of query, prepared now if it is not cached,
// held until release; nil when it cannot be prepared (the caller runs the
// query unprepared, which reports the error as before).
func (c *stmtCache) get(ctx context.Context, query string) *cachedStmt {
	if s := c.hit(query); s != nil {
		return s
	}
	stmt, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		_ = stmt.Close()
		return nil
	}
	if e, ok := c.byText[query]; ok { // prepared meanwhile by another request
		s := c.use(e)
		c.mu.Unlock()
		_ = stmt.Close()
		return s
	}
	s := &cachedStmt{text: query, stmt: stmt, refs: 1}
	c.byText[query] = c.lru.PushFront(s)
	old := c.evictLocked()
	c.mu.Unlock()
	closeAll(old)
	return s
}

// hit returns the cached statement of query, held until release, or nil.
func (c *stmtCache) hit(query string) *cachedStmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byText[query]; ok {
		return c.use(e)
	}
	return nil
}

// use marks e most recently used and holds its statement; c.mu is held.
func (c *stmtCache) use(e *list.Element) *cachedStmt {
	c.lru.MoveToFront(e)
	s := e.Value.(*cachedStmt)
	s.refs++
	return s
}

// evictLocked takes the least recently used statements out beyond the
// bound, returning those no execution holds (to close); c.mu is held.
func (c *stmtCache) evictLocked() []*sql.Stmt {
	var free []*sql.Stmt
	for c.lru.Len() > c.max {
		s := c.lru.Remove(c.lru.Back()).(*cachedStmt)
		delete(c.byText, s.text)
		s.evicted = true
		if s.refs == 0 {
			free = append(free, s.stmt)
		}
	}
	return free
}

// release lets go of a statement from get or hit.
func (c *stmtCache) release(s *cachedStmt) {
	c.mu.Lock()
	s.refs--
	closeIt := s.evicted && s.refs == 0
	c.mu.Unlock()
	if closeIt {
		_ = s.stmt.Close()
	}
}

// close closes every cached statement; later statements run unprepared.
func (c *stmtCache) close() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	c.closed = true
	var all []*sql.Stmt
	for e := c.lru.Front(); e != nil; e = e.Next() {
		s := e.Value.(*cachedStmt)
		s.evicted = true
		if s.refs == 0 {
			all = append(all, s.stmt)
		}
	}
	c.lru.Init()
	c.byText = map[string]*list.Element{}
	c.mu.Unlock()
	return closeAll(all)
}

func closeAll(stmts []*sql.Stmt) error {
	var err error
	for _, s := range stmts {
		err = errors.Join(err, s.Close())
	}
	return err
}

// len returns the number of cached statements.
func (c *stmtCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}
