package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InviteeContact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issuing a published letter: the terms every invitation of one issuing shares (the letter revision's deadlines, the
 * link's expiry from {@link LinkExpiryPolicy}), and the {@link InvitationIssued} of each invitation inserted, with
 * what consumers need to address the invitee.
 */
public final class InvitationIssuing {

    /** The published revision issued from, and its forum. Deadlines as stored with the revision. */
    public record Source(UUID forumId, String forumCode, LocalDate lastForumDay, ZoneId forumZone, UUID letterId,
                         String letterReference, int revision, LocalDate responseDeadlineDate,
                         Instant responseDeadlineAt, LocalDate speakingDeadlineDate, Instant speakingDeadlineAt) {
    }

    /** What every invitation of one issuing is written with. */
    public record Terms(Deadline responseDeadline, Deadline speakingRequestDeadline, Instant linkExpiresAt) {
    }

    /** One invitation as inserted. */
    public record Issued(UUID invitationId, UUID forumId, UUID inviteeId, int linkVersion, Instant linkExpiresAt) {
    }

    private InvitationIssuing() {
    }

    /** Deadlines in the forum's zone; the link works until the forum's last day is over, plus {@code linkGrace}. */
    public static Terms terms(Source source, Duration linkGrace) {
        ZoneId zone = source.forumZone();
        return new Terms(new Deadline(source.responseDeadlineDate(), zone.getId(), source.responseDeadlineAt()),
                new Deadline(source.speakingDeadlineDate(), zone.getId(), source.speakingDeadlineAt()),
                LinkExpiryPolicy.expiresAt(source.lastForumDay(), zone, linkGrace));
    }

    /** One InvitationIssued per invitation inserted, in the order given; {@code invitees} holds each addressee. */
    public static List<InvitationIssued> events(Source source, Terms terms, List<Issued> issued,
                                                Map<UUID, Invitee> invitees, Instant now, Actor actor) {
        return issued.stream()
                .map(i -> new InvitationIssued(UUID.randomUUID(), now, i.invitationId(), i.forumId(),
                        source.forumCode(), source.letterId(), source.letterReference(),
                        contact(invitees.get(i.inviteeId())), terms.responseDeadline(),
                        terms.speakingRequestDeadline(), i.linkVersion(), i.linkExpiresAt(), actor))
                .toList();
    }

    /** What the secretariat should know about an issuing: nothing when nothing was issued. */
    public static List<IssueWarning> warnings(List<Issued> issued, Terms terms, Instant now) {
        return issued.isEmpty() ? List.of() : IssueWarning.forIssueAt(now, terms.responseDeadline());
    }

    /** What consumers need to address the invitee; the form of address travels as a plain honorific. */
    public static InviteeContact contact(Invitee invitee) {
        InviteeDetails d = invitee.details();
        return new InviteeContact(invitee.id(), d.memberState(), d.fullName(),
                d.formOfAddress().honorific(), d.rank(), d.title(), d.email(), d.cc(),
                d.preferredLanguage(), d.timeZone().getId());
    }
}
