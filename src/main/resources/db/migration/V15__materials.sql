-- Video and document sections ("materials"; docs/decisions/0036-materials.md). A section says what it lists:
-- questions (every section so far), videos or documents. Materials live in tables of their own: they have no
-- answer, votes, canonical or moves, but a link, a duration or a file's format and size.
alter table section
    add column kind text not null default 'questions' check (kind in ('questions', 'videos', 'documents'));

-- The live tables, as readers see them (drafts are in material_revision below, as for questions). Written like
-- questions: by imports and by the admin's publishing, each write bumping help_center.version (which notifies,
-- V11) and setting revision to the new version, so search indexes follow (decision 0029). That a video sits in
-- a videos section and a document in a documents section is checked by every writer before it writes.
create table material (
    id         bigint primary key check (id > 0),
    site       text   not null,
    section_id bigint not null,
    kind       text   not null check (kind in ('video', 'document')),
    position   int    not null check (position >= 0),
    extra      jsonb  not null default '{}',
    -- the content version that last wrote the material or one of its texts
    revision   bigint not null default 0,
    foreign key (site, section_id) references section (site, id)
);
create index material_section on material (section_id, position, id);
create index material_revision_version on material (revision);

create table material_text (
    material_id bigint    not null references material (id) on delete cascade,
    locale      text      not null check (locale ~ '^[a-z]{2}$'),
    title       text      not null,
    -- readers' browsers load it (a player, a file): https only
    url         text      not null check (url like 'https://%'),
    description text,
    -- ISO 8601 as the bundle gave it (PT2M31S), so an export gives back the same text; videos only
    duration    text,
    -- documents only: the file's format as given (pdf) and its size in bytes
    format      text,
    size        bigint    check (size >= 0),
    updated     date,
    -- local date-time in the help center's zone; in the future means scheduled
    published   timestamp,
    extra       jsonb     not null default '{}',
    primary key (material_id, locale)
);
-- the next scheduled publication is looked up on every content state read (catalog/CurrentState)
create index material_text_published on material_text (published);

-- Editors' history of a material, as V6 keeps a question's: every saved version as a whole bundle record, the head
-- row ordering them (locked by a writer) and saying which revision the live tables hold.
create table material_head (
    material_id        bigint primary key check (material_id > 0),
    latest_revision    int    not null default 0 check (latest_revision >= 0),
    -- the revision the live tables hold; null when the material is not public
    published_revision int    check (published_revision between 1 and latest_revision)
);

create table material_revision (
    material_id  bigint      not null references material_head (material_id),
    revision     int         not null check (revision > 0),
    record       jsonb       not null check (jsonb_typeof(record) = 'object'),
    author_id    bigint,
    author_name  text        not null,
    created_at   timestamptz not null default now(),
    note         text        check (length(note) <= 1000),
    published_at timestamptz,
    primary key (material_id, revision)
);
