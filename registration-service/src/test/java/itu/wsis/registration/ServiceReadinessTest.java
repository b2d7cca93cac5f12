package itu.wsis.registration;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.testing.ServiceReadiness;

@QuarkusTest
@RegistrationServiceTest
class ServiceReadinessTest extends ServiceReadiness {

    ServiceReadinessTest() {
        super("registration-service");
    }
}
