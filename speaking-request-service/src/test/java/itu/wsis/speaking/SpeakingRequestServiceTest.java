package itu.wsis.speaking;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import itu.wsis.testing.WsisTestInfrastructure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a {@code @QuarkusTest} against real PostgreSQL (database {@value #DATABASE}), Kafka and SMTP. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = WsisTestInfrastructure.class,
        initArgs = @ResourceArg(name = "database", value = SpeakingRequestServiceTest.DATABASE))
public @interface SpeakingRequestServiceTest {

    String DATABASE = "speaking_request";
}
