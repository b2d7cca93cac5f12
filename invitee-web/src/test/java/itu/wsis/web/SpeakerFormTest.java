package itu.wsis.web;

import itu.wsis.web.client.Models;
import itu.wsis.web.page.SpeakerForm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The change-of-speaker form (issue #17). */
class SpeakerFormTest {

    @Test
    void theInvitedMinisterSpeaksWithTheInvitationsRankAndASubstituteStatesTheirs() {
        assertThat(SpeakerForm.of("minister", " H.E. Ms A ", "Minister", "AMBASSADOR").toBody())
                .isEqualTo(new Models.SpeakerBody("H.E. Ms A", "Minister", null, false));
        assertThat(SpeakerForm.of("substitute", "B", "Ambassador", "AMBASSADOR").toBody())
                .isEqualTo(new Models.SpeakerBody("B", "Ambassador", "AMBASSADOR", true));
    }

    @Test
    void nameTitleAndASubstitutesRankAreRequired() {
        assertThat(SpeakerForm.of("substitute", "", " ", "KING").validate().all())
                .containsEntry("speaker-name", "error_name_required")
                .containsEntry("speaker-title", "error_title_required")
                .containsEntry("speaker-rank", "error_rank_required");
        assertThat(SpeakerForm.of("minister", "A", "B", "").validate().isEmpty()).isTrue();
        assertThat(SpeakerForm.of("minister", "A".repeat(201), "B", "").validate().get("speaker-name"))
                .isEqualTo("error_too_long");
    }

    @Test
    void itStartsFromTheCurrentSpeakerAndShowsARankOnlyForASubstitute() {
        assertThat(SpeakerForm.from(new Models.Speaker("A", "Minister", "MINISTER", false)))
                .isEqualTo(new SpeakerForm(false, "A", "Minister", ""));
        assertThat(SpeakerForm.from(new Models.Speaker("B", "Envoy", "AMBASSADOR", true)))
                .isEqualTo(new SpeakerForm(true, "B", "Envoy", "AMBASSADOR"));
    }

    @Test
    void theServicesFieldPathsMapToTheFormsFields() {
        assertThat(SpeakerForm.fieldId("name")).isEqualTo("speaker-name");
        assertThat(SpeakerForm.fieldId("speaker.rank")).isEqualTo("speaker-rank");
        assertThat(SpeakerForm.fieldId("title")).isEqualTo("speaker-title");
        assertThat(SpeakerForm.fieldId("topic")).isEmpty();
    }
}
