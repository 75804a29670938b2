package com.partnernet.leads.decline;

import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/leads/{leadId}/decline")
@Tag(name = "Leads")
public class DeclineResource {

    private final DeclineService declines;

    public DeclineResource(DeclineService declines) {
        this.declines = declines;
    }

    @POST
    @Operation(operationId = "declineLead", summary = "The assigned shop declines a NEW lead",
            description = "Routed at once to the next eligible shop or field team, never back to one that declined it "
                    + "or let its first contact lapse (the decision is in the lead's routing trail, cause DECLINE); "
                    + "SPAM_OR_FAKE closes it as REJECTED_AS_SPAM for ops to review instead. OTHER needs a note. "
                    + "Answers 409 once the lead is accepted or worked. Publishes LeadDeclined on leads.events. The lead "
                    + "leaves the shop's pipeline, so nothing is answered.")
    @APIResponse(responseCode = "204", description = "Declined: the lead is on its way to the next shop, or closed as spam")
    @RolesAllowed({ SALES_MANAGER, PARTNER_USER })
    public void decline(@PathParam("leadId") UUID leadId, @Valid @NotNull Decline decline) {
        declines.decline(leadId, decline);
    }
}
