-- The statements of a reply (accept, decline, withdraw, a secretariat's correction) on the registration database, in
-- the order an accept runs them: the one home of this SQL. ReplyRepository and InvitationLinkStates load it
-- (service-support's SqlFile), bench/run replays it with pgbench, docs/registration-accept-sql.md explains it.
-- The outbox row that commits with the reply is service-support's sql/outbox-append.sql.
-- A statement starts at its "-- name:" line and ends at the next one; "--" lines in between are comments.

-- name: link-state
-- Statement 0, before the endpoint runs and outside any transaction: the personal link's admission (link version,
-- revocation, the invitation's own link expiry, the language a refusal is written in, erasure).
select link_version, revoked_at is not null, link_expires_at, preferred_language, erased_at is not null
  from invitation_view
 where invitation_id = $1;

-- name: load-for-reply
-- Statement 1, the first of the transaction: the invitation, its forum's settings (null = configured defaults) and
-- its current reply. The lateral select list is ReplyRepository's REPLY_COLUMNS (ReplyPathSqlTest keeps them equal).
select i.invitation_id, i.forum_id, i.forum_code, i.letter_reference, i.deadline_date,
       i.deadline_time_zone, i.deadline_ends_at, i.link_version, i.revoked_at,
       s.late_reply_policy, s.max_delegation_size,
       r.version, r.status, r.participation_mode, r.delegation, r.decline_reason, r.channel,
       r.late, r.correction, r.recorded_at, r.recorded_by, r.document_reference, r.document_date, r.note,
       i.erased_at
  from invitation_view i
  left join forum_settings s on s.forum_id = i.forum_id
  left join lateral (select version, status, participation_mode, cast(delegation as text) as delegation, decline_reason, channel, late, correction, recorded_at, recorded_by, document_reference, document_date, note
                       from reply
                      where reply.invitation_id = i.invitation_id
                      order by reply.version desc
                      limit 1) r on true
 where i.invitation_id = $1;

-- name: insert-reply
-- Statement 2: the reply row, the next version, append-only. The primary key (invitation_id, version) is the
-- concurrency guard: 0 rows inserted means another request took this version first (409). The delegation is bound
-- as text and cast by PostgreSQL: bound straight to jsonb, the driver would store it as one JSON string.
insert into reply (invitation_id, version, status, participation_mode, delegation, decline_reason,
                   channel, late, correction, recorded_at, recorded_by, document_reference,
                   document_date, note)
values ($1, $2, $3, $4, cast(cast($5 as text) as jsonb), $6,
        $7, $8, $9, $10, $11, $12,
        $13, $14)
on conflict (invitation_id, version) do nothing;
