package itu.wsis.notification.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.EventCodec;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.InvitationEvent;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.ResponseDeadlineExtended;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingRequestWithdrawn;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.SpeakingSlotRescheduled;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.CalendarUids;
import itu.wsis.notification.domain.IntentKeys;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.repository.CircularLetterEntity;
import itu.wsis.notification.repository.ContactEntity;
import itu.wsis.notification.repository.ForumEditionEntity;
import itu.wsis.notification.repository.IssuedInvitationRepository;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.support.json.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies consumed events to the contact directory and records the email intents they cause. Runs inside the
 * transaction that {@code Inbox.consume} opens with the inbox row, so the directory change, the intent and the
 * "seen" mark commit together: a redelivered event finds its inbox row and adds nothing. No email is sent here.
 */
@ApplicationScoped
public class DirectoryProjection {

    private final NotificationRepository notifications;
    private final IssuedInvitationRepository issuedWrite;
    private final PersonalDataErasure erasure;
    private final Clock clock;
    private final String domain;

    public DirectoryProjection(NotificationRepository notifications, IssuedInvitationRepository issuedWrite,
                            PersonalDataErasure erasure, Clock clock, NotificationConfig config) {
        this.notifications = notifications;
        this.issuedWrite = issuedWrite;
        this.erasure = erasure;
        this.clock = clock;
        this.domain = config.messageIdDomain();
    }

    /**
     * The hot path, off the ORM: InvitationIssued (one per invitation, 10,000 in a bulk) is applied with its inbox row
     * in one statement on the reactive pool ({@link IssuedInvitationRepository}); the same change as {@link #issued}.
     * Null for every other event, which takes {@link #apply} inside the inbox's ORM transaction.
     */
    public Uni<Boolean> applyDirect(DomainEvent event, String topic) {
        if (!(event instanceof InvitationIssued e)) {
            return null;
        }
        InviteeContact invitee = e.invitee();
        IssuedInvitationRepository.Contact c = new IssuedInvitationRepository.Contact(e.invitationId(), e.forumId(),
                e.letterId(), invitee.fullName(), invitee.formOfAddress(),
                invitee.rank() == null ? null : invitee.rank().name(), invitee.title(), invitee.email(),
                StoredJson.write(invitee.cc()),
                invitee.preferredLanguage() == null ? null : invitee.preferredLanguage().code(), invitee.timeZone(),
                invitee.memberState(), e.responseDeadline() != null,
                e.responseDeadline() == null ? null : e.responseDeadline().date(),
                e.responseDeadline() == null ? null : e.responseDeadline().timeZone(),
                e.responseDeadline() == null ? null : e.responseDeadline().endsAt(), e.speakingRequestDeadline() != null,
                e.speakingRequestDeadline() == null ? null : e.speakingRequestDeadline().date(),
                e.speakingRequestDeadline() == null ? null : e.speakingRequestDeadline().timeZone(),
                e.speakingRequestDeadline() == null ? null : e.speakingRequestDeadline().endsAt(),
                e.linkVersion(), e.linkExpiresAt(), e.occurredAt());
        return issuedWrite.apply(e.eventId(), e.eventType(), topic, c, UUID.randomUUID(),
                IntentKeys.forEvent(MessageKind.INVITATION, e.invitationId(), e.eventId()), clock.instant());
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof PersonalDataErasureRequested e) {
            return erasure.erase(e);
        }
        if (event instanceof ForumEditionPublished e) {
            return forum(e);
        }
        if (event instanceof CircularLetterPublished e) {
            return letter(e);
        }
        if (event instanceof InvitationIssued e) {
            return issued(e);
        }
        if (event instanceof InvitationRevoked e) {
            return revoked(e);
        }
        if (event instanceof ResponseDeadlineExtended e) {
            return updateContact(e.invitationId(), c -> {
                c.responseDeadlineDate = e.responseDeadline().date();
                c.responseDeadlineZone = e.responseDeadline().timeZone();
                c.responseDeadlineAt = e.responseDeadline().endsAt();
            }).chain(() -> intent(MessageKind.DEADLINE_EXTENDED, e, EventCodec.encode(e)));
        }
        if (event instanceof PersonalLinkReissued e) {
            return updateContact(e.invitationId(), c -> {
                if (c.linkVersion == null || c.linkVersion < e.linkVersion()) {
                    c.linkVersion = e.linkVersion();
                    c.linkExpiresAt = e.linkExpiresAt();
                }
            }).chain(() -> intent(MessageKind.LINK_REISSUED, e, null));
        }
        if (event instanceof InvitationAccepted e) {
            return updateContact(e.invitationId(), c -> c.replyStatus = ReplyStatus.ACCEPTED.name())
                    .chain(() -> inPersonCalendar(e.invitationId(), e.mode() == ParticipationMode.IN_PERSON))
                    .chain(calendar -> intent(MessageKind.REPLY_ACCEPTED, e, EventCodec.encode(e), calendar));
        }
        if (event instanceof InvitationDeclined e) {
            return updateContact(e.invitationId(), c -> c.replyStatus = ReplyStatus.DECLINED.name())
                    .chain(() -> intent(MessageKind.REPLY_DECLINED, e, EventCodec.encode(e)));
        }
        if (event instanceof ReplyChanged e) {
            return updateContact(e.invitationId(), c -> c.replyStatus = e.status().name())
                    .chain(() -> inPersonCalendar(e.invitationId(),
                            e.status() == ReplyStatus.ACCEPTED && e.mode() == ParticipationMode.IN_PERSON))
                    .chain(calendar -> intent(MessageKind.REPLY_CHANGED, e, EventCodec.encode(e), calendar));
        }
        if (event instanceof ReplyWithdrawn e) {
            return updateContact(e.invitationId(), c -> c.replyStatus = ReplyStatus.WITHDRAWN.name())
                    .chain(() -> inPersonCalendar(e.invitationId(), false))
                    .chain(calendar -> intent(MessageKind.REPLY_WITHDRAWN, e, EventCodec.encode(e), calendar));
        }
        if (event instanceof SpeakingRequestSubmitted e) {
            return updateContact(e.invitationId(), c -> c.speakingRequested = true)
                    .chain(() -> intent(MessageKind.SPEAKING_REQUEST_RECEIVED, e, EventCodec.encode(e)));
        }
        if (event instanceof SpeakingSlotAllocated e) {
            // A slot for a request that already has one is a move: the same calendar entry, updated.
            return slotCalendar(e.invitationId(), e.requestId(), true, slotTimes(e.plannedStart(), e.sessionStart(),
                    e.statementMinutes())).chain(calendar -> intent(
                    calendar.wasActive() ? MessageKind.SPEAKING_SLOT_MOVED : MessageKind.SPEAKING_SLOT_ALLOCATED,
                    e, EventCodec.encode(e), calendar.ref()));
        }
        if (event instanceof SpeakingSlotRescheduled e) {
            // The session's time or place changed under a seated request: the same calendar entry, updated.
            return slotCalendar(e.invitationId(), e.requestId(), true, slotTimes(e.plannedStart(), e.sessionStart(),
                    e.statementMinutes())).chain(calendar -> intent(MessageKind.SPEAKING_SLOT_MOVED, e,
                    EventCodec.encode(e), calendar.ref()));
        }
        if (event instanceof SpeakingRequestWaitlisted e) {
            return slotCalendar(e.invitationId(), e.requestId(), false, NONE).chain(calendar ->
                    intent(MessageKind.SPEAKING_REQUEST_WAITLISTED, e, EventCodec.encode(e), calendar.ref()));
        }
        if (event instanceof SpeakingRequestPromoted e) {
            return slotCalendar(e.invitationId(), e.requestId(), true, slotTimes(e.plannedStart(), e.sessionStart(),
                    e.statementMinutes())).chain(calendar ->
                    intent(MessageKind.SPEAKING_REQUEST_PROMOTED, e, EventCodec.encode(e), calendar.ref()));
        }
        if (event instanceof SpeakingRequestRejected e) {
            return slotCalendar(e.invitationId(), e.requestId(), false, NONE).chain(calendar ->
                    intent(MessageKind.SPEAKING_REQUEST_REJECTED, e, EventCodec.encode(e), calendar.ref()));
        }
        if (event instanceof SpeakingRequestWithdrawn e) {
            // The delegation withdrew it (or stopped attending): no receipt for that, but a slot it held was in
            // its calendar, and the calendar is told.
            return slotCalendar(e.invitationId(), e.requestId(), false, NONE).chain(calendar -> calendar.ref() == null
                    ? Uni.createFrom().voidItem()
                    : intent(MessageKind.SPEAKING_SLOT_CANCELLED, e, EventCodec.encode(e), calendar.ref()));
        }
        if (event instanceof SpeakerSubstituted e) {
            return intent(MessageKind.SPEAKER_SUBSTITUTED, e, EventCodec.encode(e));
        }
        // No recipient-facing email for the others (see docs/notifications.md); our own events are not consumed.
        return Uni.createFrom().voidItem();
    }

    /** A calendar entry's next version for an intent, and whether the entry was active before. */
    private record Calendar(NotificationRepository.CalendarRef ref, boolean wasActive) {
        static final Calendar NONE = new Calendar(null, false);
    }

    /** The speaking slot's entry: published (allocated, promoted, moved) or cancelled (waitlisted, rejected, withdrawn). */
    private Uni<Calendar> slotCalendar(UUID invitationId, UUID requestId, boolean active,
                                       NotificationRepository.CalendarTimes times) {
        return calendar(invitationId, CalendarUids.slot(requestId, domain), active, Uni.createFrom().item(times));
    }

    /** A statement's planned start (or the session's start) and its minutes. */
    private static NotificationRepository.CalendarTimes slotTimes(Instant planned, Instant sessionStart, int minutes) {
        Instant start = planned != null ? planned : sessionStart;
        return start == null ? NONE : new NotificationRepository.CalendarTimes(start,
                start.plusSeconds(60L * Math.max(1, minutes)), null, null);
    }

    /** The in-person attendance entry: published on an in-person acceptance, cancelled when that ends. */
    private Uni<NotificationRepository.CalendarRef> inPersonCalendar(UUID invitationId, boolean active) {
        Uni<NotificationRepository.CalendarTimes> week = !active ? Uni.createFrom().item(NONE)
                : ContactEntity.<ContactEntity>findById(invitationId).chain(contact -> contact == null
                        || contact.forumId == null ? Uni.createFrom().item(NONE)
                        : ForumEditionEntity.<ForumEditionEntity>findById(contact.forumId).map(forum -> forum == null
                        ? NONE : new NotificationRepository.CalendarTimes(null, null, forum.inPersonStart,
                        forum.inPersonEnd)));
        return calendar(invitationId, CalendarUids.inPerson(invitationId, domain), active, week).map(Calendar::ref);
    }

    private static final NotificationRepository.CalendarTimes NONE = NotificationRepository.CalendarTimes.NONE;

    private Uni<Calendar> calendar(UUID invitationId, String uid, boolean active,
                                   Uni<NotificationRepository.CalendarTimes> times) {
        return ContactEntity.<ContactEntity>findById(invitationId).chain(contact -> {
            if (contact != null && (contact.revokedAt != null || contact.erasedAt != null)) {
                return Uni.createFrom().item(Calendar.NONE);
            }
            return times.chain(t -> notifications.nextCalendarVersion(uid, invitationId, active, t, clock.instant()))
                    .map(version -> version == null ? Calendar.NONE : new Calendar(
                            new NotificationRepository.CalendarRef(uid, version.sequence(),
                                    active ? CalendarUids.PUBLISH : CalendarUids.CANCEL), version.wasActive()));
        });
    }

    private Uni<Void> forum(ForumEditionPublished e) {
        Uni<ForumEditionEntity> locked = ForumEditionEntity.findById(e.forumId(), LockModeType.PESSIMISTIC_WRITE);
        return locked.chain(existing -> {
            if (existing != null && existing.revision > e.revision()) {
                return Uni.createFrom().voidItem();   // an older revision arriving late changes nothing
            }
            boolean weekMoved = existing != null && e.inPersonStart() != null && e.inPersonEnd() != null
                    && (!Objects.equals(existing.inPersonStart, e.inPersonStart())
                    || !Objects.equals(existing.inPersonEnd, e.inPersonEnd())
                    || !Objects.equals(existing.venue, e.venue()));
            ForumEditionEntity forum = existing != null ? existing : new ForumEditionEntity();
            forum.forumId = e.forumId();
            forum.revision = e.revision();
            forum.code = e.code();
            forum.names = StoredJson.write(e.names());
            forum.venue = e.venue();
            forum.timeZone = e.timeZone();
            forum.inPersonStart = e.inPersonStart();
            forum.inPersonEnd = e.inPersonEnd();
            forum.forumSiteUrl = e.forumSiteUrl();
            forum.speakingRequestUrl = e.speakingRequestUrl();
            forum.partnershipUrl = e.partnershipUrl();
            Uni<Void> saved = existing != null ? Uni.createFrom().voidItem() : forum.persist().replaceWithVoid();
            return weekMoved ? saved.chain(() -> inPersonWeekMoved(e)) : saved;
        });
    }

    /**
     * The forum's in-person days or venue changed: every delegation that has the week in its calendar (an active
     * in-person entry: accepted in person, not revoked or erased) gets it again under the same UID, with the next
     * sequence and the new days, and an email that says so. One after the other on this transaction's session; one
     * intent per invitation and forum revision event, so a redelivered event adds nothing.
     */
    private Uni<Void> inPersonWeekMoved(ForumEditionPublished e) {
        NotificationRepository.CalendarTimes week = new NotificationRepository.CalendarTimes(null, null,
                e.inPersonStart(), e.inPersonEnd());
        return notifications.invitationsWithInPersonWeek(e.forumId())
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(invitationId -> calendar(invitationId,
                        CalendarUids.inPerson(invitationId, domain), true, Uni.createFrom().item(week))
                        .chain(calendar -> calendar.ref() == null ? Uni.createFrom().voidItem()
                                : notifications.insertIntent(UUID.randomUUID(), IntentKeys.forEvent(
                                                MessageKind.IN_PERSON_WEEK_CHANGED, invitationId, e.eventId()),
                                        invitationId, MessageKind.IN_PERSON_WEEK_CHANGED.name(), null,
                                        clock.instant(), null, calendar.ref()).replaceWithVoid()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> letter(CircularLetterPublished e) {
        Uni<CircularLetterEntity> locked = CircularLetterEntity.findById(e.letterId(), LockModeType.PESSIMISTIC_WRITE);
        return locked.chain(existing -> {
            if (existing != null && existing.revision > e.revision()) {
                return Uni.createFrom().voidItem();
            }
            CircularLetterEntity letter = existing != null ? existing : new CircularLetterEntity();
            letter.letterId = e.letterId();
            letter.revision = e.revision();
            letter.forumId = e.forumId();
            letter.reference = e.reference();
            letter.letterDate = e.letterDate();
            letter.originalLanguage = e.originalLanguage() == null ? "en" : e.originalLanguage().code();
            letter.texts = StoredJson.write(e.texts());
            letter.signatoryName = e.signatoryName();
            letter.signatoryTitle = e.signatoryTitle();
            if (e.contact() != null) {
                letter.contactName = e.contact().name();
                letter.contactEmail = e.contact().email();
                letter.contactPhone = e.contact().phone();
            }
            return existing != null ? Uni.createFrom().voidItem() : letter.persist().replaceWithVoid();
        });
    }

    private Uni<Void> issued(InvitationIssued e) {
        return updateContact(e.invitationId(), c -> {
            if (c.revokedAt != null || c.erasedAt != null) {
                return;   // a revoked or erased invitation keeps no personal data, whatever arrives after
            }
            InviteeContact invitee = e.invitee();
            c.forumId = e.forumId();
            c.letterId = e.letterId();
            c.fullName = invitee.fullName();
            c.formOfAddress = invitee.formOfAddress();
            c.rank = invitee.rank() == null ? null : invitee.rank().name();
            c.title = invitee.title();
            c.email = invitee.email();
            c.cc = StoredJson.write(invitee.cc());
            c.language = invitee.preferredLanguage() == null ? null : invitee.preferredLanguage().code();
            c.timeZone = invitee.timeZone();
            c.memberState = invitee.memberState();
            if (e.responseDeadline() != null) {
                c.responseDeadlineDate = e.responseDeadline().date();
                c.responseDeadlineZone = e.responseDeadline().timeZone();
                c.responseDeadlineAt = e.responseDeadline().endsAt();
            }
            if (e.speakingRequestDeadline() != null) {
                c.speakingDeadlineDate = e.speakingRequestDeadline().date();
                c.speakingDeadlineZone = e.speakingRequestDeadline().timeZone();
                c.speakingDeadlineAt = e.speakingRequestDeadline().endsAt();
            }
            // Never go back to an older link version.
            if (c.linkVersion == null || c.linkVersion < e.linkVersion()) {
                c.linkVersion = e.linkVersion();
                c.linkExpiresAt = e.linkExpiresAt();
            }
            c.issuedAt = e.occurredAt();
        }).chain(() -> intent(MessageKind.INVITATION, e, null));
    }

    /**
     * Nothing more leaves about a revoked invitation, except the notice that tells the invitee. Its personal data is
     * kept until that notice is final (sent, failed or skipped, see DeliveryRecords), then erased. Without an address
     * to send it to (the invitation has not arrived, or the person's data is erased already) it is erased at once.
     */
    private Uni<Void> revoked(InvitationRevoked e) {
        boolean[] notify = new boolean[1];
        return updateContact(e.invitationId(), c -> {
            notify[0] = c.revokedAt == null && c.erasedAt == null && c.issued() && c.email != null;
            c.revokedAt = c.revokedAt == null ? e.occurredAt() : c.revokedAt;
            if (!notify[0]) {
                c.erasedAt = c.erasedAt == null ? clock.instant() : c.erasedAt;
                c.fullName = null;
                c.formOfAddress = null;
                c.title = null;
                c.email = null;
                c.cc = null;
            }
        }).chain(() -> notify[0]
                ? notifications.cancelPending(e.invitationId()).chain(() -> notifications.insertIntent(
                        UUID.randomUUID(), IntentKeys.forEvent(MessageKind.INVITATION_REVOKED, e.invitationId(),
                                e.eventId()), e.invitationId(), MessageKind.INVITATION_REVOKED.name(), null,
                        clock.instant(), null)).replaceWithVoid()
                : notifications.cancelAndErase(e.invitationId(), clock.instant()));
    }

    /**
     * Finds (locked) or creates the directory row, then applies the change; the session flushes it at commit. The row
     * lock matters: events about one invitation arrive on three topics, which several instances may consume at once,
     * and Hibernate writes every column of a changed row, so an unlocked read-modify-write could put back a value
     * another transaction had just changed (a reply overwriting a newer link version, say).
     */
    private Uni<Void> updateContact(UUID invitationId, Consumer<ContactEntity> change) {
        return ContactEntity.<ContactEntity>findById(invitationId, LockModeType.PESSIMISTIC_WRITE).chain(existing -> {
            if (existing != null) {
                change.accept(existing);
                return Uni.createFrom().voidItem();
            }
            ContactEntity created = new ContactEntity();
            created.invitationId = invitationId;
            change.accept(created);
            return created.persist().replaceWithVoid();
        });
    }

    private Uni<Void> intent(MessageKind kind, InvitationEvent event, String payload) {
        return intent(kind, event, payload, null);
    }

    private Uni<Void> intent(MessageKind kind, InvitationEvent event, String payload,
                             NotificationRepository.CalendarRef calendar) {
        return ContactEntity.<ContactEntity>findById(event.invitationId()).chain(contact -> {
            if (contact != null && (contact.revokedAt != null || contact.erasedAt != null)) {
                // Nothing is sent about a revoked invitation, nor to a person whose data was erased.
                return Uni.createFrom().voidItem();
            }
            return notifications.insertIntent(UUID.randomUUID(),
                    IntentKeys.forEvent(kind, event.invitationId(), event.eventId()), event.invitationId(),
                    kind.name(), payload, clock.instant(), null, calendar).replaceWithVoid();
        });
    }
}
