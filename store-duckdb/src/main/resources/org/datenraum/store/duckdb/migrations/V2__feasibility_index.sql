-- Site store, version 2: a version counter that every committed write batch increments, and the
-- persisted feasibility index (per-code patient bitmaps) tagged with the version it was built at.
CREATE TABLE store_version (
  version BIGINT NOT NULL
);
INSERT INTO store_version VALUES (0);
CREATE TABLE feasibility_index_meta (
  version BIGINT NOT NULL
);
CREATE TABLE feasibility_index (
  resource_type VARCHAR NOT NULL,
  path          VARCHAR NOT NULL,
  system        VARCHAR NOT NULL,
  code          VARCHAR NOT NULL,
  patients      BLOB NOT NULL
);
