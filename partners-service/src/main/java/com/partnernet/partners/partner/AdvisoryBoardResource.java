package com.partnernet.partners.partner;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.time.Timestamps;

/** The dealer advisory board: partners whose membership covers a day. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/advisory-board")
@Tag(name = "Partners")
public class AdvisoryBoardResource {

    private final PartnerService service;

    public AdvisoryBoardResource(PartnerService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getAdvisoryBoard", summary = "Members of the dealer advisory board on a day (default: today)")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public List<PartnerView> advisoryBoard(@QueryParam("on") LocalDate on) {
        return service.advisoryBoard(on != null ? on : Timestamps.today());
    }
}
