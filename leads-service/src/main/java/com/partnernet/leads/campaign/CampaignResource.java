package com.partnernet.leads.campaign;

import static com.partnernet.chassis.security.Roles.MARKETING_SYSTEM;
import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;

@Produces(MediaType.APPLICATION_JSON)
@Path("/campaigns")
@Tag(name = "Campaigns")
public class CampaignResource {

    private final CampaignService campaigns;

    public CampaignResource(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @POST
    @Operation(operationId = "createCampaign", summary = "Create a campaign", description = "Leads name it by its code; 409 if the code is taken.")
    @RolesAllowed({ SALES_MANAGER, MARKETING_SYSTEM })
    @APIResponseSchema(value = CampaignView.class, responseCode = "201", responseDescription = "Created; Location names the campaign, ETag its version")
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<CampaignView> create(@Valid @NotNull CampaignRequest request) {
        CampaignView campaign = campaigns.create(request);
        return ETags.created("/campaigns/" + campaign.id(), campaign, campaign.version());
    }

    @GET
    @Operation(operationId = "listCampaigns", summary = "Campaigns, paged", description = "Sort keys: code (default), name, startsOn, status, channel.")
    @RolesAllowed({ SALES_MANAGER, MARKETING_SYSTEM, OPS })
    public Page<CampaignView> search(@QueryParam("status") CampaignStatus status, @QueryParam("channel") Channel channel,
            @Valid @BeanParam PageParams paging) {
        return campaigns.search(status, channel, paging);
    }

    @GET
    @Operation(operationId = "getCampaign",
            summary = "One campaign; its ETag is what an update sends as If-Match",
            description = "A campaign with its channel, targeting model, product focus, period, status and its pilot and control shops.")
    @Path("/{campaignId}")
    @RolesAllowed({ SALES_MANAGER, MARKETING_SYSTEM, OPS })
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<CampaignView> get(@PathParam("campaignId") UUID campaignId) {
        CampaignView campaign = campaigns.get(campaignId);
        return ETags.ok(campaign, campaign.version());
    }

    @PUT
    @Path("/{campaignId}")
    @Operation(operationId = "updateCampaign", summary = "Change a campaign (status, shops, period, targeting)",
            description = "Needs If-Match. The code cannot change. A STOPPED campaign's new leads are refused.")
    @RolesAllowed({ SALES_MANAGER, MARKETING_SYSTEM })
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<CampaignView> update(@PathParam("campaignId") UUID campaignId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CampaignRequest request) {
        CampaignView campaign = campaigns.update(campaignId, ifMatch, request);
        return ETags.ok(campaign, campaign.version());
    }
}
