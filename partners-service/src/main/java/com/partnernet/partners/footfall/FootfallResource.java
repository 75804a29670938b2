package com.partnernet.partners.footfall;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.partners.shop.ShopService;

import io.quarkus.security.ForbiddenException;

@Produces(MediaType.APPLICATION_JSON)
@Path("/footfall")
@Tag(name = "Footfall")
public class FootfallResource {

    static final String CSV = "text/csv";
    private static final String UPLOAD_RULES = "Each row: shopId, week (ISO week, e.g. 2021-W07, not in the future), "
            + "visitors (0 to 1,000,000). A shop-week is stored once: uploading it again replaces the count. Good rows "
            + "are stored, bad rows are listed with their errors (row 1 = first data row); at most 10,000 rows.";

    private final FootfallService footfall;
    private final ShopService shops;
    private final Caller caller;

    public FootfallResource(FootfallService footfall, ShopService shops, Caller caller) {
        this.footfall = footfall;
        this.shops = shops;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadFootfall", summary = "Upload weekly visitor counts as a JSON array", description = UPLOAD_RULES)
    @RolesAllowed({ SALES_MANAGER, PARTNER_USER })
    public UploadReport upload(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = FootfallRow.class, maxItems = 10000))) List<JsonNode> rows) {
        return footfall.upload(rows, caller.partnerScope());
    }

    @POST
    @Consumes(CSV)
    @Operation(operationId = "uploadFootfall", summary = "Upload weekly visitor counts as CSV",
            description = "A header line names the columns shopId, week, visitors; comma or semicolon separated. "
                    + UPLOAD_RULES)
    @RolesAllowed({ SALES_MANAGER, PARTNER_USER })
    public UploadReport uploadCsv(String csv) {
        return footfall.uploadCsv(csv, caller.partnerScope());
    }

    @GET
    @Path("/report")
    @Operation(operationId = "getFootfallReport", summary = "Weekly footfall of a shop, a partner, a city or the network against a baseline year",
            description = "Give at most one of shopId, partnerId, city (none: the whole network). Per week: visitors, "
                    + "change against the same ISO week of the baseline year and against the week before (both like "
                    + "for like: only shops that counted in both weeks), rolling four-week average, and missing "
                    + "counts flagged. Default range: the twelve weeks up to last week.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public FootfallReport report(@QueryParam("shopId") UUID shopId, @QueryParam("partnerId") UUID partnerId,
            @QueryParam("city") @Size(max = 100) String city,
            @QueryParam("from") @Parameter(description = "First ISO week, e.g. 2021-W01") String from,
            @QueryParam("to") @Parameter(description = "Last ISO week, e.g. 2021-W40") String to,
            @QueryParam("baselineYear") @Min(2000) @Max(2100)
            @Parameter(description = "Compare each week with the same ISO week of this year, e.g. 2019") Integer baselineYear) {
        IsoWeek last = week("to", to, IsoWeek.of(Timestamps.today().minusWeeks(1)));
        IsoWeek first = week("from", from, last.plusWeeks(-11));
        if (caller.partnerScope().isPresent()) {
            // A partner user sees its own shops only: one of them, or all of them together.
            if (city != null && !city.isBlank()) {
                throw new ForbiddenException("A partner user sees its own shops' footfall only, not a city's");
            }
            if (shopId != null) {
                caller.requireAccess(shops.get(shopId).partnerId(), "Shop", shopId);
            } else {
                partnerId = caller.confine(partnerId);
            }
        }
        return footfall.report(scope(shopId, partnerId, city), first, last, baselineYear);
    }

    private static FootfallScope scope(UUID shopId, UUID partnerId, String city) {
        boolean hasCity = city != null && !city.isBlank();
        if (Stream.of(shopId != null, partnerId != null, hasCity).filter(given -> given).count() > 1) {
            throw new InvalidRequestException("shopId", "give at most one of shopId, partnerId and city");
        }
        if (shopId != null) {
            return new FootfallScope(FootfallScope.Level.SHOP, shopId, null, null);
        }
        if (partnerId != null) {
            return new FootfallScope(FootfallScope.Level.PARTNER, null, partnerId, null);
        }
        return hasCity ? new FootfallScope(FootfallScope.Level.CITY, null, null, city.strip())
                : new FootfallScope(FootfallScope.Level.NETWORK, null, null, null);
    }

    private static IsoWeek week(String parameter, String value, IsoWeek absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return IsoWeek.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(parameter, e.getMessage());
        }
    }
}
