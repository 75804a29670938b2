package com.partnernet.partners.shop;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's shops; one shop by its own id is {@link ShopResource}. */
@Path("/partners/{partnerId}/shops")
@Tag(name = "Shops")
public class PartnerShopsResource {

    private final ShopService service;

    public PartnerShopsResource(ShopService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Open a shop for a partner", description = "Publishes ShopOpened on partners.shop-events.")
    public Response open(@PathParam("partnerId") UUID partnerId, @Valid @NotNull ShopRequest request) {
        ShopSnapshot shop = service.open(partnerId, request);
        return Response.created(URI.create("/shops/" + shop.shopId())).entity(shop).build();
    }

    @GET
    @Operation(summary = "A partner's shops, by name")
    public List<ShopSnapshot> listByPartner(@PathParam("partnerId") UUID partnerId) {
        return service.listByPartner(partnerId);
    }

}
