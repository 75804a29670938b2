package com.partnernet.leads.lead;

import static com.partnernet.chassis.security.Roles.MARKETING_SYSTEM;
import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.leads.consent.ConsentRepository;
import com.partnernet.leads.consent.ConsentView;
import com.partnernet.leads.gdpr.ErasureRequest;
import com.partnernet.leads.gdpr.ErasureService;
import com.partnernet.leads.ingestion.BatchResult;
import com.partnernet.leads.ingestion.InboundLead;
import com.partnernet.leads.ingestion.LeadIntake;
import com.partnernet.leads.ingestion.LeadSources;
import com.partnernet.leads.routing.RoutingRepository;
import com.partnernet.leads.routing.RoutingTrailView;

@Produces(MediaType.APPLICATION_JSON)
@Path("/leads")
@Tag(name = "Leads")
public class LeadResource {

    private final LeadService leads;
    private final ErasureService erasure;
    private final LeadIntake intake;
    private final RoutingRepository routing;
    private final ConsentRepository consents;
    private final Caller caller;
    private final LeadSources sources;

    public LeadResource(LeadService leads, ErasureService erasure, LeadIntake intake, RoutingRepository routing,
            ConsentRepository consents, Caller caller, LeadSources sources) {
        this.caller = caller;
        this.sources = sources;
        this.leads = leads;
        this.erasure = erasure;
        this.intake = intake;
        this.routing = routing;
        this.consents = consents;
    }

    @POST
    @Operation(summary = "Submit a lead (for systems without Kafka)",
            description = "The same contract and checks as leads.inbound. 201 with a receipt (id, outcome CREATED) for "
                    + "a new lead; the same source and externalId again, also at the same time, answers 200 with a "
                    + "receipt (outcome EXISTING) and changes nothing. A marketing system submits only under the "
                    + "sources its token's lead_sources claim names (403 otherwise).")
    @RolesAllowed({ SALES_MANAGER, MARKETING_SYSTEM })
    public Response submit(@Valid @NotNull InboundLead lead) {
        sources.requireAll(List.of(lead.source()));
        IntakeResult result = leads.ingest(lead);
        LeadReceipt receipt = LeadReceipt.of(result);
        return result.created()
                ? Response.created(URI.create("/leads/" + receipt.id())).entity(receipt).build()
                : Response.ok(receipt).build();
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Submit up to 500 leads at once",
            description = "Each lead is checked and stored on its own: the answer lists per item CREATED or EXISTING "
                    + "with the lead's id, or REJECTED with its violations. Every item's source must be one the token "
                    + "may submit under (403 otherwise, and nothing is stored).")
    @RolesAllowed({ SALES_MANAGER, MARKETING_SYSTEM })
    public BatchResult submitBatch(List<JsonNode> items) {
        if (items != null) {
            sources.requireAllOf(items);
        }
        return intake.batch(items);
    }

    @GET
    @Operation(summary = "Leads by status, campaign, shop or field team (the ops queue: status=UNROUTED)",
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
    @Operation(summary = "Leads per minute, by what became of them, and the unrouted queue now",
            description = "The last `minutes` minutes (default 60, at most 1,440; the current minute included), oldest "
                    + "first, minutes without leads as zeros; of one campaign if named.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public LeadFlow flow(@QueryParam("minutes") @DefaultValue("60") @Min(1) @Max(1440) int minutes,
            @QueryParam("campaign") @Size(max = 100) String campaign) {
        return leads.flow(minutes, campaign);
    }

    @GET
    @Path("/{leadId}")
    @Operation(summary = "One lead, with its routing reason")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public LeadView get(@PathParam("leadId") UUID leadId) {
        requireAccess(leadId);
        return leads.get(leadId);
    }

    @GET
    @Path("/{leadId}/routing")
    @Operation(summary = "Why the lead went where it went: every routing decision with its trail")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public RoutingTrailView routing(@PathParam("leadId") UUID leadId) {
        leads.require(leadId);
        return RoutingTrailView.of(leadId, routing.decisions(leadId));
    }

    @GET
    @Path("/{leadId}/consent")
    @Operation(summary = "What the customer consented to: purpose, recipient, product line, when, source, until when")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public List<ConsentView> consent(@PathParam("leadId") UUID leadId) {
        requireAccess(leadId);
        return consents.ofLead(leadId).stream().map(ConsentView::of).toList();
    }

    @POST
    @Path("/{leadId}/erasure")
    @Operation(summary = "Erase the lead's personal data (GDPR request)",
            description = "Name and free text become '[erased]', e-mail, phone and location are removed; the lead's "
                    + "figures stay. A lead still open (or unrouted) is closed as LOST with lostReason "
                    + "PERSONAL_DATA_ERASED, so its first-contact clock stops. Audited (who, when, why) and published as "
                    + "LeadLost (if it closed) and LeadErased. Erasing again is harmless.")
    @RolesAllowed(SALES_MANAGER)
    public LeadView erase(@PathParam("leadId") UUID leadId, @Valid @NotNull ErasureRequest request) {
        return erasure.erase(leadId, caller.name(), request.reason());
    }

    @PUT
    @Path("/{leadId}/status")
    @Operation(summary = "Move a lead in its pipeline",
            description = "NEW → CONTACTED → APPOINTMENT → WON or LOST (forward only; a first-call sale may skip "
                    + "steps). LOST needs a lostReason. Other moves answer 409. Publishes LeadStatusChanged, LeadWon or "
                    + "LeadLost on leads.events.")
    @RolesAllowed({ SALES_MANAGER, PARTNER_USER })
    public LeadView changeStatus(@PathParam("leadId") UUID leadId, @Valid @NotNull StatusChange change) {
        requireAccess(leadId);
        return leads.changeStatus(leadId, change);
    }

    /** The lead exists and is one of the caller's partner's (a 404 otherwise, the same as for an unknown id). */
    private void requireAccess(UUID leadId) {
        caller.requireAccess(leads.require(leadId).partnerId, "Lead", leadId);
    }
}
