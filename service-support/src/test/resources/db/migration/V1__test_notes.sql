create table test_note (
    id         uuid primary key,
    text       varchar(200) not null
);
-- Deliberately without a unique key: a second application of one event would show as a second row.
create table test_effect (
    id            bigserial primary key,
    invitation_id uuid not null
);
