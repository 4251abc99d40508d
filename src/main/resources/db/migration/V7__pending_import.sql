-- Imports uploaded in the admin UI and dry-run, waiting for their uploader to press "Apply". The uploaded bytes are
-- kept here, not in a node's memory or disk: the "Apply" post may reach another node behind the load balancer.
-- Rows older than an hour are deleted as new uploads come (and are refused before that).
create table pending_import (
    -- 256 random bits, base64url: the id the report page's form carries; only its uploader may use it
    id         text        primary key check (id ~ '^[A-Za-z0-9_-]{43}$'),
    created_by bigint      not null references app_user (id) on delete cascade,
    created_at timestamptz not null default now(),
    file_name  text        not null default '' check (length(file_name) <= 255),
    -- the site of a Nuxt page payload's questions (a bundle names its own)
    site       text        not null,
    sha256     bytea       not null check (length(sha256) = 32),
    body       bytea       not null
);
create index pending_import_created on pending_import (created_at);
