// Package e2e holds the end-to-end browser tests: they start the whole
// program in-process ("cassetto demo" on a free port, with the embedded demo
// identity provider), drive Debian's headless chromium through chromedp as a
// user would, and run axe-core on every page they visit, failing on any
// serious or critical WCAG 2.1 A/AA violation.
//
// Without chromium the tests skip, unless CI=true, where they fail: .ci/run
// installs chromium. CASSETTO_TEST_DB=postgres runs the program on PostgreSQL
// (see internal/store/storetest). CASSETTO_E2E_SCREENSHOTS=DIR keeps a
// full-page PNG of every visited page in DIR/TEST_NAME/ for people to look at.
//
//	go test -count=1 -v ./internal/e2e/
package e2e
