-- What a report compares each value with, and the similar-Kreis typology of a computation.
ALTER TABLE indicator_value ADD COLUMN land_value NUMERIC(38, 12);
ALTER TABLE indicator_value ADD COLUMN germany_value NUMERIC(38, 12);
ALTER TABLE indicator_value ADD COLUMN rank_in_land INTEGER;
ALTER TABLE indicator_value ADD COLUMN kreise_in_land INTEGER;
ALTER TABLE indicator_value ADD COLUMN change_5y NUMERIC(38, 12);
ALTER TABLE indicator_value ADD COLUMN cluster INTEGER;

CREATE TABLE typology_cluster (
    computation_id   BIGINT         NOT NULL REFERENCES computation (id),
    cluster          INTEGER        NOT NULL,
    urban            BOOLEAN        NOT NULL,
    size             INTEGER        NOT NULL,
    score            NUMERIC(38, 12) NOT NULL,
    description      VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (computation_id, cluster)
);

CREATE TABLE typology_mean (
    computation_id   BIGINT         NOT NULL REFERENCES computation (id),
    cluster          INTEGER        NOT NULL,
    indicator_id     VARCHAR(80)    NOT NULL,
    mean             NUMERIC(38, 12) NOT NULL,
    PRIMARY KEY (computation_id, cluster, indicator_id)
);
