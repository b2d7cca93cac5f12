package itu.wsis.notification.service;

import itu.wsis.events.Language;
import itu.wsis.notification.domain.MessageKind;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessageCatalogTest {

    @Test
    void everyLanguageHasEveryTextOfEveryMessage() {
        MessageCatalog catalog = new MessageCatalog();
        for (Language language : Language.values()) {
            assertThat(catalog.keys(language)).as(language.code()).isEqualTo(catalog.keys(Language.EN));
            for (MessageKind kind : MessageKind.values()) {
                assertThat(catalog.complete(language, kind)).as(language + " " + kind).isTrue();
                assertThat(catalog.requiredKeys(kind)).contains(kind.key() + ".subject", kind.key() + ".body");
            }
        }
    }

    @Test
    void aMissingTextIsReportedNotReplaced() {
        Properties en = new Properties();
        en.setProperty("reply_accepted.subject", "s");
        en.setProperty("reply_accepted.body", "b");
        Properties fr = new Properties();
        fr.setProperty("reply_accepted.subject", "s");
        MessageCatalog catalog = new MessageCatalog(Map.of(Language.EN, en, Language.FR, fr));
        assertThat(catalog.complete(Language.EN, MessageKind.REPLY_ACCEPTED)).isTrue();
        assertThat(catalog.complete(Language.FR, MessageKind.REPLY_ACCEPTED)).isFalse();
        assertThat(catalog.text(Language.FR, "reply_accepted.body")).isEmpty();
    }

    @Test
    void placeholdersKeepApostrophes() {
        assertThat(MessageCatalog.fill("l'invitation au {forum}", Map.of("forum", "Forum 2022 du SMSI")))
                .isEqualTo("l'invitation au Forum 2022 du SMSI");
    }
}
