package com.partnernet.targets.attainment;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.time.Timestamps;

/** A partner's year at a glance; any period and scope is {@link AttainmentResource}. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/partners/{partnerId}/attainment")
@Tag(name = "Attainment")
public class PartnerAttainmentResource {

    private final AttainmentService service;
    private final Caller caller;

    public PartnerAttainmentResource(AttainmentService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getPartnerAttainment", summary = "A partner's attainment in a year (default: this year), per product line and in total",
            description = "Against the effective annual targets, with the pace as of asOf (default today).")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public AttainmentView annual(@PathParam("partnerId") UUID partnerId,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year, @QueryParam("asOf") LocalDate asOf) {
        caller.requireAccess(partnerId, "Partner", partnerId);
        int chosen = year != null ? year : Timestamps.today().getYear();
        return service.attainment(partnerId, null, null, LocalDate.of(chosen, 1, 1), LocalDate.of(chosen, 12, 31),
                AttainmentResource.asOf(asOf));
    }
}
