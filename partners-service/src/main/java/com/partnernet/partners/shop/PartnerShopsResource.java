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

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.partners.partner.PartnerService;

/** A partner's shops; one shop by its own id, and the search across partners, is {@link ShopResource}. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/partners/{partnerId}/shops")
@Tag(name = "Shops")
public class PartnerShopsResource {

    private final ShopService shops;
    private final PartnerService partners;
    private final Caller caller;

    public PartnerShopsResource(ShopService shops, PartnerService partners, Caller caller) {
        this.shops = shops;
        this.partners = partners;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "openShop", summary = "Open a shop for a partner", description = "Publishes ShopOpened on partners.shop-events.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = ShopSnapshot.class, responseCode = "201", responseDescription = "Opened; ETag is its version")
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<ShopSnapshot> open(@PathParam("partnerId") UUID partnerId, @Valid @NotNull ShopRequest request) {
        ShopSnapshot shop = shops.open(partnerId, request);
        return ETags.created("/shops/" + shop.id(), shop, shop.version());
    }

    @GET
    @Operation(operationId = "listPartnerShops",
            summary = "A partner's shops, filtered, sorted and paged like the shop search",
            description = "The shops of one partner: the same filters, sort keys and paging as the shop search.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<ShopSnapshot> list(@PathParam("partnerId") UUID partnerId, @Valid @BeanParam ShopFilter filter,
            @Valid @BeanParam PageParams paging) {
        caller.requireAccess(partnerId, "Partner", partnerId);
        partners.require(partnerId);
        filter.partnerId = partnerId;
        return shops.search(filter, paging);
    }
}
