-- Frontline store, version 3: API tokens (issue 9). Only a salted hash of each token is kept:
-- token_hash = hex(SHA-256(salt || token)), salt random per token. A revoked token keeps its row (revoked_at set).
CREATE TABLE api_tokens (
    name       VARCHAR(64) PRIMARY KEY,
    salt       VARCHAR(64) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
