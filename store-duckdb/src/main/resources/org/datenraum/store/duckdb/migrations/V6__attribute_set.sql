-- Site store, version 6: a fact's attribute lines are stored once per distinct value, in
-- attribute_set, and the fact rows (table fact_row, in the order of the former fact table) hold its
-- id. The view fact has exactly the columns of the former table. digest is the first 16 bytes of
-- the SHA-256 of the UTF-8 lines: the writer keeps the digests, not the lines, in memory.
-- Store version and saved feasibility index stay valid: the facts read through the view are the same.
CREATE TABLE attribute_set (
  id         INTEGER NOT NULL,
  digest     BLOB NOT NULL,
  attributes VARCHAR NOT NULL
);
INSERT INTO attribute_set
  SELECT (row_number() OVER (ORDER BY attributes) - 1)::INTEGER, unhex(substr(sha256(attributes), 1, 32)), attributes
  FROM (SELECT DISTINCT attributes FROM fact WHERE attributes IS NOT NULL);
CREATE TABLE fact_row (
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
  attribute_set INTEGER
);
INSERT INTO fact_row
  SELECT f.patient, f.encounter, f.resource_type, f.resource_id, f.system, f.code, f.start_time, f.end_time,
    f.value_num, f.value_high, f.unit, f.comparator, f.value_system, f.value_code, f.value_text, f.status, a.id
  FROM fact f LEFT JOIN attribute_set a ON a.attributes = f.attributes
  ORDER BY f.rowid;
DROP TABLE fact;
CREATE VIEW fact AS
  SELECT f.patient, f.encounter, f.resource_type, f.resource_id, f.system, f.code, f.start_time, f.end_time,
    f.value_num, f.value_high, f.unit, f.comparator, f.value_system, f.value_code, f.value_text, f.status,
    a.attributes
  FROM fact_row f LEFT JOIN attribute_set a ON a.id = f.attribute_set;
