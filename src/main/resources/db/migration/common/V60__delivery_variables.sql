-- Which variables each delivery has cells of, written with the delivery's observations in its transaction.
-- A computation reads the observations in one pass in storage order; only the cells of a variable that more than
-- one delivery of its snapshot has (a revision) must be held until the newest delivery per cell is known. Without
-- this list every cell of every table would have to be held, and memory would grow with the corpus.
CREATE TABLE delivery_variable (
    delivery_id      BIGINT        NOT NULL REFERENCES delivery (id),
    variable_id      BIGINT        NOT NULL REFERENCES variable (id),
    CONSTRAINT delivery_variable_key PRIMARY KEY (delivery_id, variable_id)
);
INSERT INTO delivery_variable (delivery_id, variable_id) SELECT DISTINCT delivery_id, variable_id FROM observation;
