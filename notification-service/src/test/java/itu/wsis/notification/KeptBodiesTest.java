package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.Contact;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.Rank;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.domain.SalutationPolicy;
import itu.wsis.notification.service.CalendarWriter;
import itu.wsis.notification.service.EmailComposer;
import itu.wsis.notification.service.MessageCatalog;
import itu.wsis.notification.service.MessageContext;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The composer keeps the body of an email that is the same for many recipients (the bulk's invitations) and only
 * puts each recipient's salutation and link into it. Each recipient still gets their own, every copy is byte for byte
 * the email a fresh composer writes, and a new revision of the letter or the forum is in the very next email.
 */
@QuarkusTest
@NotificationServiceTest
class KeptBodiesTest {

    static final String DB = NotificationServiceTest.DATABASE;

    @Inject
    Clock clock;

    @Inject
    MessageCatalog catalog;

    @Inject
    EmailComposer composer;

    @Inject
    NotificationConfig config;

    @Inject
    CalendarWriter calendars;

    @Test
    void twoInviteesOfOneLetterGetTheirOwnSalutationAndLink() {
        Fixtures.World world = Fixtures.world(clock);
        String minister = Fixtures.email("kept-minister");
        String ambassador = Fixtures.email("kept-ambassador");
        InvitationIssued first = Fixtures.invitation(world, clock, Language.FR, minister, Rank.MINISTER, "Mme",
                "Europe/Zurich", "Jeanne Dupont");
        InvitationIssued second = Fixtures.invitation(world, clock, Language.FR, ambassador, Rank.AMBASSADOR, "M.",
                "Europe/Zurich", "Jean Martin");
        // One after the other, so that the second is certainly written from the body the first one left.
        TestKafka.publish(first);
        MimeMessage toMinister = Mails.awaitSubject(minister, Fixtures.LETTER.get(Language.FR).subject());
        TestKafka.publish(second);
        MimeMessage toAmbassador = Mails.awaitSubject(ambassador, Fixtures.LETTER.get(Language.FR).subject());

        assertThat(Mails.salutation(toMinister)).isEqualTo("Madame la Ministre,");
        assertThat(Mails.salutation(toAmbassador)).isEqualTo("Monsieur l'Ambassadeur,");
        // The apostrophe is escaped in the HTML part exactly as the template escapes it.
        assertThat(Mails.html(toAmbassador)).contains("<p>Monsieur l&#39;Ambassadeur,</p>")
                .doesNotContain("Madame la Ministre");
        assertThat(Mails.html(toMinister)).contains("<p>Madame la Ministre,</p>").doesNotContain("Ambassadeur");

        String ministerLink = link(Mails.text(toMinister));
        String ambassadorLink = link(Mails.text(toAmbassador));
        assertThat(ministerLink).isNotEqualTo(ambassadorLink);
        assertThat(invitationOf(ministerLink)).isEqualTo(first.invitationId());
        assertThat(invitationOf(ambassadorLink)).isEqualTo(second.invitationId());
        assertThat(Mails.html(toMinister)).contains("<a href=\"" + ministerLink + "\">" + ministerLink + "</a>")
                .doesNotContain(ambassadorLink);
        assertThat(Mails.html(toAmbassador)).contains("<a href=\"" + ambassadorLink + "\">" + ambassadorLink + "</a>")
                .doesNotContain(ministerLink);

        // Apart from those two, the same email.
        assertThat(Mails.text(toAmbassador).replace("Monsieur l'Ambassadeur,", "S").replace(ambassadorLink, "L"))
                .isEqualTo(Mails.text(toMinister).replace("Madame la Ministre,", "S").replace(ministerLink, "L"));
    }

    @Test
    void aNewRevisionOfTheLetterOrTheForumIsInTheNextEmail() {
        Fixtures.World world = Fixtures.world(clock);
        String before = Fixtures.email("kept-before");
        TestKafka.publish(Fixtures.invitation(world, clock, Language.EN, before));
        MimeMessage first = Mails.awaitSubject(before, Fixtures.LETTER.get(Language.EN).subject());
        String oldParagraph = "I have the honour to invite you to deliver a policy statement.";
        String oldSite = "https://www.itu.int/net4/wsis/forum/2022";
        assertThat(text(first)).contains(oldParagraph).contains(oldSite + "\n");

        String newParagraph = "I have the honour to invite you to deliver a policy statement at the revised session.";
        String newSite = "https://www.itu.int/net4/wsis/forum/2022-revised";
        Map<Language, LocalizedText> texts = new EnumMap<>(Fixtures.LETTER);
        LocalizedText en = texts.get(Language.EN);
        texts.put(Language.EN, new LocalizedText(en.subject(), en.body().replace(oldParagraph, newParagraph),
                en.place(), en.addressee(), en.signatoryName(), en.signatoryTitle()));
        TestKafka.publish(new ForumEditionPublished(UUID.randomUUID(), clock.instant(), world.forumId(), 2,
                "WSIS2022", Fixtures.FORUM_NAMES, Map.of(Language.EN, "ICTs for well-being"),
                LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 3),
                "ITU headquarters, Geneva", "HYBRID", Fixtures.GENEVA.getId(), newSite,
                "https://www.itu.int/net4/wsis/forum/2022/HighLevel", "https://www.itu.int/go/wsisfund"));
        TestKafka.publish(new CircularLetterPublished(UUID.randomUUID(), clock.instant(), world.letterId(),
                world.forumId(), "CL-22/010", 2, LocalDate.of(2022, 3, 21), "Houlin ZHAO", "Secretary-General",
                new Contact("Ms Gitanjali Sah", "wsis-info@itu.int", "+41 22 730 5350"), Language.FR, texts,
                "MINISTERS", world.response(), world.speaking()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from circular_letter where letter_id = ? and revision = 2", world.letterId()) == 1
                && TestPostgres.queryLong(DB, "select count(*) from forum_edition where forum_id = ? and revision = 2",
                world.forumId()) == 1);

        String after = Fixtures.email("kept-after");
        TestKafka.publish(Fixtures.invitation(world, clock, Language.EN, after));
        MimeMessage second = Mails.awaitSubject(after, Fixtures.LETTER.get(Language.EN).subject());
        assertThat(text(second)).contains(newParagraph).doesNotContain(oldParagraph)
                .contains(newSite + "\n").doesNotContain(oldSite + "\n");
        assertThat(Mails.html(second)).contains(newParagraph).contains("href=\"" + newSite + "\"")
                .doesNotContain("href=\"" + oldSite + "\"");
    }

    /**
     * Every salutation of every language, after a body was kept for another one, and a link with characters the HTML
     * escapes: each copy is exactly what a composer that never kept anything writes.
     */
    @Test
    void everyCopyIsTheEmailAFreshComposerWrites() {
        List<String> compared = new ArrayList<>();
        for (Language language : Language.values()) {
            for (Rank rank : Rank.values()) {
                for (String form : List.of("Ms", "Mr", "")) {
                    for (String link : List.of("https://wsis.example/r/abc.def", "https://wsis.example/r/a?b=1&c='2'")) {
                        MessageContext context = invitation(language, rank, form, link);
                        EmailComposer.Composed kept = composer.compose(context).orElseThrow();
                        EmailComposer.Composed fresh = new EmailComposer(catalog, config, calendars).compose(context)
                                .orElseThrow();
                        assertThat(kept.subject()).isEqualTo(fresh.subject());
                        assertThat(kept.html()).as(language + " " + rank + " " + form).isEqualTo(fresh.html());
                        assertThat(kept.text()).as(language + " " + rank + " " + form).isEqualTo(fresh.text());
                        assertThat(kept.text()).contains(catalog.text(language,
                                SalutationPolicy.key(rank, form)).orElseThrow()).contains(link);
                        compared.add(kept.html());
                    }
                }
            }
        }
        assertThat(compared).hasSize(Language.values().length * Rank.values().length * 3 * 2);
        assertThat(String.join("", compared)).contains("&amp;c=&#39;2&#39;").doesNotContain("wsisLink")
                .doesNotContain("wsisSalutation");
    }

    static MessageContext invitation(Language language, Rank rank, String form, String link) {
        MessageContext.Recipient recipient = new MessageContext.Recipient(UUID.randomUUID(), "Jane Doe", form, rank,
                "Minister", "jane@example.org", List.of(), language, ZoneId.of("Asia/Tokyo"),
                EmailLanguageTest.DEADLINE, EmailLanguageTest.DEADLINE, "JP", false);
        return new MessageContext(MessageKind.INVITATION, recipient, EmailLanguageTest.letter(),
                EmailLanguageTest.forum(), null, link, EmailLanguageTest.NOW, null);
    }

    /** The plain-text part with its line breaks as the template writes them. */
    static String text(MimeMessage m) {
        return Mails.text(m).replace("\r\n", "\n");
    }

    static String link(String text) {
        Matcher m = Mails.LINK.matcher(text);
        assertThat(m.find()).as("a personal link in " + text).isTrue();
        return m.group();
    }

    /** A personal link's token begins with its invitation's id (the bench reads it the same way). */
    static UUID invitationOf(String link) {
        Matcher m = Mails.LINK.matcher(link);
        assertThat(m.matches()).isTrue();
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(m.group(1).split("\\.")[0]));
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
