-- One connection state for every replica: NEEDS_REAUTH and its reason live in connection_state only, and
-- each replica reads them from there. credentials_version counts the operator's new credentials: a replica that sees
-- it move drops its cached access token and takes the stored refresh token, and a replica whose call failed with
-- older credentials cannot put the connection back into NEEDS_REAUTH after the operator fixed it.
ALTER TABLE connection_state ADD COLUMN credentials_version bigint NOT NULL DEFAULT 0;
