package com.partnernet.leads.directory;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.error.ResourceNotFoundException;

/** What routing knows of a shop or field team: this service's copy, as built from partners.shop-events. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/routing-directory")
@Tag(name = "Routing")
public class DirectoryResource {

    private final RoutingShopRepository shops;
    private final RoutingTeamRepository teams;

    public DirectoryResource(RoutingShopRepository shops, RoutingTeamRepository teams) {
        this.shops = shops;
        this.teams = teams;
    }

    @GET
    @Path("/shops/{shopId}")
    @Operation(operationId = "getRoutingShop",
            summary = "A shop as routing sees it (status, product lines, segments, catchment, capacity, version)",
            description = "The copy of a shop the routing directory keeps from partners.shop-events: what routing decides on, at the shop event's version.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public RoutingShop shop(@PathParam("shopId") UUID shopId) {
        return shops.findByIdOptional(shopId).orElseThrow(() -> new ResourceNotFoundException("Shop", shopId));
    }

    @GET
    @Path("/teams/{teamId}")
    @Operation(operationId = "getRoutingTeam",
            summary = "A field team as routing sees it",
            description = "The copy of a field team the routing directory keeps from partners.shop-events: what routing decides on, at the team event's version.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public RoutingTeam team(@PathParam("teamId") UUID teamId) {
        return teams.findByIdOptional(teamId).orElseThrow(() -> new ResourceNotFoundException("Field team", teamId));
    }
}
