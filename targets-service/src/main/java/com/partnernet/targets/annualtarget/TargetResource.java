package com.partnernet.targets.annualtarget;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;

@Produces(MediaType.APPLICATION_JSON)
@Path("/partners/{partnerId}")
@Tag(name = "Targets")
public class TargetResource {

    private static final Map<String, Comparator<TargetView>> TARGET_SORT_KEYS = Map.of(
            "productLine", Comparator.comparing(TargetView::productLine)
                    .thenComparing(TargetView::shopId, Comparator.nullsFirst(Comparator.naturalOrder())),
            "units", Comparator.comparingInt(TargetView::units),
            "updatedAt", Comparator.comparing(TargetView::updatedAt));
    private static final Map<String, Comparator<TargetService.TargetChangeView>> HISTORY_SORT_KEYS = Map.of(
            "changedAt", Comparator.comparing(TargetService.TargetChangeView::changedAt));

    private final TargetService service;
    private final Caller caller;

    public TargetResource(TargetService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @PUT
    @Path("/targets/{year}/{productLine}")
    @Operation(operationId = "setTarget", summary = "Set a partner's annual target for a product line",
            description = "Kept in the target's history with changedBy and reason; publishes TargetAdjusted.")
    @RolesAllowed(SALES_MANAGER)
    public TargetView set(@PathParam("partnerId") UUID partnerId, @PathParam("year") @Min(2000) @Max(2100) int year,
            @PathParam("productLine") ProductLine productLine, @Valid @NotNull TargetRequest request) {
        return service.set(partnerId, null, year, productLine, request, caller.name());
    }

    @PUT
    @Path("/shops/{shopId}/targets/{year}/{productLine}")
    @Operation(operationId = "setShopTarget", summary = "Set a shop's share of its partner's annual target for a product line",
            description = "A partner without a target of its own for that line has the sum of its shops' targets.")
    @RolesAllowed(SALES_MANAGER)
    public TargetView setForShop(@PathParam("partnerId") UUID partnerId, @PathParam("shopId") UUID shopId,
            @PathParam("year") @Min(2000) @Max(2100) int year, @PathParam("productLine") ProductLine productLine,
            @Valid @NotNull TargetRequest request) {
        return service.set(partnerId, shopId, year, productLine, request, caller.name());
    }

    @GET
    @Path("/targets")
    @Operation(operationId = "listTargets", summary = "A partner's targets for a year, its own and its shops' (default: this year)",
            description = "Sort keys: productLine (default; the partner's own target before its shops'), units, updatedAt.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<TargetView> list(@PathParam("partnerId") UUID partnerId,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year, @Valid @BeanParam PageParams paging) {
        caller.requireAccess(partnerId, "Partner", partnerId);
        List<TargetView> all = service.list(partnerId, year != null ? year : Timestamps.today().getYear());
        return Page.slice(Sorting.sorted(all, paging.sort, TARGET_SORT_KEYS, "productLine"), paging);
    }

    @GET
    @Path("/targets/{year}/{productLine}/history")
    @Operation(operationId = "getTargetHistory", summary = "Every change of a target: who, when, why, from what to what",
            description = "Sort keys: changedAt (default).")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<TargetService.TargetChangeView> history(@PathParam("partnerId") UUID partnerId,
            @PathParam("year") @Min(2000) @Max(2100) int year, @PathParam("productLine") ProductLine productLine,
            @QueryParam("shopId") UUID shopId, @Valid @BeanParam PageParams paging) {
        caller.requireAccess(partnerId, "Partner", partnerId);
        return Page.slice(Sorting.sorted(service.history(partnerId, shopId, year, productLine), paging.sort,
                HISTORY_SORT_KEYS, "changedAt"), paging);
    }
}
