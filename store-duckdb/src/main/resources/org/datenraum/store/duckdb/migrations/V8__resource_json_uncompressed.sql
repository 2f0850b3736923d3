-- Site store, version 8: the resource JSON is stored without DuckDB's own compression. Each value is
-- already a Zstandard frame, which DuckDB's string compression cannot shrink, but which it analyses
-- again at every checkpoint (a tenth of a first load's store-writer time). Only an empty resource
-- table is created again with the column so declared: rewriting the JSON of a filled store would
-- cost more than its later loads gain, so a filled store keeps its table as it is.
-- when: SELECT NOT EXISTS (SELECT 1 FROM resource)
DROP TABLE resource;
CREATE TABLE resource (
  type      VARCHAR NOT NULL,
  id        VARCHAR NOT NULL,
  patient   INTEGER,
  encounter VARCHAR,
  json      BLOB USING COMPRESSION uncompressed NOT NULL
);
