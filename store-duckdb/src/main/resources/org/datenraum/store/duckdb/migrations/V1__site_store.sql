-- Site store, version 1: patients, resources (de-identified JSON), facts, links, quarantine.
CREATE TABLE patient (
  num         INTEGER NOT NULL,
  pseudonym   VARCHAR NOT NULL,
  birth_year  SMALLINT,
  birth_month TINYINT,
  sex         VARCHAR NOT NULL,
  deceased    BOOLEAN NOT NULL
);
CREATE TABLE resource (
  type      VARCHAR NOT NULL,
  id        VARCHAR NOT NULL,
  patient   INTEGER,
  encounter VARCHAR,
  json      BLOB NOT NULL
);
CREATE TABLE fact (
  patient       INTEGER NOT NULL,
  encounter     VARCHAR,
  resource_type VARCHAR NOT NULL,
  resource_id   VARCHAR NOT NULL,
  system        VARCHAR NOT NULL,
  code          VARCHAR NOT NULL,
  start_time    TIMESTAMP,
  end_time      TIMESTAMP,
  value_num     DOUBLE,
  value_high    DOUBLE,
  unit          VARCHAR,
  comparator    VARCHAR,
  value_system  VARCHAR,
  value_code    VARCHAR,
  value_text    VARCHAR,
  status        VARCHAR,
  attributes    VARCHAR
);
CREATE TABLE patient_identifier (
  identifier VARCHAR NOT NULL,
  patient    VARCHAR NOT NULL
);
CREATE TABLE medication_code (
  medication VARCHAR NOT NULL,
  system     VARCHAR NOT NULL,
  code       VARCHAR NOT NULL
);
CREATE TABLE quarantine (
  file          VARCHAR NOT NULL,
  location      VARCHAR NOT NULL,
  resource_type VARCHAR,
  resource_id   VARCHAR,
  code          VARCHAR NOT NULL,
  category      VARCHAR NOT NULL,
  reason        VARCHAR NOT NULL,
  rejected_at   TIMESTAMP NOT NULL
);
