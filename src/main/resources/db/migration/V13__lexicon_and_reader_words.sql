-- Issue 14: editors' verdicts on the word pairs search learns from the content. A rejected pair is never used; a
-- confirmed one is used as sure, learned or not. Stems, as search keeps them (lowercase, cut to their stem).
create table lexicon_verdict (
    ru         text        not null check (length(ru) between 1 and 64),
    kz         text        not null check (length(kz) between 1 and 64),
    confirmed  boolean     not null,
    decided_by text        not null,
    decided_at timestamptz not null default now(),
    primary key (ru, kz)
);

-- Readers' words (issue 14): which question a search led to, without personal data. A reader is a keyed hash of
-- their address under that day's salt; the salt is deleted the day after, so a hash cannot be tied to
-- an address again, and the same reader counts anew each day.
create table reader_salt (
    day  date  primary key,
    salt bytea not null
);

create table search_outcome (
    day         date        not null,
    reader      text        not null,
    site        text        not null,
    -- the language of the search page: the query's
    locale      text        not null,
    query       text        not null check (length(query) between 1 and 200),
    question_id bigint      not null references question (id) on delete cascade,
    -- the reader voted the question useful after opening it
    useful      boolean     not null default false,
    -- the reader searched again soon after opening it: it did not answer
    abandoned   boolean     not null default false,
    at          timestamptz not null default now(),
    primary key (day, reader, site, locale, query, question_id)
);
create index search_outcome_question on search_outcome (question_id);
create index search_outcome_at on search_outcome (at);

-- What search uses: the phrases enough distinct readers ended on, per question, as last counted (the search
-- documents read them). Editors' verdicts: a rejected phrase is never used, a confirmed one always.
create table reader_phrase (
    question_id bigint           not null references question (id) on delete cascade,
    locale      text             not null,
    phrase      text             not null,
    weight      double precision not null,
    readers     int              not null,
    primary key (question_id, locale, phrase)
);

create table reader_phrase_verdict (
    question_id bigint      not null references question (id) on delete cascade,
    locale      text        not null,
    phrase      text        not null,
    confirmed   boolean     not null,
    decided_by  text        not null,
    decided_at  timestamptz not null default now(),
    primary key (question_id, locale, phrase)
);
