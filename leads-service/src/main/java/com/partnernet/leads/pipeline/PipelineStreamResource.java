package com.partnernet.leads.pipeline;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * Server-Sent Events of a partner's pipelines (a shop's are {@link PipelineResource}'s), authorized like the pipeline
 * itself: a partner user follows its own partner's shops only. Each event is named by the lead event's type, its id is the event's id, its data a
 * {@link PipelineChange}; a comment every 15 seconds keeps an idle stream open through proxies.
 */
@Path("/partners/{partnerId}/pipeline/stream")
@Tag(name = "Pipeline")
public class PipelineStreamResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final String DESCRIPTION = "Server-Sent Events, from now on: each named by the lead event's type "
            + "(LeadAssigned, LeadAccepted, LeadDeclined, LeadReassigned, LeadStatusChanged, LeadWon, LeadLost, "
            + "LeadErased), its id the event's id, its data a PipelineChange (no customer data: read the lead or the "
            + "pipeline for more). A lead that leaves the pipeline (declined, reassigned) shows there too, with "
            + "previousShopId. A comment line every 15 s keeps the connection open; after a reconnect read the "
            + "pipeline again (changes in between are not replayed). Browsers: read it with fetch (EventSource cannot "
            + "send the bearer token).";

    private final PipelineStream stream;
    private final Caller caller;

    public PipelineStreamResource(PipelineStream stream, Caller caller) {
        this.stream = stream;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamPartnerPipelines", summary = "All pipelines of a partner's shops and teams, live",
            description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = PipelineChange.class)))
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Multi<OutboundSseEvent> partner(@PathParam("partnerId") UUID partnerId, @Context Sse sse) {
        caller.requireAccess(partnerId, "Partner", partnerId);
        return events(stream.ofPartner(partnerId), sse);
    }

    /** The changes as named events, with a heartbeat comment. */
    static Multi<OutboundSseEvent> events(Multi<PipelineChange> changes, Sse sse) {
        Multi<OutboundSseEvent> named = changes.map(change -> sse.newEventBuilder().name(change.type())
                .id(change.eventId().toString()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(PipelineChange.class, change).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("alive").build());
        return Multi.createBy().merging().streams(named, heartbeats);
    }
}
