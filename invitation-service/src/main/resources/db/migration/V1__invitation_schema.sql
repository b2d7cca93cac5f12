-- invitation-service schema. Flyway owns it; every entity names its columns explicitly.

create table forum_edition (
    id                    uuid          primary key,
    code                  varchar(40)   not null unique,
    -- Bumped on every change so that consumers of ForumEditionPublished keep the latest one.
    revision              bigint        not null,
    names_json            text          not null,
    themes_json           text          not null,
    virtual_phase_start   date,
    in_person_start       date          not null,
    in_person_end         date          not null,
    venue                 varchar(300)  not null,
    format                varchar(20)   not null,
    time_zone             varchar(60)   not null,
    forum_site_url        varchar(500)  not null,
    speaking_request_url  varchar(500)  not null,
    partnership_url       varchar(500),
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    constraint forum_in_person_week check (in_person_end >= in_person_start)
);

-- The letter's identity: its reference is unique within a forum, whatever its revisions.
create table circular_letter (
    id          uuid          primary key,
    forum_id    uuid          not null references forum_edition (id),
    reference   varchar(40)   not null,
    created_at  timestamptz   not null,
    constraint circular_letter_reference_unique unique (forum_id, reference)
);

-- Every revision is kept: a published one is never updated, a correction is the next revision.
create table circular_letter_revision (
    id                        uuid          primary key,
    letter_id                 uuid          not null references circular_letter (id),
    revision                  integer       not null,
    status                    varchar(20)   not null,
    letter_date               date          not null,
    signatory_name            varchar(200)  not null,
    signatory_title           varchar(200)  not null,
    contact_name              varchar(200)  not null,
    contact_email             varchar(320)  not null,
    contact_phone             varchar(50),
    original_language         varchar(2)    not null,
    texts_json                text          not null,
    addressee_class           varchar(300)  not null,
    response_deadline_date    date          not null,
    response_deadline_at      timestamptz   not null,
    speaking_deadline_date    date          not null,
    speaking_deadline_at      timestamptz   not null,
    created_at                timestamptz   not null,
    published_at              timestamptz,
    constraint circular_letter_revision_unique unique (letter_id, revision),
    constraint circular_letter_revision_status check (status in ('DRAFT', 'PUBLISHED'))
);

-- Natural key: a person is one e-mail address (lower-cased, trimmed) within one Member State's delegation.
create table invitee (
    id                  uuid          primary key,
    member_state        varchar(2)    not null,
    full_name           varchar(200)  not null,
    form_of_address     varchar(30)   not null,
    rank                varchar(30)   not null,
    title               varchar(300),
    ministry            varchar(300),
    email               varchar(320)  not null,
    email_normalized    varchar(320)  not null,
    cc_json             text          not null,
    preferred_language  varchar(2)    not null,
    time_zone           varchar(60)   not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    constraint invitee_natural_key unique (member_state, email_normalized)
);

create table invitation (
    id                      uuid          primary key,
    letter_id               uuid          not null references circular_letter (id),
    invitee_id              uuid          not null references invitee (id),
    forum_id                uuid          not null references forum_edition (id),
    -- The letter revision the invitation was issued from.
    letter_revision         integer       not null,
    -- Stored lifecycle; EXPIRED is derived on read from response_deadline_at and the clock.
    status                  varchar(20)   not null,
    reply_status            varchar(20),
    reply_version           integer       not null default 0,
    -- Snapshot of the invitee at issue time, so that filters and sorts need no join.
    member_state            varchar(2)    not null,
    preferred_language      varchar(2)    not null,
    rank                    varchar(30)   not null,
    response_deadline_date  date          not null,
    response_deadline_zone  varchar(60)   not null,
    response_deadline_at    timestamptz   not null,
    link_version            integer       not null,
    link_expires_at         timestamptz   not null,
    issued_at               timestamptz   not null,
    status_changed_at       timestamptz   not null,
    revocation_reason       varchar(500),
    -- The request that created the row: lets a bulk issue read back exactly what it inserted.
    issue_batch             uuid          not null,
    -- What makes issuing idempotent, even for two racing bulk requests.
    constraint invitation_per_letter_and_invitee unique (letter_id, invitee_id),
    constraint invitation_status check (status in ('ISSUED', 'ACCEPTED', 'DECLINED', 'REVOKED'))
);

create index invitation_issue_batch on invitation (issue_batch);
create index invitation_letter_status on invitation (letter_id, status);

-- Idempotency-Key: the first response to a key is replayed for every retry carrying it.
create table idempotency_record (
    scope          varchar(100)  not null,
    idem_key       varchar(200)  not null,
    request_hash   varchar(64)   not null,
    response_code  integer,
    response_body  text,
    created_at     timestamptz   not null,
    primary key (scope, idem_key)
);
