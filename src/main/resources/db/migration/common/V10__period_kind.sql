-- Periods have a kind (issue 12): a Stichtag is a day; a Jahresdurchschnitt, Jahressumme or Jahr the calendar
-- year; a Schuljahr the school year from 1 August to 31 July. The kind is the variable's: the same cells of a table
-- are always measured the same way, and a table that changes it gets new variables.
ALTER TABLE variable ADD COLUMN period_kind VARCHAR(20) DEFAULT 'JAHR' NOT NULL;
ALTER TABLE variable DROP CONSTRAINT variable_unique;
ALTER TABLE variable ADD CONSTRAINT variable_unique UNIQUE (table_code, path, unit, period_kind);

-- Deliveries stored before this version: their kind is what their own files said, read back from what was kept of
-- them (a period written as a date is a Stichtag; the title block names the kind of a year).
UPDATE variable SET period_kind = 'STICHTAG' WHERE EXISTS (SELECT 1 FROM observation o
    WHERE o.variable_id = variable.id AND o.period LIKE '__.__.____');
UPDATE variable SET period_kind = 'JAHRESDURCHSCHNITT' WHERE period_kind = 'JAHR'
    AND table_code IN (SELECT table_code FROM delivery WHERE title LIKE '%- Jahresdurchschnitt -%');
UPDATE variable SET period_kind = 'JAHRESSUMME' WHERE period_kind = 'JAHR'
    AND table_code IN (SELECT table_code FROM delivery WHERE title LIKE '%- Jahressumme -%');
UPDATE variable SET period_kind = 'SCHULJAHR' WHERE period_kind = 'JAHR'
    AND table_code IN (SELECT table_code FROM delivery WHERE title LIKE '%- Schuljahr -%');
UPDATE variable SET period_kind = 'STICHTAG' WHERE period_kind = 'JAHR'
    AND table_code IN (SELECT table_code FROM delivery WHERE title LIKE '%Stichtag 31.12.%');

-- A school year ends on 31 July of its year, not on 31 December: its reference date is the last day of the period
-- as for every other kind. Only the key moves; the figures stay as delivered.
UPDATE observation SET reference_date = CAST(CONCAT(CAST(EXTRACT(YEAR FROM reference_date) AS CHAR(4)), '-07-31')
    AS DATE) WHERE variable_id IN (SELECT id FROM variable WHERE period_kind = 'SCHULJAHR');
