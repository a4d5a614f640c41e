-- The state of every stateful part, as the Store interface sees it: entries by collection and key,
-- with an optional expiry (triage sessions, delivery ids).
CREATE TABLE IF NOT EXISTS kv (
  collection text NOT NULL,
  key text NOT NULL,
  value jsonb NOT NULL,
  expires_at timestamptz,
  PRIMARY KEY (collection, key)
);
CREATE INDEX IF NOT EXISTS kv_expires_at ON kv (expires_at) WHERE expires_at IS NOT NULL;
