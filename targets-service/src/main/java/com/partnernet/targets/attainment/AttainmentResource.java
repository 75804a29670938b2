package com.partnernet.targets.attainment;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jetbrains.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chassis.web.Responses;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.InputReader;
import com.partnernet.chassis.web.Problem;
import com.partnernet.chassis.web.QueryRange;
import com.partnernet.targets.annualtarget.ProductLine;
import com.partnernet.targets.closure.ShopOwners;

@Produces(MediaType.APPLICATION_JSON)
@Path("/")
@Tag(name = "Attainment")
public class AttainmentResource {

    static final int MAX_BATCH = 1000;

    static final int MAX_WEEKS = 157;

    /** Five years. */
    static final int MAX_DAYS = 5 * 366;

    /** What a batch of sales did, row by row (index from 0). */
    public record BatchResult(int received, int created, int existing, int rejected, List<Row> rows) {

        public record Row(int index, String outcome, @Nullable UUID saleId, List<Problem.Violation> violations) {
        }
    }

    private final AttainmentService service;
    private final InputReader reader;
    private final ShopOwners shops;
    private final Caller caller;

    public AttainmentResource(AttainmentService service, InputReader reader, ShopOwners shops, Caller caller) {
        this.service = service;
        this.reader = reader;
        this.shops = shops;
        this.caller = caller;
    }

    @GET
    @Path("/attainment")
    @Operation(operationId = "getAttainment", summary = "Attainment for any period and scope: a partner, or one of its shops; one product line or all",
            description = "Units sold, the effective target, the percentage, and the pace as of asOf (default today): "
                    + "expected to date on the seasonal curve, projection to the period's end, status ON_TRACK (sold ≥ "
                    + "95 % of expected), AT_RISK (≥ 80 %) or OFF_TRACK.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public AttainmentView attainment(@QueryParam("partnerId") @NotNull UUID partnerId, @QueryParam("shopId") UUID shopId,
            @QueryParam("productLine") ProductLine productLine, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to, @QueryParam("asOf") LocalDate asOf) {
        QueryRange.require(from, to, ChronoUnit.DAYS, MAX_DAYS);
        shops.requireAccess(caller, partnerId, shopId);
        return service.attainment(partnerId, shopId, productLine, from, to, asOf(asOf));
    }

    @GET
    @Path("/leaderboard")
    @Operation(operationId = "getLeaderboard",
            summary = "Partners (scope=PARTNER) or shops (scope=SHOP) by attainment of their annual targets, with network totals",
            description = "Ranked by attainment of the year's target to date (sold against expected by now), for one product line or all; each entry with its pace and projection.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public Leaderboard leaderboard(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("productLine") ProductLine productLine, @QueryParam("asOf") LocalDate asOf,
            @QueryParam("scope") Scope scope) {
        return service.leaderboard(year != null ? year : Timestamps.today().getYear(), productLine,
                asOf(asOf), scope == Scope.SHOP);
    }

    /** What the leaderboard ranks. */
    public enum Scope {
        PARTNER,
        SHOP
    }

    @POST
    @Path("/sales")
    @Operation(operationId = "recordSale", summary = "Record a sale (also one that did not come from a lead)",
            description = "Idempotent by externalSaleId: 201 for a new sale, 200 with the stored one for a resend.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = AttainmentService.SaleView.class, responseCode = "201", responseDescription = "A new sale")
    @APIResponse(responseCode = "200", description = "The same externalSaleId again: the sale known already, nothing changed")
    public RestResponse<AttainmentService.SaleView> record(@Valid @NotNull SaleRequest request) {
        AttainmentService.RecordedSale recorded = service.record(request);
        return recorded.created()
                ? Responses.created("/sales/" + recorded.sale().id(), recorded.sale())
                : RestResponse.ok(recorded.sale());
    }

    @POST
    @Path("/sales/batch")
    @Operation(operationId = "recordSales",
            summary = "Record up to 1,000 sales; bad rows are reported, good ones kept",
            description = "Each row is recorded or refused on its own: the answer lists every row's outcome, and a repeated externalSaleId is reported as existing, not counted twice.")
    @RolesAllowed(SALES_MANAGER)
    public BatchResult recordBatch(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SaleRequest.class, maxItems = 1000))) List<JsonNode> rows) {
        if (rows == null) {
            throw new InvalidRequestException("body", "must be a JSON array of sales");
        }
        if (rows.size() > MAX_BATCH) {
            throw new InvalidRequestException("body", "at most " + MAX_BATCH + " sales per batch, not " + rows.size());
        }
        BatchResult.Row[] results = new BatchResult.Row[rows.size()];
        List<SaleRequest> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            List<Problem.Violation> violations = new ArrayList<>();
            SaleRequest sale = reader.read(rows.get(index), SaleRequest.class, "must be a sale object", violations);
            if (sale == null) {
                results[index] = new BatchResult.Row(index, "REJECTED", null, violations);
            } else {
                valid.add(sale);
                positions.add(index);
            }
        }
        List<AttainmentService.RecordedSale> recorded = valid.isEmpty() ? List.of() : service.recordAll(valid);
        int created = 0;
        for (int i = 0; i < recorded.size(); i++) {
            created += recorded.get(i).created() ? 1 : 0;
            results[positions.get(i)] = new BatchResult.Row(positions.get(i), recorded.get(i).created() ? "CREATED" : "EXISTING",
                    recorded.get(i).sale().id(), List.of());
        }
        return new BatchResult(rows.size(), created, recorded.size() - created, rows.size() - recorded.size(),
                List.of(results));
    }

    @GET
    @Path("/sales/weekly")
    @Operation(operationId = "getWeeklySales", summary = "Units sold per shop and week (won leads and recorded sales)",
            description = "Weeks run Monday to Sunday in German time, from the week holding from to the week holding "
                    + "to (at most 157 weeks); every week is listed, 0 without a sale. Up to 200 shops (shopId repeated). "
                    + "leads-service's pilot evaluation reads it.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public WeeklySales weeklySales(@QueryParam("shopId") @NotEmpty @Size(max = 200) Set<UUID> shopIds,
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        QueryRange.require(from, to, ChronoUnit.WEEKS, MAX_WEEKS);
        return service.weeklySales(shopIds, from, to);
    }

    static LocalDate asOf(LocalDate asOf) {
        return asOf != null ? asOf : Timestamps.today();
    }
}
