-- The newest head of each site's audit log that the site reported (entry number and MAC), kept so
-- that a site's log cannot lose entries the broker has seen.
CREATE TABLE site_audit_head (site VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, mac VARCHAR NOT NULL,
  updated BIGINT NOT NULL);
