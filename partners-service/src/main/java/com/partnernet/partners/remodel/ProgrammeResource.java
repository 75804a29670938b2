package com.partnernet.partners.remodel;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/remodel-programme")
@Tag(name = "Remodel programme")
public class ProgrammeResource {

    /** A year's goal, as sent and answered. */
    public record Goal(@NotNull @PositiveOrZero @Max(100_000) Integer remodels) {
    }

    private final ProgrammeService programme;

    public ProgrammeResource(ProgrammeService programme) {
        this.programme = programme;
    }

    @PUT
    @Path("/goals/{year}")
    @Operation(operationId = "setRemodelGoal",
            summary = "Set the network's remodel goal for a year",
            description = "Sets how many shops the network means to remodel in the year; the programme report measures progress and the projected gap against it.")
    @RolesAllowed(SALES_MANAGER)
    public Goal setGoal(@PathParam("year") @Min(2000) @Max(2100) int year, @Valid @NotNull Goal goal) {
        return new Goal(programme.setGoal(year, goal.remodels()));
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getRemodelProgramme",
            summary = "Where the remodel programme stands in a year, for the network or one partner",
            description = "Completed, running, overrunning and planned remodels of the year, what is projected by the year's end and the gap to the goal (when one is set); for the network, or one partner with partnerId.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public ProgrammeReport report(@PathParam("year") @Min(2000) @Max(2100) int year, @QueryParam("partnerId") UUID partnerId) {
        return programme.report(year, partnerId);
    }
}
