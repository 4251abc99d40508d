-- Readers' feedback: votes on answers (with the reasons an answer did not help) and page views.

-- A reader's current vote on a question: one row per (question, visitor), a second vote replaces the first.
-- question.votes_up/votes_down are moved in the same transaction, so they count imported votes and these alike.
-- The row keeps what editors read: why not useful, the reader's own words, the locale they read, and when.
create table vote (
    question_id bigint      not null references question (id) on delete cascade,
    -- the visitor cookie: 128 random bits, base64url; names nobody
    visitor     text        not null check (visitor ~ '^[A-Za-z0-9_-]{22}$'),
    useful      boolean     not null,
    reason      text        check (reason in ('no_answer', 'unclear', 'outdated', 'other')),
    comment     text        check (length(comment) between 1 and 1000),
    locale      text        not null check (locale ~ '^[a-z]{2}$'),
    at          timestamptz not null default now(),
    primary key (question_id, visitor),
    check (not useful or (reason is null and comment is null))
);
-- editors read what did not help, per question and newest first
create index vote_not_useful on vote (question_id, at desc) where not useful;

-- Page views per question and day (in the help center's zone). Each node adds its own counts in batches,
-- so the rows are sums over all nodes; per day, so that "top questions" can look at recent weeks only.
create table question_view (
    question_id bigint not null references question (id) on delete cascade,
    day         date   not null,
    views       bigint not null check (views > 0),
    primary key (question_id, day)
);
