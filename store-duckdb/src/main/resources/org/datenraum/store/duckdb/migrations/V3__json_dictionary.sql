-- Site store, version 3: Zstandard dictionaries for resource JSON, one per resource type, trained
-- on the first large batch of that type. A compressed resource names its dictionary in its frame
-- header (dictionary id 0: none), so resources written before a dictionary existed stay readable.
CREATE TABLE json_dictionary (
  id            INTEGER NOT NULL,
  resource_type VARCHAR NOT NULL,
  dictionary    BLOB NOT NULL
);
