package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.Language;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.Rank;
import itu.wsis.events.ResponseDeadlineExtended;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notices an invitee receives besides the invitation and the receipts: an extended deadline, a revoked
 * invitation, a new personal link; and an invitation issued after its deadline, which asks for nothing.
 */
@QuarkusTest
@NotificationServiceTest
class NoticesTest {

    static final String DB = NotificationServiceTest.DATABASE;

    @Inject
    Clock clock;

    static long count(String sql, Object... params) {
        return TestPostgres.queryLong(DB, sql, params);
    }

    @Test
    void anExtendedDeadlineIsAnnouncedWithTheNewDateAndAsksForTheReply() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("extended");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, email, Rank.MINISTER, "Ms",
                "Europe/Zurich", "Jane Doe");
        TestKafka.publish(issued);
        Mails.awaitSubject(email, Fixtures.LETTER.get(Language.EN).subject());
        Deadline later = Fixtures.deadlineIn(clock, Duration.ofDays(60));
        TestKafka.publish(new ResponseDeadlineExtended(UUID.randomUUID(), clock.instant(), issued.invitationId(), later));

        MimeMessage notice = Mails.awaitSubject(email, "the deadline for your reply has been extended");
        assertThat(Mails.subject(notice)).isEqualTo("[Action required] CL-22/010 – WSIS Forum 2022: the deadline "
                + "for your reply has been extended");
        String newDate = later.date().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.ENGLISH));
        assertThat(Mails.text(notice)).startsWith("Circular letter CL-22/010 of 21 March 2022")
                .contains("has extended the deadline for your reply to the invitation to WSIS Forum 2022 to "
                        + newDate + " (Geneva time)")
                .contains("We would be grateful for your reply through your personal link below.");
        assertThat(Mails.linkClaims(notice).invitationId()).isEqualTo(issued.invitationId());
    }

    @Test
    void aRevokedInvitationIsAnnouncedWithoutALinkAndItsPersonalDataThenErased() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("revoked");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.FR, email, Rank.MINISTER, "Madame",
                "Europe/Zurich", "Jeanne Dupont");
        TestKafka.publish(issued);
        Mails.awaitSubject(email, Fixtures.LETTER.get(Language.FR).subject());
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), clock.instant(), issued.invitationId(),
                "internal: sent to the wrong ministry"));

        MimeMessage notice = Mails.awaitSubject(email, "retrait de votre invitation");
        assertThat(Mails.subject(notice)).isEqualTo("CL-22/010 – Forum 2022 du SMSI: retrait de votre invitation");
        String text = Mails.text(notice);
        assertThat(text).contains("Le secrétariat a retiré l'invitation au Forum 2022 du SMSI")
                .contains("Pour toute question, veuillez vous adresser au secrétariat.")
                .doesNotContain("wrong ministry").doesNotContain("http://localhost:8080/r/");
        assertThat(Mails.salutation(notice)).isEqualTo("Madame la Ministre,");
        // Then nothing personal is left, in the directory or the delivery log.
        await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                select count(*) from contact where invitation_id = ? and erased_at is not null and email is null
                   and full_name is null""", issued.invitationId()) == 1);
        assertThat(count("select count(*) from notification where invitation_id = ? and (payload is not null "
                + "or recipient is not null)", issued.invitationId())).isZero();
        assertThat(count("select count(*) from notification where invitation_id = ? and kind = 'INVITATION_REVOKED' "
                + "and status = 'SENT'", issued.invitationId())).isEqualTo(1);
    }

    @Test
    void noRevocationNoticeToSomeoneWhoNeverReceivedTheInvitation() {
        // The letter has not reached this service: the invitation email waits for it, then the invitation is revoked.
        Fixtures.World unknown = new Fixtures.World(UUID.randomUUID(), UUID.randomUUID(),
                Fixtures.deadlineIn(clock, Duration.ofDays(30)), Fixtures.deadlineIn(clock, Duration.ofDays(40)));
        String email = Fixtures.email("never");
        InvitationIssued issued = Fixtures.invitation(unknown, clock, Language.EN, email);
        TestKafka.publish(issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from notification where "
                + "invitation_id = ? and last_error like 'waiting%'", issued.invitationId()) == 1);
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), clock.instant(), issued.invitationId(), "duplicate"));
        Fixtures.World world = Fixtures.world(clock);   // other ids: the revoked invitation's letter stays unknown
        assertThat(world).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from notification where "
                + "invitation_id = ? and kind = 'INVITATION' and status = 'CANCELLED'", issued.invitationId()) == 1);
        // The notice waits for the letter like any email; once it is known, the notice is skipped, not sent.
        TestKafka.publish(new itu.wsis.events.ForumEditionPublished(UUID.randomUUID(), clock.instant(),
                unknown.forumId(), 1, "WSIS2022", Fixtures.FORUM_NAMES, java.util.Map.of(), null, null, null,
                "Geneva", "HYBRID", "Europe/Zurich", null, null, null));
        TestKafka.publish(new itu.wsis.events.CircularLetterPublished(UUID.randomUUID(), clock.instant(),
                unknown.letterId(), unknown.forumId(), "CL-22/010", 1, null, "Houlin ZHAO", "Secretary-General", null,
                Language.FR, Fixtures.LETTER, "MINISTERS", unknown.response(), unknown.speaking()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from notification where "
                + "invitation_id = ? and kind = 'INVITATION_REVOKED' and status = 'SKIPPED'", issued.invitationId()) == 1);
        assertThat(count("select count(*) from contact where invitation_id = ? and erased_at is not null "
                + "and email is null", issued.invitationId())).isEqualTo(1);
        assertThat(Mails.to(email)).isEmpty();
    }

    @Test
    void aReissuedLinkComesByEmailAndTheOldOneIsNotInIt() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("reissued");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.RU, email);
        TestKafka.publish(issued);
        MimeMessage invitation = Mails.awaitSubject(email, Fixtures.LETTER.get(Language.RU).subject());
        TestKafka.publish(new PersonalLinkReissued(UUID.randomUUID(), clock.instant(), issued.invitationId(), 2,
                issued.linkExpiresAt()));
        MimeMessage reissued = Mails.awaitSubject(email, "ваша новая персональная ссылка");
        assertThat(Mails.subject(reissued)).startsWith("[Требуются действия] CL-22/010 – ");
        assertThat(Mails.linkClaims(invitation).linkVersion()).isEqualTo(1);
        assertThat(Mails.linkClaims(reissued).linkVersion()).isEqualTo(2);
        assertThat(Mails.link(reissued)).isNotEqualTo(Mails.link(invitation));
        assertThat(Mails.text(reissued)).startsWith("Циркулярное письмо CL-22/010 от 21 марта 2022 года");
    }

    @Test
    void anInvitationIssuedAfterItsDeadlineAsksForNoAction() {
        Instant passed = clock.instant().minus(Duration.ofDays(3));
        Deadline deadline = Fixtures.deadlineAt(passed);
        Fixtures.World world = Fixtures.world(clock, Fixtures.FORUM_NAMES, Fixtures.LETTER, Language.EN, deadline,
                deadline);
        String email = Fixtures.email("late");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.ZH, email);
        TestKafka.publish(issued);
        MimeMessage m = Mails.awaitSubject(email, Fixtures.LETTER.get(Language.ZH).subject());
        assertThat(Mails.subject(m)).isEqualTo("CL-22/010：" + Fixtures.LETTER.get(Language.ZH).subject())
                .doesNotContain("[需要采取行动]");
        assertThat(Mails.text(m)).contains("答复截止日期（").contains("）已过。如您仍希望参会，请与秘书处联系。")
                .doesNotContain("您可通过下方的个人链接作出答复");
    }
}
