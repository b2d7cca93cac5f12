package itu.wsis.notification.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void crLfAndBareLfCannotStartAHeader() {
        assertThat(SafeText.singleLine("Forum 2022\r\nBcc: evil@example.org\nX: y\rZ", 200))
                .isEqualTo("Forum 2022 Bcc: evil@example.org X: y Z");
    }

    @Property
    void neverAControlCharacterAndNeverTooLong(@ForAll String input) {
        String safe = SafeText.singleLine(input, 100);
        assertThat(safe).hasSizeLessThanOrEqualTo(100);
        assertThat(safe.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)).isTrue();
    }
}
