package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterLifecycleTest {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");
    static final Actor STAFF = Actor.staff("secretariat-1");
    static final Instant NOW = Instant.parse("2022-02-01T09:00:00Z");
    static final LetterContent CONTENT = new LetterContent(LocalDate.of(2022, 1, 28), "Doreen Bogdan-Martin",
            "Director", new Contact("WSIS Secretariat", "wsis-info@itu.int", "+41 22 730 5111"), Language.EN,
            Map.of(Language.EN, new LocalizedText("Invitation to WSIS Forum 2022", "Excellency, ...")),
            "Ministers of ICT", LocalDate.of(2022, 4, 15), LocalDate.of(2022, 4, 30));

    static Letter letter(int revision, LetterStatus status) {
        return new Letter(UUID.randomUUID(), UUID.randomUUID(), "DM-22/1001", revision, status, CONTENT,
                Deadline.byEndOf(CONTENT.responseDeadline(), GENEVA),
                Deadline.byEndOf(CONTENT.speakingRequestDeadline(), GENEVA),
                status == LetterStatus.PUBLISHED ? NOW.minusSeconds(3600) : null, List.of());
    }

    @Test
    void aNewLetterIsDraftRevisionOneWithItsDeadlinesAtTheEndOfTheDayInTheForumsZone() {
        LetterLifecycle.Draft draft = LetterLifecycle.first(CONTENT, GENEVA);

        assertThat(draft.revision()).isEqualTo(1);
        assertThat(draft.content()).isEqualTo(CONTENT);
        assertThat(draft.responseDeadline())
                .isEqualTo(new Deadline(LocalDate.of(2022, 4, 15), "Europe/Zurich",
                        Instant.parse("2022-04-15T22:00:00Z")));
        assertThat(draft.speakingRequestDeadline()).isEqualTo(Deadline.byEndOf(LocalDate.of(2022, 4, 30), GENEVA));
    }

    @Property(tries = 50)
    void onlyADraftChangesInPlace(@ForAll @IntRange(min = 1, max = 50) int revision) {
        assertThat(LetterLifecycle.updateDraft(letter(revision, LetterStatus.DRAFT), CONTENT, GENEVA).revision())
                .isEqualTo(revision);
        assertThatThrownBy(() -> LetterLifecycle.updateDraft(letter(revision, LetterStatus.PUBLISHED), CONTENT,
                GENEVA)).isInstanceOfSatisfying(LifecycleViolation.class,
                e -> assertThat(e.slug()).isEqualTo("letter-published"));
    }

    @Property(tries = 50)
    void aCorrectionIsTheNextRevisionOfAPublishedLetter(@ForAll @IntRange(min = 1, max = 50) int revision) {
        assertThat(LetterLifecycle.revise(letter(revision, LetterStatus.PUBLISHED), CONTENT, GENEVA).revision())
                .isEqualTo(revision + 1);
        assertThatThrownBy(() -> LetterLifecycle.revise(letter(revision, LetterStatus.DRAFT), CONTENT, GENEVA))
                .isInstanceOfSatisfying(LifecycleViolation.class, e -> {
                    assertThat(e.slug()).isEqualTo("letter-draft-exists");
                    assertThat(e.getMessage()).isEqualTo("Revision " + revision
                            + " is still a draft: change it instead.");
                });
    }

    @Test
    void publishingStampsTheTimeAndPublishesTheRevisionWhole() {
        Letter draft = letter(2, LetterStatus.DRAFT);

        LetterLifecycle.Published published = LetterLifecycle.publish(draft, NOW, STAFF);

        assertThat(published.letter().status()).isEqualTo(LetterStatus.PUBLISHED);
        assertThat(published.letter().publishedAt()).isEqualTo(NOW);
        CircularLetterPublished event = published.event();
        assertThat(event).isEqualTo(new CircularLetterPublished(event.eventId(), NOW, draft.id(), draft.forumId(),
                "DM-22/1001", 2, CONTENT.letterDate(), CONTENT.signatoryName(), CONTENT.signatoryTitle(),
                CONTENT.contact(), Language.EN, CONTENT.texts(), "Ministers of ICT", draft.responseDeadline(),
                draft.speakingRequestDeadline(), STAFF));
    }

    @Test
    void aPublishedRevisionIsNotPublishedAgain() {
        assertThatThrownBy(() -> LetterLifecycle.publish(letter(1, LetterStatus.PUBLISHED), NOW, STAFF))
                .isInstanceOfSatisfying(LifecycleViolation.class,
                        e -> assertThat(e.slug()).isEqualTo("letter-already-published"));
    }
}
