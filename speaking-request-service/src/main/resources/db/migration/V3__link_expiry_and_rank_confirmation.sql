-- The invitation's own link expiry and the invitee's language, from InvitationIssued and PersonalLinkReissued: a
-- link is valid only until the earlier of this expiry and what its token claims, and a refusal can name the
-- language (docs/security-auth.md). Null for rows consumed before these columns existed.
alter table invitation add column link_expires_at timestamptz;
alter table invitation add column preferred_language varchar(2);

-- A rank the invitation does not support needs the secretariat's confirmation before it counts for precedence
-- (docs/allocation.md, "Ranks that need confirmation"). speaker_rank stays the rank claimed for the speaker;
-- precedence_rank is the one the allocation uses: the invitation's rank while the claim waits or after a refusal.
alter table speaking_request add column precedence_rank varchar(30);
update speaking_request set precedence_rank = speaker_rank;
alter table speaking_request alter column precedence_rank set not null;
alter table speaking_request add column rank_confirmation varchar(20)
    check (rank_confirmation in ('PENDING', 'CONFIRMED', 'REFUSED'));
alter table speaking_request add column rank_decided_by varchar(200);
alter table speaking_request add column rank_decided_at timestamptz;
alter table speaking_request add column rank_decision_note varchar(500);
-- The secretariat's queue of claims to decide.
create index speaking_request_rank_pending on speaking_request (forum_id) where rank_confirmation = 'PENDING';
