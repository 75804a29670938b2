package com.partnernet.partners.shop;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;

@Path("/shops")
@Tag(name = "Shops")
public class ShopResource {

    private final ShopService service;

    public ShopResource(ShopService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Search shops",
            description = "Filters combine with AND. With lat, lon and radiusKm only shops within the radius, nearest "
                    + "first (sort=distance, the default then). Sort keys: name, city, postalCode, status, format, "
                    + "weeklyLeadCapacity, updatedAt.")
    public Page<ShopSnapshot> search(@Valid @BeanParam ShopFilter filter, @Valid @BeanParam PageParams paging) {
        return service.search(filter, paging);
    }

    @GET
    @Path("/{shopId}")
    @Operation(summary = "One shop; its ETag is what an update sends as If-Match")
    public Response get(@PathParam("shopId") UUID shopId) {
        return withETag(service.get(shopId));
    }

    @PUT
    @Path("/{shopId}")
    @Operation(summary = "Change a shop's details",
            description = "Needs If-Match with the shop's ETag (428 without, 412 when changed meanwhile). Publishes "
                    + "ShopFormatChanged, ShopCatchmentChanged, ShopCapacityChanged and/or ShopUpdated.")
    public Response update(@PathParam("shopId") UUID shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ShopRequest request) {
        return withETag(service.update(shopId, ifMatch, request));
    }

    @POST
    @Path("/{shopId}/temporary-closure")
    @Operation(summary = "Close an open shop temporarily", description = "Publishes ShopTemporarilyClosed; 409 unless OPEN.")
    public Response closeTemporarily(@PathParam("shopId") UUID shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChange change) {
        return withETag(service.closeTemporarily(shopId, ifMatch, change.reason()));
    }

    @POST
    @Path("/{shopId}/reopening")
    @Operation(summary = "Reopen a temporarily closed shop", description = "Publishes ShopReopened; 409 unless TEMPORARILY_CLOSED.")
    public Response reopen(@PathParam("shopId") UUID shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(service.reopen(shopId, ifMatch));
    }

    @POST
    @Path("/{shopId}/closure")
    @Operation(summary = "Close a shop for good", description = "Publishes ShopClosed; CLOSED is final.")
    public Response close(@PathParam("shopId") UUID shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusChange change) {
        return withETag(service.close(shopId, ifMatch, change.reason()));
    }

    static Response withETag(ShopSnapshot shop) {
        return ETags.ok(shop, shop.version());
    }
}
