package itu.wsis.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import itu.wsis.testing.WsisTestInfrastructure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a test class against the real infrastructure, in this module's own database. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = WsisTestInfrastructure.class,
        initArgs = @ResourceArg(name = "database", value = SupportTest.DATABASE))
public @interface SupportTest {

    String DATABASE = "support";
}
