package com.partnernet.partners.shop;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/shops/{shopId}")
@Tag(name = "Shops")
public class ShopResource {

    private final ShopService service;

    public ShopResource(ShopService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "One shop")
    public ShopSnapshot get(@PathParam("shopId") UUID shopId) {
        return service.get(shopId);
    }

    @PUT
    @Operation(summary = "Change a shop's details", description = "Publishes ShopUpdated on partners.shop-events.")
    public ShopSnapshot update(@PathParam("shopId") UUID shopId, @Valid @NotNull ShopRequest request) {
        return service.update(shopId, request);
    }
}
