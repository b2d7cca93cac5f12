package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.Delegate;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.ResponseDeadlineExtended;
import itu.wsis.events.Speaker;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingRequestWithdrawn;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.SpeakingSlotRescheduled;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.service.EmailComposer;
import itu.wsis.notification.service.MessageCatalog;
import itu.wsis.notification.service.MessageContext;
import jakarta.inject.Inject;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of email in each of the six languages, written by the composer itself: an email is in one language from
 * salutation to signature. For each language, no label, title, sentence, month or day name of another language
 * appears in it, no zone identifier, no ISO date; and each is checked to carry its own language's marks, so that the
 * check cannot pass on an empty email.
 */
@QuarkusTest
@NotificationServiceTest
class EmailLanguageTest {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");
    static final Instant NOW = Instant.parse("2022-03-21T09:00:00Z");
    static final Deadline DEADLINE = new Deadline(LocalDate.of(2022, 4, 15), "Europe/Zurich",
            Instant.parse("2022-04-15T22:00:00Z"));
    static final Map<Language, String> SESSION = Map.of(
            Language.AR, "جلسة السياسات الرفيعة المستوى 3: بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات",
            Language.EN, "High-Level Policy Session 3: Building confidence and security in the use of ICTs",
            Language.ES, "Sesión de Política de Alto Nivel 3: Crear confianza y seguridad en la utilización de las TIC",
            Language.FR, "Session politique de haut niveau 3: Établir la confiance et la sécurité dans l'utilisation des TIC",
            Language.RU, "Сессия высокого уровня по вопросам политики 3: Укрепление доверия и безопасности при использовании ИКТ",
            Language.ZH, "高级别政策会议3：在使用信息通信技术过程中建立信心和安全");
    static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    @Inject
    EmailComposer composer;

    @Inject
    MessageCatalog catalog;

    @Test
    void everyKindOfEmailIsInOneLanguageOnly() {
        for (Language language : Language.values()) {
            Set<String> foreign = foreignTexts(language);
            assertThat(foreign).as("the check has something to look for").hasSizeGreaterThan(100);
            for (MessageContext context : everyKind(language)) {
                EmailComposer.Composed email = composer.compose(context).orElseThrow();
                String what = language + " " + context.kind();
                keep(language, context.kind(), email);
                assertThat(email.language().used()).as(what).isEqualTo(language);
                String all = email.subject() + "\n" + email.text() + "\n" + unescape(email.html());
                for (String text : foreign) {
                    assertThat(contains(all, text)).as(what + " contains the foreign text «" + text + "»").isFalse();
                }
                assertThat(all).as(what).doesNotContain("Europe/Zurich").doesNotContain("Asia/Tokyo");
                assertThat(ISO_DATE.matcher(all).find()).as(what + " has an ISO date").isFalse();
                // Its own language's marks: the salutation, the signature block, the reference.
                assertThat(email.text()).as(what)
                        .contains(catalog.text(language, "salutation.minister.feminine").orElseThrow())
                        .contains(Fixtures.LETTER.get(language).signatoryName())
                        .contains(Fixtures.LETTER.get(language).signatoryTitle())
                        .contains("CL-22/010");
                assertThat(email.text().split(Pattern.quote(Fixtures.LETTER.get(language).signatoryTitle()), -1))
                        .as(what + ": the title once").hasSize(2);
            }
        }
    }

    /** Every email as a person would read it, under target/email-samples/, for review. */
    static void keep(Language language, MessageKind kind, EmailComposer.Composed email) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "email-samples");
            java.nio.file.Files.createDirectories(dir);
            String name = language.code() + "-" + kind.key();
            java.nio.file.Files.writeString(dir.resolve(name + ".txt"), "Subject: " + email.subject() + "\n\n"
                    + email.text());
            java.nio.file.Files.writeString(dir.resolve(name + ".html"), email.html());
            if (email.calendar().isPresent()) {
                java.nio.file.Files.write(dir.resolve(name + ".ics"), email.calendar().get().content());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSlotWhoseSessionHasNoTitleInTheReadersLanguageIsWrittenInAnotherLanguageWhole() {
        Map<Language, String> enFr = Map.of(Language.EN, SESSION.get(Language.EN), Language.FR, SESSION.get(Language.FR));
        MessageContext context = context(Language.ZH, MessageKind.SPEAKING_SLOT_ALLOCATED, allocated(enFr), null);
        EmailComposer.Composed email = composer.compose(context).orElseThrow();
        // The letter's original language (French), not a Chinese email with an English title in it.
        assertThat(email.language().used()).isEqualTo(Language.FR);
        assertThat(email.language().fallback()).isTrue();
        assertThat(email.text()).contains(SESSION.get(Language.FR)).doesNotContain(SESSION.get(Language.EN));
    }

    @Test
    void aLetterWithoutTheSignatureBlockInALanguageIsStillWrittenInTheReadersLanguageSignedByName() {
        Map<Language, LocalizedText> texts = new EnumMap<>(Fixtures.LETTER);
        LocalizedText ru = texts.get(Language.RU);
        texts.put(Language.RU, new LocalizedText(ru.subject(), ru.body()));
        MessageContext.Letter letter = new MessageContext.Letter("CL-22/010", Language.FR, texts, "Houlin Zhao",
                "Secrétaire général", contact(), LocalDate.of(2022, 3, 21));
        MessageContext context = new MessageContext(MessageKind.INVITATION, recipient(Language.RU), letter, forum(),
                null, "https://wsis.example/r/token", NOW, null);
        EmailComposer.Composed email = composer.compose(context).orElseThrow();
        // The body the letter gives in Russian, not the French original: the title is the only thing given up.
        assertThat(email.language().used()).isEqualTo(Language.RU);
        assertThat(email.language().fallback()).isFalse();
        assertThat(email.text()).contains(ru.subject()).contains("Houlin Zhao")
                .doesNotContain("Secrétaire général").doesNotContain("Secretary-General");
        // The letter's own language keeps the letter's title.
        EmailComposer.Composed fr = composer.compose(new MessageContext(MessageKind.INVITATION,
                recipient(Language.FR), new MessageContext.Letter("CL-22/010", Language.FR,
                Map.of(Language.FR, new LocalizedText(texts.get(Language.FR).subject(), texts.get(Language.FR).body())),
                "Houlin Zhao", "Secrétaire général", contact(), LocalDate.of(2022, 3, 21)), forum(), null,
                "https://wsis.example/r/token", NOW, null)).orElseThrow();
        assertThat(fr.language().used()).isEqualTo(Language.FR);
        assertThat(fr.text()).contains("Houlin Zhao\nSecrétaire général");
    }

    @Test
    void aLetterThatNamesNoSignatoryIsWrittenInNoLanguage() {
        MessageContext.Letter letter = new MessageContext.Letter("CL-22/010", Language.FR,
                Map.of(Language.FR, new LocalizedText(Fixtures.LETTER.get(Language.FR).subject(),
                        Fixtures.LETTER.get(Language.FR).body())), null, null, contact(), LocalDate.of(2022, 3, 21));
        MessageContext context = new MessageContext(MessageKind.INVITATION, recipient(Language.FR), letter, forum(),
                null, "https://wsis.example/r/token", NOW, null);
        assertThat(composer.compose(context)).isEmpty();
    }

    @Test
    void aBodyThatStillEndsWithTheSignatureShowsItOnce() {
        Map<Language, LocalizedText> texts = new EnumMap<>(Fixtures.LETTER);
        LocalizedText fr = texts.get(Language.FR);
        texts.put(Language.FR, new LocalizedText(fr.subject(), fr.body() + "\n\n(original signé)\n\nHoulin ZHAO\n"
                + "Secrétaire général", fr.place(), fr.addressee(), fr.signatoryName(), fr.signatoryTitle()));
        MessageContext.Letter letter = new MessageContext.Letter("CL-22/010", Language.FR, texts, "Houlin Zhao",
                "Secretary-General", contact(), LocalDate.of(2022, 3, 21));
        MessageContext context = new MessageContext(MessageKind.INVITATION, recipient(Language.FR), letter, forum(),
                null, "https://wsis.example/r/token", NOW, null);
        String text = composer.compose(context).orElseThrow().text();
        assertThat(text.split("Houlin ZHAO", -1)).hasSize(2);
        assertThat(text).doesNotContain("original signé").contains("(signé)\nHoulin ZHAO\nSecrétaire général");
    }

    @Test
    void theInvitationsHeaderBlockIsThePaperLettersAndItsLinksAreLinks() {
        EmailComposer.Composed email = composer.compose(context(Language.FR, MessageKind.INVITATION, null, null))
                .orElseThrow();
        assertThat(email.subject()).startsWith("[Action requise] CL-22/010 – Invitation à participer");
        assertThat(email.text()).startsWith("""
                Réf.: CL-22/010
                Genève, le 21 mars 2022
                Contact: Gitanjali Sah
                Courriel: wsis-info@itu.int
                Tél.: +41 22 730 5350
                Aux Ministres des États Membres de l'UIT
                Objet: Invitation à participer au Forum 2022 du Sommet mondial sur la société de l'information (SMSI)

                Madame la Ministre,
                """);
        assertThat(email.text()).contains("Date limite: 15 avril 2022 (heure de Genève) — votre heure locale: "
                + "16 avril 2022 à 07:00");
        assertThat(email.html())
                .contains("<a href=\"https://www.itu.int/net4/wsis/forum/2022\">")
                .contains("<a href=\"https://www.itu.int/net4/wsis/forum/2022/HighLevel\">")
                .contains("<a href=\"https://www.itu.int/go/wsisfund\">")
                .contains("<a href=\"https://wsis.example/r/token\">");
        assertThat(email.text()).contains("Offres de partenariat: https://www.itu.int/go/wsisfund");
    }

    /**
     * Where to go (issue 17, "Calendar"): an in-person speaker is told the session's room in the email, and the venue
     * with the room as the calendar entry's LOCATION (the venue is data in one language: it stays out of the text); a remote live speaker gets the join link as a real link in the HTML part,
     * the address in the text part, and as the entry's URL, in each language; nobody else ever sees the link.
     */
    @Test
    void aSlotEmailSaysWhereToGoTheRoomInPersonTheJoinLinkRemote() throws Exception {
        String join = "https://meet.example.org/j/hlps-3?pwd=4711";
        for (Language language : Language.values()) {
            Instant start = ZonedDateTime.of(2022, 5, 31, 14, 30, 0, 0, GENEVA).toInstant();
            EmailComposer.Composed inPerson = composer.compose(context(language, MessageKind.SPEAKING_SLOT_ALLOCATED,
                    new SpeakingSlotAllocated(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                            UUID.randomUUID(), SESSION, start, "Europe/Zurich", 2, start.plusSeconds(180), 3,
                            SpeakingModality.IN_PERSON, "CICG 2", join),
                    new MessageContext.CalendarRef("statement-x@wsis.test", 0, "PUBLISH"))).orElseThrow();
            String place = catalog.text(language, "format.place").orElseThrow()
                    .replace("{venue}", "ITU headquarters, Geneva").replace("{room}", "CICG 2");
            String roomLine = catalog.text(language, "label.room").orElseThrow()
                    + catalog.text(language, "punct.colon").orElseThrow() + "CICG 2";
            assertThat(inPerson.text()).as(language.code()).contains(roomLine).doesNotContain("meet.example.org");
            assertThat(inPerson.html()).as(language.code()).doesNotContain("meet.example.org");
            VEvent atTheVenue = vevent(inPerson);
            assertThat(atTheVenue.getLocation().getValue()).isEqualTo(place);
            assertThat(atTheVenue.getProperty("URL")).isEmpty();
            assertThat(atTheVenue.getDescription().getValue()).contains(roomLine).doesNotContain("meet.example.org");

            EmailComposer.Composed remote = composer.compose(context(language, MessageKind.SPEAKING_REQUEST_PROMOTED,
                    new SpeakingRequestPromoted(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                            UUID.randomUUID(), SESSION, start, "Europe/Zurich", 2, start.plusSeconds(180), 3,
                            SpeakingModality.REMOTE_LIVE, "CICG 2", join),
                    new MessageContext.CalendarRef("statement-y@wsis.test", 0, "PUBLISH"))).orElseThrow();
            String label = catalog.text(language, "link.remote_join").orElseThrow();
            assertThat(remote.text()).as(language.code())
                    .contains(label + catalog.text(language, "punct.colon").orElseThrow() + join)
                    .doesNotContain(catalog.text(language, "remote_join.pending").orElseThrow());
            assertThat(remote.html()).as(language.code())
                    .contains("<a href=\"https://meet.example.org/j/hlps-3?pwd=4711\">");
            VEvent afar = vevent(remote);
            assertThat(afar.getLocation().getValue()).isEqualTo(catalog.text(language, "calendar.remote").orElseThrow());
            assertThat(afar.getProperty("URL").orElseThrow().getValue()).isEqualTo(join);
            assertThat(afar.getDescription().getValue()).contains(join);

            // Remote live, but the session has no link yet: no link, and the email says it will come.
            EmailComposer.Composed pending = composer.compose(context(language, MessageKind.SPEAKING_SLOT_ALLOCATED,
                    new SpeakingSlotAllocated(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                            UUID.randomUUID(), SESSION, start, "Europe/Zurich", 2, start.plusSeconds(180), 3,
                            SpeakingModality.REMOTE_LIVE), null)).orElseThrow();
            assertThat(pending.text()).contains(catalog.text(language, "remote_join.pending").orElseThrow())
                    .doesNotContain(label);
        }
    }

    static VEvent vevent(EmailComposer.Composed email) throws Exception {
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(
                new java.io.StringReader(new String(email.calendar().orElseThrow().content(),
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void anInvitationIssuedAfterItsDeadlineAsksForNothing() {
        MessageContext late = new MessageContext(MessageKind.INVITATION, recipient(Language.EN), letter(), forum(),
                null, "https://wsis.example/r/token", DEADLINE.endsAt().plus(Duration.ofDays(2)), null);
        EmailComposer.Composed email = composer.compose(late).orElseThrow();
        assertThat(email.subject()).startsWith("CL-22/010 – Invitation").doesNotContain("[Action required]");
        assertThat(email.text()).contains("The date by which a reply was requested, 15 April 2022 (Geneva time)")
                .doesNotContain("You may reply").doesNotContain("Deadline:");
        // A reply already recorded (by correspondence, before the email left): nothing to ask either.
        MessageContext.Recipient replied = new MessageContext.Recipient(UUID.randomUUID(), "Jane Doe", "Ms",
                Rank.MINISTER, "Minister", "jane@example.org", List.of(), Language.EN, ZoneId.of("Asia/Tokyo"),
                DEADLINE, DEADLINE, "JP", true);
        MessageContext extended = new MessageContext(MessageKind.DEADLINE_EXTENDED, replied, letter(), forum(),
                new ResponseDeadlineExtended(UUID.randomUUID(), NOW, replied.invitationId(), DEADLINE),
                "https://wsis.example/r/token", NOW, null);
        EmailComposer.Composed notice = composer.compose(extended).orElseThrow();
        assertThat(notice.subject()).isEqualTo("CL-22/010 – World Summit on the Information Society Forum 2022: "
                + "the deadline for your reply has been extended");
        assertThat(notice.text()).contains("no further action is needed");
    }

    // ---- every kind, in one language

    List<MessageContext> everyKind(Language language) {
        UUID request = UUID.randomUUID();
        UUID inv = UUID.randomUUID();
        Speaker speaker = new Speaker("Jane Doe", "Minister", Rank.MINISTER, false);
        List<Delegate> delegation = List.of(new Delegate("Jane Doe", "Minister", true));
        Instant start = ZonedDateTime.of(2022, 5, 31, 14, 0, 0, 0, GENEVA).toInstant();
        MessageContext.CalendarRef publish = new MessageContext.CalendarRef("statement-" + request + "@wsis.test", 0,
                "PUBLISH");
        MessageContext.CalendarRef cancel = new MessageContext.CalendarRef("statement-" + request + "@wsis.test", 1,
                "CANCEL");
        List<MessageContext> all = new ArrayList<>();
        all.add(context(language, MessageKind.INVITATION, null, null));
        all.add(context(language, MessageKind.LINK_REISSUED, null, null));
        all.add(context(language, MessageKind.DEADLINE_EXTENDED,
                new ResponseDeadlineExtended(UUID.randomUUID(), NOW, inv, DEADLINE), null));
        all.add(context(language, MessageKind.INVITATION_REVOKED, null, null));
        all.add(context(language, MessageKind.REPLY_ACCEPTED, new InvitationAccepted(UUID.randomUUID(), NOW, inv, 1,
                ParticipationMode.IN_PERSON, delegation, ReplyChannel.WEB, true),
                new MessageContext.CalendarRef("in-person-" + inv + "@wsis.test", 0, "PUBLISH")));
        all.add(context(language, MessageKind.REPLY_DECLINED, new InvitationDeclined(UUID.randomUUID(), NOW, inv, 1,
                null, ReplyChannel.WEB, true), null));
        all.add(context(language, MessageKind.REPLY_CHANGED, new ReplyChanged(UUID.randomUUID(), NOW, inv, 2,
                ReplyStatus.DECLINED, ReplyStatus.ACCEPTED, ParticipationMode.REMOTE, delegation, ReplyChannel.WEB,
                false, true), null));
        all.add(context(language, MessageKind.REPLY_WITHDRAWN, new ReplyWithdrawn(UUID.randomUUID(), NOW, inv, 3,
                ReplyChannel.WEB, true), new MessageContext.CalendarRef("in-person-" + inv + "@wsis.test", 1, "CANCEL")));
        all.add(context(language, MessageKind.SPEAKING_REQUEST_RECEIVED, new SpeakingRequestSubmitted(
                UUID.randomUUID(), NOW, inv, request, speaker, List.of(), language, SpeakingModality.VIDEO, "topic",
                true), null));
        all.add(context(language, MessageKind.SPEAKING_SLOT_ALLOCATED, allocated(SESSION), publish));
        all.add(context(language, MessageKind.SPEAKING_SLOT_MOVED, allocated(SESSION),
                new MessageContext.CalendarRef(publish.uid(), 1, "PUBLISH")));
        all.add(context(language, MessageKind.SPEAKING_REQUEST_PROMOTED, new SpeakingRequestPromoted(
                UUID.randomUUID(), NOW, inv, request, UUID.randomUUID(), SESSION, start, "Europe/Zurich", 7,
                start.plusSeconds(18 * 60), 3, SpeakingModality.REMOTE_LIVE, "CICG 2",
                "https://meet.example.org/j/hlps-3"), publish));
        // A remote live slot whose session has no join link yet: the email says it will come.
        all.add(context(language, MessageKind.SPEAKING_SLOT_MOVED, new SpeakingSlotRescheduled(
                UUID.randomUUID(), NOW, inv, request, UUID.randomUUID(), SESSION, start, "Europe/Zurich", 7,
                start.plusSeconds(18 * 60), 3, SpeakingModality.REMOTE_LIVE, "CICG 2", null),
                new MessageContext.CalendarRef(publish.uid(), 2, "PUBLISH")));
        all.add(context(language, MessageKind.SPEAKING_SLOT_CANCELLED, new SpeakingRequestWithdrawn(
                UUID.randomUUID(), NOW, inv, request, "withdrawn", UUID.randomUUID()), cancel));
        all.add(context(language, MessageKind.SPEAKING_REQUEST_WAITLISTED, new SpeakingRequestWaitlisted(
                UUID.randomUUID(), NOW, inv, request, 4, "full"), cancel));
        all.add(context(language, MessageKind.SPEAKING_REQUEST_REJECTED, new SpeakingRequestRejected(
                UUID.randomUUID(), NOW, inv, request, null, null), cancel));
        all.add(context(language, MessageKind.SPEAKER_SUBSTITUTED, new SpeakerSubstituted(UUID.randomUUID(), NOW,
                inv, request, speaker, new Speaker("John Roe", "Deputy Minister", Rank.DEPUTY_MINISTER, true)), null));
        all.add(context(language, MessageKind.IN_PERSON_WEEK_CHANGED, null,
                new MessageContext.CalendarRef("in-person-" + inv + "@wsis.test", 2, "PUBLISH")));
        all.add(context(language, MessageKind.REMINDER_RESPONSE,
                new MessageContext.Reminder("RESPONSE", Duration.ofDays(7), DEADLINE.endsAt()), null));
        all.add(context(language, MessageKind.REMINDER_SPEAKING_REQUEST,
                new MessageContext.Reminder("SPEAKING_REQUEST", Duration.ofDays(3), DEADLINE.endsAt()), null));
        assertThat(all.stream().map(MessageContext::kind).distinct()).containsExactlyInAnyOrder(MessageKind.values());
        return all;
    }

    static SpeakingSlotAllocated allocated(Map<Language, String> titles) {
        Instant start = ZonedDateTime.of(2022, 5, 31, 14, 30, 0, 0, GENEVA).toInstant();
        return new SpeakingSlotAllocated(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), titles, start, "Europe/Zurich", 7, start.plusSeconds(18 * 60), 3,
                SpeakingModality.IN_PERSON, "CICG 2", null);
    }

    static MessageContext context(Language language, MessageKind kind, Object detail,
                                  MessageContext.CalendarRef calendar) {
        return new MessageContext(kind, recipient(language), letter(), forum(), detail,
                kind == MessageKind.INVITATION_REVOKED ? null : "https://wsis.example/r/token", NOW, calendar);
    }

    static MessageContext.Recipient recipient(Language language) {
        return new MessageContext.Recipient(UUID.randomUUID(), "Jane Doe", "Ms", Rank.MINISTER, "Minister",
                "jane@example.org", List.of(), language, ZoneId.of("Asia/Tokyo"), DEADLINE, DEADLINE, "JP", false);
    }

    static Contact contact() {
        return new Contact("Gitanjali Sah", "wsis-info@itu.int", "+41 22 730 5350");
    }

    static MessageContext.Letter letter() {
        return new MessageContext.Letter("CL-22/010", Language.FR, Fixtures.LETTER, "Houlin Zhao", "Secretary-General",
                contact(), LocalDate.of(2022, 3, 21));
    }

    static MessageContext.Forum forum() {
        Map<Language, String> names = Map.of(
                Language.AR, "منتدى القمة العالمية لمجتمع المعلومات لعام 2022",
                Language.EN, "World Summit on the Information Society Forum 2022",
                Language.ES, "Foro de la Cumbre Mundial sobre la Sociedad de la Información 2022",
                Language.FR, "Forum 2022 du Sommet mondial sur la société de l'information",
                Language.RU, "Форум Всемирной встречи на высшем уровне по вопросам информационного общества 2022 года",
                Language.ZH, "2022年信息社会世界峰会论坛");
        return new MessageContext.Forum("WSIS-2022", names, GENEVA, "ITU headquarters, Geneva",
                LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 3), "https://www.itu.int/net4/wsis/forum/2022",
                "https://www.itu.int/net4/wsis/forum/2022/HighLevel", "https://www.itu.int/go/wsisfund");
    }

    // ---- what "another language" looks like

    /**
     * Every text another language would show that this one does not: the other catalogs' sentences and labels (cut at
     * their placeholders), the letter's, forum's and session's texts in the other languages, and their month and day
     * names. A text that this language's own texts also contain (a shared word, a name written alike) is left out.
     */
    Set<String> foreignTexts(Language language) {
        List<String> own = new ArrayList<>();
        catalog.keys(language).forEach(key -> own.add(catalog.text(language, key).orElse("")));
        own.addAll(dataOf(language));
        own.addAll(calendarNames(language.locale()));
        own.add("Jane Doe, Minister");
        Set<String> foreign = new HashSet<>();
        for (Language other : Language.values()) {
            if (other == language) {
                continue;
            }
            List<String> theirs = new ArrayList<>();
            for (String key : catalog.keys(other)) {
                if (key.startsWith("format.") || key.startsWith("punct.")) {
                    continue;   // patterns, not text
                }
                for (String part : catalog.text(other, key).orElse("").split("\\{[^}]*}")) {
                    theirs.add(part);
                }
            }
            theirs.addAll(dataOf(other));
            theirs.addAll(calendarNames(other.locale()));
            for (String text : theirs) {
                String t = trimPunctuation(text);
                boolean cjk = t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                if (t.codePointCount(0, t.length()) < (cjk ? 2 : 4)) {
                    continue;
                }
                if (own.stream().noneMatch(o -> o.contains(t))) {
                    foreign.add(t);
                }
            }
        }
        return foreign;
    }

    static List<String> dataOf(Language language) {
        LocalizedText letter = Fixtures.LETTER.get(language);
        List<String> data = new ArrayList<>(List.of(letter.subject(), letter.place(), letter.addressee(),
                letter.signatoryName(), letter.signatoryTitle(), SESSION.get(language), forum().name(language)));
        data.addAll(List.of(letter.body().split("\n\n")));
        return data;
    }

    static List<String> calendarNames(Locale locale) {
        List<String> names = new ArrayList<>();
        for (java.time.Month m : java.time.Month.values()) {
            names.add(m.getDisplayName(TextStyle.FULL, locale));
            names.add(m.getDisplayName(TextStyle.FULL_STANDALONE, locale));
            names.add(java.time.format.DateTimeFormatter.ofPattern("d MMMM", locale)
                    .format(LocalDate.of(2022, m, 1)).replaceFirst("^1\\s*", ""));
        }
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            names.add(d.getDisplayName(TextStyle.FULL, locale));
        }
        return names;
    }

    static String trimPunctuation(String text) {
        return text.replaceAll("^[\\s\\p{Punct}：，。；、（）—–«»]+|[\\s\\p{Punct}：，。；、（）—–«»]+$", "");
    }

    /** Whole words for the scripts that separate them, anywhere for those that do not. */
    static boolean contains(String haystack, String needle) {
        return Pattern.compile("(?<![\\p{L}\\p{M}])" + Pattern.quote(needle) + "(?![\\p{L}\\p{M}])")
                .matcher(haystack).find()
                || (needle.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && haystack.contains(needle));
    }

    static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
