-- Editors' other phrasings of a question (issue 14): how readers may ask it in their own words, searched like the
-- title and never shown. They belong to one locale's text, so they live in its row: written, compared, published
-- and removed with it (imports, publishing, unpublishing), in the order the editor gave them. Checked by
-- bundle/Phrasings before they get here; the checks below only bound what a bug could store.
alter table question_text
    add column phrasings text[] not null default '{}'
        check (cardinality(phrasings) <= 20 and array_position(phrasings, null) is null);
