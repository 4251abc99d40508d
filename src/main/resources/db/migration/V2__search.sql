-- The content version at which each question was last written: a search index (one per node) catches up
-- by reading the questions written after the version it has indexed.
alter table question add column revision bigint not null default 0;
create index question_revision on question (revision);

-- Queries that found nothing, for editors: what people ask that the help center does not answer.
create table search_miss (
    id     bigint generated always as identity primary key,
    site   text        not null,
    locale text,
    query  text        not null check (length(query) <= 500),
    at     timestamptz not null default now()
);
create index search_miss_at on search_miss (at desc);
