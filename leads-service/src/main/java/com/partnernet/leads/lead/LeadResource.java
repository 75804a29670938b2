package com.partnernet.leads.lead;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/leads/{leadId}")
@Tag(name = "Leads")
public class LeadResource {

    private final LeadService service;

    public LeadResource(LeadService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "One lead, with its routing reason")
    public LeadView get(@PathParam("leadId") UUID leadId) {
        return service.get(leadId);
    }

    @PUT
    @Path("/status")
    @Operation(summary = "Move a lead in its shop's pipeline",
            description = "NEW → CONTACTED → WON or LOST (NEW may go straight to WON or LOST). Other moves answer 409. "
                    + "Publishes LeadStatusChanged, LeadWon or LeadLost on leads.events.")
    public LeadView changeStatus(@PathParam("leadId") UUID leadId, @Valid @NotNull StatusChange change) {
        return service.changeStatus(leadId, change.status());
    }
}
