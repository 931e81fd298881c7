-- The computation reads the observations in one sequential pass (V60), and nothing else looks cells up by variable,
-- date and region: the index is dropped, so that every stored cell costs one index entry fewer to write and to
-- commit. The index by delivery stays (the consistency pass of a delivery too large to keep in memory reads it back).
DROP INDEX observation_lookup;
