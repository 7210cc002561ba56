package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Report is the outcome of a run: the JSON file bench-report.json.
type Report struct {
	Started   time.Time  `json:"started"`
	Elapsed   float64    `json:"elapsed_s"`
	Command   string     `json:"command"`
	Machine   Machine    `json:"machine"`
	Options   RunOptions `json:"options"`
	Databases []Database `json:"databases"`
}

// RunOptions are the options of the run, as the report states them.
type RunOptions struct {
	Positions  int     `json:"positions"`
	Lines      int     `json:"lines"`
	Growth     []int   `json:"growth"`
	SkipPortal bool    `json:"skip_portal"`
	Sessions   int     `json:"sessions"`
	Rate       int     `json:"rate"`
	LoadTime   float64 `json:"load_run_s"`
	GrowthRate int     `json:"growth_rate"`
}

func reportOptions(o Options) RunOptions {
	return RunOptions{Positions: o.Positions, Lines: o.Lines, Growth: o.Growth, SkipPortal: o.SkipPortal,
		Sessions: o.Sessions, Rate: o.Rate, LoadTime: o.LoadTime.Seconds(), GrowthRate: o.GrowthRate}
}

// Check reports what shows the harness broke: a batch without rows or
// without a baseline, and with portal, a load run without requests, a
// growth point missing, or with strict, errors at the fixed rate.
// Slowness is never an error.
func (r *Report) Check(portal, strict bool) error {
	var errs []error
	if len(r.Databases) == 0 {
		errs = append(errs, errors.New("no database measured"))
	}
	for _, d := range r.Databases {
		errs = append(errs, d.check(portal, strict, len(r.Options.Growth))...)
	}
	return errors.Join(errs...)
}

func (d Database) check(portal, strict bool, growth int) []error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(d.Kind+": "+format, a...)) }
	if len(d.Batches) == 0 {
		bad("no batch measured")
	}
	for _, b := range d.Batches {
		if b.Rows == 0 || b.Seconds <= 0 || b.Baseline.Rows == 0 || b.Baseline.Seconds <= 0 {
			bad("batch %s: %d rows in %.3f s, baseline %d rows in %.3f s", b.Name, b.Rows, b.Seconds, b.Baseline.Rows, b.Baseline.Seconds)
		}
	}
	if !portal {
		return errs
	}
	switch p := d.Portal; {
	case p == nil:
		bad("no portal figures")
	case p.Fixed.Requests == 0 || p.Baseline.Requests == 0 || p.Max.Requests == 0 || p.BaselineMax.Requests == 0:
		bad("a portal run made no requests")
	case strict && p.Fixed.Errors > 0:
		bad("%d errors at the fixed rate, e.g. %s", p.Fixed.Errors, p.Fixed.ErrorSample)
	}
	if d.Growth == nil || len(d.Growth.Points) != growth {
		bad("growth curve incomplete")
	}
	return errs
}

// Write writes bench-report.json and bench-report.md into dir and returns
// their paths.
func (r *Report) Write(dir string) (jsonPath, mdPath string, err error) {
	jsonPath, mdPath = filepath.Join(dir, "bench-report.json"), filepath.Join(dir, "bench-report.md")
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return "", "", err
	}
	if err := os.WriteFile(jsonPath, append(b, '\n'), 0o644); err != nil {
		return "", "", err
	}
	f, err := os.Create(mdPath)
	if err != nil {
		return "", "", err
	}
	r.Markdown(f)
	return jsonPath, mdPath, f.Close()
}

// Markdown writes the report as Markdown tables.
func (r *Report) Markdown(w io.Writer) {
	m := r.Machine
	fmt.Fprintf(w, "# cassetto bench\n\n")
	fmt.Fprintf(w, "- command: `%s`\n", r.Command)
	fmt.Fprintf(w, "- machine: %s, %d cores, %s MB memory, %s, %s; load average at start %s\n",
		m.CPU, m.Cores, thousands(m.MemoryMB), m.OS, m.GoVersion, m.LoadAvg)
	fmt.Fprintf(w, "- started %s, took %.0f s\n", r.Started.Format(time.RFC3339), r.Elapsed)
	for _, d := range r.Databases {
		d.markdown(w)
	}
}

func (d Database) markdown(w io.Writer) {
	fmt.Fprintf(w, "\n## %s — %s positions\n\n", d.Version, thousands(int64(d.Positions)))
	fmt.Fprintln(w, "| batch | rows | time | rows/s | baseline rows/s | ratio to baseline |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	for _, b := range d.Batches {
		fmt.Fprintf(w, "| %s | %s %s | %.1f s | %s | %s | %.3f |\n", b.Name, thousands(b.Rows), b.Unit, b.Seconds,
			thousands(int64(b.RowsPerSec)), thousands(int64(b.Baseline.RowsPerSec)), b.Ratio)
	}
	fmt.Fprintln(w)
	for _, b := range d.Batches {
		fmt.Fprintf(w, "- %s: %s\n", b.Name, b.Detail)
	}
	if d.Portal != nil {
		d.Portal.markdown(w)
	}
	if d.Growth != nil && len(d.Growth.Points) > 0 {
		d.Growth.markdown(w)
	}
	for _, n := range d.Notes {
		fmt.Fprintf(w, "\n%s\n", n)
	}
}

func (p *Portal) markdown(w io.Writer) {
	fmt.Fprintf(w, "\n### Portal (%d sessions)\n\n", p.Sessions)
	fmt.Fprintln(w, "| run | asked req/s | served req/s | p50 ms | p95 ms | p99 ms | errors | server RSS MB | CPU ms/request: server / database / client |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	row := func(label string, s PageStats) {
		cpu := "–"
		if s.ServerCPU > 0 {
			cpu = fmt.Sprintf("%.2f / %.2f / %.2f", s.ServerCPU, s.DatabaseCPU, s.ClientCPU)
		}
		fmt.Fprintf(w, "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %.0f | %s |\n", label, s.Rate, s.Throughput,
			s.P50, s.P95, s.P99, s.Errors, s.RSSMaxMB, cpu)
	}
	row("first views: each visited position's dashboard once", p.FirstViews)
	row("mix, fixed rate", p.Fixed)
	row("baseline, fixed rate", p.Baseline)
	row("mix, highest clean rate", p.Max)
	row("dashboard alone, highest rate with p99 ≤ 50 ms", p.Dashboard)
	if p.DashboardUncached != nil {
		row("dashboard alone, records cache off, p99 ≤ 50 ms", *p.DashboardUncached)
	}
	row("baseline, highest clean rate", p.BaselineMax)
	for _, s := range p.Pages {
		row("page "+s.Name+" (in the fixed-rate mix)", s)
	}
	fmt.Fprintf(w, "\nRatio to baseline: p99 at the fixed rate %.2f×, highest clean rate %.3f, dashboard alone %.3f.\n",
		p.P99Ratio, p.MaxRatio, p.DashRatio)
}

func (g *Growth) markdown(w io.Writer) {
	fmt.Fprintf(w, "\n### Growth curve (every visited dashboard once, then each page alone, at %d req/s, records cache off)\n\n| positions | seed + history s |", g.Rate)
	for _, p := range g.Pages {
		fmt.Fprintf(w, " %s p50 ms | %s p99 ms | %s errors |", p, p, p)
	}
	fmt.Fprintf(w, "\n|---:|---:|")
	for range g.Pages {
		fmt.Fprint(w, "---:|---:|---:|")
	}
	fmt.Fprintln(w)
	for _, pt := range g.Points {
		fmt.Fprintf(w, "| %s | %.0f |", thousands(int64(pt.Positions)), pt.SeedSeconds)
		for _, name := range g.Pages {
			for _, s := range pt.Pages {
				if s.Name == name {
					fmt.Fprintf(w, " %.1f | %.1f | %d |", s.P50, s.P99, s.Errors)
				}
			}
		}
		fmt.Fprintln(w)
	}
	if len(g.P99Ratio) == 0 {
		fmt.Fprintln(w, "\nOne size only: no p99 ratio.")
		return
	}
	fmt.Fprint(w, "\np99 ratio, largest to smallest:")
	for _, name := range g.Pages {
		fmt.Fprintf(w, " %s %.2f×", name, g.P99Ratio[name])
	}
	fmt.Fprintln(w)
}

// thousands formats n with comma separators.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
