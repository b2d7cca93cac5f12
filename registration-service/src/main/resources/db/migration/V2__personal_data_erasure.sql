-- Erasure of one person's personal data on request (PersonalDataErasureRequested, docs/events.md).

-- The view says an invitation's personal data is erased: its replies accept no new personal data.
alter table invitation_view add column erased_at timestamptz;

-- One tombstone per erased invitation, kept forever and independent of the view: the erasure may arrive before the
-- InvitationIssued it refers to (another partition), which then creates the view row already erased.
create table personal_data_erasure (
    invitation_id  uuid          primary key,
    erasure_id     uuid          not null,
    erased_at      timestamptz   not null
);
