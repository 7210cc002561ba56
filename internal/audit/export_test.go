package audit

// Queued returns how many Appends wait for the batch being written.
func (g *GroupCommit) Queued() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue)
}
