-- Fails half-way: the first statement is applied (H2 commits DDL), the second is not valid SQL.
CREATE TABLE applied_before_the_failure (id BIGINT PRIMARY KEY);
CREATE TABLE broken (;
