-- Site store, version 4: the patients whose facts changed since the saved feasibility index was
-- built (a RoaringBitmap of patient numbers), so that the index is brought up to date for them
-- instead of being rebuilt. base_version is the store version the delta starts at (-1 until the
-- index is first saved).
CREATE TABLE index_delta (
  base_version BIGINT NOT NULL,
  patients     BLOB NOT NULL
);
INSERT INTO index_delta VALUES (-1, ''::BLOB);
