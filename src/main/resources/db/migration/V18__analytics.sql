-- Analytics for editors (decision 0046): per-day counts that the admin's analytics page reads. No visitor, no
-- address: only what was done, per day (in the help center's zone), site, locale and question or query.

-- Searches on the search page that found something, and results opened from it, per normalized query (lower case,
-- spaces collapsed). Counted in memory and added in batches; the application keeps a bounded number of distinct
-- queries a day (the rest count under the query ''), as search_miss_day does, and forgets days after the analytics
-- retention (they hold readers' words).
create table search_day (
    day      date   not null,
    site     text   not null check (length(site) between 1 and 64),
    locale   text   not null check (locale in ('ru', 'kz')),
    query    text   not null check (length(query) <= 200),
    searches bigint not null default 0 check (searches >= 0),
    opened   bigint not null default 0 check (opened >= 0),
    primary key (day, site, locale, query)
);

-- Votes cast per day, question and locale: a reader's first vote, or one that changes their verdict or reason
-- (the vote table keeps only a reader's current vote). Moved in the vote's own transaction.
create table vote_day (
    day         date   not null,
    question_id bigint not null references question (id) on delete cascade,
    locale      text   not null check (locale ~ '^[a-z]{2}$'),
    useful      bigint not null default 0 check (useful >= 0),
    not_useful  bigint not null default 0 check (not_useful >= 0),
    no_answer   bigint not null default 0 check (no_answer >= 0),
    unclear     bigint not null default 0 check (unclear >= 0),
    outdated    bigint not null default 0 check (outdated >= 0),
    other       bigint not null default 0 check (other >= 0),
    primary key (day, question_id, locale)
);
-- the upkeep deletes old days
create index vote_day_by_day on vote_day (day);
