package com.partnernet.partners.remodel;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;

@Produces(MediaType.APPLICATION_JSON)
@Path("/remodels")
@Tag(name = "Remodel programme")
public class RemodelResource {

    /** Why a remodel is called off. */
    public record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    private final RemodelService remodels;
    private final Caller caller;

    public RemodelResource(RemodelService remodels, Caller caller) {
        this.remodels = remodels;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listRemodels", summary = "Remodels, filtered and paged", description = "Sort keys: plannedStart (default), plannedEnd, actualEnd, status.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<RemodelView> search(@QueryParam("partnerId") UUID partnerId, @QueryParam("shopId") UUID shopId,
            @QueryParam("status") RemodelStatus status, @Valid @BeanParam PageParams paging) {
        return remodels.search(caller.confine(partnerId), shopId, status, paging);
    }

    @GET
    @Operation(operationId = "getRemodel",
            summary = "One remodel; its ETag is what a move sends as If-Match",
            description = "A shop's remodel: planned and actual dates, whether it closes the shop, its status and whether it is overdue.")
    @Path("/{remodelId}")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<RemodelView> get(@PathParam("remodelId") UUID remodelId) {
        RemodelView remodel = remodels.get(remodelId);
        caller.requireAccess(remodel.partnerId(), "Remodel", remodelId);
        return withETag(remodel);
    }

    @PUT
    @Path("/{remodelId}")
    @Operation(operationId = "rescheduleRemodel", summary = "Re-plan a remodel that has not started", description = "Needs If-Match with the remodel's ETag.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<RemodelView> reschedule(@PathParam("remodelId") UUID remodelId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RemodelRequest request) {
        return withETag(remodels.reschedule(remodelId, ifMatch, request));
    }

    @POST
    @Path("/{remodelId}/start")
    @Operation(operationId = "startRemodel", summary = "Start a planned remodel", description = "Needs If-Match with the "
            + "remodel's ETag. Closes the shop temporarily if the remodel says so (ShopTemporarilyClosed).")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<RemodelView> start(@PathParam("remodelId") UUID remodelId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("on") @PastOrPresent @Parameter(description = "The day it started; default today") LocalDate on) {
        return withETag(remodels.start(remodelId, ifMatch, on != null ? on : Timestamps.today()));
    }

    @POST
    @Path("/{remodelId}/completion")
    @Operation(operationId = "completeRemodel", summary = "Complete a running remodel", description = "Needs If-Match "
            + "with the remodel's ETag. The shop gets the new format and reopens (ShopFormatChanged, ShopReopened).")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<RemodelView> complete(@PathParam("remodelId") UUID remodelId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("on") @PastOrPresent @Parameter(description = "The day it was completed; default today") LocalDate on) {
        return withETag(remodels.complete(remodelId, ifMatch, on != null ? on : Timestamps.today()));
    }

    @POST
    @Path("/{remodelId}/cancellation")
    @Operation(operationId = "cancelRemodel", summary = "Cancel a planned or running remodel", description = "Needs "
            + "If-Match with the remodel's ETag. A shop it had closed reopens in its old format.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<RemodelView> cancel(@PathParam("remodelId") UUID remodelId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull Cancellation cancellation) {
        return withETag(remodels.cancel(remodelId, ifMatch, cancellation.reason()));
    }

    static RestResponse<RemodelView> withETag(RemodelView remodel) {
        return ETags.ok(remodel, remodel.version());
    }
}
