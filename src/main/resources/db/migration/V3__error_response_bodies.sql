-- Keep the CRM's answer next to each failure (docs/architecture.md, "Error classes").
ALTER TABLE dead_letter ADD COLUMN response_status integer;
ALTER TABLE dead_letter ADD COLUMN response_body text;
ALTER TABLE review_item ADD COLUMN response_status integer;
ALTER TABLE review_item ADD COLUMN response_body text;
ALTER TABLE review_item ADD COLUMN route_id text;
