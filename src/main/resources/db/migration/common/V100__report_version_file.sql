-- The files of a report version besides its PDF (issue 25): a Kreis or Land version's web page, the index and the
-- open data of an edition's web publication; each with its SHA-256, as published.
CREATE TABLE report_version_file (
    version_id       VARCHAR(12)   NOT NULL REFERENCES report_version (version_id),
    file_name        VARCHAR(1000) NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    PRIMARY KEY (version_id, file_name)
);
