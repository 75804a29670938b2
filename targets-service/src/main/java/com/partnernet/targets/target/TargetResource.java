package com.partnernet.targets.target;

import java.time.Year;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/partners/{partnerId}/targets")
@Tag(name = "Targets")
public class TargetResource {

    private final TargetService service;

    public TargetResource(TargetService service) {
        this.service = service;
    }

    @PUT
    @Path("/{year}/{productLine}")
    @Operation(summary = "Set a partner's annual target for a product line")
    public TargetView set(@PathParam("partnerId") UUID partnerId, @PathParam("year") @Min(2000) @Max(2100) int year,
            @PathParam("productLine") ProductLine productLine, @Valid @NotNull TargetRequest request) {
        return service.set(partnerId, year, productLine, request.units());
    }

    @GET
    @Operation(summary = "A partner's targets for a year (default: this year)")
    public List<TargetView> list(@PathParam("partnerId") UUID partnerId,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return service.list(partnerId, year != null ? year : Year.now(TargetService.BUSINESS_ZONE).getValue());
    }
}
