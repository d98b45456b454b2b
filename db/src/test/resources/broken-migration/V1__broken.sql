-- a migration that fails half-way: the first statement is applied, the second fails
CREATE TABLE half_done (id BIGINT NOT NULL, PRIMARY KEY (id)) ENGINE = InnoDB;
ALTER TABLE table_that_does_not_exist ADD COLUMN note VARCHAR(20) NULL;
