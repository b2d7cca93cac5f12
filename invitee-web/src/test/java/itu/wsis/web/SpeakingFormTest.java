package itu.wsis.web;

import itu.wsis.web.client.Models;
import itu.wsis.web.page.SpeakingForm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakingFormTest {

    static final String SESSION = UUID.randomUUID().toString();

    @Test
    void theMinisterSpeaksWithTheInvitationsRankASubstituteWithTheRankGiven() {
        SpeakingForm minister = SpeakingForm.of("minister", " H.E. Ms A ", "Minister", "AMBASSADOR",
                List.of(SESSION), "fr", "IN_PERSON", "ICTs for resilience");
        assertThat(minister.validate().isEmpty()).isTrue();
        Models.SpeakingRequestBody body = minister.toBody();
        assertThat(body.speaker()).isEqualTo(new Models.SpeakerBody("H.E. Ms A", "Minister", null, false));
        assertThat(body.preferredSessionIds()).containsExactly(UUID.fromString(SESSION));
        assertThat(body.statementLanguage()).isEqualTo("fr");

        SpeakingForm substitute = SpeakingForm.of("substitute", "B", "Ambassador", "AMBASSADOR", List.of(SESSION),
                "ar", "VIDEO", "Topic");
        assertThat(substitute.toBody().speaker()).isEqualTo(new Models.SpeakerBody("B", "Ambassador", "AMBASSADOR", true));
    }

    @Test
    void everyMissingChoiceIsTiedToItsField() {
        SpeakingForm form = SpeakingForm.of("substitute", "", "", "", List.of(), "de", "", "");
        assertThat(form.validate().all()).containsOnlyKeys("speaker-name", "speaker-title", "speaker-rank",
                "sessions", "language", "modality", "topic");
        assertThat(SpeakingForm.of("minister", "A", "B", "", List.of("not-a-session"), "en", "VIDEO", "T")
                .validate().all()).containsOnlyKeys("sessions");
    }

    @Test
    void theServicesFieldPathsMapToTheFormsFields() {
        assertThat(SpeakingForm.fieldId("speaker.name")).isEqualTo("speaker-name");
        assertThat(SpeakingForm.fieldId("preferredSessionIds[0]")).isEqualTo("sessions");
        assertThat(SpeakingForm.fieldId("videoReference")).isEmpty();
    }
}
