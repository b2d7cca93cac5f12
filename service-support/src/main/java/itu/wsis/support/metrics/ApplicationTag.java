package itu.wsis.support.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Every meter carries {@code application="<service>"}, so that the alert rules and the dashboard can tell the services
 * apart whatever labels the site's Prometheus scrape configuration adds (a PodMonitor's job is not the service's name).
 */
@Singleton
public class ApplicationTag {

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(List.of(Tag.of("application", application)));
    }
}
