-- Tables of the JDBC ports of matomo-tracking. Portable SQL (H2, PostgreSQL): standard types,
-- times as BIGINT epoch milliseconds (suffix _ms) or epoch seconds, no vendor syntax.
-- Every statement is idempotent, so creating the schema again changes nothing.

-- Web sessions (one per Matomo visit) and the contact that owns each.
CREATE TABLE IF NOT EXISTS mt_web_session (
  site_id                   BIGINT        NOT NULL,
  visit_id                  BIGINT        NOT NULL,
  contact_id                VARCHAR(255)  NOT NULL,
  visitor_id                VARCHAR(64),
  user_id                   VARCHAR(255),
  start_date_ms             BIGINT        NOT NULL,
  last_action_date_ms       BIGINT,
  duration_seconds          BIGINT        NOT NULL,
  action_count              BIGINT        NOT NULL,
  country_name              VARCHAR(255),
  country_code              VARCHAR(64),
  country_lookup_id         VARCHAR(255),
  country_lookup_name       VARCHAR(255),
  region_name               VARCHAR(255),
  region_code               VARCHAR(64),
  region_lookup_id          VARCHAR(255),
  region_lookup_name        VARCHAR(255),
  city_name                 VARCHAR(255),
  city_code                 VARCHAR(64),
  city_lookup_id            VARCHAR(255),
  city_lookup_name          VARCHAR(255),
  geo_location              VARCHAR(255),
  source_lookup_id          VARCHAR(255),
  source_lookup_name        VARCHAR(255),
  channel_lookup_id         VARCHAR(255),
  channel_lookup_name       VARCHAR(255),
  referrer_type_code        VARCHAR(255),
  referrer_type_lookup_id   VARCHAR(255),
  referrer_type_lookup_name VARCHAR(255),
  referrer_name             VARCHAR(1024),
  referrer_keyword          VARCHAR(1024),
  referrer_url              VARCHAR(8192),
  utm_id                    VARCHAR(1024),
  utm_source                VARCHAR(1024),
  utm_medium                VARCHAR(1024),
  utm_campaign              VARCHAR(1024),
  utm_term                  VARCHAR(1024),
  utm_content               VARCHAR(1024),
  platform                  VARCHAR(255),
  device                    VARCHAR(255),
  ip_address                VARCHAR(64),
  language_code             VARCHAR(64),
  PRIMARY KEY (site_id, visit_id)
);
CREATE INDEX IF NOT EXISTS mt_web_session_contact ON mt_web_session (contact_id);

-- Web actions of the sessions, keyed by their natural key within the visit.
CREATE TABLE IF NOT EXISTS mt_web_action (
  site_id          BIGINT        NOT NULL,
  visit_id         BIGINT        NOT NULL,
  natural_key      VARCHAR(255)  NOT NULL,
  action_position  INTEGER       NOT NULL,
  action_id        VARCHAR(64),
  action_date_ms   BIGINT,
  type_code        VARCHAR(255)  NOT NULL,
  type_lookup_id   VARCHAR(255),
  type_lookup_name VARCHAR(255),
  page_lookup_id   VARCHAR(255),
  page_name        VARCHAR(2048),
  page_url         VARCHAR(8192),
  url              VARCHAR(8192),
  title            VARCHAR(2048),
  PRIMARY KEY (site_id, visit_id, natural_key),
  FOREIGN KEY (site_id, visit_id) REFERENCES mt_web_session (site_id, visit_id)
);

-- Identifications: a visitorId or userId bound to a contact at a time.
CREATE TABLE IF NOT EXISTS mt_identification (
  identification_key VARCHAR(255) NOT NULL PRIMARY KEY,
  identity_kind      VARCHAR(16)  NOT NULL,
  identity_value     VARCHAR(255) NOT NULL,
  contact_id         VARCHAR(255) NOT NULL,
  identified_at_ms   BIGINT       NOT NULL,
  origin             VARCHAR(32)  NOT NULL
);
CREATE INDEX IF NOT EXISTS mt_identification_identity
  ON mt_identification (identity_kind, identity_value);

-- Marketing-email clicks.
CREATE TABLE IF NOT EXISTS mt_email_click (
  click_key               VARCHAR(255)  NOT NULL PRIMARY KEY,
  contact_id              VARCHAR(255)  NOT NULL,
  bulk_email_recipient_id VARCHAR(1024),
  clicked_at_ms           BIGINT        NOT NULL
);
CREATE INDEX IF NOT EXISTS mt_email_click_time ON mt_email_click (clicked_at_ms);

-- Sync cursors per identity, and the visits stored at the cursor's second.
CREATE TABLE IF NOT EXISTS mt_sync_cursor (
  identity_kind    VARCHAR(16)  NOT NULL,
  identity_value   VARCHAR(255) NOT NULL,
  last_action_time BIGINT       NOT NULL,
  PRIMARY KEY (identity_kind, identity_value)
);
CREATE TABLE IF NOT EXISTS mt_sync_cursor_visit (
  identity_kind  VARCHAR(16)  NOT NULL,
  identity_value VARCHAR(255) NOT NULL,
  site_id        BIGINT       NOT NULL,
  visit_id       BIGINT       NOT NULL,
  PRIMARY KEY (identity_kind, identity_value, site_id, visit_id),
  FOREIGN KEY (identity_kind, identity_value) REFERENCES mt_sync_cursor (identity_kind, identity_value)
);

-- Lookups (the CRM's reference tables).
CREATE TABLE IF NOT EXISTS mt_lead_channel (
  id   VARCHAR(255) NOT NULL PRIMARY KEY,
  name VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS mt_lead_source (
  id                 VARCHAR(255) NOT NULL PRIMARY KEY,
  name               VARCHAR(255) NOT NULL,
  default_channel_id VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS mt_source_code (
  code      VARCHAR(255) NOT NULL PRIMARY KEY,
  source_id VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS mt_channel_code (
  code       VARCHAR(255) NOT NULL PRIMARY KEY,
  channel_id VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS mt_source_url (
  domain_name VARCHAR(255) NOT NULL PRIMARY KEY,
  source_id   VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS mt_country (
  id   VARCHAR(255) NOT NULL PRIMARY KEY,
  code VARCHAR(16)  NOT NULL,
  name VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS mt_region (
  id         VARCHAR(255) NOT NULL PRIMARY KEY,
  country_id VARCHAR(255) NOT NULL,
  code       VARCHAR(64)  NOT NULL,
  name       VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS mt_city (
  id         VARCHAR(255) NOT NULL PRIMARY KEY,
  name       VARCHAR(255) NOT NULL,
  country_id VARCHAR(255) NOT NULL,
  region_id  VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS mt_referrer_type (
  id   VARCHAR(255) NOT NULL PRIMARY KEY,
  code VARCHAR(255) NOT NULL,
  name VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS mt_action_type (
  id   VARCHAR(255) NOT NULL PRIMARY KEY,
  code VARCHAR(255) NOT NULL,
  name VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS mt_web_page (
  id   VARCHAR(255)  NOT NULL PRIMARY KEY,
  name VARCHAR(2048) NOT NULL,
  url  VARCHAR(8192) NOT NULL
);
