-- The kind of period each input of an indicator had in a computation (issue 12), for the methods annex: a
-- formula that mixes kinds (a Jahressumme over a population at a Stichtag) says which reference date each input
-- stands at.
CREATE TABLE indicator_input_period (
    computation_id   BIGINT       NOT NULL REFERENCES computation (id),
    indicator_id     VARCHAR(80)  NOT NULL,
    position         INTEGER      NOT NULL,
    input_name       VARCHAR(80)  NOT NULL,
    table_code       VARCHAR(40)  NOT NULL,
    period_kind      VARCHAR(20)  NOT NULL,
    stichtag         VARCHAR(5),
    offset_years     INTEGER      NOT NULL,
    PRIMARY KEY (computation_id, indicator_id, position)
);
