-- The Ministerial Round Table (issue 17): a second kind of session, ministers only, with its own capacity in seats
-- and one seat per delegation (docs/allocation.md, "The Ministerial Round Table"). Existing sessions are high-level
-- policy sessions.
alter table hl_session add column kind varchar(30) not null default 'HIGH_LEVEL_POLICY_SESSION'
    check (kind in ('HIGH_LEVEL_POLICY_SESSION', 'MINISTERIAL_ROUND_TABLE'));
-- A round table without a seat would take requests it can only put on the waiting list.
alter table hl_session add constraint hl_session_round_table_has_seats
    check (kind <> 'MINISTERIAL_ROUND_TABLE' or capacity >= 1);

-- A request for a seat at a round table names it here; null for a request for speaking time at the high-level policy
-- sessions. The two are independent: a delegation may hold one of each, and one seat per round table.
alter table speaking_request add column round_table_id uuid references hl_session (id);
drop index speaking_request_one_active;
create unique index speaking_request_one_active on speaking_request
    (invitation_id, coalesce(round_table_id, '00000000-0000-0000-0000-000000000000'::uuid))
    where status in ('ALLOCATED', 'WAITLISTED');
