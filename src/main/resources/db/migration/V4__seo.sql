-- Sitemaps are cached until the content version changes or the next scheduled text comes due; finding that
-- next publication time must not scan every text.
create index question_text_published on question_text (published);

-- Where questions used to be. A question moved to another section or site (a re-import, later the admin) keeps
-- answering its old URLs with a 301 to its new one, and an old section page leads to where its questions went.
-- Written by the importer in its own transaction, before the question's new place.
create table question_move (
    site         text        not null,
    section_path text        not null,
    question_id  bigint      not null references question (id) on delete cascade,
    moved_at     timestamptz not null default now(),
    primary key (site, section_path, question_id)
);
create index question_move_question on question_move (question_id);
