package com.partnernet.partners.partner;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;

@Produces(MediaType.APPLICATION_JSON)
@Path("/partners")
@Tag(name = "Partners")
public class PartnerResource {

    private final PartnerService service;
    private final Caller caller;

    public PartnerResource(PartnerService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "registerPartner",
            summary = "Register a partner",
            description = "Creates a partner (a retail partner or the direct sales partner) with its type, tier, contact and advisory board membership; its shops and field teams are added under it.")
    @RolesAllowed(SALES_MANAGER)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Registered")
    @APIResponseSchema(value = PartnerView.class, responseCode = "201", responseDescription = "Registered; ETag is its version")
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<PartnerView> register(@Valid @NotNull PartnerRequest request) {
        PartnerView partner = service.register(request);
        return ETags.created("/partners/" + partner.id(), partner, partner.version());
    }

    @GET
    @Operation(operationId = "listPartners", summary = "Partners, filtered, sorted and paged",
            description = "Sort keys: name, type, status, tier, createdAt (default name).")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<PartnerView> search(@Valid @BeanParam PartnerFilter filter, @Valid @BeanParam PageParams paging) {
        filter.id = caller.partnerScope().orElse(null);
        return service.search(filter, paging);
    }

    @GET
    @Path("/{partnerId}")
    @Operation(operationId = "getPartner",
            summary = "One partner; its ETag is what an update sends as If-Match",
            description = "A partner with its type, status, tier, contact (null for ops) and advisory board membership.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<PartnerView> get(@PathParam("partnerId") UUID partnerId) {
        caller.requireAccess(partnerId, "Partner", partnerId);
        PartnerView partner = service.get(partnerId);
        return ETags.ok(partner, partner.version());
    }

    @PUT
    @Path("/{partnerId}")
    @Operation(operationId = "updatePartner", summary = "Update a partner",
            description = "Needs If-Match with the partner's ETag: 428 without it, 412 when someone changed it first.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<PartnerView> update(@PathParam("partnerId") UUID partnerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PartnerRequest request) {
        PartnerView partner = service.update(partnerId, ifMatch, request);
        return ETags.ok(partner, partner.version());
    }

}
