-- Answers offered before a human (decision 0045): each message a reader typed into the hand-off form, or an
-- integrator's chat bot sent to the suggest API, what komek suggested, and what came of it.

-- One row per message. Raw events: pruned after the analytics retention; the per-day counts below outlive them.
create table deflection (
    -- 128 random bits, base64url: the message's handle in outcome links, unguessable
    id         text        primary key check (id ~ '^[A-Za-z0-9_-]{22}$'),
    at         timestamptz not null default now(),
    -- the help center's day, the key of deflection_day
    day        date        not null,
    site       text        not null check (length(site) between 1 and 64),
    -- the locale answered in: the caller's, else the message's own language
    locale     text        not null check (locale in ('ru', 'kz')),
    platform   text        not null check (platform in ('desktop', 'mobile', 'app')),
    channel    text        not null check (channel in ('page', 'api')),
    -- masked before it is stored: card numbers, phone numbers, IINs and e-mail addresses never reach the database
    message    text        not null check (length(message) between 1 and 1000),
    -- the visitor cookie hashed with that day's salt (visitor_salt): counts distinct askers in a day, links no days
    visitor    text        check (visitor ~ '^[0-9a-f]{32}$'),
    decision   text        not null check (decision in ('answer', 'suggest', 'none')),
    -- of the best suggestion; 0 when nothing was suggested
    confidence real        not null check (confidence between 0 and 1),
    -- question ids, best first (at most 3)
    suggested  bigint[]    not null check (cardinality(suggested) <= 3),
    -- each suggestion's confidence, in the same order
    confidences real[]     not null default '{}',
    -- outcomes: the first answer opened, the first found useful, and going on to chat; each set once
    opened     bigint,
    opened_at  timestamptz,
    useful     bigint,
    useful_at  timestamptz,
    chat_at    timestamptz,
    check ((opened is null) = (opened_at is null)),
    check ((useful is null) = (useful_at is null))
);
create index deflection_by_day on deflection (day, site, locale);
-- what went on to chat, newest first: the messages editors read
create index deflection_chat on deflection (site, chat_at desc) where chat_at is not null;

-- The same per day, kept after the raw rows are pruned. Moved in the transaction that writes the row or its outcome.
create table deflection_day (
    day      date   not null,
    site     text   not null check (length(site) between 1 and 64),
    locale   text   not null check (locale in ('ru', 'kz')),
    platform text   not null check (platform in ('desktop', 'mobile', 'app')),
    channel  text   not null check (channel in ('page', 'api')),
    decision text   not null check (decision in ('answer', 'suggest', 'none')),
    messages bigint not null default 0 check (messages >= 0),
    opened   bigint not null default 0 check (opened >= 0),
    useful   bigint not null default 0 check (useful >= 0),
    chat     bigint not null default 0 check (chat >= 0),
    primary key (day, site, locale, platform, channel, decision)
);

-- One random salt per day for hashing visitor ids in analytics. Yesterday's is deleted when today's is made, so a
-- hash cannot be recomputed from a cookie once its day is over. Unlogged: a crash only starts a new salt.
create unlogged table visitor_salt (
    day  date  primary key,
    salt bytea not null check (length(salt) = 32)
);
