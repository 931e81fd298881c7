-- The archive of report inputs, by content: a file's bytes under its SHA-256, kept in the database so that a copy
-- (or restore) of the database carries everything a re-render needs. Never updated, never deleted.
CREATE TABLE archive_blob (
    sha256           CHAR(64)      NOT NULL PRIMARY KEY,
    byte_count       BIGINT        NOT NULL,
    content          BYTEA         NOT NULL
);
