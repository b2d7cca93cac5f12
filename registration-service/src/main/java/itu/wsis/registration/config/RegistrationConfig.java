package itu.wsis.registration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import itu.wsis.registration.domain.LateReplyPolicy;

import java.nio.file.Path;

@ConfigMapping(prefix = "wsis.registration")
public interface RegistrationConfig {

    /** What a forum uses until the secretariat sets its own settings. */
    Defaults defaults();

    VisaLetters visaLetters();

    interface Defaults {
        @WithDefault("FLAG")
        LateReplyPolicy lateReplyPolicy();

        /** Head of delegation plus members. */
        @WithDefault("6")
        int maxDelegationSize();
    }

    /**
     * The fonts embedded in visa support letters (docs/visa-letters.md), found by file name anywhere under
     * {@code fontDirectory}: the Debian packages fonts-dejavu-core (Latin, Cyrillic, Arabic with its presentation
     * forms) and fonts-wqy-zenhei (Chinese, TrueType outlines). A missing font makes the letter 503, never a 500.
     */
    interface VisaLetters {
        @WithDefault("/usr/share/fonts")
        Path fontDirectory();

        @WithDefault("DejaVuSans.ttf")
        String textFont();

        @WithDefault("DejaVuSans-Bold.ttf")
        String boldFont();

        /** A TrueType collection; its first font is used. */
        @WithDefault("wqy-zenhei.ttc")
        String chineseFont();
    }
}
