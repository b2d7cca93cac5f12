package itu.wsis.web;

import itu.wsis.web.client.Models;
import itu.wsis.web.page.AcceptForm;
import itu.wsis.web.page.FormErrors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptFormTest {

    @Test
    void blankRowsAreSkippedAndTheChosenRowIsHeadOfDelegation() {
        AcceptForm form = AcceptForm.of("IN_PERSON",
                List.of("  Amina Diallo ", "", "Li Wei"), List.of("Minister", "", "Adviser"),
                List.of("amina@example.org", "", " li.wei@example.org"), List.of("", "", "step-free access"), "2");
        assertThat(form.validate().isEmpty()).isTrue();
        Models.AcceptBody body = form.toBody();
        assertThat(body.mode()).isEqualTo("IN_PERSON");
        assertThat(body.delegation()).containsExactly(
                new Models.DelegateBody("Amina Diallo", "Minister", "amina@example.org", null, false),
                new Models.DelegateBody("Li Wei", "Adviser", "li.wei@example.org", "step-free access", true));
    }

    @Test
    void eachMissingOrWrongValueIsTiedToItsField() {
        AcceptForm form = AcceptForm.of(null, List.of("Amina Diallo", "No Title"), List.of("Minister", ""),
                List.of("not-an-email", ""), List.of("", ""), "0");
        FormErrors errors = form.validate();
        assertThat(errors.all()).containsOnlyKeys("mode", "email-0", "title-1", "email-1");
        assertThat(errors.get("mode")).isEqualTo("error_mode_required");
        assertThat(errors.get("email-0")).isEqualTo("error_email_invalid");
        assertThat(errors.get("title-1")).isEqualTo("error_title_required");
        assertThat(errors.get("email-1")).isEqualTo("error_email_required");
    }

    @Test
    void anEmptyDelegationOrAHeadOnABlankRowIsRefused() {
        assertThat(AcceptForm.of("REMOTE", List.of("", ""), List.of("", ""), List.of("", ""), List.of("", ""), "0")
                .validate().all()).containsOnlyKeys("name-0");
        assertThat(AcceptForm.of("REMOTE", List.of("A B", ""), List.of("Minister", ""), List.of("a@b.org", ""),
                List.of("", ""), "1").validate().all()).containsOnlyKeys("head");
        assertThat(AcceptForm.of("REMOTE", List.of("A B"), List.of("Minister"), List.of("a@b.org"), List.of(""),
                "x").validate().all()).containsOnlyKeys("head");
        assertThat(AcceptForm.of("SOMEWHERE", List.of("A B"), List.of("Minister"), List.of("a@b.org"), List.of(""),
                "0").validate().all()).containsOnlyKeys("mode");
    }

    @Test
    void registrationsFieldPathsMapBackToTheRowsOnThePage() {
        AcceptForm form = AcceptForm.of("IN_PERSON", List.of("", "A B", "", "C D"), List.of("", "T", "", "T"),
                List.of("", "a@b.org", "", "c@d.org"), List.of("", "", "", ""), "1");
        assertThat(form.fieldId("delegation[0].email")).isEqualTo("email-1");
        assertThat(form.fieldId("delegation[1].accessibilityNeed")).isEqualTo("access-3");
        assertThat(form.fieldId("delegation[5].name")).isEmpty();
        assertThat(form.fieldId("mode")).isEqualTo("mode");
        assertThat(form.fieldId("delegation")).isEmpty();
    }

    @Test
    void theCurrentAcceptanceFillsTheFormWithRoomForOneMore() {
        Models.Reply reply = new Models.Reply(1, "ACCEPTED", "REMOTE", List.of(
                new Models.Delegate("A", "Minister", "a@b.org", null, false),
                new Models.Delegate("B", "Adviser", "b@b.org", "braille", true)), null, false, null, false);
        AcceptForm form = AcceptForm.from(reply);
        assertThat(form.mode()).isEqualTo("REMOTE");
        assertThat(form.head()).isEqualTo(1);
        assertThat(form.rows()).hasSize(3);
        assertThat(form.rows().get(1).access()).isEqualTo("braille");
        assertThat(AcceptForm.from(null).rows()).hasSize(3);
    }
}
