-- The invitation-event consumer's hot write on the registration database: the one home of this SQL.
-- InvitationViewRepository loads it (service-support's SqlFile). A statement starts at its "-- name:" line and ends
-- at the next one; "--" lines in between are comments.

-- name: invitation-issued
-- InvitationIssued, inbox row and view together, as one statement on the reactive pool: one statement is one
-- transaction (autocommit), so the two commit or roll back together, as they did in the Hibernate transaction this
-- replaces (BEGIN, the inbox insert, a read of the view, a read of the erasure, the view's insert, COMMIT; in a bulk
-- of 10,000 invitations that path cost registration-service more CPU per invitation than notification-service spent
-- sending its email, bench/results/2026-12-05-a2e0a00-dirty-emails.md).
-- The view is written only if the inbox row is new (a redelivered event changes nothing). A view that exists already
-- (the event is re-published) takes the event's values, keeps its revocation and erasure, and never goes back to an
-- older link version; a new one starts erased when the person's erasure came first (it travels on another partition).
-- $1 event id, $2 event type, $3 topic, $4 invitation, $5 forum, $6 forum code, $7 letter, $8 letter reference,
-- $9 member state, $10 language, $11 rank, $12 deadline date, $13 deadline zone, $14 deadline end, $15 link version,
-- $16 link expiry, $17 issued at.
with inbox as (
    insert into inbox_processed_event (event_id, event_type, topic) values ($1, $2, $3)
    on conflict (event_id) do nothing
    returning event_id),
view as (
    insert into invitation_view as v (invitation_id, forum_id, forum_code, letter_id, letter_reference, member_state,
                                      preferred_language, invitee_rank, deadline_date, deadline_time_zone,
                                      deadline_ends_at, link_version, link_expires_at, issued_at, erased_at)
    select $4::uuid, $5::uuid, $6::varchar, $7::uuid, $8::varchar, $9::varchar, $10::varchar, $11::varchar,
           $12::date, $13::varchar, $14::timestamptz, $15::integer, $16::timestamptz, $17::timestamptz,
           (select erased_at from personal_data_erasure where invitation_id = $4::uuid)
      from inbox
    on conflict (invitation_id) do update set
        forum_id = excluded.forum_id, forum_code = excluded.forum_code, letter_id = excluded.letter_id,
        letter_reference = excluded.letter_reference, member_state = excluded.member_state,
        preferred_language = excluded.preferred_language, invitee_rank = excluded.invitee_rank,
        deadline_date = excluded.deadline_date, deadline_time_zone = excluded.deadline_time_zone,
        deadline_ends_at = excluded.deadline_ends_at,
        link_version = case when excluded.link_version >= v.link_version then excluded.link_version
                            else v.link_version end,
        link_expires_at = case when excluded.link_version >= v.link_version then excluded.link_expires_at
                               else v.link_expires_at end,
        issued_at = excluded.issued_at)
select exists (select 1 from inbox) as applied;
