// Package static embeds the portal's front-end files (the vendored
// bootstrap-italia theme, the project's CSS and images) and serves them at
// content-hashed URLs.
//
// Every file gets a hash of its content when the server starts, and pages
// link it as /static/<hash>/<name> (see [Assets.URL]). A request whose hash
// is the file's own is cached for a year as immutable; any other hash still
// gets the current file, revalidated on every use, so pages rendered before a
// deploy keep working and relative URLs inside a stylesheet resolve.
//
// Relative url(...) references in stylesheets that name another embedded file
// are rewritten at start to that file's hashed URL, so fonts are cached as
// long as the stylesheet; a stylesheet's hash covers the rewritten text.
//
// The third-party files and how to refresh them are listed in third_party/README.md.
package static
