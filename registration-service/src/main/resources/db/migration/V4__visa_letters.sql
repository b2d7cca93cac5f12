-- Visa support letters (docs/visa-letters.md). The forum's in-person week, from ForumEditionPublished, is what a
-- letter certifies; null for editions consumed before these columns existed, until the forum is published again.
alter table forum_edition add column in_person_start date;
alter table forum_edition add column in_person_end date;

-- One row per letter issued: what its reference certifies. The letter is valid while the invitation's current reply
-- is still an in-person acceptance listing this member (judged at verification, not stored). The member's name and
-- title are personal data: an erasure sets them to null, the reference stays and no longer certifies anyone.
create table visa_letter (
    reference      varchar(30)    primary key,
    invitation_id  uuid           not null references invitation_view (invitation_id),
    reply_version  integer        not null,
    member_name    varchar(500),
    member_title   varchar(500),
    language       varchar(2)     not null,
    issued_at      timestamptz    not null
);

-- A second download of the same letter (same reply version, member and language) returns the same reference.
create index visa_letter_invitation on visa_letter (invitation_id, reply_version);
