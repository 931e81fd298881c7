-- Region codes below the Kreis, as the offices write them in their Gemeinde tables (regional depth -5): a Gemeinde
-- with its Gemeindeverband has 10 (Rheinland-Pfalz) or 11 digits (Niedersachsen), the ARS 12. Widened from 8.
ALTER TABLE observation ALTER COLUMN region_code SET DATA TYPE VARCHAR(12);
ALTER TABLE finding ALTER COLUMN region_code SET DATA TYPE VARCHAR(12);
ALTER TABLE indicator_value ALTER COLUMN region_code SET DATA TYPE VARCHAR(12);
ALTER TABLE computation_population ALTER COLUMN region_code SET DATA TYPE VARCHAR(12);
