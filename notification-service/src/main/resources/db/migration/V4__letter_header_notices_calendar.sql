-- What the emails now show of the letter and the forum: the letter's date (every email about a letter states its
-- reference and date), the in-person week (the calendar entry of an in-person acceptance) and the forum's links.
alter table circular_letter add column letter_date date;
alter table forum_edition add column in_person_start date;
alter table forum_edition add column in_person_end date;
alter table forum_edition add column forum_site_url varchar(2000);
alter table forum_edition add column speaking_request_url varchar(2000);
alter table forum_edition add column partnership_url varchar(2000);

-- Calendar entries sent to invitees (.ics, RFC 5545): one per speaking slot (uid from the speaking request) and one
-- per in-person attendance (uid from the invitation). An update or a cancellation keeps the uid and raises the
-- sequence, which is taken when the causing event is consumed, in its inbox transaction: events of one invitation
-- are consumed in order, so the sequences follow the events, and a retried or resent email keeps its own.
-- No personal data: ids and counters only.
create table calendar_entry (
    uid           varchar(200) primary key,
    invitation_id uuid         not null,
    sequence      integer      not null,
    active        boolean      not null,
    -- When the last published version takes place (a cancellation repeats it, RFC 5546 wants DTSTART): an instant
    -- range for a statement, whole days for an in-person week.
    starts_at     timestamptz,
    ends_at       timestamptz,
    first_day     date,
    last_day      date,
    updated_at    timestamptz  not null
);
create index calendar_entry_by_invitation on calendar_entry (invitation_id);

-- The calendar entry an intent carries, if any: its uid, sequence and iTIP method (PUBLISH or CANCEL).
alter table notification add column calendar_uid varchar(200);
alter table notification add column calendar_sequence integer;
alter table notification add column calendar_method varchar(10);
