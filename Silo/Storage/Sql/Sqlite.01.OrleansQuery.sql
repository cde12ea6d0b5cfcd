-- AlloIndustrie schema for SQLite (embedded single-silo deployment).
-- Safe to run any number of times: every statement is idempotent.

-- WAL lets the reminder service and grain storage read while another connection writes;
-- the setting is persistent in the database file, so setting it here once is enough.
PRAGMA journal_mode = WAL;

-- Orleans' ADO.NET providers read their SQL from this table when they initialise
-- (SELECT QueryKey, QueryText FROM OrleansQuery), so it must exist before the silo starts.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
