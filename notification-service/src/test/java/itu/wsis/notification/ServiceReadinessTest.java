package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.testing.ServiceReadiness;

@QuarkusTest
@NotificationServiceTest
class ServiceReadinessTest extends ServiceReadiness {

    ServiceReadinessTest() {
        super("notification-service");
    }
}
