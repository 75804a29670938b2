package com.partnernet.leads.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The one read of partners-service this service makes: a shop's weekly footfall, for the pilot evaluation's
 * "units sold per 1,000 visitors" (partners-service owns footfall; it does not travel as events). The caller's own
 * bearer token goes along, so partners-service applies the caller's rights, not a service account's.
 */
@RegisterRestClient(configKey = "partners-service")
@RegisterClientHeaders
@Produces(MediaType.APPLICATION_JSON)
@Path("/footfall/report")
public interface PartnersFootfall {

    /** What this service reads of partners-service's footfall report: visitors per week, null where not counted. */
    record Report(List<Week> weeks) {
    }

    record Week(LocalDate weekStart, Long visitors) {
    }

    @GET
    Report report(@QueryParam("shopId") UUID shopId, @QueryParam("from") String fromIsoWeek,
            @QueryParam("to") String toIsoWeek);
}
