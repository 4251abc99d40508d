-- Every content write bumps help_center.version (issue 13): tell every listening node, whichever process or node
-- wrote. PostgreSQL delivers a notification when the writing transaction commits, and never if it rolls back,
-- so a node that hears version N can read it at once. The payload is the new version.
create function help_center_notify_version() returns trigger language plpgsql as $$
begin
    perform pg_notify('komek_content', new.version::text);
    return null;
end $$;

create trigger help_center_version_notify after update of version on help_center
    for each row when (new.version is distinct from old.version)
    execute function help_center_notify_version();
