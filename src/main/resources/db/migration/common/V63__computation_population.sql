-- The population per region and year a computation weighs Gebietsstand conversions with (the catalogue's
-- gebietsstand population), kept with the computation: a report reads it from here instead of reading the
-- observations again. A computation made before this table has none (population_kept false, even where the
-- catalogue's table was never delivered and there is nothing to keep); its reports read the observations as before.
CREATE TABLE computation_population (
    computation_id   BIGINT        NOT NULL REFERENCES computation (id),
    region_code      VARCHAR(8)    NOT NULL,
    reference_year   INTEGER       NOT NULL,
    population       NUMERIC(65, 30) NOT NULL,
    PRIMARY KEY (computation_id, region_code, reference_year)
);
ALTER TABLE computation ADD COLUMN population_kept BOOLEAN DEFAULT FALSE NOT NULL;
