-- Queries researchers keep with a title and a comment; each is read by its owner only.
CREATE TABLE saved_query (id VARCHAR PRIMARY KEY, researcher VARCHAR NOT NULL, title VARCHAR NOT NULL,
  comment VARCHAR NOT NULL, query VARCHAR NOT NULL, created BIGINT NOT NULL);
CREATE INDEX saved_query_researcher ON saved_query (researcher, created);
