-- The request's type as a column (read by listings without parsing every submission), and the
-- indexes behind a researcher's quota and listing and a site's open requests.
ALTER TABLE request ADD COLUMN type VARCHAR NOT NULL DEFAULT 'feasibility';
UPDATE request SET type = coalesce(json_extract(submission, '$.type'), type);
CREATE INDEX request_researcher ON request (researcher, created);
CREATE INDEX site_request_site ON site_request (site, status);
