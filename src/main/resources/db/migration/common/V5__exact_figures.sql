-- Figures keep every digit a file has: 35 integer digits and 30 decimals (the store refuses a file with more,
-- it never cuts them). The former NUMERIC(38, 10) silently rounded a figure with 15 decimals to 10.
ALTER TABLE observation ALTER COLUMN figure SET DATA TYPE NUMERIC(65, 30);
