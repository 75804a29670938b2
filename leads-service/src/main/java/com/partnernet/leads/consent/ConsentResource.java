package com.partnernet.leads.consent;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.List;
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
@Path("/leads/{leadId}/consent")
@Tag(name = "Leads")
public class ConsentResource {

    private final ConsentService consents;

    public ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    @GET
    @Operation(operationId = "getLeadConsent", summary = "What the customer consented to: purpose, recipient, product line, when, source, until when")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public List<ConsentView> consent(@PathParam("leadId") UUID leadId) {
        return consents.ofLead(leadId);
    }
}
