-- Stands for a migration a newer Driftdeck applied to the database.
CREATE TABLE from_the_future (id BIGINT PRIMARY KEY);
