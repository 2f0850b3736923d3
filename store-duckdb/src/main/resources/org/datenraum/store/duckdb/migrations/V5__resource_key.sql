-- Site store, version 5: the key index. Each row holds the 64-bit hashes of resource keys
-- (type and id) written by one batch, little-endian, so that a load finds the resources it
-- replaces without probing the whole resource table. Filled from the resource table when a store
-- written before this version is first opened.
CREATE TABLE resource_key (
  hashes BLOB NOT NULL
);
