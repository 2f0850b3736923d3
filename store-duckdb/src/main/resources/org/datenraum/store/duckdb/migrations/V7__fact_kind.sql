-- Site store, version 7: a fact's coded parts (resource type, code, unit, comparator, coded value
-- and status) are stored once per distinct combination, in fact_kind, and the fact rows hold its
-- id in kind instead of eight strings (rows in place, in their order). The view fact has exactly
-- the columns of the former table. fact_row and fact_kind share no column name. The store version
-- stays: the facts read through the view are the same, the saved index valid.
CREATE TABLE fact_kind (
  id            INTEGER NOT NULL,
  resource_type VARCHAR NOT NULL,
  system        VARCHAR NOT NULL,
  code          VARCHAR NOT NULL,
  unit          VARCHAR,
  comparator    VARCHAR,
  value_system  VARCHAR,
  value_code    VARCHAR,
  status        VARCHAR
);
INSERT INTO fact_kind
  SELECT (row_number() OVER (ORDER BY resource_type, system, code, unit, comparator, value_system, value_code,
      status) - 1)::INTEGER, *
  FROM (SELECT DISTINCT resource_type, system, code, unit, comparator, value_system, value_code, status
        FROM fact_row);
DROP VIEW fact;
ALTER TABLE fact_row ADD COLUMN kind INTEGER;
UPDATE fact_row SET kind = k.id FROM fact_kind k
  WHERE fact_row.resource_type = k.resource_type AND fact_row.system = k.system AND fact_row.code = k.code
    AND fact_row.unit IS NOT DISTINCT FROM k.unit AND fact_row.comparator IS NOT DISTINCT FROM k.comparator
    AND fact_row.value_system IS NOT DISTINCT FROM k.value_system
    AND fact_row.value_code IS NOT DISTINCT FROM k.value_code AND fact_row.status IS NOT DISTINCT FROM k.status;
ALTER TABLE fact_row DROP COLUMN resource_type;
ALTER TABLE fact_row DROP COLUMN system;
ALTER TABLE fact_row DROP COLUMN code;
ALTER TABLE fact_row DROP COLUMN unit;
ALTER TABLE fact_row DROP COLUMN comparator;
ALTER TABLE fact_row DROP COLUMN value_system;
ALTER TABLE fact_row DROP COLUMN value_code;
ALTER TABLE fact_row DROP COLUMN status;
CREATE VIEW fact AS
  SELECT f.patient, f.encounter, k.resource_type, f.resource_id, k.system, k.code, f.start_time, f.end_time,
    f.value_num, f.value_high, k.unit, k.comparator, k.value_system, k.value_code, f.value_text, k.status,
    a.attributes
  FROM fact_row f JOIN fact_kind k ON k.id = f.kind LEFT JOIN attribute_set a ON a.id = f.attribute_set;
