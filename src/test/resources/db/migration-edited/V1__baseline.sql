-- A V1 that differs from the shipped one: stands for someone editing an applied migration.
CREATE TABLE scans (id BIGINT PRIMARY KEY);
