-- Report versions (issue 10): every PDF rendered is a version, with everything it rests on; an append-only audit
-- log whose entries are chained by SHA-256. Portable SQL (H2 and PostgreSQL); the archive's blobs are in V51.

-- One row per report version: the PDF of one Kreis or Land of an edition, from one computation, inputs and
-- application. Written once, when the version is first published; a re-render reuses rendered_at.
CREATE TABLE report_version (
    version_id       VARCHAR(12)   NOT NULL PRIMARY KEY,
    edition_id       VARCHAR(200)  NOT NULL,
    edition_title    VARCHAR(1000) NOT NULL,
    unit             VARCHAR(40)   NOT NULL,
    territory        VARCHAR(300)  NOT NULL,
    file_name        VARCHAR(1000) NOT NULL,
    computation_id   BIGINT        NOT NULL REFERENCES computation (id),
    inputs_sha256    CHAR(64)      NOT NULL,
    app_version      VARCHAR(200)  NOT NULL,
    rendered_at      TIMESTAMP     NOT NULL,
    pdf_sha256       CHAR(64)      NOT NULL
);
CREATE INDEX report_version_edition ON report_version (edition_id, unit);
CREATE INDEX report_version_pdf ON report_version (pdf_sha256);

-- The files a version was rendered from (edition, texts, catalogue, rules, register, templates), by content:
-- the bytes are in archive_blob under the same SHA-256.
CREATE TABLE report_version_input (
    version_id       VARCHAR(12)   NOT NULL REFERENCES report_version (version_id),
    role             VARCHAR(20)   NOT NULL,
    name             VARCHAR(1000) NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    PRIMARY KEY (version_id, role, name)
);

-- Append-only: who did what when, each entry carrying the SHA-256 of the one before (prev_sha256) and its own
-- (sha256, over the entry's canonical text including prev_sha256). audit_log_head holds the last entry, taken
-- under a row lock by every append, so that concurrent appends form one chain and a removed last entry is found.
CREATE TABLE audit_log (
    seq              BIGINT        NOT NULL PRIMARY KEY,
    at               TIMESTAMP     NOT NULL,
    os_user          VARCHAR(200)  NOT NULL,
    host             VARCHAR(200)  NOT NULL,
    action           VARCHAR(20)   NOT NULL,
    subject          VARCHAR(1000) NOT NULL,
    details          VARCHAR(4000) NOT NULL,
    prev_sha256      CHAR(64)      NOT NULL,
    sha256           CHAR(64)      NOT NULL
);

CREATE TABLE audit_log_head (
    id               INTEGER       NOT NULL PRIMARY KEY,
    seq              BIGINT        NOT NULL,
    sha256           CHAR(64)      NOT NULL
);
INSERT INTO audit_log_head (id, seq, sha256)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
