package com.partnernet.leads.lead;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.leads.vocabulary.LeadStatus;

/** Reading leads and moving them in their pipeline; submitting is {@code ingestion}'s resource. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/leads")
@Tag(name = "Leads")
public class LeadResource {

    private final LeadService leads;
    private final Caller caller;

    public LeadResource(LeadService leads, Caller caller) {
        this.leads = leads;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listLeads", summary = "Leads by status, campaign, shop or field team (the ops queue: status=UNROUTED)",
            description = "Sort keys: receivedAt (default newest first: -receivedAt), status, slaDueAt, updatedAt.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<LeadView> search(@QueryParam("status") LeadStatus status,
            @QueryParam("campaign") @Size(max = 100) String campaign, @QueryParam("shopId") UUID shopId,
            @QueryParam("teamId") UUID teamId, @Valid @BeanParam PageParams paging) {
        // A partner user's list holds its own partner's leads only, whatever the filters say.
        return leads.search(status, campaign, shopId, teamId, caller.partnerScope().orElse(null), paging);
    }

    @GET
    @Path("/flow")
    @Operation(operationId = "getLeadFlow", summary = "Leads per minute, by what became of them, and the unrouted queue now",
            description = "The last `minutes` minutes (default 60, at most 1,440; the current minute included), oldest "
                    + "first, minutes without leads as zeros; of one campaign if named.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public LeadFlow flow(@QueryParam("minutes") @DefaultValue("60") @Min(1) @Max(1440) int minutes,
            @QueryParam("campaign") @Size(max = 100) String campaign) {
        return leads.flow(minutes, campaign);
    }

    @GET
    @Path("/{leadId}")
    @Operation(operationId = "getLead",
            summary = "One lead, with its routing reason",
            description = "A lead's state in its shop's pipeline: where it was routed and why, its SLA and its moves. Contact fields are null once erased, and for ops.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public LeadView get(@PathParam("leadId") UUID leadId) {
        return leads.get(leadId);
    }

    @PUT
    @Path("/{leadId}/status")
    @Operation(operationId = "changeLeadStatus", summary = "Move a lead in its pipeline",
            description = "NEW → (ACCEPTED →) CONTACTED → APPOINTMENT → WON or LOST (forward only; a first-call sale "
                    + "may skip steps). ACCEPTED: the shop takes the lead on; its first contact stays due. LOST needs a "
                    + "lostReason. Other moves answer 409 (a NEW lead the shop does not want: POST …/decline). "
                    + "Publishes LeadAccepted, LeadStatusChanged, LeadWon or LeadLost on leads.events.")
    @RolesAllowed({ SALES_MANAGER, PARTNER_USER })
    public LeadView changeStatus(@PathParam("leadId") UUID leadId, @Valid @NotNull StatusChange change) {
        return leads.changeStatus(leadId, change);
    }
}
