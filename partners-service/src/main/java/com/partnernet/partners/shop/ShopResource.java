package com.partnernet.partners.shop;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;

@Produces(MediaType.APPLICATION_JSON)
@Path("/shops")
@Tag(name = "Shops")
public class ShopResource {

    private final ShopService service;
    private final Caller caller;

    public ShopResource(ShopService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listShops", summary = "Search shops",
            description = "Filters combine with AND. With lat, lon and radiusKm only shops within the radius, nearest "
                    + "first (sort=distance, the default then). Sort keys: name, city, postalCode, status, format, "
                    + "weeklyLeadCapacity, updatedAt.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<ShopSnapshot> search(@Valid @BeanParam ShopFilter filter, @Valid @BeanParam PageParams paging) {
        filter.partnerId = caller.confine(filter.partnerId);
        return service.search(filter, paging);
    }

    @GET
    @Path("/{shopId}")
    @Operation(operationId = "getShop",
            summary = "One shop; its ETag is what an update sends as If-Match",
            description = "A shop's full current state: address and location, format, segments, product lines, catchment, weekly lead capacity, opening hours and status. The same snapshot every shop event carries.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<ShopSnapshot> get(@PathParam("shopId") UUID shopId) {
        ShopSnapshot shop = service.get(shopId);
        caller.requireAccess(shop.partnerId(), "Shop", shopId);
        return withETag(shop);
    }

    @PUT
    @Path("/{shopId}")
    @Operation(operationId = "updateShop", summary = "Change a shop's details",
            description = "Needs If-Match with the shop's ETag (428 without, 412 when changed meanwhile). Publishes "
                    + "ShopFormatChanged, ShopCatchmentChanged, ShopCapacityChanged and/or ShopUpdated.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<ShopSnapshot> update(@PathParam("shopId") UUID shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ShopRequest request) {
        return withETag(service.update(shopId, ifMatch, request));
    }

    @POST
    @Path("/{shopId}/temporary-closure")
    @Operation(operationId = "closeShopTemporarily", summary = "Close an open shop temporarily", description = "Needs If-Match with the shop's ETag. Publishes ShopTemporarilyClosed; 409 unless OPEN.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<ShopSnapshot> closeTemporarily(@PathParam("shopId") UUID shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChange change) {
        return withETag(service.closeTemporarily(shopId, ifMatch, change.reason()));
    }

    @POST
    @Path("/{shopId}/reopening")
    @Operation(operationId = "reopenShop", summary = "Reopen a temporarily closed shop", description = "Needs If-Match with the shop's ETag. Publishes ShopReopened; 409 unless TEMPORARILY_CLOSED.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<ShopSnapshot> reopen(@PathParam("shopId") UUID shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.reopen(shopId, ifMatch));
    }

    @POST
    @Path("/{shopId}/closure")
    @Operation(operationId = "closeShop", summary = "Close a shop for good", description = "Needs If-Match with the shop's ETag. Publishes ShopClosed; CLOSED is final.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<ShopSnapshot> close(@PathParam("shopId") UUID shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChange change) {
        return withETag(service.close(shopId, ifMatch, change.reason()));
    }

    static RestResponse<ShopSnapshot> withETag(ShopSnapshot shop) {
        return ETags.ok(shop, shop.version());
    }
}
