package itu.wsis.notification.repository;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.DatabaseException;
import itu.wsis.events.EventCodec;
import itu.wsis.events.NotificationSent;
import itu.wsis.notification.domain.CalendarUids;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.support.retry.Pauses;
import itu.wsis.support.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/**
 * The sender's statements: claim, renew and read, record SENT; each one statement on the reactive pool (autocommit),
 * the hot path of issue #16. The renewals and the SENT records of intents that several lanes ask for at once go in one
 * statement for all of them ({@link CoalescedStatement}). The email itself is sent between them, never inside one, so
 * that a slow SMTP server holds no row lock and no connection. The outcomes that need an ORM transaction (retry,
 * wait, fail, skip or cancel, and a revocation notice's SENT with its erasure) are the service's DeliveryRecords, on
 * the rows {@link #heldBy} and {@link #locked} give it.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** One intent with what the directory knows about it; any of the last three may still be missing. */
    public record Loaded(NotificationEntity notification, ContactEntity contact, CircularLetterEntity letter,
                         ForumEditionEntity forum, NotificationRepository.CalendarTimes calendarTimes) {
    }

    /**
     * How many requests one coalesced statement answers at most: more than the sender's lanes ever have in flight, so
     * that under load every lane's request waiting behind a running statement goes in the next one.
     */
    private static final int MOST_PER_STATEMENT = 64;

    private final Clock clock;
    private final Pool pool;
    private final Pauses pauses;
    private final CoalescedStatement<Renewal, RenewalResult> renewals;
    private final CoalescedStatement<SentRequest, SentRecord> sentRecords;

    public DeliveryRepository(Clock clock, Pool pool, Pauses pauses, MeterRegistry registry) {
        this.clock = clock;
        this.pool = pool;
        this.pauses = pauses;
        this.renewals = new CoalescedStatement<>(MOST_PER_STATEMENT, this::renewAndLoadAll,
                requestsPerStatement(registry, "renew-and-load"));
        this.sentRecords = new CoalescedStatement<>(MOST_PER_STATEMENT, this::markSentAll,
                requestsPerStatement(registry, "mark-sent"));
    }

    private static DistributionSummary requestsPerStatement(MeterRegistry registry, String statement) {
        return DistributionSummary.builder("wsis.notifications.sender.requests.per.statement")
                .description("How many intents one coalesced statement of the sender served")
                .tag("statement", statement).register(registry);
    }

    /**
     * The rows of a coalesced statement that another transaction held locked were skipped, rather than have every
     * lane wait behind that lock: ask again. SQLSTATE 55P03 (lock_not_available), which FailureKind counts as
     * transient, as PostgreSQL's own NOWAIT would raise it.
     */
    public static final class RowLocked extends DatabaseException {
        RowLocked(UUID id) {
            super("notification " + id + " is locked by another transaction; ask again", 0, "55P03");
        }
    }

    /** What recording a sent message found: whether this sender still held the intent, or it was final already. */
    public enum SentRecord { RECORDED, RECORDED_AFTER_CLAIM_LOST, ALREADY_FINAL }

    /**
     * Claims up to {@code limit} due intents for {@code holder}, in creation order. {@code skip locked} lets several
     * instances claim disjoint rows at once. The claim is the holder's id plus a lease in the database's own time, so
     * that neither a moved business clock nor two instances' clocks can disagree about when it runs out. One statement
     * on the reactive pool (autocommit: atomic on its own); it was the same statement inside an ORM transaction, with
     * a session, BEGIN and COMMIT around it.
     */
    public Uni<List<NotificationRepository.Claim>> claim(String holder, Instant businessNow, Duration lease, int limit) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(holder, lease.toMillis(), businessNow.atOffset(ZoneOffset.UTC), (long) limit))
                .map(rows -> {
                    List<NotificationRepository.Claim> claims = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        claims.add(new NotificationRepository.Claim(row.getUUID("id"), row.getBoolean("takeover"),
                                row.getUUID("invitation_id")));
                    }
                    return claims;
                });
    }

    private static final String CLAIM = """
            with due as (select id, claimed_by as previous from notification
                          where status = 'PENDING' and next_attempt_at <= $3
                            and (claimed_until is null or claimed_until < now())
                          order by next_attempt_at, creation_order
                          limit $4
                          for update skip locked)
            , claimed as (update notification n set claimed_by = $1,
                                     claimed_until = now() + $2 * interval '1 millisecond',
                                     attempts = n.attempts + 1
                                from due
                               where n.id = due.id
                           returning n.id, (due.previous is not null and due.previous <> $1) as takeover,
                                     n.invitation_id, n.creation_order)
            select id, takeover, invitation_id from claimed order by creation_order""";

    /**
     * Renews {@code holder}'s claim on the intent for one more lease and reads it with its directory entries, in one
     * statement on the reactive pool (autocommit: the renewal and the read are one atomic statement). It was a
     * transaction of six or seven statements through the ORM, the largest share of the sender's CPU (issue #16);
     * what it reads is only read: every change of the intent is made afterwards, by a compare-and-set on the holder.
     * Null when the claim was lost to another instance (or the intent is no longer pending): the caller must not
     * send it. Renewals asked for while one runs share the next statement; a row another transaction holds locked is
     * asked for again shortly, and after about a second the delivery fails with {@link RowLocked} (its claim then
     * runs out and it is tried again).
     */
    public Uni<Loaded> renewClaimAndLoad(UUID id, String holder, Duration lease) {
        return renewClaimAndLoad(new Renewal(id, holder, lease.toMillis(), true), Vertx.currentContext(), 0);
    }

    /** One request of the coalesced renewal; {@code useKnownTexts} false asks for the letter's texts whatever. */
    private record Renewal(UUID id, String holder, long leaseMillis, boolean useKnownTexts) {
    }

    /** What the statement found for one request: {@code locked} when its row was held by another transaction. */
    private record RenewalResult(Loaded loaded, boolean locked, boolean textsForgotten) {
    }

    /** A row locked by a short transaction (a revocation's cancel) is asked for again, for about a second at most. */
    private static final int RENEWALS_OF_A_LOCKED_ROW = 10;

    private Uni<Loaded> renewClaimAndLoad(Renewal renewal, Context caller, int lockedSoFar) {
        return renewals.submit(renewal, caller).chain(result -> {
            if (result.textsForgotten()) {
                // The texts were known when asked for, and forgotten since (the map was full): once more, with
                // them. The renewal is repeated, which only extends the same holder's lease.
                return renewClaimAndLoad(new Renewal(renewal.id(), renewal.holder(), renewal.leaseMillis(), false),
                        caller, lockedSoFar);
            }
            if (!result.locked()) {
                return Uni.createFrom().item(result.loaded());
            }
            if (lockedSoFar + 1 >= RENEWALS_OF_A_LOCKED_ROW) {
                return Uni.createFrom().failure(new RowLocked(renewal.id()));
            }
            return pauses.pause(Pauses.backoff(Duration.ofMillis(20), Duration.ofMillis(200), lockedSoFar), caller)
                    .chain(() -> renewClaimAndLoad(renewal, caller, lockedSoFar + 1));
        });
    }

    private Uni<List<RenewalResult>> renewAndLoadAll(List<Renewal> requests) {
        int size = requests.size();
        UUID[] ids = new UUID[size];
        String[] holders = new String[size];
        Long[] leases = new Long[size];
        boolean knownTexts = true;
        for (int i = 0; i < size; i++) {
            Renewal r = requests.get(i);
            ids[i] = r.id();
            holders[i] = r.holder();
            leases[i] = r.leaseMillis();
            knownTexts &= r.useKnownTexts();
        }
        String[] known = knownTexts ? LETTER_TEXTS.keySet().toArray(String[]::new) : new String[0];
        return pool.preparedQuery(RENEW_AND_LOAD)
                .execute(Tuple.of(ids, holders, leases, known))
                .map(rows -> {
                    Map<UUID, RenewalResult> found = new HashMap<>(size * 2);
                    for (Row row : rows) {
                        UUID id = row.getUUID("locked_id");
                        if (row.getUUID("id") == null) {
                            // Locked and looked at, but not renewed: the claim is another holder's, or not pending.
                            found.put(id, new RenewalResult(null, false, false));
                        } else {
                            Loaded loaded = loaded(row);
                            found.put(id, new RenewalResult(loaded, false, loaded == null));
                        }
                    }
                    List<RenewalResult> results = new ArrayList<>(size);
                    for (Renewal r : requests) {
                        results.add(found.getOrDefault(r.id(), LOCKED_OR_GONE));
                    }
                    return results;
                });
    }

    /**
     * A row the statement did not lock: held by another transaction, or no longer there. Both are asked again a few
     * times; an intent that is gone stays gone and its delivery ends with {@link RowLocked}, sending nothing.
     */
    private static final RenewalResult LOCKED_OR_GONE = new RenewalResult(null, true, false);

    /**
     * A letter's texts (every language, about 20 KB of JSON in the demo) are the same for every email about it: the
     * statement sends them only when the caller does not hold them yet for that version of the letter's row (its id
     * and {@code xmin}, which every update of the row changes), and this map gives back the very String read first.
     * Reading, decoding and hashing 20 KB per email was a visible share of the sender's CPU; the same String instance
     * also makes MessageContexts' parsed-texts lookup an identity match. Bounded: a few letters are current.
     */
    private static final Map<String, String> LETTER_TEXTS = new ConcurrentHashMap<>();
    private static final int LETTER_TEXTS_KEPT = 16;

    private static final String RENEW_AND_LOAD = """
            with renewal as (select * from unnest($1::uuid[], $2::varchar[], $3::bigint[]) as r(id, holder, lease)),
            locked as (select n.id from notification n join renewal r on r.id = n.id for update of n skip locked),
            renewed as (update notification n set claimed_until = now() + r.lease * interval '1 millisecond'
                          from locked join renewal r on r.id = locked.id
                         where n.id = locked.id and n.status = 'PENDING' and n.claimed_by = r.holder
                        returning n.*)
            select locked.id as locked_id, n.id, n.intent_key, n.invitation_id, n.kind, n.status, n.payload, n.recipient, n.requested_language,
                   n.language, n.language_fallback, n.message_id, n.attempts, n.next_attempt_at, n.last_error,
                   n.resend_of, n.created_at, n.sent_at, n.calendar_uid, n.calendar_sequence, n.calendar_method,
                   n.claimed_by, n.claimed_until, n.trace_parent,
                   c.invitation_id as c_invitation_id, c.forum_id as c_forum_id, c.letter_id as c_letter_id,
                   c.full_name, c.form_of_address, c.rank, c.title, c.email, c.cc, c.language as c_language,
                   c.time_zone as c_time_zone, c.member_state, c.response_deadline_date, c.response_deadline_zone,
                   c.response_deadline_at, c.speaking_deadline_date, c.speaking_deadline_zone, c.speaking_deadline_at,
                   c.link_version, c.link_expires_at, c.reply_status, c.speaking_requested, c.revoked_at, c.erased_at,
                   c.issued_at,
                   l.letter_id as l_letter_id, l.revision as l_revision, l.forum_id as l_forum_id, l.reference,
                   l.original_language, l.xmin::text as l_row_version,
                   case when l.letter_id::text || '/' || l.xmin::text = any($4::text[]) then null else l.texts end
                       as texts, l.letter_date, l.signatory_name, l.signatory_title, l.contact_name,
                   l.contact_email, l.contact_phone,
                   f.forum_id as f_forum_id, f.revision as f_revision, f.code, f.names, f.venue,
                   f.time_zone as f_time_zone, f.in_person_start, f.in_person_end, f.forum_site_url,
                   f.speaking_request_url, f.partnership_url,
                   e.uid as e_uid, e.starts_at, e.ends_at, e.first_day, e.last_day
              from locked
              left join renewed n on n.id = locked.id
              left join contact c on c.invitation_id = n.invitation_id
              left join circular_letter l on l.letter_id = c.letter_id
              left join forum_edition f on f.forum_id = c.forum_id and c.letter_id is not null
              left join calendar_entry e on e.uid = n.calendar_uid""";

    /** Null only when the statement left out the letter's texts and this process has forgotten them meanwhile. */
    private static Loaded loaded(Row row) {
        NotificationEntity n = new NotificationEntity();
        n.id = row.getUUID("id");
        n.intentKey = row.getString("intent_key");
        n.invitationId = row.getUUID("invitation_id");
        n.kind = row.getString("kind");
        n.status = row.getString("status");
        n.payload = row.getString("payload");
        n.recipient = row.getString("recipient");
        n.requestedLanguage = row.getString("requested_language");
        n.language = row.getString("language");
        n.languageFallback = Boolean.TRUE.equals(row.getBoolean("language_fallback"));
        n.messageId = row.getString("message_id");
        n.attempts = row.getInteger("attempts");
        n.nextAttemptAt = instant(row, "next_attempt_at");
        n.lastError = row.getString("last_error");
        n.resendOf = row.getUUID("resend_of");
        n.createdAt = instant(row, "created_at");
        n.sentAt = instant(row, "sent_at");
        n.calendarUid = row.getString("calendar_uid");
        n.calendarSequence = row.getInteger("calendar_sequence");
        n.calendarMethod = row.getString("calendar_method");
        n.claimedBy = row.getString("claimed_by");
        n.claimedUntil = instant(row, "claimed_until");
        n.traceParent = row.getString("trace_parent");
        NotificationRepository.CalendarTimes times = row.getString("e_uid") == null
                ? NotificationRepository.CalendarTimes.NONE
                : new NotificationRepository.CalendarTimes(instant(row, "starts_at"), instant(row, "ends_at"),
                row.getLocalDate("first_day"), row.getLocalDate("last_day"));
        if (row.getUUID("c_invitation_id") == null) {
            return new Loaded(n, null, null, null, times);
        }
        ContactEntity c = new ContactEntity();
        c.invitationId = row.getUUID("c_invitation_id");
        c.forumId = row.getUUID("c_forum_id");
        c.letterId = row.getUUID("c_letter_id");
        c.fullName = row.getString("full_name");
        c.formOfAddress = row.getString("form_of_address");
        c.rank = row.getString("rank");
        c.title = row.getString("title");
        c.email = row.getString("email");
        c.cc = row.getString("cc");
        c.language = row.getString("c_language");
        c.timeZone = row.getString("c_time_zone");
        c.memberState = row.getString("member_state");
        c.responseDeadlineDate = row.getLocalDate("response_deadline_date");
        c.responseDeadlineZone = row.getString("response_deadline_zone");
        c.responseDeadlineAt = instant(row, "response_deadline_at");
        c.speakingDeadlineDate = row.getLocalDate("speaking_deadline_date");
        c.speakingDeadlineZone = row.getString("speaking_deadline_zone");
        c.speakingDeadlineAt = instant(row, "speaking_deadline_at");
        c.linkVersion = row.getInteger("link_version");
        c.linkExpiresAt = instant(row, "link_expires_at");
        c.replyStatus = row.getString("reply_status");
        c.speakingRequested = Boolean.TRUE.equals(row.getBoolean("speaking_requested"));
        c.revokedAt = instant(row, "revoked_at");
        c.erasedAt = instant(row, "erased_at");
        c.issuedAt = instant(row, "issued_at");
        CircularLetterEntity l = null;
        if (row.getUUID("l_letter_id") != null) {
            l = new CircularLetterEntity();
            l.letterId = row.getUUID("l_letter_id");
            l.revision = row.getInteger("l_revision");
            l.forumId = row.getUUID("l_forum_id");
            l.reference = row.getString("reference");
            l.originalLanguage = row.getString("original_language");
            String key = l.letterId + "/" + row.getString("l_row_version");
            String texts = row.getString("texts");
            if (texts == null) {
                texts = LETTER_TEXTS.get(key);
                if (texts == null) {
                    return null;
                }
            } else {
                String kept = LETTER_TEXTS.putIfAbsent(key, texts);
                if (kept != null) {
                    // Read twice in one coalesced statement, or by two at once: the first one read is the one kept.
                    texts = kept;
                } else if (LETTER_TEXTS.size() > LETTER_TEXTS_KEPT) {
                    LETTER_TEXTS.keySet().removeIf(k -> !k.equals(key));
                }
            }
            l.texts = texts;
            l.letterDate = row.getLocalDate("letter_date");
            l.signatoryName = row.getString("signatory_name");
            l.signatoryTitle = row.getString("signatory_title");
            l.contactName = row.getString("contact_name");
            l.contactEmail = row.getString("contact_email");
            l.contactPhone = row.getString("contact_phone");
        }
        ForumEditionEntity f = null;
        if (row.getUUID("f_forum_id") != null) {
            f = new ForumEditionEntity();
            f.forumId = row.getUUID("f_forum_id");
            f.revision = row.getLong("f_revision");
            f.code = row.getString("code");
            f.names = row.getString("names");
            f.venue = row.getString("venue");
            f.timeZone = row.getString("f_time_zone");
            f.inPersonStart = row.getLocalDate("in_person_start");
            f.inPersonEnd = row.getLocalDate("in_person_end");
            f.forumSiteUrl = row.getString("forum_site_url");
            f.speakingRequestUrl = row.getString("speaking_request_url");
            f.partnershipUrl = row.getString("partnership_url");
        }
        return new Loaded(n, c, l, f, inPersonWeekIfUnrecorded(n, times, f));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * An in-person entry recorded while its invitation or forum edition was not yet known here (events from different
     * topics arrive in any order) has no days of its own; its publication took them from the forum edition when it
     * was sent, so its cancellation takes them from there too, rather than go without the calendar entry.
     */
    private static NotificationRepository.CalendarTimes inPersonWeekIfUnrecorded(
            NotificationEntity n, NotificationRepository.CalendarTimes recorded, ForumEditionEntity forum) {
        if (recorded.known() || forum == null || forum.inPersonStart == null || forum.inPersonEnd == null
                || !CalendarUids.isInPerson(n.calendarUid)) {
            return recorded;
        }
        return new NotificationRepository.CalendarTimes(null, null, forum.inPersonStart, forum.inPersonEnd);
    }

    /** An intent's invitation and kind, which never change; null when there is no such intent. */
    public record Intent(UUID invitationId, String kind) {
    }

    public Uni<Intent> intent(UUID id) {
        return pool.preparedQuery("select invitation_id, kind from notification where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    return new Intent(row.getUUID("invitation_id"), row.getString("kind"));
                });
    }

    /**
     * The SMTP server accepted the message: that is a fact, so it is recorded even if {@code holder} lost its claim
     * meanwhile (a database outage longer than the lease); the other holder's renewal then fails and it does not
     * send the message again. Only an intent already final (sent by the other holder, or cancelled) is left as is.
     * <p>
     * One statement on the reactive pool (autocommit): the compare-and-set to SENT and its NotificationSent outbox
     * row commit together or not at all, and the row is only written when the update was made. SENT records asked for
     * while one runs share the next statement (each row still all or nothing with its own outbox row, and the whole
     * statement too). Fails with {@link RowLocked}, a transient failure to be retried, when another transaction held
     * the row locked. It replaces an ORM
     * transaction of five statements (BEGIN, the locked read, the update, the outbox insert, COMMIT) per email. A
     * revocation notice keeps the ORM transaction, which also erases the revoked invitation's personal data
     * (DeliveryRecords.markSent).
     */
    public Uni<SentRecord> markSent(UUID id, UUID invitationId, String kind, String holder, String recipient,
                                    String messageId, LanguageFallbackPolicy.Resolution language) {
        Instant now = clock.instant();
        NotificationSent event = new NotificationSent(UUID.randomUUID(), now, invitationId, id, kind, language.used(),
                messageId);
        // The intent's trace, current for its delivery (MessageDelivery.deliver): the outcome goes on in it.
        SentRequest request = new SentRequest(id, holder, recipient, messageId,
                language.requested() == null ? null : language.requested().code(), language.used().code(),
                language.fallback(), now.atOffset(ZoneOffset.UTC), event.eventId(), event.eventType(),
                event.partitionKey(), EventCodec.encode(event), event.publishedOn().topicName(),
                TraceContexts.current());
        return sentRecords.submit(request, Vertx.currentContext()).map(record -> {
            if (record == null) {
                throw new RowLocked(id);
            }
            return record;
        });
    }

    /** One request of the coalesced SENT: the row's new values and its NotificationSent outbox row's. */
    private record SentRequest(UUID id, String holder, String recipient, String messageId, String requestedLanguage,
                               String language, boolean fallback, OffsetDateTime at, UUID eventId, String eventType,
                               String messageKey, String payload, String topic, String traceParent) {
    }

    /** One answer per request; null for a row another transaction held locked (the caller is told to ask again). */
    private Uni<List<SentRecord>> markSentAll(List<SentRequest> requests) {
        int size = requests.size();
        UUID[] ids = new UUID[size];
        String[] holders = new String[size];
        String[] recipients = new String[size];
        String[] messageIds = new String[size];
        String[] requestedLanguages = new String[size];
        String[] languages = new String[size];
        Boolean[] fallbacks = new Boolean[size];
        OffsetDateTime[] ats = new OffsetDateTime[size];
        UUID[] eventIds = new UUID[size];
        String[] eventTypes = new String[size];
        String[] messageKeys = new String[size];
        String[] payloads = new String[size];
        String[] topics = new String[size];
        String[] traceParents = new String[size];
        for (int i = 0; i < size; i++) {
            SentRequest r = requests.get(i);
            ids[i] = r.id();
            holders[i] = r.holder();
            recipients[i] = r.recipient();
            messageIds[i] = r.messageId();
            requestedLanguages[i] = r.requestedLanguage();
            languages[i] = r.language();
            fallbacks[i] = r.fallback();
            ats[i] = r.at();
            eventIds[i] = r.eventId();
            eventTypes[i] = r.eventType();
            messageKeys[i] = r.messageKey();
            payloads[i] = r.payload();
            topics[i] = r.topic();
            traceParents[i] = r.traceParent();
        }
        Tuple t = Tuple.tuple().addValue(ids).addValue(holders).addValue(recipients).addValue(messageIds)
                .addValue(requestedLanguages).addValue(languages).addValue(fallbacks).addValue(ats)
                .addValue(eventIds).addValue(eventTypes).addValue(messageKeys).addValue(payloads).addValue(topics)
                .addValue(traceParents);
        return pool.preparedQuery(MARK_SENT).execute(t).map(rows -> {
            Map<UUID, SentRecord> found = new HashMap<>(size * 2);
            for (Row row : rows) {
                found.put(row.getUUID("id"), SentRecord.valueOf(row.getString("outcome")));
            }
            List<SentRecord> results = new ArrayList<>(size);
            for (SentRequest r : requests) {
                results.add(found.get(r.id()));
            }
            return results;
        });
    }

    /**
     * The rows are locked first ({@code old}), so that the status and holder each is judged by are the ones it is
     * changed from; the update returns what the holder was. A row another transaction holds is skipped (no outcome:
     * asked again) rather than have every lane's SENT wait behind it; a row that is gone is final. The outbox rows
     * are the ones {@code Outbox.append} writes (same columns and values: the event's id, type, key, time, EventCodec
     * payload, topic and traceparent), in the requests' order.
     */
    private static final String MARK_SENT = """
            with accepted as (select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[],
                                                  $5::varchar[], $6::varchar[], $7::boolean[], $8::timestamptz[],
                                                  $9::uuid[], $10::varchar[], $11::varchar[], $12::text[],
                                                  $13::varchar[], $14::varchar[])
                                  with ordinality as r(id, holder, recipient, message_id, requested_language,
                                                       language, fallback, sent_at, event_id, event_type,
                                                       message_key, payload, topic, trace_parent, ord)),
            old as (select n.id, n.status, n.claimed_by from notification n join accepted r on r.id = n.id
                       for update of n skip locked),
            sent as (update notification n
                        set status = 'SENT', recipient = r.recipient, message_id = r.message_id,
                            requested_language = r.requested_language, language = r.language,
                            language_fallback = r.fallback, sent_at = r.sent_at, last_error = null,
                            claimed_by = null, claimed_until = null
                       from old join accepted r on r.id = old.id
                      where n.id = old.id
                        and (old.status = 'PENDING' or (old.status = 'CANCELLED' and old.claimed_by = r.holder))
                  returning n.id, coalesce(old.claimed_by = r.holder, false) as held),
            event as (insert into outbox_event (event_id, event_type, message_key, occurred_at, payload, topic,
                                                trace_parent)
                      select r.event_id, r.event_type, r.message_key, r.sent_at, r.payload, r.topic, r.trace_parent
                        from sent join accepted r on r.id = sent.id order by r.ord)
            select old.id, case when sent.id is null then 'ALREADY_FINAL'
                                when sent.held then 'RECORDED' else 'RECORDED_AFTER_CLAIM_LOST' end as outcome
              from old left join sent on sent.id = old.id
            union all
            select r.id, 'ALREADY_FINAL' from accepted r where not exists (select 1 from notification n where n.id = r.id)""";

    /**
     * Lets go of {@code holder}'s claims on those of {@code ids} that are still pending, and takes back the attempt
     * each claim counted: the intents a stopping sender claimed and never started, which the next dispatch of any
     * instance then claims as new (no takeover, no grace) instead of after the lease. Only intents whose SMTP
     * dialogue never began belong here: one whose server may have accepted it must wait out its lease and the
     * takeover grace. Returns how many claims were released.
     */
    public Uni<Integer> releaseNeverStarted(String holder, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("""
                        update notification set claimed_by = null, claimed_until = null,
                                                attempts = greatest(attempts - 1, 0)
                         where id = any($1) and claimed_by = $2 and status = 'PENDING'""")
                .execute(Tuple.of(ids.toArray(UUID[]::new), holder))
                .map(rows -> rows.rowCount());
    }

    /**
     * Renews {@code holder}'s claim on a pending intent for one more lease (the heartbeat of an SMTP dialogue); false
     * when the claim is no longer its own.
     */
    public Uni<Boolean> renewClaim(UUID id, String holder, Duration lease) {
        return pool.preparedQuery("""
                        update notification set claimed_until = now() + $3 * interval '1 millisecond'
                         where id = $1 and claimed_by = $2 and status = 'PENDING'""")
                .execute(Tuple.of(id, holder, lease.toMillis()))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * The row, locked for the caller's transaction, so that the check and the change are one compare-and-set.
     */
    public Uni<NotificationEntity> locked(UUID id) {
        return NotificationEntity.<NotificationEntity>findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The row if it is still pending and {@code holder} still holds it; otherwise null, and nothing may change. */
    public Uni<NotificationEntity> heldBy(UUID id, String holder) {
        return locked(id).map(n -> n != null && DeliveryStatus.PENDING.name().equals(n.status)
                && holder.equals(n.claimedBy) ? n : null);
    }
}
