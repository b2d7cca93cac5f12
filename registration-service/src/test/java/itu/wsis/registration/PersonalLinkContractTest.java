package itu.wsis.registration;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.support.links.contract.PersonalLinkContract;
import itu.wsis.testing.TestKafka;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The personal-link admission of service-support's contract, answered by this service (issue #14). */
@QuarkusTest
@RegistrationServiceTest
class PersonalLinkContractTest extends PersonalLinkContract {

    @Inject
    Clock clock;

    @Override
    protected String readPath(UUID invitationId) {
        return "/invitations/" + invitationId;
    }

    @Override
    protected String staffPath(UUID invitationId) {
        return "/staff/invitations/" + invitationId + "/replies";
    }

    @Override
    protected UUID issued() {
        return Invitations.issue(clock).id();
    }

    @Override
    protected UUID issuedWithStoredExpiryPast() {
        InvitationIssued event = Invitations.event(UUID.randomUUID(), "CH", itu.wsis.events.Language.FR,
                Invitations.deadlineIn(clock, 20));
        InvitationIssued expired = new InvitationIssued(event.eventId(), event.occurredAt(), event.invitationId(),
                event.forumId(), event.forumCode(), event.letterId(), event.letterReference(), event.invitee(),
                event.responseDeadline(), event.speakingRequestDeadline(), 1, Instant.parse("2000-01-01T00:00:00Z"));
        TestKafka.publish(expired);
        Invitations.awaitKnown(expired.invitationId());
        return expired.invitationId();
    }

    @Override
    protected void revoke(UUID invitationId) {
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), invitationId, "sent in error"));
        Invitations.awaitView(invitationId, "revoked_at is not null");
    }

    @Override
    protected void reissue(UUID invitationId) {
        TestKafka.publish(new PersonalLinkReissued(UUID.randomUUID(), Instant.now(), invitationId, 2,
                clock.instant().plus(Duration.ofDays(90))));
        Invitations.awaitView(invitationId, "link_version = 2");
    }

    @Override
    protected String language() {
        return "fr";
    }
}
