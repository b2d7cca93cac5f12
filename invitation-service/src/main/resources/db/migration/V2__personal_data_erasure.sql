-- Erasure of one person's personal data on request (docs/security.md, invitation-service README).

-- An erased invitee keeps its id (invitations point to it), member state, rank, language and time zone (the office
-- invited, for statistics); its name, form of address, title, ministry and addresses are nulled.
alter table invitee alter column full_name drop not null;
alter table invitee alter column form_of_address drop not null;
alter table invitee alter column email drop not null;
alter table invitee alter column email_normalized drop not null;
alter table invitee add column erased_at timestamptz;

-- One request per person: asking again answers the same request.
create table erasure_request (
    id              uuid          primary key,
    invitee_id      uuid          not null unique references invitee (id),
    requested_at    timestamptz   not null,
    requested_by    varchar(200)  not null,
    -- JSON array of the invitation ids the request covers (every invitation of the person at request time).
    invitation_ids  text          not null
);

-- What each service reported it erased: counts per kind of data (JSON object), never the data. The first report
-- of a service counts; a redelivered one changes nothing.
create table erasure_report (
    erasure_id   uuid          not null references erasure_request (id),
    service      varchar(60)   not null,
    reported_at  timestamptz   not null,
    erased       text          not null,
    primary key (erasure_id, service)
);
