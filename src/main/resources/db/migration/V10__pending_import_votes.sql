-- What an admin import does with stored questions' vote counts (issue 12.17): chosen on upload, shown in the dry
-- run, and applied as shown, so it is kept with the upload.
alter table pending_import
    add column votes text not null default 'keep' check (votes in ('replace', 'keep', 'add'));
