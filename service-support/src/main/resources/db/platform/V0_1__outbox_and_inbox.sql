-- Owned by service-support and applied in every service's own database before its own migrations (V1 and up).

-- Transactional outbox: a service inserts here in the same transaction as its state change; the relay publishes.
create table outbox_event (
    id           bigserial     primary key,
    event_id     uuid          not null unique,
    topic        varchar(200)  not null,
    message_key  varchar(200)  not null,
    event_type   varchar(100)  not null,
    payload      text          not null,
    occurred_at  timestamptz   not null,
    created_at   timestamptz   not null default now(),
    published_at timestamptz,
    attempts     integer       not null default 0,
    last_error   varchar(2000)
);

-- The relay only ever scans what is left to publish; the partial index keeps that scan small as the table grows.
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- One relay at a time per service publishes, so that events of one key leave in the order they were written.
create table outbox_relay_lease (
    name        varchar(50)  primary key,
    owner       varchar(200),
    lease_until timestamptz  not null
);
insert into outbox_relay_lease (name, owner, lease_until) values ('relay', null, 'epoch');

-- Idempotent consumer: the id of every applied event, written in the same transaction as its effect.
create table inbox_processed_event (
    event_id     uuid          primary key,
    event_type   varchar(100)  not null,
    topic        varchar(200)  not null,
    processed_at timestamptz   not null default now()
);
