package load

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// openConns counts a server's connections that are open.
type openConns struct {
	mu         sync.Mutex
	open, seen int
}

func (c *openConns) track(_ net.Conn, s http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch s {
	case http.StateNew:
		c.open++
		c.seen++
	case http.StateClosed, http.StateHijacked:
		c.open--
	}
}

func (c *openConns) counts() (open, seen int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.open, c.seen
}

// TestAttackLeavesNoConnectionOpen runs two attacks one after the other
// and checks that each closes the connections it opened: the runs of a
// max-rate search would otherwise pile up thousands of idle keep-alive
// connections on the server, whose memory and collector then measure them
// instead of the pages.
func TestAttackLeavesNoConnectionOpen(t *testing.T) {
	var conns openConns
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(5 * time.Millisecond) // overlapping requests: several connections
	}))
	ts.Config.ConnState = conns.track
	ts.Start()
	defer ts.Close()
	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	r := &runner{cfg: Config{Timeout: 5 * time.Second, Connections: 100}, srv: &server{cmd: &exec.Cmd{Process: self}}}
	tr := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodGet, URL: ts.URL})
	for run := 1; run <= 2; run++ {
		s, _ := r.attack(context.Background(), "run", 400, 500*time.Millisecond, tr)
		if s.Errors != 0 || s.Requests == 0 {
			t.Fatalf("run %d: %d requests, %d errors (%s)", run, s.Requests, s.Errors, s.ErrorSample)
		}
		open, seen := waitClosed(&conns)
		if open != 0 {
			t.Errorf("run %d left %d of its connections open (%d opened so far)", run, open, seen)
		}
		if seen < 2*run {
			t.Errorf("run %d: only %d connections opened so far: the requests did not overlap", run, seen)
		}
	}
}

// waitClosed waits up to five seconds for the server to see every
// connection closed, and returns the counts.
func waitClosed(c *openConns) (open, seen int) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		open, seen = c.counts()
		if open == 0 || time.Now().After(deadline) {
			return open, seen
		}
		time.Sleep(10 * time.Millisecond)
	}
}
