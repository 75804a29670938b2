package com.partnernet.partners.excellence;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/excellence-programme")
@Tag(name = "Excellence programme")
public class ExcellenceProgrammeResource {

    /** A year's quota of customer days per executive, as sent and answered. */
    public record Quota(@NotNull @PositiveOrZero @Max(366) Integer days) {
    }

    private final CustomerDayService days;

    public ExcellenceProgrammeResource(CustomerDayService days) {
        this.days = days;
    }

    @GET
    @Path("/quotas/{year}")
    @Operation(operationId = "getCustomerDayQuota",
            summary = "The year's customer-day quota (the configured default of 5 unless the year has its own)",
            description = "The number of customer days each executive owes in the year: the year's own quota if one was set, else the configured default.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public Quota quota(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return new Quota(days.quota(year));
    }

    @PUT
    @Path("/quotas/{year}")
    @Operation(operationId = "setCustomerDayQuota",
            summary = "Set the year's customer-day quota",
            description = "Sets how many customer days each executive owes in the year (0–366), replacing the configured default for that year; the excellence report measures against it.")
    @RolesAllowed(SALES_MANAGER)
    public Quota setQuota(@PathParam("year") @Min(2000) @Max(2100) int year, @Valid @NotNull Quota quota) {
        return new Quota(days.setQuota(year, quota.days()));
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getExcellenceReport", summary = "Who has met the year's customer-day quota, who has not, and the days remaining",
            description = "Executives furthest from the quota first.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public ExcellenceReport report(@PathParam("year") @Min(2000) @Max(2100) int year,
            @QueryParam("standing") @Parameter(description = "Only executives who have (MET) or have not (NOT_MET) met it") QuotaStanding standing) {
        return days.report(year, standing);
    }
}
