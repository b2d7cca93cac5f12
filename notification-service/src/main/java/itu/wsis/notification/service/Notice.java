package itu.wsis.notification.service;

import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingRequestWithdrawn;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.SpeakingSlotRescheduled;
import itu.wsis.notification.domain.ActionPolicy;
import itu.wsis.notification.domain.MessageKind;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one email says, by kind: one small record per kind over a sealed type, each writing its own part of the email
 * (paragraphs, details, links, calendar entry) into a {@link Draft}. The frame they share (header block, salutation,
 * personal link, signature, subject and its action marker) is {@link EmailComposer}'s.
 */
sealed interface Notice {

    MessageKind kind();

    /**
     * The prefix of this message's catalog keys ({@code <key>.subject}, {@code <key>.body}): the kind's, or for a seat
     * at a Ministerial Round Table the kind's under {@code round_table.}, because a seat for the whole session is not a
     * statement slot and the reader must not be told it is.
     */
    default String messageKey() {
        return kind().key();
    }

    static String messageKey(MessageKind kind, SessionKind session) {
        return session == SessionKind.MINISTERIAL_ROUND_TABLE ? "round_table." + kind.key() : kind.key();
    }

    /** Adds this kind's paragraphs, details, links and calendar entry to the draft. */
    void write(Draft d);

    /**
     * Whether this message has every text it shows in {@code language}, beyond the catalog and the signature (which
     * the composer checks): the letter's own text for the invitation, the session's title for a slot.
     */
    default boolean readyIn(Language language, MessageContext context) {
        return true;
    }

    /** The notice of an intent, from its kind and the detail read from its payload. */
    static Notice of(MessageKind kind, Object detail) {
        return switch (kind) {
            case INVITATION -> new Invitation();
            case LINK_REISSUED -> new LinkReissued();
            case DEADLINE_EXTENDED -> new DeadlineExtended();
            case INVITATION_REVOKED -> new Revoked();
            case REPLY_ACCEPTED -> new ReplyAccepted((InvitationAccepted) detail);
            case REPLY_DECLINED -> new ReplyDeclined((InvitationDeclined) detail);
            case REPLY_CHANGED -> new ReplyChange((ReplyChanged) detail);
            case REPLY_WITHDRAWN -> new ReplyWithdrawal((ReplyWithdrawn) detail);
            case SPEAKING_REQUEST_RECEIVED -> new SpeakingRequestReceived((SpeakingRequestSubmitted) detail);
            case SPEAKING_SLOT_ALLOCATED, SPEAKING_SLOT_MOVED, SPEAKING_REQUEST_PROMOTED ->
                    new SlotGiven(kind, Slot.of(detail));
            case SPEAKING_SLOT_CANCELLED -> new SlotCancelled(
                    detail instanceof SpeakingRequestWithdrawn withdrawn ? withdrawn.sessionKind() : null);
            case SPEAKING_REQUEST_WAITLISTED -> new Waitlisted((SpeakingRequestWaitlisted) detail);
            case SPEAKING_REQUEST_REJECTED -> new Rejected((SpeakingRequestRejected) detail);
            case SPEAKER_SUBSTITUTED -> new Substituted((SpeakerSubstituted) detail);
            case IN_PERSON_WEEK_CHANGED -> new InPersonWeekChanged();
            case REMINDER_RESPONSE, REMINDER_SPEAKING_REQUEST -> new Reminder(kind);
        };
    }

    // ---- the invitation and the notices about it

    /** The letter itself, with its header block; asks for a reply only while one can still be given. */
    record Invitation() implements Notice {
        public MessageKind kind() {
            return MessageKind.INVITATION;
        }

        @Override
        public boolean readyIn(Language language, MessageContext context) {
            LocalizedText text = context.letter().texts().get(language);
            return text != null && text.subject() != null && !text.subject().isBlank()
                    && text.body() != null && !text.body().isBlank();
        }

        public void write(Draft d) {
            LocalizedText letter = d.context.letter().texts().get(d.lang);
            d.values.put("letterSubject", letter.subject().strip());
            MessageContext.Letter.Signature signature = d.context.letter().signature(d.lang).orElseThrow();
            for (String paragraph : EmailComposer.paragraphsOf(letter.body())) {
                if (!EmailComposer.isSignature(paragraph, signature, d.text("letter.signed"))) {
                    d.paragraph(paragraph);
                }
            }
            Deadline deadline = d.context.recipient().responseDeadline();
            if (deadline != null && ActionPolicy.deadlinePassed(deadline.endsAt(), d.context.now())) {
                d.paragraph(d.fill("invitation.body_expired", Map.of("deadline", d.deadline(deadline))));
            } else {
                d.paragraph(d.text("invitation.body"));
                if (deadline != null) {
                    d.detail("label.deadline", d.deadline(deadline));
                }
            }
            d.forumLinks(true, true);
        }
    }

    record LinkReissued() implements Notice {
        public MessageKind kind() {
            return MessageKind.LINK_REISSUED;
        }

        public void write(Draft d) {
            d.paragraph(d.fill("link_reissued.body"));
            Deadline deadline = d.context.recipient().responseDeadline();
            if (deadline != null && !ActionPolicy.deadlinePassed(deadline.endsAt(), d.context.now())) {
                d.detail("label.deadline", d.deadline(deadline));
            }
            d.forumLinks(true, false);
        }
    }

    /** The new deadline as the directory has it now (a later extension overtakes an earlier one's notice). */
    record DeadlineExtended() implements Notice {
        public MessageKind kind() {
            return MessageKind.DEADLINE_EXTENDED;
        }

        public void write(Draft d) {
            Deadline deadline = d.context.recipient().responseDeadline();
            d.paragraph(d.fill("deadline_extended.body", Map.of("deadline", d.deadline(deadline))));
            if (d.asksForAction) {
                d.paragraph(d.text("deadline_extended.action"));
            } else if (d.context.recipient().replied()) {
                d.paragraph(d.text("deadline_extended.replied"));
            }
            d.forumLinks(true, false);
        }
    }

    /** The invitation was revoked: the invitee is told, without the secretariat's internal reason, and no link. */
    record Revoked() implements Notice {
        public MessageKind kind() {
            return MessageKind.INVITATION_REVOKED;
        }

        public void write(Draft d) {
            d.paragraph(d.fill("invitation_revoked.body"));
            d.paragraph(d.text("invitation_revoked.contact"));
        }
    }

    // ---- replies

    record ReplyAccepted(InvitationAccepted event) implements Notice {
        public MessageKind kind() {
            return MessageKind.REPLY_ACCEPTED;
        }

        public void write(Draft d) {
            d.paragraph(d.fill("reply_accepted.body"));
            if (event.mode() != null) {
                d.detail("label.mode", d.text("mode." + event.mode()));
            }
            d.delegation(event.delegation());
            if (event.mode() == ParticipationMode.IN_PERSON) {
                InPerson.write(d);
            }
            if (event.late()) {
                d.paragraph(d.text("late_notice"));
            }
        }
    }

    record ReplyDeclined(InvitationDeclined event) implements Notice {
        public MessageKind kind() {
            return MessageKind.REPLY_DECLINED;
        }

        public void write(Draft d) {
            d.paragraph(d.fill("reply_declined.body"));
            if (event.late()) {
                d.paragraph(d.text("late_notice"));
            }
        }
    }

    record ReplyChange(ReplyChanged event) implements Notice {
        public MessageKind kind() {
            return MessageKind.REPLY_CHANGED;
        }

        public void write(Draft d) {
            d.paragraph(d.fill("reply_changed.body"));
            d.detail("label.status", d.text("status." + event.status()));
            if (event.status() == ReplyStatus.ACCEPTED && event.mode() != null) {
                d.detail("label.mode", d.text("mode." + event.mode()));
                d.delegation(event.delegation());
                if (event.mode() == ParticipationMode.IN_PERSON) {
                    InPerson.write(d);
                }
            }
            if (event.late()) {
                d.paragraph(d.text("late_notice"));
            }
        }
    }

    record ReplyWithdrawal(ReplyWithdrawn event) implements Notice {
        public MessageKind kind() {
            return MessageKind.REPLY_WITHDRAWN;
        }

        public void write(Draft d) {
            d.paragraph(d.fill("reply_withdrawn.body"));
            if (event.late()) {
                d.paragraph(d.text("late_notice"));
            }
        }
    }

    /**
     * The forum's in-person days or venue changed after a delegation accepted to come in person: the week as it is now,
     * and its calendar entry again under the same UID, so that calendars move the entry they hold.
     */
    record InPersonWeekChanged() implements Notice {
        public MessageKind kind() {
            return MessageKind.IN_PERSON_WEEK_CHANGED;
        }

        public void write(Draft d) {
            d.paragraph(d.fill("in_person_week_changed.body"));
            InPerson.write(d);
        }
    }

    /** The in-person week, in the details and as a calendar entry of whole days at the venue. */
    final class InPerson {
        private InPerson() {
        }

        static void write(Draft d) {
            MessageContext.Forum forum = d.context.forum();
            if (forum.inPersonStart() == null || forum.inPersonEnd() == null) {
                return;
            }
            d.detail("label.in_person_week", d.dateRange(forum.inPersonStart(), forum.inPersonEnd()));
            List<String> description = new ArrayList<>();
            description.add(d.text("label.in_person_week") + d.text("punct.colon")
                    + d.dateRange(forum.inPersonStart(), forum.inPersonEnd()));
            description.add(d.fill("letter.reference_line", Map.of("date", EmailComposer.letterDate(d))));
            d.calendar = new Draft.CalendarItem(d.fill("calendar.in_person.summary"), null, null,
                    forum.inPersonStart(), forum.inPersonEnd(), forum.venue(), description, null);
        }
    }

    // ---- speaking requests

    record SpeakingRequestReceived(SpeakingRequestSubmitted event) implements Notice {
        public MessageKind kind() {
            return MessageKind.SPEAKING_REQUEST_RECEIVED;
        }

        @Override
        public String messageKey() {
            return Notice.messageKey(kind(), event.sessionKind());
        }

        public void write(Draft d) {
            d.paragraph(d.fill(messageKey() + ".body"));
            if (event.speaker() != null) {
                d.detail("label.speaker", Draft.speaker(event.speaker()));
            }
            d.modality(event.modality());
            if (event.late()) {
                d.paragraph(d.text("late_notice"));
            }
        }
    }

    /**
     * A slot as SpeakingSlotAllocated, SpeakingRequestPromoted and SpeakingSlotRescheduled describe it; {@code room}
     * and {@code remoteJoinUrl} are null in events written before they existed, or when the session has none.
     */
    record Slot(UUID requestId, Map<Language, String> titles, Instant start, String timeZone, int position,
                int statementMinutes, SpeakingModality modality, String room, String remoteJoinUrl,
                SessionKind sessionKind) {
        static Slot of(Object event) {
            if (event instanceof SpeakingSlotAllocated e) {
                return new Slot(e.requestId(), e.sessionTitles(), e.plannedStart() != null ? e.plannedStart()
                        : e.sessionStart(), e.timeZone(), e.position(), e.statementMinutes(), e.modality(), e.room(),
                        e.remoteJoinUrl(), e.sessionKind());
            }
            if (event instanceof SpeakingSlotRescheduled e) {
                return new Slot(e.requestId(), e.sessionTitles(), e.plannedStart() != null ? e.plannedStart()
                        : e.sessionStart(), e.timeZone(), e.position(), e.statementMinutes(), e.modality(), e.room(),
                        e.remoteJoinUrl(), e.sessionKind());
            }
            SpeakingRequestPromoted e = (SpeakingRequestPromoted) event;
            return new Slot(e.requestId(), e.sessionTitles(), e.plannedStart() != null ? e.plannedStart()
                    : e.sessionStart(), e.timeZone(), e.position(), e.statementMinutes(), e.modality(), e.room(),
                    e.remoteJoinUrl(), e.sessionKind());
        }

        boolean remoteLive() {
            return modality == SpeakingModality.REMOTE_LIVE;
        }

        /** The join link, only for a remote live speaker and only if it is a well-formed https address. */
        String joinUrl() {
            String safe = remoteLive() ? WebLinks.safe(remoteJoinUrl) : null;
            return safe != null && safe.regionMatches(true, 0, "https:", 0, 6) ? safe : null;
        }

        String title(Language language) {
            return titles == null ? null : titles.get(language);
        }

        boolean roundTable() {
            return sessionKind == SessionKind.MINISTERIAL_ROUND_TABLE;
        }
    }

    /** Allocated, promoted from the waiting list, or moved: the slot's details and its calendar entry. */
    record SlotGiven(MessageKind kind, Slot slot) implements Notice {

        /** A session's title is text, not a name: a slot is described only in a language that has it. */
        @Override
        public boolean readyIn(Language language, MessageContext context) {
            return slot.titles() == null || slot.titles().isEmpty() || slot.title(language) != null;
        }

        @Override
        public String messageKey() {
            return Notice.messageKey(kind, slot.sessionKind());
        }

        public void write(Draft d) {
            d.paragraph(d.fill(messageKey() + ".body"));
            ZoneId eventZone = Draft.zoneOr(slot.timeZone(), d.forumZone);
            String title = slot.title(d.lang);
            List<String> description = new ArrayList<>();
            int from = d.details.size();
            if (title != null) {
                d.detail("label.session", title);
            }
            if (slot.start() != null) {
                d.detail("label.date", d.dateTimeWithLocal(slot.start(), eventZone));
            }
            // A seat at a round table lasts the whole session: no order of speakers, no three-minute rule.
            if (!slot.roundTable()) {
                d.detail("label.position", Integer.toString(slot.position()));
            }
            d.modality(slot.modality());
            // Where to go: the room for whoever comes, the join link for a remote live speaker only. The venue is
            // given by the forum in one language only, so it goes to the calendar's LOCATION with the room, not into
            // the email's text, which is in the reader's language alone (the letter names the venue in it).
            String joinUrl = slot.joinUrl();
            String room = slot.remoteLive() ? null : slot.room();
            if (room != null && !room.isBlank()) {
                d.detail("label.room", room.strip());
            }
            if (!slot.roundTable()) {
                d.paragraph(d.fill("statement_rule", Map.of("minutes", Integer.toString(slot.statementMinutes()))));
            }
            if (joinUrl != null) {
                d.link("link.remote_join", joinUrl);
            } else if (slot.remoteLive()) {
                d.paragraph(d.text("remote_join.pending"));
            }
            d.details.subList(from, d.details.size())
                    .forEach(detail -> description.add(detail.label() + d.text("punct.colon") + detail.value()));
            if (joinUrl != null) {
                description.add(d.text("link.remote_join") + d.text("punct.colon") + joinUrl);
            }
            if (!slot.roundTable()) {
                description.add(d.fill("statement_rule", Map.of("minutes",
                        Integer.toString(slot.statementMinutes()))));
            }
            description.add(d.fill("letter.reference_line", Map.of("date", EmailComposer.letterDate(d))));
            if (slot.start() != null) {
                String location = slot.remoteLive() ? d.text("calendar.remote") : place(d);
                d.calendar = new Draft.CalendarItem(
                        d.fill(slot.roundTable() ? "round_table.calendar.summary" : "calendar.statement.summary",
                                Map.of("session", title == null ? d.values.get("forum") : title)),
                        slot.start(), slot.start().plusSeconds(60L * Math.max(1, slot.statementMinutes())), null, null,
                        location, description, joinUrl);
            }
        }

        /** The forum's venue and the session's room, as this language writes them; either alone when the other is unknown. */
        private String place(Draft d) {
            String venue = d.context.forum().venue();
            String room = slot.room() == null || slot.room().isBlank() ? null : slot.room().strip();
            if (venue == null || venue.isBlank()) {
                return room;
            }
            return room == null ? venue : d.fill("format.place", Map.of("venue", venue.strip(), "room", room));
        }
    }

    /** The delegation withdrew a request that held a slot: its calendar entry is cancelled. */
    record SlotCancelled(SessionKind sessionKind) implements Notice {
        public MessageKind kind() {
            return MessageKind.SPEAKING_SLOT_CANCELLED;
        }

        @Override
        public String messageKey() {
            return Notice.messageKey(kind(), sessionKind);
        }

        public void write(Draft d) {
            d.paragraph(d.fill(messageKey() + ".body"));
        }
    }

    record Waitlisted(SpeakingRequestWaitlisted event) implements Notice {
        public MessageKind kind() {
            return MessageKind.SPEAKING_REQUEST_WAITLISTED;
        }

        @Override
        public String messageKey() {
            return Notice.messageKey(kind(), event.sessionKind());
        }

        public void write(Draft d) {
            d.paragraph(d.fill(messageKey() + ".body", Map.of("position",
                    Integer.toString(event.position()))));
        }
    }

    record Rejected(SpeakingRequestRejected event) implements Notice {
        public MessageKind kind() {
            return MessageKind.SPEAKING_REQUEST_REJECTED;
        }

        @Override
        public String messageKey() {
            return Notice.messageKey(kind(), event.sessionKind());
        }

        public void write(Draft d) {
            d.paragraph(d.fill(messageKey() + ".body"));
            if (event.reason() != null && !event.reason().isBlank()) {
                d.detail("label.reason", event.reason());
            }
        }
    }

    record Substituted(SpeakerSubstituted event) implements Notice {
        public MessageKind kind() {
            return MessageKind.SPEAKER_SUBSTITUTED;
        }

        public void write(Draft d) {
            d.paragraph(d.fill("speaker_substituted.body", Map.of("speaker",
                    event.speaker() == null ? "" : Draft.speaker(event.speaker()))));
        }
    }

    // ---- reminders

    record Reminder(MessageKind kind) implements Notice {
        public void write(Draft d) {
            MessageContext.Recipient r = d.context.recipient();
            Deadline deadline = kind == MessageKind.REMINDER_RESPONSE ? r.responseDeadline()
                    : r.speakingRequestDeadline();
            d.values.put("deadlineDate", d.date(deadline.date()));
            d.paragraph(d.fill(kind.key() + ".body", Map.of("deadline", d.deadline(deadline))));
            d.forumLinks(kind == MessageKind.REMINDER_SPEAKING_REQUEST, false);
        }
    }
}
