package itu.wsis.invitation.domain;

import itu.wsis.events.ReplyStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationStatusTest {

    static final Instant DEADLINE = Instant.parse("2022-04-15T22:00:00Z");

    @Test
    void anUnansweredInvitationExpiresAtItsDeadline() {
        assertThat(InvitationStatus.ISSUED.effectiveAt(DEADLINE, DEADLINE.minusNanos(1))).isEqualTo(InvitationStatus.ISSUED);
        assertThat(InvitationStatus.ISSUED.effectiveAt(DEADLINE, DEADLINE)).isEqualTo(InvitationStatus.EXPIRED);
    }

    @Test
    void answeredOrRevokedInvitationsNeverExpire() {
        Instant later = DEADLINE.plusSeconds(86_400);
        assertThat(InvitationStatus.ACCEPTED.effectiveAt(DEADLINE, later)).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(InvitationStatus.DECLINED.effectiveAt(DEADLINE, later)).isEqualTo(InvitationStatus.DECLINED);
        assertThat(InvitationStatus.REVOKED.effectiveAt(DEADLINE, later)).isEqualTo(InvitationStatus.REVOKED);
    }

    @Test
    void aRevokedInvitationCannotBeRevokedAgainNorChanged() {
        assertThat(InvitationStatus.ACCEPTED.revoke()).isEqualTo(InvitationStatus.REVOKED);
        assertThatThrownBy(InvitationStatus.REVOKED::revoke).isInstanceOf(LifecycleViolation.class)
                .extracting(e -> ((LifecycleViolation) e).slug()).isEqualTo("invitation-revoked");
        assertThatThrownBy(InvitationStatus.REVOKED::requireNotRevoked).isInstanceOf(LifecycleViolation.class);
    }

    @Test
    void repliesAreReflectedAndAWithdrawalReadsAsDeclined() {
        assertThat(InvitationStatus.ISSUED.reflect(ReplyStatus.ACCEPTED)).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(InvitationStatus.ACCEPTED.reflect(ReplyStatus.DECLINED)).isEqualTo(InvitationStatus.DECLINED);
        assertThat(InvitationStatus.ACCEPTED.reflect(ReplyStatus.WITHDRAWN)).isEqualTo(InvitationStatus.DECLINED);
        assertThat(InvitationStatus.REVOKED.reflect(ReplyStatus.ACCEPTED)).isEqualTo(InvitationStatus.REVOKED);
    }

    @Test
    void theFormOfAddressGivesASalutationPerLanguageAndTravelsAsAnHonorific() {
        assertThat(FormOfAddress.MADAM_MINISTER.salutation(itu.wsis.events.Language.FR)).isEqualTo("Madame la Ministre");
        assertThat(FormOfAddress.MISTER_MINISTER.salutation(itu.wsis.events.Language.FR)).isEqualTo("Monsieur le Ministre");
        assertThat(FormOfAddress.EXCELLENCY.salutation(itu.wsis.events.Language.EN)).isEqualTo("Excellency");
        for (FormOfAddress form : FormOfAddress.values()) {
            for (itu.wsis.events.Language language : itu.wsis.events.Language.values()) {
                assertThat(form.salutation(language)).isNotBlank();
            }
        }
        assertThat(FormOfAddress.MADAM_MINISTER.honorific()).isEqualTo("Madam");
        assertThat(FormOfAddress.MISTER_MINISTER.honorific()).isEqualTo("Mr");
    }

    @Test
    void aLetterIsPublishedOnceAndIsThenImmutable() {
        assertThat(LetterStatus.DRAFT.publish()).isEqualTo(LetterStatus.PUBLISHED);
        assertThatThrownBy(LetterStatus.PUBLISHED::publish).isInstanceOf(LifecycleViolation.class);
        assertThatThrownBy(LetterStatus.PUBLISHED::requireEditable).isInstanceOf(LifecycleViolation.class);
        assertThatThrownBy(LetterStatus.DRAFT::requireIssuable).isInstanceOf(LifecycleViolation.class);
    }
}
