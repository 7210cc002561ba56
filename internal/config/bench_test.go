package config

import (
	"strings"
	"testing"
)

// TestBenchSettings checks the two settings of `cassetto bench`: the
// baseline routes are off unless asked, and the profiles listen only on
// loopback.
func TestBenchSettings(t *testing.T) {
	load := func(env map[string]string) (Config, error) {
		return Load(func(k string) string { return env[k] })
	}
	c, err := load(nil)
	if err != nil || c.BenchBaseline || c.PprofListen != "" {
		t.Fatalf("defaults: %+v, %v", c, err)
	}
	c, err = load(map[string]string{"CASSETTO_BENCH_BASELINE": "1", "CASSETTO_PPROF_LISTEN": "127.0.0.1:6060"})
	if err != nil || !c.BenchBaseline || c.PprofListen != "127.0.0.1:6060" {
		t.Fatalf("set: %+v, %v", c, err)
	}
	for env, val := range map[string]string{"CASSETTO_BENCH_BASELINE": "yes", "CASSETTO_PPROF_LISTEN": "0.0.0.0:6060"} {
		_, err := load(map[string]string{env: val})
		if err == nil || !strings.Contains(err.Error(), env) {
			t.Errorf("%s=%s: %v, want an error naming the variable", env, val, err)
		}
	}
	for _, ok := range []string{"localhost:6060", "[::1]:6060"} {
		if _, err := load(map[string]string{"CASSETTO_PPROF_LISTEN": ok}); err != nil {
			t.Errorf("CASSETTO_PPROF_LISTEN=%s: %v", ok, err)
		}
	}
}
