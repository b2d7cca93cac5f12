-- Which of this service's dead letters ops replayed, when and who: the dead-letter topic itself is append-only.
create table dead_letter_replay (
    dlq_topic      varchar(200)  not null,
    dlq_partition  integer       not null,
    dlq_offset     bigint        not null,
    original_topic varchar(200)  not null,
    replayed_at    timestamptz   not null,
    replayed_by    varchar(200)  not null,
    replay_count   integer       not null default 1,
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
