package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One rep; reps join through {@link FieldTeamResource}. */
@Path("/field-reps")
@Tag(name = "Field sales")
public class FieldRepResource {

    /** A rep's last working day. */
    public record Departure(@NotNull LocalDate lastDay) {
    }

    private final FieldRepService reps;

    public FieldRepResource(FieldRepService reps) {
        this.reps = reps;
    }

    @GET
    @Path("/{repId}")
    public FieldRepView get(@PathParam("repId") UUID repId) {
        return reps.get(repId);
    }

    @POST
    @Path("/{repId}/departure")
    @Operation(summary = "A rep leaves the team", description = "409 if the rep left already or the day is before the start.")
    public FieldRepView leave(@PathParam("repId") UUID repId, @Valid @NotNull Departure departure) {
        return reps.leave(repId, departure.lastDay());
    }
}
