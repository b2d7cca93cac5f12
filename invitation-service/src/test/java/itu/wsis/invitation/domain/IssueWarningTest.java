package itu.wsis.invitation.domain;

import itu.wsis.events.Deadline;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IssueWarningTest {

    static final Deadline DEADLINE = new Deadline(LocalDate.of(2022, 4, 15), "Europe/Zurich",
            Instant.parse("2022-04-15T22:00:00Z"));

    @Property
    void aWarningExactlyWhenTheDeadlineHasEnded(@ForAll @LongRange(min = -90 * 86400L, max = 90 * 86400L) long offset) {
        Instant now = DEADLINE.endsAt().plusSeconds(offset);
        assertThat(IssueWarning.forIssueAt(now, DEADLINE)).hasSize(offset >= 0 ? 1 : 0);
    }

    @Test
    void theWarningNamesTheDeadlineAndWhatToDo() {
        IssueWarning warning = IssueWarning.forIssueAt(DEADLINE.endsAt(), DEADLINE).get(0);
        assertThat(warning.code()).isEqualTo(IssueWarning.DEADLINE_PASSED);
        assertThat(warning.detail()).contains("15 April 2022", "Europe/Zurich", "deadline-extension");
        assertThat(IssueWarning.forIssueAt(DEADLINE.endsAt().minusMillis(1), DEADLINE)).isEmpty();
        assertThat(IssueWarning.forIssueAt(DEADLINE.endsAt(), null)).isEmpty();
    }
}
