package com.partnernet.partners.fieldsales;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.YearMonth;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.time.Timestamps;

@Produces(MediaType.APPLICATION_JSON)
@Path("/field-sales")
@Tag(name = "Field sales")
public class FieldSalesReportResource {

    private final HeadcountService headcount;

    public FieldSalesReportResource(HeadcountService headcount) {
        this.headcount = headcount;
    }

    @GET
    @Path("/headcount")
    @Operation(operationId = "getFieldSalesHeadcount", summary = "Headcount plan against actual per city and month, and the share of reps from the internal pool",
            description = "Actual: reps working on the month's last day. Default range: this calendar year; at most 60 months.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public HeadcountReport headcount(@QueryParam("partnerId") @Parameter(description = "One direct sales partner; default all") UUID partnerId,
            @QueryParam("from") @Parameter(description = "First month, e.g. 2021-01") YearMonth from,
            @QueryParam("to") @Parameter(description = "Last month, e.g. 2021-12") YearMonth to) {
        int year = Timestamps.today().getYear();
        return headcount.report(partnerId, from != null ? from : YearMonth.of(year, 1), to != null ? to : YearMonth.of(year, 12));
    }
}
