package itu.wsis.planted.web.page;

import io.quarkus.qute.Template;

/** Planted for PlantedViolationsArchitectureTest: renders through an untyped template. */
public class UncheckedPage {

    private Template page;

    public String render(java.util.Map<String, Object> data) {
        return page.data(data).render();
    }
}
