-- AlloIndustrie schema for PostgreSQL (clustered deployment).
-- Safe to run any number of times. Run each script inside a transaction (the silo does; with
-- psql use --single-transaction): the advisory lock then serialises silos that start together,
-- which would otherwise race on CREATE TABLE IF NOT EXISTS.
SELECT pg_advisory_xact_lock(hashtext('alloindustrie-schema'));

-- Orleans' ADO.NET providers read their SQL from this table when they initialise
-- (SELECT QueryKey, QueryText FROM OrleansQuery), so it must exist before the silo starts.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
