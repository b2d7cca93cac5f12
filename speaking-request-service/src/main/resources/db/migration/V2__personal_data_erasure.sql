-- Erasure of one person's personal data on request (PersonalDataErasureRequested, docs/events.md).

-- The invitation's personal data was erased: no request, substitution or statement may add any again. The row may
-- be created by the erasure itself, before the InvitationIssued it refers to (another partition).
alter table invitation add column erased_at timestamptz;

-- An erased request keeps its place, rank, member state, sessions and status (the allocation and the published
-- list depend on them); the speaker's name and title, the statement, the video and the status reason are nulled.
alter table speaking_request alter column speaker_name drop not null;
alter table speaking_request alter column speaker_title drop not null;
