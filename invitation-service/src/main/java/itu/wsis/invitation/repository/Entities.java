package itu.wsis.invitation.repository;

import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.invitation.domain.FormOfAddress;
import itu.wsis.invitation.domain.Forum;
import itu.wsis.invitation.domain.ForumDetails;
import itu.wsis.invitation.domain.ForumFormat;
import itu.wsis.invitation.domain.Invitation;
import itu.wsis.invitation.domain.InvitationIssuing;
import itu.wsis.invitation.domain.InvitationLifecycle;
import itu.wsis.invitation.domain.Invitee;
import itu.wsis.invitation.domain.InviteeDetails;
import itu.wsis.invitation.domain.Letter;
import itu.wsis.invitation.domain.LetterContent;
import itu.wsis.invitation.domain.LetterLifecycle;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Entity ↔ domain mapping, in one place, so that no entity travels further than the service layer. */
public final class Entities {

    private Entities() {
    }

    public static void write(ForumDetails details, ForumEditionEntity entity) {
        entity.code = details.code();
        entity.namesJson = JsonColumns.strings(details.names());
        entity.themesJson = JsonColumns.strings(details.themes());
        entity.virtualPhaseStart = details.virtualPhaseStart();
        entity.inPersonStart = details.inPersonStart();
        entity.inPersonEnd = details.inPersonEnd();
        entity.venue = details.venue();
        entity.format = details.format().name();
        entity.timeZone = details.timeZone().getId();
        entity.forumSiteUrl = details.forumSiteUrl();
        entity.speakingRequestUrl = details.speakingRequestUrl();
        entity.partnershipUrl = details.partnershipUrl();
    }

    public static Forum forum(ForumEditionEntity e) {
        return new Forum(e.id, e.revision, new ForumDetails(e.code, JsonColumns.strings(e.namesJson),
                JsonColumns.strings(e.themesJson), e.virtualPhaseStart, e.inPersonStart, e.inPersonEnd, e.venue,
                ForumFormat.valueOf(e.format), ZoneId.of(e.timeZone), e.forumSiteUrl, e.speakingRequestUrl,
                e.partnershipUrl));
    }

    public static void write(LetterContent content, Deadline response, Deadline speaking, LetterRevisionEntity e) {
        e.letterDate = content.letterDate();
        e.signatoryName = content.signatoryName();
        e.signatoryTitle = content.signatoryTitle();
        e.contactName = content.contact().name();
        e.contactEmail = content.contact().email();
        e.contactPhone = content.contact().phone();
        e.originalLanguage = content.originalLanguage().code();
        e.textsJson = JsonColumns.texts(content.texts());
        e.addresseeClass = content.addresseeClass();
        e.responseDeadlineDate = response.date();
        e.responseDeadlineAt = response.endsAt();
        e.speakingDeadlineDate = speaking.date();
        e.speakingDeadlineAt = speaking.endsAt();
    }

    /** The draft's number, content and deadlines; the status stays what it is (a draft). */
    public static void write(LetterLifecycle.Draft draft, LetterRevisionEntity e) {
        e.revision = draft.revision();
        write(draft.content(), draft.responseDeadline(), draft.speakingRequestDeadline(), e);
    }

    public static LetterContent content(LetterRevisionEntity e) {
        return new LetterContent(e.letterDate, e.signatoryName, e.signatoryTitle,
                new Contact(e.contactName, e.contactEmail, e.contactPhone), Language.fromCode(e.originalLanguage),
                JsonColumns.texts(e.textsJson), e.addresseeClass, e.responseDeadlineDate, e.speakingDeadlineDate);
    }

    public static Letter letter(CircularLetterEntity letter, LetterRevisionEntity revision, String zone,
                                List<Letter.RevisionSummary> revisions) {
        return new Letter(letter.id, letter.forumId, letter.reference, revision.revision,
                revision.status, content(revision),
                new Deadline(revision.responseDeadlineDate, zone, revision.responseDeadlineAt),
                new Deadline(revision.speakingDeadlineDate, zone, revision.speakingDeadlineAt),
                revision.publishedAt, revisions);
    }

    public static void write(InviteeDetails d, InviteeEntity e) {
        e.memberState = d.memberState();
        e.fullName = d.fullName();
        e.formOfAddress = d.formOfAddress().name();
        e.rank = d.rank().name();
        e.title = d.title();
        e.ministry = d.ministry();
        e.email = d.email();
        e.emailNormalized = InviteeDetails.normalizeEmail(d.email());
        e.ccJson = JsonColumns.list(d.cc());
        e.preferredLanguage = d.preferredLanguage().code();
        e.timeZone = d.timeZone().getId();
    }

    /** An erased invitee comes back with null name, form of address, title, ministry and email, and no cc. */
    public static Invitee invitee(InviteeEntity e) {
        return new Invitee(e.id, new InviteeDetails(e.memberState, e.fullName,
                e.formOfAddress == null ? null : FormOfAddress.valueOf(e.formOfAddress),
                Rank.valueOf(e.rank), e.title, e.ministry, e.email, JsonColumns.list(e.ccJson),
                Language.fromCode(e.preferredLanguage), ZoneId.of(e.timeZone)), e.erasedAt);
    }

    public static Invitation invitation(InvitationEntity e, Instant now) {
        return new Invitation(e.id, e.letterId, e.letterRevision, e.inviteeId, e.forumId,
                e.status.effectiveAt(e.responseDeadlineAt, now),
                e.replyStatus, e.replyVersion,
                e.memberState, Language.fromCode(e.preferredLanguage), Rank.valueOf(e.rank),
                new Deadline(e.responseDeadlineDate, e.responseDeadlineZone, e.responseDeadlineAt),
                e.linkVersion, e.linkExpiresAt, e.issuedAt, e.statusChangedAt, e.revocationReason);
    }

    /** The invitation as stored, for the lifecycle's decisions. */
    public static InvitationLifecycle.State state(InvitationEntity e) {
        return new InvitationLifecycle.State(e.id, e.status, e.statusChangedAt, e.revocationReason,
                new Deadline(e.responseDeadlineDate, e.responseDeadlineZone, e.responseDeadlineAt), e.linkVersion,
                e.linkExpiresAt);
    }

    /** What the lifecycle changed (the id and issuing are never among it). */
    public static void write(InvitationLifecycle.State s, InvitationEntity e) {
        e.status = s.status();
        e.statusChangedAt = s.statusChangedAt();
        e.revocationReason = s.revocationReason();
        e.responseDeadlineDate = s.responseDeadline().date();
        e.responseDeadlineZone = s.responseDeadline().timeZone();
        e.responseDeadlineAt = s.responseDeadline().endsAt();
        e.linkVersion = s.linkVersion();
        e.linkExpiresAt = s.linkExpiresAt();
    }

    public static InvitationIssuing.Issued issued(InvitationEntity e) {
        return new InvitationIssuing.Issued(e.id, e.forumId, e.inviteeId, e.linkVersion, e.linkExpiresAt);
    }
}
