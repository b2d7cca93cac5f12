package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.Language;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForumLifecycleTest {

    static final Actor STAFF = Actor.staff("secretariat-1");
    static final Instant NOW = Instant.parse("2022-01-10T08:00:00Z");
    static final ForumDetails DETAILS = new ForumDetails("WSIS2022", Map.of(Language.EN, "WSIS Forum 2022"),
            Map.of(Language.EN, "ICTs for well-being"), LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 30),
            LocalDate.of(2022, 6, 3), "ITU Headquarters, Geneva", ForumFormat.HYBRID, ZoneId.of("Europe/Zurich"),
            "https://www.itu.int/net4/wsis/forum/2022", "https://www.itu.int/net4/wsis/forum/2022/speakers",
            "https://www.itu.int/net4/wsis/forum/2022/partners");

    @Test
    void aNewEditionIsRevisionOneAndIsPublishedWhole() {
        UUID id = UUID.randomUUID();

        ForumLifecycle.Change created = ForumLifecycle.create(id, DETAILS, false, NOW, STAFF);

        assertThat(created.forum()).isEqualTo(new Forum(id, 1, DETAILS));
        assertThat(created.changedAt()).isEqualTo(NOW);
        ForumEditionPublished event = created.event();
        assertThat(event).isEqualTo(new ForumEditionPublished(event.eventId(), NOW, id, 1, "WSIS2022",
                DETAILS.names(), DETAILS.themes(), DETAILS.virtualPhaseStart(), DETAILS.inPersonStart(),
                DETAILS.inPersonEnd(), DETAILS.venue(), "HYBRID", "Europe/Zurich", DETAILS.forumSiteUrl(),
                DETAILS.speakingRequestUrl(), DETAILS.partnershipUrl(), STAFF));
    }

    @Property(tries = 50)
    void everyChangeIsTheNextRevision(@ForAll @LongRange(min = 1, max = 10_000) long revision) {
        Forum current = new Forum(UUID.randomUUID(), revision, DETAILS);

        ForumLifecycle.Change updated = ForumLifecycle.update(current, DETAILS, false, NOW, STAFF);

        assertThat(updated.forum().revision()).isEqualTo(revision + 1);
        assertThat(updated.event().revision()).isEqualTo(revision + 1);
        assertThat(updated.event().forumId()).isEqualTo(current.id());
    }

    @Test
    void aCodeNamesOneEditionOnly() {
        assertThatThrownBy(() -> ForumLifecycle.create(UUID.randomUUID(), DETAILS, true, NOW, STAFF))
                .isInstanceOfSatisfying(LifecycleViolation.class, e -> {
                    assertThat(e.slug()).isEqualTo("duplicate-forum-code");
                    assertThat(e.getMessage()).isEqualTo("A forum edition with code WSIS2022 already exists.");
                });
        assertThatThrownBy(() -> ForumLifecycle.update(new Forum(UUID.randomUUID(), 3, DETAILS), DETAILS, true, NOW,
                STAFF)).isInstanceOfSatisfying(LifecycleViolation.class, e -> {
                    assertThat(e.slug()).isEqualTo("duplicate-forum-code");
                    assertThat(e.getMessage()).isEqualTo("Another forum edition already has code WSIS2022.");
                });
    }
}
