-- Site store, version 6: a fact's attribute lines are stored once per distinct value, in
-- attribute_set, and the fact rows (table fact_row, the former table fact renamed, rows in place)
-- hold its id. The view fact has exactly the columns of the former table. digest is the first 16
-- bytes of the SHA-256 of the UTF-8 lines: the writer keeps the digests, not the lines, in memory.
-- The store version stays: the facts read through the view are the same, the saved index valid.
CREATE TABLE attribute_set (
  id         INTEGER NOT NULL,
  digest     BLOB NOT NULL,
  attributes VARCHAR NOT NULL
);
INSERT INTO attribute_set
  SELECT (row_number() OVER (ORDER BY attributes) - 1)::INTEGER, unhex(substr(sha256(attributes), 1, 32)), attributes
  FROM (SELECT DISTINCT attributes FROM fact WHERE attributes IS NOT NULL);
ALTER TABLE fact ADD COLUMN attribute_set INTEGER;
UPDATE fact SET attribute_set = a.id FROM attribute_set a WHERE fact.attributes = a.attributes;
ALTER TABLE fact DROP COLUMN attributes;
ALTER TABLE fact RENAME TO fact_row;
CREATE VIEW fact AS
  SELECT f.patient, f.encounter, f.resource_type, f.resource_id, f.system, f.code, f.start_time, f.end_time,
    f.value_num, f.value_high, f.unit, f.comparator, f.value_system, f.value_code, f.value_text, f.status,
    a.attributes
  FROM fact_row f LEFT JOIN attribute_set a ON a.id = f.attribute_set;
