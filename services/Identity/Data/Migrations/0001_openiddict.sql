-- OpenIddict's store (generated from its EF Core model, table names in snake_case): the clients are its applications;
-- authorizations, scopes and tokens stay empty for client credentials with self-contained JWTs, but OpenIddict maps them.
-- And this installation's signing keys (self-signed X.509 certificates with their RSA keys).
CREATE TABLE openiddict_applications (
    id text NOT NULL,
    application_type character varying(50),
    client_id character varying(100),
    client_secret text,
    client_type character varying(50),
    concurrency_token character varying(50),
    consent_type character varying(50),
    display_name text,
    display_names text,
    json_web_key_set text,
    permissions text,
    post_logout_redirect_uris text,
    properties text,
    redirect_uris text,
    requirements text,
    settings text,
    CONSTRAINT pk_openiddict_applications PRIMARY KEY (id)
);
CREATE TABLE openiddict_scopes (
    id text NOT NULL,
    concurrency_token character varying(50),
    description text,
    descriptions text,
    display_name text,
    display_names text,
    name character varying(200),
    properties text,
    resources text,
    CONSTRAINT pk_openiddict_scopes PRIMARY KEY (id)
);
CREATE TABLE signing_keys (
    id text NOT NULL,
    certificate bytea NOT NULL,
    created_at timestamptz NOT NULL,
    not_before timestamptz NOT NULL,
    not_after timestamptz NOT NULL,
    CONSTRAINT pk_signing_keys PRIMARY KEY (id)
);
CREATE TABLE openiddict_authorizations (
    id text NOT NULL,
    application_id text,
    concurrency_token character varying(50),
    creation_date timestamptz,
    properties text,
    scopes text,
    status character varying(50),
    subject character varying(400),
    type character varying(50),
    CONSTRAINT pk_openiddict_authorizations PRIMARY KEY (id),
    CONSTRAINT fk_openiddict_authorizations_openiddict_applications_applicati FOREIGN KEY (application_id) REFERENCES openiddict_applications (id)
);
CREATE TABLE openiddict_tokens (
    id text NOT NULL,
    application_id text,
    authorization_id text,
    concurrency_token character varying(50),
    creation_date timestamptz,
    expiration_date timestamptz,
    payload text,
    properties text,
    redemption_date timestamptz,
    reference_id character varying(100),
    status character varying(50),
    subject character varying(400),
    type character varying(150),
    CONSTRAINT pk_openiddict_tokens PRIMARY KEY (id),
    CONSTRAINT fk_openiddict_tokens_openiddict_applications_application_id FOREIGN KEY (application_id) REFERENCES openiddict_applications (id),
    CONSTRAINT fk_openiddict_tokens_openiddict_authorizations_authorization_id FOREIGN KEY (authorization_id) REFERENCES openiddict_authorizations (id)
);
CREATE UNIQUE INDEX ix_openiddict_applications_client_id ON openiddict_applications (client_id);
CREATE INDEX ix_openiddict_authorizations_application_id_status_subject_type ON openiddict_authorizations (application_id, status, subject, type);
CREATE UNIQUE INDEX ix_openiddict_scopes_name ON openiddict_scopes (name);
CREATE INDEX ix_openiddict_tokens_application_id_status_subject_type ON openiddict_tokens (application_id, status, subject, type);
CREATE INDEX ix_openiddict_tokens_authorization_id ON openiddict_tokens (authorization_id);
CREATE UNIQUE INDEX ix_openiddict_tokens_reference_id ON openiddict_tokens (reference_id);
