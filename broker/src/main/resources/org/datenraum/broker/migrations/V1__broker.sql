-- The schema as the broker created it before versioned migrations: a database of that time
-- already holds these tables, so every statement keeps IF NOT EXISTS.
CREATE TABLE IF NOT EXISTS principal (name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL,
  key_hash VARCHAR NOT NULL, created BIGINT NOT NULL, revoked BOOLEAN NOT NULL);
CREATE TABLE IF NOT EXISTS request (id VARCHAR PRIMARY KEY, researcher VARCHAR NOT NULL,
  submission VARCHAR NOT NULL, created BIGINT NOT NULL, expires BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS site_request (request_id VARCHAR NOT NULL, site VARCHAR NOT NULL,
  status VARCHAR NOT NULL, updated BIGINT NOT NULL, message VARCHAR, result VARCHAR,
  PRIMARY KEY (request_id, site));
CREATE TABLE IF NOT EXISTS setting (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS audit (seq BIGINT PRIMARY KEY, at_time VARCHAR NOT NULL, actor VARCHAR NOT NULL,
  action VARCHAR NOT NULL, request VARCHAR NOT NULL, detail VARCHAR NOT NULL,
  previous VARCHAR NOT NULL, hash VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS surveillance_cell (site VARCHAR NOT NULL, kind VARCHAR NOT NULL,
  indicator VARCHAR NOT NULL, age_group VARCHAR NOT NULL, day INTEGER NOT NULL, count INTEGER,
  denominator INTEGER, PRIMARY KEY (site, kind, indicator, age_group, day)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS surveillance_cell_day ON surveillance_cell (day);
CREATE TABLE IF NOT EXISTS surveillance_series (kind VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
  label VARCHAR NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (kind, indicator));
CREATE TABLE IF NOT EXISTS surveillance_site (site VARCHAR PRIMARY KEY, minimum_cell INTEGER NOT NULL);
