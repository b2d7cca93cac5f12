-- registration-service owns the reply. Its view of invitations is built from invitation-service's events only.

-- One row per invitation, written by the invitation-event consumer. Only what answering a link, judging a
-- deadline and counting replies needs: no name, no email (those stay in notification-service).
create table invitation_view (
    invitation_id       uuid          primary key,
    forum_id            uuid          not null,
    forum_code          varchar(50)   not null,
    letter_id           uuid          not null,
    letter_reference    varchar(100)  not null,
    member_state        varchar(2)    not null,
    preferred_language  varchar(2)    not null,
    invitee_rank        varchar(30)   not null,
    deadline_date       date          not null,
    deadline_time_zone  varchar(64)   not null,
    deadline_ends_at    timestamptz   not null,
    link_version        integer       not null,
    revoked_at          timestamptz,
    issued_at           timestamptz   not null
);

-- Statistics and exports read one forum at a time.
create index invitation_view_forum on invitation_view (forum_id);

-- The forum editions' names, for the invitee's view; the latest revision wins (events may be re-published).
create table forum_edition (
    forum_id    uuid          primary key,
    revision    bigint        not null,
    code        varchar(50)   not null,
    -- {"en": "WSIS Forum 2022", "fr": "Forum 2022 du SMSI", ...}
    names       text          not null,
    time_zone   varchar(64)   not null
);

-- Per-forum settings set by the secretariat; a forum without a row uses the configured defaults.
create table forum_settings (
    forum_id             uuid          primary key,
    late_reply_policy    varchar(10)   not null check (late_reply_policy in ('FLAG', 'REJECT')),
    max_delegation_size  integer       not null check (max_delegation_size between 1 and 100),
    updated_at           timestamptz   not null,
    updated_by           varchar(200)  not null
);

-- Every version of every reply, append-only. The current reply is the highest version: the primary key both
-- finds it (backward index scan) and refuses a second writer of the same version, so no row lock is needed.
create table reply (
    invitation_id       uuid           not null references invitation_view (invitation_id),
    version             integer        not null check (version > 0),
    status              varchar(10)    not null check (status in ('ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    participation_mode  varchar(10)    check (participation_mode in ('IN_PERSON', 'REMOTE')),
    -- Delegates with email and accessibility needs: personal data that never leaves this service on a topic.
    delegation          jsonb          not null default '[]',
    decline_reason      varchar(2000),
    channel             varchar(20)    not null,
    late                boolean        not null,
    correction          boolean        not null,
    recorded_at         timestamptz    not null,
    recorded_by         varchar(200)   not null,
    document_reference  varchar(100),
    document_date       date,
    note                varchar(2000),
    primary key (invitation_id, version)
);
