-- A property change whose value equals what the bridge last wrote to that property counts as the bridge's
-- own (the loop guard with property history). One fingerprint per property (Fingerprints of {name: value}), kept
-- across writes: a later write of other properties does not forget this one's value.
ALTER TABLE origin_stamp ADD COLUMN value_fingerprints jsonb NOT NULL DEFAULT '{}'::jsonb;
