package com.partnernet.leads.pipeline;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.leads.vocabulary.LeadStatus;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

@Path("/shops/{shopId}/pipeline")
@Tag(name = "Pipeline")
public class PipelineResource {

    private final PipelineService service;
    private final PipelineStream stream;
    private final Caller caller;

    public PipelineResource(PipelineService service, PipelineStream stream, Caller caller) {
        this.service = service;
        this.stream = stream;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getShopPipeline", summary = "A shop's lead pipeline",
            description = "Leads per stage, the open leads' ageing since assignment, first contacts overdue, and one "
                    + "page of the shop's leads (optionally of one status); a lead awaiting its first contact says when "
                    + "it is due (slaDueAt) and the shop's business minutes left until then (slaBusinessMinutesLeft, "
                    + "counted in its opening hours without its federal state's public holidays). Sort keys: "
                    + "receivedAt (default newest first), assignedAt, status, slaDueAt, updatedAt.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public PipelineView pipeline(@PathParam("shopId") UUID shopId, @QueryParam("status") LeadStatus status,
            @Valid @BeanParam PageParams paging) {
        return service.pipeline(shopId, status, paging, caller.partnerScope());
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamShopPipeline", summary = "A shop's pipeline, live",
            description = PipelineStreamResource.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = PipelineChange.class)))
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Multi<OutboundSseEvent> stream(@PathParam("shopId") UUID shopId, @Context Sse sse) {
        service.requireShop(shopId, caller.partnerScope());
        return PipelineStreamResource.events(stream.ofShop(shopId), sse);
    }
}
