package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.testing.ServiceReadiness;

@QuarkusTest
@SpeakingRequestServiceTest
class ServiceReadinessTest extends ServiceReadiness {

    ServiceReadinessTest() {
        super("speaking-request-service");
    }
}
