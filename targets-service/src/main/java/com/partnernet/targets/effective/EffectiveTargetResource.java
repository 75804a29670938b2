package com.partnernet.targets.effective;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.QueryRange;
import com.partnernet.targets.annualtarget.ProductLine;
import com.partnernet.targets.closure.ShopOwners;

@Produces(MediaType.APPLICATION_JSON)
@Path("/partners/{partnerId}/effective-target")
@Tag(name = "Targets")
public class EffectiveTargetResource {

    private static final long MAX_DAYS = 5 * 366;

    private final EffectiveTargets effective;
    private final ShopOwners shops;
    private final Caller caller;

    public EffectiveTargetResource(EffectiveTargets effective, ShopOwners shops, Caller caller) {
        this.effective = effective;
        this.shops = shops;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getEffectiveTarget", summary = "The target for any date range, with the rules and closures that shaped it",
            description = "For the partner, or one of its shops (shopId). Precedence: a shop's closure, then the most "
                    + "specific rule (shop, partner, network; the newest within one scope), then the seasonal curve.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public EffectiveTarget effectiveTarget(@PathParam("partnerId") UUID partnerId, @QueryParam("shopId") UUID shopId,
            @QueryParam("productLine") @NotNull ProductLine productLine, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to) {
        QueryRange.require(from, to, ChronoUnit.DAYS, MAX_DAYS);
        shops.requireAccess(caller, partnerId, shopId);
        return effective.of(partnerId, shopId, productLine, from, to);
    }
}
