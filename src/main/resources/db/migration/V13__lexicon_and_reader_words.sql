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
