package itu.wsis.web.page;

import itu.wsis.web.client.Models;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses of the services' answers become links on the pages, and how (issue #17). */
class PageLinksTest {

    static Models.Letter letter(String name, String email, String phone) {
        return new Models.Letter("CL-22/010", 1, LocalDate.of(2022, 3, 21), "Houlin Zhao", "Secretary-General", name,
                email, phone, "en", Map.of());
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertThat(InvitationPage.web("https://www.itu.int/go/wsisfund")).isEqualTo("https://www.itu.int/go/wsisfund");
        assertThat(InvitationPage.web(" http://example.org/a?b=1 ")).isEqualTo("http://example.org/a?b=1");
        assertThat(InvitationPage.web("javascript:alert(1)")).isNull();
        assertThat(InvitationPage.web("data:text/html,<b>x</b>")).isNull();
        assertThat(InvitationPage.web("https://")).isNull();
        assertThat(InvitationPage.web(null)).isNull();
    }

    @Test
    void theContactGetsMailtoAndTelLinksWithoutTheNumbersSeparators() {
        Views.Contact c = InvitationPage.contact(letter("Gitanjali Sah", "wsis-info@itu.int", "+41 (22) 730-53.50"));
        assertThat(c.mailto()).isEqualTo("mailto:wsis-info@itu.int");
        assertThat(c.tel()).isEqualTo("tel:+41227305350");
        assertThat(c.phone()).isEqualTo("+41 (22) 730-53.50");
    }

    @Test
    void anAddressOrNumberThatCannotBeALinkIsShownAsText() {
        Views.Contact c = InvitationPage.contact(letter("A", "a@b.org?cc=evil@x.org", "ext. 5350"));
        assertThat(c.email()).isEqualTo("a@b.org?cc=evil@x.org");
        assertThat(c.mailto()).isNull();
        assertThat(c.tel()).isNull();
        assertThat(InvitationPage.contact(letter(null, " ", null))).isNull();
    }
}
