-- Editors' accounts and access: users with a role, API tokens for scripts, sign-in sessions of the admin UI and
-- the failed sign-ins that throttle password guessing. Secrets are never stored: a password as its argon2id hash,
-- a token or a session id as its SHA-256 (both are 256 random bits, so a plain hash is enough to make a stolen
-- table useless for signing in).

create table app_user (
    id            bigint generated always as identity primary key,
    -- a sign-in name, not a display name: ASCII, so that "the same name" does not depend on the collation
    name          text        not null check (name ~ '^[A-Za-z0-9._-]{1,64}$'),
    role          text        not null check (role in ('viewer', 'editor', 'publisher', 'admin')),
    -- Spring Security's encoding: $argon2id$v=19$m=…,t=…,p=…$salt$hash (parameters travel with the hash)
    password_hash text        not null check (password_hash like '$argon2id$%'),
    created       timestamptz not null default now(),
    disabled      boolean     not null default false
);
-- "Aigerim" and "aigerim" are one user: sign-in and the throttle look names up without case
create unique index app_user_name on app_user (lower(name));

create table api_token (
    id        bigint generated always as identity primary key,
    user_id   bigint      not null references app_user (id) on delete cascade,
    label     text        not null default '' check (length(label) <= 100),
    -- SHA-256 of the whole token (komek_ + 43 base64url characters)
    hash      bytea       not null unique check (length(hash) = 32),
    created   timestamptz not null default now(),
    -- written at most once a minute per token, not on every request
    last_used timestamptz,
    -- null while the token works
    revoked   timestamptz
);
create index api_token_user on api_token (user_id);

-- A signed-in browser. Several stateless nodes share these rows; a node keeps nothing in memory.
create table admin_session (
    -- SHA-256 of the cookie's value
    id_hash   bytea       primary key check (length(id_hash) = 32),
    user_id   bigint      not null references app_user (id) on delete cascade,
    -- the synchronizer token that the session's forms and API calls send back (useless without the cookie)
    csrf      text        not null check (csrf ~ '^[A-Za-z0-9_-]{43}$'),
    created   timestamptz not null default now(),
    -- idle timeout: a session unused for 8 hours is over; written at most once a minute
    last_seen timestamptz not null default now(),
    -- absolute lifetime: created + 7 days, whatever the use
    expires   timestamptz not null
);
create index admin_session_user on admin_session (user_id);
create index admin_session_expires on admin_session (expires);

-- Failed sign-ins of the last minutes, per name (lower case) and per client address; a sign-in is refused (429)
-- while either has too many. Kept in the database so that every node counts the same; rows older than the
-- window are deleted as new ones come.
create table login_failure (
    id       bigint generated always as identity primary key,
    name_key text        not null,
    address  text        not null,
    at       timestamptz not null default now()
);
create index login_failure_name on login_failure (name_key, at);
create index login_failure_address on login_failure (address, at);
create index login_failure_at on login_failure (at);
