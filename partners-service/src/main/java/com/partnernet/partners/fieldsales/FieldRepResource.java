package com.partnernet.partners.fieldsales;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;

/** One rep; reps join through {@link FieldTeamResource}. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/field-reps")
@Tag(name = "Field sales")
public class FieldRepResource {

    /** A rep's last working day. */
    public record Departure(@NotNull LocalDate lastDay) {
    }

    private final FieldRepService reps;
    private final FieldTeamService teams;
    private final Caller caller;

    public FieldRepResource(FieldRepService reps, FieldTeamService teams, Caller caller) {
        this.reps = reps;
        this.teams = teams;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getFieldRep",
            summary = "One field sales rep; its ETag is what an update sends as If-Match",
            description = "A rep of a field team: source (internal pool or external), start and end date, product focus. Name and employee number are personal data (null for ops).")
    @Path("/{repId}")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public FieldRepView get(@PathParam("repId") UUID repId) {
        FieldRepView rep = reps.get(repId);
        if (caller.partnerScope().isPresent()) {
            caller.requireAccess(teams.get(rep.teamId()).partnerId(), "Field rep", repId);
        }
        return rep;
    }

    @POST
    @Path("/{repId}/departure")
    @Operation(operationId = "recordFieldRepDeparture", summary = "A rep leaves the team", description = "409 if the rep left already or the day is before the start.")
    @RolesAllowed(SALES_MANAGER)
    public FieldRepView leave(@PathParam("repId") UUID repId, @Valid @NotNull Departure departure) {
        return reps.leave(repId, departure.lastDay());
    }
}
