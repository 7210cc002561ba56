// Package blob is a small content-addressed store for uploaded documents
// (scanned delegations now, attachments later): a blob is named by the
// SHA-256 of its content, so storing the same file twice keeps one copy and
// a name can never point at other content. FS keeps blobs under a directory
// (CASSETTO_DATA_DIR/blobs) through an os.Root, so no name can escape it;
// Memory is for tests.
package blob
