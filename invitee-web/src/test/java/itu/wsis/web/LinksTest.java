package itu.wsis.web;

import itu.wsis.web.page.Links;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    static String token(UUID id, int payloadBytes) {
        ByteBuffer payload = ByteBuffer.allocate(payloadBytes);
        payload.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.array()) + "." + b64.encodeToString(new byte[64]);
    }

    @Test
    void aWellShapedTokenNamesItsInvitation() {
        UUID id = UUID.randomUUID();
        assertThat(Links.invitationOf(token(id, 44))).contains(id);
    }

    @Test
    void anythingElseIsRefusedWithoutCallingAService() {
        assertThat(Links.invitationOf(null)).isEmpty();
        assertThat(Links.invitationOf("")).isEmpty();
        assertThat(Links.invitationOf("abc.def")).isEmpty();
        assertThat(Links.invitationOf(token(UUID.randomUUID(), 40))).isEmpty();
        assertThat(Links.invitationOf(token(UUID.randomUUID(), 44) + ".x")).isEmpty();
        assertThat(Links.invitationOf("<script>alert(1)</script>.aaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
    }
}
