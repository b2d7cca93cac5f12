package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.testing.ServiceReadiness;

@QuarkusTest
@InvitationServiceTest
class ServiceReadinessTest extends ServiceReadiness {

    ServiceReadinessTest() {
        super("invitation-service");
    }
}
