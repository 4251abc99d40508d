-- Zero-result searches counted per day and query, not a row per search: anonymous requests must not grow a
-- table without bound. The application keeps at most a fixed number of distinct queries a day (the rest count
-- under the query '') and forgets days older than 90.
create table search_miss_day (
    day     date        not null,
    site    text        not null check (length(site) <= 64),
    locale  text        not null default '',
    query   text        not null check (length(query) <= 200),
    misses  bigint      not null default 1 check (misses > 0),
    last_at timestamptz not null default now(),
    primary key (day, site, locale, query)
);
create index search_miss_day_last on search_miss_day (last_at desc);

insert into search_miss_day (day, site, locale, query, misses, last_at)
select (at at time zone 'UTC')::date, left(site, 64), coalesce(locale, ''),
       left(regexp_replace(lower(btrim(query)), '\s+', ' ', 'g'), 200), count(*), max(at)
from search_miss
group by 1, 2, 3, 4;

drop table search_miss;
