-- Per-client allowances (token buckets) kept by the database, so that every node behind a load balancer counts
-- a client alike (decision 0040). Unlogged: a crash forgets them, which only gives clients a fresh allowance.
create unlogged table client_allowance (
    kind text not null,
    client text not null,
    tokens double precision not null,
    at timestamptz not null,
    primary key (kind, client)
);
create index client_allowance_at on client_allowance (at);

-- Since when each page (a digest of origin, path, platform and vote copy) has had its bytes (named by their ETag):
-- every node sends the same Last-Modified for the same page, and it moves forward whenever the bytes change, even
-- back to an earlier version (decision 0040). Unlogged: a crash only moves the dates of unchanged pages forward.
create unlogged table page_version (
    page bytea primary key,
    etag text not null,
    since timestamptz not null,
    seen timestamptz not null
);
create index page_version_seen on page_version (seen);
