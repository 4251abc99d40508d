-- Editors' drafts, publishing and history (issue 6), and the audit log of every admin write.
--
-- A question's texts live in two places: its revisions here (every saved version, as a whole bundle record) and
-- the live tables of V1 (question, question_text), which hold only what readers see: the published revision.
-- Pages, search and sitemaps read the live tables alone, so a draft can never leak. See
-- docs/decisions/0013-revisions-and-publishing.md.

-- V2 named its index on question.revision "question_revision", the name this table needs (indexes and tables
-- share one namespace); nothing refers to the index by name.
alter index question_revision rename to question_revision_version;

-- One row per question an editor has touched: the lock that orders its revisions (select … for update) and what
-- the live tables hold. No foreign key to question: a draft of a new question and an unpublished one have no
-- live row.
create table question_head (
    question_id        bigint      primary key check (question_id > 0),
    latest_revision    int         not null default 0 check (latest_revision >= 0),
    -- the revision the live tables hold; null when the question is not public
    published_revision int         check (published_revision between 1 and latest_revision),
    -- readers' vote counts, kept while the question is not public (unpublishing removes its live row)
    parked_votes_up    bigint      check (parked_votes_up >= 0),
    parked_votes_down  bigint      check (parked_votes_down >= 0),
    parked_usefulness  double precision check (parked_usefulness between 0 and 1),
    deleted_at         timestamptz,
    check ((parked_votes_up is null) = (parked_votes_down is null)),
    check (deleted_at is null or published_revision is null)
);

-- Every saved version of a question, never changed after it is written (only published_at is set, once, when
-- the revision goes public). record: the question in the bundle-record shape (bundle-format.md), all locales.
create table question_revision (
    question_id  bigint      not null references question_head (question_id),
    revision     int         not null check (revision > 0),
    record       jsonb       not null check (jsonb_typeof(record) = 'object'),
    -- the users table comes with authentication (V5); a user may be removed, their revisions stay theirs
    author_id    bigint,
    author_name  text        not null,
    created_at   timestamptz not null default now(),
    note         text        check (length(note) <= 1000),
    -- when this revision was made public (null: never)
    published_at timestamptz,
    primary key (question_id, revision)
);

-- Who changed what, when: one row per admin write, written in the write's own transaction. Append-only.
create table audit_log (
    id          bigint      generated always as identity primary key,
    at          timestamptz not null default now(),
    actor_id    bigint,
    actor_name  text        not null,
    action      text        not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
    object_type text        not null,
    object_id   text        not null,
    -- short summaries (revision, status, title), not whole records: those are in question_revision
    before      jsonb,
    after       jsonb,
    request_id  text        check (length(request_id) <= 200)
);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_object on audit_log (object_type, object_id, id desc);
create index audit_log_actor on audit_log (actor_id, id desc);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change();
