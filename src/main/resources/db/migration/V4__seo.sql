-- Sitemaps are cached until the content version changes or the next scheduled text comes due; finding that
-- next publication time must not scan every text.
create index question_text_published on question_text (published);
