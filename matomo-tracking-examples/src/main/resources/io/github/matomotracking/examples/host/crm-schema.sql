-- A CRM's own tables, as a host application might already have them: other names, other column
-- names, other types than the library's JDBC ports (times as TIMESTAMP WITH TIME ZONE). The
-- host example CrmSessionSink and CrmLookupRepository map the library's model onto them.

CREATE TABLE IF NOT EXISTS crm_web_session (
  matomo_site        BIGINT        NOT NULL,
  matomo_visit       BIGINT        NOT NULL,
  contact_uid        VARCHAR(255)  NOT NULL,
  matomo_visitor     VARCHAR(64),
  matomo_user        VARCHAR(255),
  started_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  last_action_at     TIMESTAMP(9) WITH TIME ZONE,
  duration_sec       BIGINT        NOT NULL,
  action_total       BIGINT        NOT NULL,
  country_text       VARCHAR(255),
  country_iso        VARCHAR(64),
  country_uid        VARCHAR(255),
  country_title      VARCHAR(255),
  region_text        VARCHAR(255),
  region_iso         VARCHAR(64),
  region_uid         VARCHAR(255),
  region_title       VARCHAR(255),
  city_text          VARCHAR(255),
  city_iso           VARCHAR(64),
  city_uid           VARCHAR(255),
  city_title         VARCHAR(255),
  lat_long           VARCHAR(255),
  lead_source_uid    VARCHAR(255),
  lead_source_title  VARCHAR(255),
  lead_channel_uid   VARCHAR(255),
  lead_channel_title VARCHAR(255),
  referrer_kind_code VARCHAR(255),
  referrer_kind_uid  VARCHAR(255),
  referrer_kind_title VARCHAR(255),
  referrer_label     VARCHAR(1024),
  search_phrase      VARCHAR(1024),
  referrer_link      VARCHAR(8192),
  utm_id             VARCHAR(1024),
  utm_source         VARCHAR(1024),
  utm_medium         VARCHAR(1024),
  utm_campaign       VARCHAR(1024),
  utm_term           VARCHAR(1024),
  utm_content        VARCHAR(1024),
  os_platform        VARCHAR(255),
  device_info        VARCHAR(255),
  client_ip          VARCHAR(64),
  browser_language   VARCHAR(64),
  CONSTRAINT crm_web_session_pk PRIMARY KEY (matomo_site, matomo_visit)
);
CREATE INDEX IF NOT EXISTS crm_web_session_contact ON crm_web_session (contact_uid);

CREATE TABLE IF NOT EXISTS crm_web_activity (
  matomo_site        BIGINT        NOT NULL,
  matomo_visit       BIGINT        NOT NULL,
  activity_key       VARCHAR(255)  NOT NULL,
  seq_no             INTEGER       NOT NULL,
  pageview_ref       VARCHAR(64),
  occurred_at        TIMESTAMP(9) WITH TIME ZONE,
  activity_code      VARCHAR(255)  NOT NULL,
  activity_type_uid  VARCHAR(255),
  activity_type_title VARCHAR(255),
  web_page_uid       VARCHAR(255),
  web_page_title     VARCHAR(2048),
  web_page_link      VARCHAR(8192),
  link               VARCHAR(8192),
  caption            VARCHAR(2048),
  CONSTRAINT crm_web_activity_pk PRIMARY KEY (matomo_site, matomo_visit, activity_key),
  CONSTRAINT crm_web_activity_session FOREIGN KEY (matomo_site, matomo_visit)
    REFERENCES crm_web_session (matomo_site, matomo_visit)
);

-- Lookups the CRM administers. (Countries, regions and cities are not kept here: the host takes
-- the library's bundled ones.)
CREATE TABLE IF NOT EXISTS crm_lead_channel (
  channel_uid VARCHAR(255) NOT NULL PRIMARY KEY,
  title       VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS crm_lead_source (
  source_uid          VARCHAR(255) NOT NULL PRIMARY KEY,
  title               VARCHAR(255) NOT NULL,
  default_channel_uid VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS crm_lead_source_code (
  utm_code   VARCHAR(255) NOT NULL PRIMARY KEY,
  source_uid VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS crm_lead_channel_code (
  utm_code    VARCHAR(255) NOT NULL PRIMARY KEY,
  channel_uid VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS crm_lead_source_domain (
  domain_name VARCHAR(255) NOT NULL PRIMARY KEY,
  source_uid  VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS crm_referrer_kind (
  kind_uid    VARCHAR(255) NOT NULL PRIMARY KEY,
  matomo_code VARCHAR(255) NOT NULL,
  title       VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS crm_activity_type (
  type_uid    VARCHAR(255) NOT NULL PRIMARY KEY,
  matomo_code VARCHAR(255) NOT NULL,
  title       VARCHAR(255) NOT NULL
);
CREATE TABLE IF NOT EXISTS crm_web_page (
  page_uid  VARCHAR(255)  NOT NULL PRIMARY KEY,
  title     VARCHAR(2048) NOT NULL,
  page_link VARCHAR(8192) NOT NULL
);
