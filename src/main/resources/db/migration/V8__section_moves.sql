-- Where a renamed or moved section went, so that its old page answers 301 even when no question was ever listed
-- there (question_move covers the questions; an empty section left no trace). One row per old path: a section
-- moved twice points at its latest place.
create table section_move (
    site     text        not null references site (slug) on delete cascade,
    old_path text        not null,
    new_path text        not null,
    moved_at timestamptz not null default now(),
    primary key (site, old_path)
);
