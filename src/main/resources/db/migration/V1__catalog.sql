-- The help center's catalog: sites -> sections (product/theme/subtheme) -> questions, texts per locale.

-- One row: what the content as a whole declares (bundle header) and a version that every content write
-- bumps, so that each node (and the server beside an `import`) knows when to drop its caches.
create table help_center (
    id             boolean primary key default true check (id),
    locales        text[]  not null default '{ru,kz}',
    default_locale text    not null default 'ru',
    extra          jsonb   not null default '{}',
    version        bigint  not null default 0
);
insert into help_center default values;

create table site (
    slug     text primary key check (slug ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    position int   not null,
    extra    jsonb not null default '{}'
);

create table site_title (
    site   text not null references site (slug) on delete cascade,
    locale text not null check (locale ~ '^[a-z]{2}$'),
    title  text not null,
    primary key (site, locale)
);

create table section (
    id        bigint generated always as identity primary key,
    site      text   not null references site (slug) on delete cascade,
    path      text   not null check (path ~ '^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*){0,2}$'),
    parent_id bigint references section (id) on delete cascade,
    position  int    not null,
    extra     jsonb  not null default '{}',
    unique (site, path),
    unique (site, id)
);
create index section_parent on section (parent_id);

create table section_title (
    section_id bigint not null references section (id) on delete cascade,
    locale     text   not null check (locale ~ '^[a-z]{2}$'),
    title      text   not null,
    primary key (section_id, locale)
);

create table question (
    id          bigint  primary key check (id > 0),
    site        text    not null,
    section_id  bigint  not null,
    position    int     not null,
    pinned      boolean not null default false,
    -- a path inside the site ending in q{id}; may name another question (a cross-listed copy)
    canonical   text    not null check (canonical ~ '^(/[a-z0-9][a-z0-9_-]*)+/q[0-9]+$'),
    votes_up    bigint  check (votes_up >= 0),
    votes_down  bigint  check (votes_down >= 0),
    -- the ratio up/(up+down) when only the ratio is known (the seed's payload)
    usefulness  double precision check (usefulness between 0 and 1),
    -- recovered from a cut-off payload: some fields are missing
    incomplete  boolean not null default false,
    extra       jsonb   not null default '{}',
    foreign key (site, section_id) references section (site, id),
    check ((votes_up is null) = (votes_down is null))
);
create index question_section on question (section_id, pinned desc, position, id);

create table question_text (
    question_id      bigint  not null references question (id) on delete cascade,
    locale           text    not null check (locale ~ '^[a-z]{2}$'),
    title            text    not null,
    content          text    not null,
    updated          date,
    -- local date-time in the help center's zone; in the future means scheduled
    published        timestamp,
    meta_title       text,
    meta_description text,
    meta_h1          text,
    no_index         boolean not null default false,
    no_follow        boolean not null default false,
    extra            jsonb   not null default '{}',
    primary key (question_id, locale)
);
