package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Delegate;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.Speaker;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.testing.TestKafka;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message kind, as GreenMail receives it: subject, salutation, link, language, layout. */
@QuarkusTest
@NotificationServiceTest
class MessagesTest {

    static final Map<Language, String> ACTION_REQUIRED = Map.of(Language.AR, "[إجراء مطلوب]",
            Language.EN, "[Action required]", Language.ES, "[Acción requerida]", Language.FR, "[Action requise]",
            Language.RU, "[Требуются действия]", Language.ZH, "[需要采取行动]");
    static final Map<Language, String> MINISTRA = Map.of(Language.AR, "معالي الوزيرة،", Language.EN, "Excellency,",
            Language.ES, "Excelentísima Señora Ministra:", Language.FR, "Madame la Ministre,",
            Language.RU, "Уважаемая госпожа министр,", Language.ZH, "尊敬的部长阁下：");
    static final Map<Language, String> ACCEPTED_SUBJECT = Map.of(Language.AR, "تم استلام قبولكم",
            Language.EN, "your acceptance has been received", Language.ES, "hemos recibido su aceptación",
            Language.FR, "votre acceptation a bien été reçue", Language.RU, "ваше согласие получено",
            Language.ZH, "已收到您的接受答复");
    static final Map<Language, String> IN_PERSON = Map.of(Language.AR, "حضورياً، في مقر الاتحاد في جنيف",
            Language.EN, "in person, at ITU headquarters in Geneva", Language.ES, "presencial, en la sede de la UIT en Ginebra",
            Language.FR, "en présentiel, au siège de l&#39;UIT à Genève", Language.RU, "очно, в штаб-квартире МСЭ в Женеве",
            Language.ZH, "现场参会，地点为日内瓦国际电联总部");

    static final Map<Language, String> REFERENCE = Map.of(Language.AR, "المرجع: CL-22/010",
            Language.EN, "Ref.: CL-22/010", Language.ES, "Ref.: CL-22/010", Language.FR, "Réf.: CL-22/010",
            Language.RU, "Осн.: CL-22/010", Language.ZH, "文号：CL-22/010");
    static final Map<Language, String> DATELINE = Map.of(Language.AR, "جنيف، 21 مارس 2022",
            Language.EN, "Geneva, 21 March 2022", Language.ES, "Ginebra, 21 de marzo de 2022",
            Language.FR, "Genève, le 21 mars 2022", Language.RU, "Женева, 21 марта 2022 года",
            Language.ZH, "2022年3月21日，日内瓦");
    static final Map<Language, String> REFERENCE_LINE = Map.of(Language.AR, "الرسالة المعممة CL-22/010 المؤرخة 21 مارس 2022",
            Language.EN, "Circular letter CL-22/010 of 21 March 2022",
            Language.ES, "Carta Circular CL-22/010 de 21 de marzo de 2022",
            Language.FR, "Lettre circulaire CL-22/010 du 21 mars 2022",
            Language.RU, "Циркулярное письмо CL-22/010 от 21 марта 2022 года",
            Language.ZH, "2022年3月21日第CL-22/010号通函");
    static final Map<Language, String> GENEVA_TIME = Map.of(Language.AR, "(بتوقيت جنيف)", Language.EN, "(Geneva time)",
            Language.ES, "(hora de Ginebra)", Language.FR, "(heure de Genève)", Language.RU, "(женевское время)",
            Language.ZH, "（日内瓦时间）");
    static final Map<Language, String> LOCAL_TIME = Map.of(Language.AR, "بتوقيتكم المحلي", Language.EN, "your local time",
            Language.ES, "su hora local", Language.FR, "votre heure locale", Language.RU, "ваше местное время",
            Language.ZH, "您的当地时间");

    @Inject
    Clock clock;

    @Test
    void theInvitationAndAnAcceptanceReceiptInAllSixLanguages() {
        Fixtures.World world = Fixtures.world(clock);
        Map<Language, InvitationIssued> invitations = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            InvitationIssued issued = Fixtures.invitation(world, clock, language, Fixtures.email("inv-" + language.code()));
            invitations.put(language, issued);
            TestKafka.publish(issued);
        }
        for (Language language : Language.values()) {
            InvitationIssued issued = invitations.get(language);
            String email = issued.invitee().email();
            MimeMessage m = Mails.awaitSubject(email, Fixtures.LETTER.get(language).subject());
            // The action marker first, then the letter's reference, then its subject.
            assertThat(Mails.subject(m)).isEqualTo(ACTION_REQUIRED.get(language) + " CL-22/010"
                    + (language == Language.ZH ? "：" : " – ") + Fixtures.LETTER.get(language).subject());
            String html = Mails.html(m);
            String text = Mails.text(m);
            assertThat(html).contains("lang=\"" + language.code() + "\"")
                    .contains(language == Language.AR ? "dir=\"rtl\"" : "dir=\"ltr\"");
            assertThat(Mails.salutation(m)).isEqualTo(MINISTRA.get(language));
            // The header block as the paper letter has it, the signature once and in this language.
            assertThat(text).startsWith(REFERENCE.get(language)).contains(DATELINE.get(language))
                    .contains(Fixtures.LETTER.get(language).addressee());
            assertThat(text.split(java.util.regex.Pattern.quote(Fixtures.signatory(language)), -1)).hasSize(2);
            assertThat(text).contains(Fixtures.LETTER.get(language).signatoryTitle());
            assertThat(Mails.header(m, "Content-Language")).isEqualTo(language.code());
            LinkClaims claims = Mails.linkClaims(m);
            assertThat(claims.invitationId()).isEqualTo(issued.invitationId());
            assertThat(claims.linkVersion()).isEqualTo(1);
            // The deadline in the recipient's language and the forum's zone, named as the reader names it, with the
            // local (Tokyo) time beside it; no zone identifier.
            assertThat(text).contains(GENEVA_TIME.get(language)).contains(LOCAL_TIME.get(language))
                    .doesNotContain("Europe/Zurich").doesNotContain("Asia/Tokyo");
            // The forum's pages are real links in the HTML part.
            assertThat(html).contains("<a href=\"https://www.itu.int/go/wsisfund\">")
                    .contains("<a href=\"https://www.itu.int/net4/wsis/forum/2022/HighLevel\">")
                    .contains("<a href=\"https://www.itu.int/net4/wsis/forum/2022\">");

            TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), clock.instant(), issued.invitationId(), 1,
                    ParticipationMode.IN_PERSON, List.of(new Delegate("Jane Doe", "Minister", true)), ReplyChannel.WEB,
                    false));
        }
        for (Language language : Language.values()) {
            String email = invitations.get(language).invitee().email();
            MimeMessage receipt = Mails.awaitSubject(email, ACCEPTED_SUBJECT.get(language));
            assertThat(Mails.subject(receipt)).doesNotContain(ACTION_REQUIRED.get(language))
                    .startsWith("CL-22/010").contains(Fixtures.FORUM_NAMES.get(language));
            assertThat(Mails.salutation(receipt)).isEqualTo(MINISTRA.get(language));
            assertThat(Mails.text(receipt)).startsWith(REFERENCE_LINE.get(language));
            assertThat(Mails.html(receipt)).contains(IN_PERSON.get(language))
                    .contains(language == Language.AR ? "dir=\"rtl\"" : "dir=\"ltr\"");
        }
    }

    @Test
    void everyOtherMessageKindInFrench() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("fr-all");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.FR, email, Rank.MINISTER, "Monsieur",
                "America/New_York", "Jean Dupont");
        UUID inv = issued.invitationId();
        UUID request = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant now = clock.instant();
        Instant start = ZonedDateTime.of(2022, 5, 31, 14, 0, 0, 0, Fixtures.GENEVA).toInstant();
        Map<Language, String> titles = Map.of(Language.EN, "High-Level Policy Session 3",
                Language.FR, "Session de haut niveau 3");
        Speaker substitute = new Speaker("Paul Martin", "Vice-ministre", Rank.DEPUTY_MINISTER, true);
        TestKafka.publish(issued);
        TestKafka.publish(new PersonalLinkReissued(UUID.randomUUID(), now, inv, 2, now.plusSeconds(400L * 86400)));
        // Whether an email asks for an action is decided when it is written: these two are sent before any reply is
        // recorded, so both ask for one (a reply recorded first would take the marker away, see ActionPolicy).
        MimeMessage invitation = Mails.awaitSubject(email, "[Action requise] CL-22/010 – Invitation à participer");
        MimeMessage reissued = Mails.awaitSubject(email, "votre nouveau lien personnel");
        TestKafka.publish(new InvitationDeclined(UUID.randomUUID(), now, inv, 1, "agenda", ReplyChannel.WEB, true));
        TestKafka.publish(new ReplyChanged(UUID.randomUUID(), now, inv, 2, ReplyStatus.DECLINED, ReplyStatus.ACCEPTED,
                ParticipationMode.REMOTE, List.of(new Delegate("Jean Dupont", "Ministre", true)), ReplyChannel.WEB,
                false, false));
        TestKafka.publish(new SpeakingRequestSubmitted(UUID.randomUUID(), now, inv, request,
                new Speaker("Jean Dupont", "Ministre", Rank.MINISTER, false), List.of(session), Language.FR,
                SpeakingModality.IN_PERSON, "Connectivité", false));
        TestKafka.publish(new SpeakingRequestWaitlisted(UUID.randomUUID(), now, inv, request, 4, "full"));
        TestKafka.publish(new SpeakingRequestPromoted(UUID.randomUUID(), now, inv, request, session, titles, start,
                "Europe/Zurich", 7, start.plusSeconds(21 * 60), 3, SpeakingModality.IN_PERSON));
        TestKafka.publish(new SpeakingSlotAllocated(UUID.randomUUID(), now, inv, request, session, titles, start,
                "Europe/Zurich", 7, start.plusSeconds(21 * 60), 3, SpeakingModality.REMOTE_LIVE));
        TestKafka.publish(new SpeakerSubstituted(UUID.randomUUID(), now, inv, request,
                new Speaker("Jean Dupont", "Ministre", Rank.MINISTER, false), substitute));
        TestKafka.publish(new SpeakingRequestRejected(UUID.randomUUID(), now, inv, request,
                "Liste des orateurs close", session));
        TestKafka.publish(new ReplyWithdrawn(UUID.randomUUID(), now, inv, 3, ReplyChannel.WEB, false));

        assertThat(Mails.salutation(invitation)).isEqualTo("Monsieur le Ministre,");

        assertThat(Mails.subject(reissued)).isEqualTo("[Action requise] CL-22/010 – Forum 2022 du SMSI: votre nouveau lien personnel");
        assertThat(Mails.linkClaims(reissued).linkVersion())
                .as("link version in the directory: " + itu.wsis.testing.TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                        "select link_version from contact where invitation_id = ?", inv))
                .isEqualTo(2);

        MimeMessage declined = Mails.awaitSubject(email, "votre réponse a bien été reçue");
        assertThat(Mails.text(declined)).contains("après la date limite")
                .startsWith("Lettre circulaire CL-22/010 du 21 mars 2022");
        assertThat(Mails.salutation(declined)).isEqualTo("Monsieur le Ministre,");

        MimeMessage changed = Mails.awaitSubject(email, "votre réponse modifiée");
        assertThat(Mails.text(changed)).contains("Réponse: acceptée").contains("Participation: à distance")
                .contains("Jean Dupont, Ministre (chef de délégation)");

        MimeMessage received = Mails.awaitSubject(email, "votre demande de temps de parole a bien été reçue");
        assertThat(Mails.text(received)).contains("Orateur: Jean Dupont, Ministre");

        MimeMessage waitlisted = Mails.awaitSubject(email, "sur liste d'attente");
        assertThat(Mails.text(waitlisted)).contains("au rang 4");

        MimeMessage promoted = Mails.awaitSubject(email, "un temps de parole vous a été attribué");
        assertThat(Mails.text(promoted)).contains("Session de haut niveau 3");

        MimeMessage allocated = Mails.awaitSubject(email, "votre temps de parole");
        String slot = Mails.text(allocated);
        assertThat(slot).contains("Session: Session de haut niveau 3")
                .contains("Rang sur la liste des orateurs: 7")
                .contains("Modalité: à distance, en direct")
                .contains("limitées à 3 minutes")
                .contains("Date et heure: 31 mai 2022 à 14:21 (heure de Genève) — votre heure locale: 31 mai 2022 à 08:21")
                .doesNotContain("Europe/Zurich").doesNotContain("America/New_York");

        MimeMessage substituted = Mails.awaitSubject(email, "changement d'orateur");
        assertThat(Mails.text(substituted)).contains("prononcée par Paul Martin, Vice-ministre");

        MimeMessage rejected = Mails.awaitOne(email,
                m -> Mails.subject(m).equals("CL-22/010 – Forum 2022 du SMSI: votre demande de temps de parole"));
        assertThat(Mails.text(rejected)).contains("Motif: Liste des orateurs close");

        MimeMessage withdrawn = Mails.awaitSubject(email, "retrait de votre participation");
        assertThat(Mails.salutation(withdrawn)).isEqualTo("Monsieur le Ministre,");

        for (MimeMessage m : Mails.to(email)) {
            assertThat(Mails.html(m)).contains("lang=\"fr\"");
            assertThat(Mails.linkClaims(m).invitationId()).isEqualTo(inv);
            if (!Mails.subject(m).startsWith("[Action requise]")) {
                assertThat(Mails.subject(m)).startsWith("CL-22/010 – Forum 2022 du SMSI: ");
            }
            // One signature block, in French: no English title, no second name block.
            assertThat(Mails.text(m)).containsPattern("Houlin ZHAO\\r?\\nSecrétaire général")
                    .doesNotContain("Secretary-General");
            assertThat(Mails.text(m).split("Houlin ZHAO", -1)).hasSize(2);
        }
        assertThat(Mails.to(email)).hasSize(11);
    }
}
