-- An indicator value keeps the kind of period of its first input and the Gebietsstand at which the office
-- published it (issue 12): the end of the period, an earlier day for a Kreis dissolved during it, a later one for
-- a value back-calculated for a Kreis formed later. Values of earlier computations have neither (NULL): they stay
-- as they were computed.
ALTER TABLE indicator_value ADD COLUMN period_kind VARCHAR(20);
ALTER TABLE indicator_value ADD COLUMN gebietsstand DATE;
