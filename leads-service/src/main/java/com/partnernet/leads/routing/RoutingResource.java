package com.partnernet.leads.routing;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/leads/{leadId}/routing")
@Tag(name = "Leads")
public class RoutingResource {

    private final RoutingService routing;

    public RoutingResource(RoutingService routing) {
        this.routing = routing;
    }

    @GET
    @Operation(operationId = "getLeadRouting",
            summary = "Why the lead went where it went: every routing decision with its trail",
            description = "Every routing decision the lead met (first routing, reassignments after a decline or a missed SLA), each with the trail of candidates considered, skipped and chosen, and why.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public RoutingTrailView routing(@PathParam("leadId") UUID leadId) {
        return routing.trail(leadId);
    }
}
