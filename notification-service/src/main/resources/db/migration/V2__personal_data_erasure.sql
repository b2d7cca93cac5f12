-- Erasure of one person's personal data on request (PersonalDataErasureRequested, docs/events.md).

-- A contact whose personal data is erased (on request, on revocation or at the end of retention) keeps none in the
-- delivery log either, whatever writes the row: a sender that loaded the row before the erasure and records its
-- outcome after it would otherwise write the payload and the recipient back.
create function notification_keeps_no_erased_data() returns trigger language plpgsql as $$
begin
    if exists (select 1 from contact where invitation_id = new.invitation_id and erased_at is not null) then
        new.payload := null;
        new.recipient := null;
    end if;
    return new;
end;
$$;

create trigger notification_keeps_no_erased_data before insert or update on notification
    for each row when (new.payload is not null or new.recipient is not null)
    execute function notification_keeps_no_erased_data();
