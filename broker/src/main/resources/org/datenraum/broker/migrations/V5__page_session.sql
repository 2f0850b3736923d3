-- Signed-in sessions of the pages beside the API, so they survive a restart: a hash of each
-- session id (never the id, which only the browser holds), the user and role, the user's key
-- sealed under a key derived from the session id, the last request and the fixed end (epoch ms).
CREATE TABLE page_session (id_hash VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, role VARCHAR NOT NULL,
  sealed VARCHAR NOT NULL, last_seen BIGINT NOT NULL, ends BIGINT NOT NULL);
CREATE INDEX page_session_name ON page_session (name);
