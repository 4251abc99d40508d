-- A reader's own votes, newest first: written into their vote-marks cookie once, when a reader who voted before
-- that cookie existed comes back (decision 0035), and again on each vote when their cookie was lost.
create index vote_visitor on vote (visitor, at desc);
