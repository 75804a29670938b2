package com.partnernet.targets.attainment;

import java.time.Year;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.targets.target.TargetService;

@Path("/partners/{partnerId}/attainment")
@Tag(name = "Attainment")
public class AttainmentResource {

    private final AttainmentService service;

    public AttainmentResource(AttainmentService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A partner's attainment in a year (default: this year)",
            description = "Units sold (won leads) against the annual targets, per product line and in total.")
    public AttainmentView attainment(@PathParam("partnerId") UUID partnerId,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return service.attainment(partnerId, year != null ? year : Year.now(TargetService.BUSINESS_ZONE).getValue());
    }
}
