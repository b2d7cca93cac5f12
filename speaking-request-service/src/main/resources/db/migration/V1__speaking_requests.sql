-- speaking-request-service schema. Read models of other services' events first, then what this service owns.

-- Forum editions, from ForumEditionPublished (or a placeholder from InvitationIssued when that arrives first).
-- The row is also the per-forum lock: every change to a forum's allocation starts with "select ... for update".
create table forum (
    id                 uuid         primary key,
    code               varchar(50),
    revision           bigint       not null default -1,
    time_zone          varchar(64)  not null default 'UTC',
    late_policy        varchar(20)  not null default 'WAITLIST' check (late_policy in ('WAITLIST', 'REJECT')),
    frozen             boolean      not null default false,
    published_revision integer      not null default 0,
    published_at       timestamptz
);
create index forum_code on forum (code);

-- Circular letters, from CircularLetterPublished: the latest revision's speaking-request deadline wins.
create table circular_letter (
    id                   uuid        primary key,
    forum_id             uuid        not null,
    revision             integer     not null,
    speaking_deadline_at timestamptz
);

-- Invitations and their replies. No names or addresses: the speaker's name comes with the request itself.
create table invitation (
    id                   uuid         primary key,
    forum_id             uuid,
    letter_id            uuid,
    member_state         varchar(200),
    rank                 varchar(30),
    link_version         integer      not null default 0,
    speaking_deadline_at timestamptz,
    issued               boolean      not null default false,
    revoked              boolean      not null default false,
    reply_status         varchar(20)  check (reply_status in ('ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    reply_version        integer      not null default -1,
    attendance_mode      varchar(20)  check (attendance_mode in ('IN_PERSON', 'REMOTE'))
);

-- High-level policy sessions. "allocated" is maintained by the trigger below, never by the application, and the
-- check makes overbooking impossible whatever the Java code does.
create table hl_session (
    id                uuid         primary key,
    forum_id          uuid         not null references forum (id),
    title_ar          varchar(300),
    title_en          varchar(300),
    title_es          varchar(300),
    title_fr          varchar(300),
    title_ru          varchar(300),
    title_zh          varchar(300),
    starts_at         timestamptz  not null,
    ends_at           timestamptz  not null,
    capacity          integer      not null check (capacity >= 0),
    allocated         integer      not null default 0,
    statement_minutes integer      not null default 3 check (statement_minutes between 1 and 60),
    modalities        varchar(60)  not null,
    demo_key          varchar(60)  unique,
    constraint hl_session_no_overbooking check (allocated >= 0 and allocated <= capacity),
    constraint hl_session_ends_after_start check (ends_at > starts_at)
);
create index hl_session_forum on hl_session (forum_id, starts_at);

create table speaking_request (
    id                    uuid          primary key,
    forum_id              uuid          not null references forum (id),
    invitation_id         uuid          not null,
    member_state          varchar(200),
    speaker_name          varchar(200)  not null,
    speaker_title         varchar(200)  not null,
    speaker_rank          varchar(30)   not null,
    speaker_substitute    boolean       not null,
    preferred_session_ids varchar(2000) not null,
    statement_language    varchar(2)    not null,
    modality              varchar(20)   not null check (modality in ('IN_PERSON', 'REMOTE_LIVE', 'VIDEO')),
    topic                 varchar(300)  not null,
    statement_text        text,
    video_reference       varchar(500),
    submitted_at          timestamptz   not null,
    submitted_by          varchar(20)   not null check (submitted_by in ('INVITEE', 'SECRETARIAT')),
    late                  boolean       not null,
    status                varchar(20)   not null check (status in ('ALLOCATED', 'WAITLISTED', 'WITHDRAWN', 'REJECTED')),
    waiting_position      integer,
    override_kind         varchar(20)   check (override_kind in ('ASSIGNED', 'SUBSTITUTION', 'HELD')),
    override_session_id   uuid,
    status_reason         varchar(500),
    closed_at             timestamptz
);
-- One active request per delegation, even under concurrent submissions.
create unique index speaking_request_one_active on speaking_request (invitation_id)
    where status in ('ALLOCATED', 'WAITLISTED');
create index speaking_request_forum on speaking_request (forum_id, status);

-- The seats. One row per allocated request; (session, position) is unique and the count is checked by hl_session.
create table speaking_slot (
    session_id uuid    not null references hl_session (id),
    position   integer not null check (position >= 1),
    request_id uuid    not null unique references speaking_request (id),
    forum_id   uuid    not null,
    primary key (session_id, position)
);
create index speaking_slot_forum on speaking_slot (forum_id);

-- Keeps hl_session.allocated equal to the number of seats; the check constraint on hl_session then refuses the
-- seat that would exceed the capacity, and rolls back the whole transaction that tried.
create function speaking_slot_count() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update hl_session set allocated = allocated + 1 where id = new.session_id;
        if (select capacity from hl_session where id = new.session_id) < new.position then
            raise exception 'position % beyond the capacity of session %', new.position, new.session_id
                using errcode = 'check_violation', constraint = 'hl_session_no_overbooking';
        end if;
        return new;
    elsif tg_op = 'UPDATE' then
        raise exception 'seats are deleted and inserted, never updated';
    elsif tg_op = 'DELETE' then
        update hl_session set allocated = allocated - 1 where id = old.session_id;
        return old;
    end if;
    return null;
end;
$$;

create trigger speaking_slot_count after insert or update or delete on speaking_slot
    for each row execute function speaking_slot_count();
