-- Who holds a run lock (the nightly run, an output folder, a job's work): for the message a second start prints.
-- The lock itself is PostgreSQL's advisory lock (released when its holder's connection ends, also after kill -9);
-- the embedded H2 database is opened by one process at a time, so there the row only names that process.
CREATE TABLE run_lock (
    name             VARCHAR(200)  NOT NULL PRIMARY KEY,
    host             VARCHAR(200)  NOT NULL,
    pid              BIGINT        NOT NULL,
    command          VARCHAR(200)  NOT NULL,
    since            TIMESTAMP     NOT NULL
);

-- A job parameter holds one file path each; paths may be longer than Spring Batch's default 2,500 characters.
ALTER TABLE BATCH_JOB_EXECUTION_PARAMS ALTER COLUMN PARAMETER_VALUE SET DATA TYPE VARCHAR(8000);
