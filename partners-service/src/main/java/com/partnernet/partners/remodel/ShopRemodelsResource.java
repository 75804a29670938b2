package com.partnernet.partners.remodel;

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

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.web.ETags;

/** Remodels are planned per shop; everything after that is {@link RemodelResource}. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/shops/{shopId}/remodels")
@Tag(name = "Remodel programme")
public class ShopRemodelsResource {

    private final RemodelService remodels;

    public ShopRemodelsResource(RemodelService remodels) {
        this.remodels = remodels;
    }

    @POST
    @Operation(operationId = "planRemodel", summary = "Plan the remodel of a shop into the new store format",
            description = "409 if the shop is closed, has the new format already, or has a planned or running remodel.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = RemodelView.class, responseCode = "201", responseDescription = "Planned; ETag is its version")
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<RemodelView> plan(@PathParam("shopId") UUID shopId, @Valid @NotNull RemodelRequest request) {
        RemodelView remodel = remodels.plan(shopId, request);
        return ETags.created("/remodels/" + remodel.id(), remodel, remodel.version());
    }
}
