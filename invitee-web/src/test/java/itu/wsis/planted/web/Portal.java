package itu.wsis.planted.web;

import itu.wsis.planted.web.client.ThingApi;
import itu.wsis.planted.web.config.PortalConfig;
import itu.wsis.planted.web.i18n.Words;
import itu.wsis.planted.web.page.PageModel;
import itu.wsis.planted.web.security.Guard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
@Path("/")
public class Portal {
    ThingApi api;
    PortalConfig config;
    Guard guard;

    @GET
    public String show() {
        return new PageModel(Words.HELLO, api).toString();
    }
}
