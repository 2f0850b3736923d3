-- A broker.db as the broker wrote it before its schema was versioned (no schema_version table),
-- with an operator, a researcher, two sites, a stratified request answered by one site and a
-- surveillance cell. Keys: the researcher's is `drk_alice-before-migrations`.
CREATE TABLE IF NOT EXISTS principal (name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, key_hash VARCHAR NOT NULL, created BIGINT NOT NULL, revoked BOOLEAN NOT NULL);
CREATE TABLE IF NOT EXISTS request (id VARCHAR PRIMARY KEY, researcher VARCHAR NOT NULL, submission VARCHAR NOT NULL, created BIGINT NOT NULL, expires BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS site_request (request_id VARCHAR NOT NULL, site VARCHAR NOT NULL, status VARCHAR NOT NULL, updated BIGINT NOT NULL, message VARCHAR, result VARCHAR, PRIMARY KEY (request_id, site));
CREATE TABLE IF NOT EXISTS setting (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS audit (seq BIGINT PRIMARY KEY, at_time VARCHAR NOT NULL, actor VARCHAR NOT NULL, action VARCHAR NOT NULL, request VARCHAR NOT NULL, detail VARCHAR NOT NULL, previous VARCHAR NOT NULL, hash VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS surveillance_cell (site VARCHAR NOT NULL, kind VARCHAR NOT NULL, indicator VARCHAR NOT NULL, age_group VARCHAR NOT NULL, day INTEGER NOT NULL, count INTEGER, denominator INTEGER, PRIMARY KEY (site, kind, indicator, age_group, day)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS surveillance_cell_day ON surveillance_cell (day);
CREATE TABLE IF NOT EXISTS surveillance_series (kind VARCHAR NOT NULL, indicator VARCHAR NOT NULL, label VARCHAR NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (kind, indicator));
CREATE TABLE IF NOT EXISTS surveillance_site (site VARCHAR PRIMARY KEY, minimum_cell INTEGER NOT NULL);
INSERT INTO principal VALUES ('operator', 'admin', '0000000000000000000000000000000000000000000000000000000000000000', 1764892800000, false);
INSERT INTO principal VALUES ('alice', 'researcher', '0703892f0d608719079239ef2b557e1f21f7c6667d5ac293a71d023562ca9ccb', 1764892800000, false);
INSERT INTO principal VALUES ('a', 'site', '1111111111111111111111111111111111111111111111111111111111111111', 1764892800000, false);
INSERT INTO principal VALUES ('b', 'site', '2222222222222222222222222222222222222222222222222222222222222222', 1764892800000, false);
INSERT INTO setting VALUES ('label-secret', '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff');
INSERT INTO request VALUES ('r-1', 'alice', '{"type":"stratified","query":{"version":"2","inclusionCriteria":[[{"termCodes":[{"system":"http://fhir.de/CodeSystem/bfarm/icd-10-gm","code":"E11"}]}]]},"stratify":["sex"]}', 1764892800000, 4102444800000);
INSERT INTO site_request VALUES ('r-1', 'a', 'completed', 1764892860000, NULL, '{"total":40,"strata":{"sex":{"female":20,"male":20}}}');
INSERT INTO site_request VALUES ('r-1', 'b', 'queued', 1764892800000, NULL, NULL);
INSERT INTO surveillance_series VALUES ('syndrome', 'GI', 'Gastro-intestinal', 0);
INSERT INTO surveillance_cell VALUES ('a', 'syndrome', 'GI', 'all', 20426, 7, 120);
INSERT INTO surveillance_site VALUES ('a', 5);
