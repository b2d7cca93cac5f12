package itu.wsis.web.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An empty list of trusted proxies would make Quarkus believe X-Forwarded-For from every client. */
class TrustedProxyGuardTest {

    @Test
    void forwardingWithoutATrustedProxyRefusesToStart() {
        assertThatThrownBy(() -> TrustedProxyGuard.refuseTrustingEveryone(true, List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WSIS_TRUSTED_PROXIES");
        assertThatThrownBy(() -> TrustedProxyGuard.refuseTrustingEveryone(true, List.of(" ")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namedProxiesOrNoForwardingStart() {
        assertThatCode(() -> TrustedProxyGuard.refuseTrustingEveryone(true, List.of("10.0.0.0/8")))
                .doesNotThrowAnyException();
        assertThatCode(() -> TrustedProxyGuard.refuseTrustingEveryone(false, List.of())).doesNotThrowAnyException();
    }
}
