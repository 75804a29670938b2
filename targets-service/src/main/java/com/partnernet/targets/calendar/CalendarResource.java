package com.partnernet.targets.calendar;

import static com.partnernet.chassis.security.Roles.MARKETING_SYSTEM;
import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Responses;
import com.partnernet.chassis.web.Sorting;

/** The seasonal curve and the promotions calendar that pacing and effective targets follow. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/calendar")
@Tag(name = "Calendar")
public class CalendarResource {

    /** A year's curve: 53 week weights, week 1 (1–7 January) first. */
    public record Curve(int year, boolean custom, List<Double> weights) {
    }

    public record CurveRequest(@NotNull @Size(min = 53, max = 53) List<@NotNull @PositiveOrZero Double> weights) {
    }

    private static final Map<String, Comparator<Promotion>> SORT_KEYS = Map.of(
            "from", Comparator.comparing((Promotion promotion) -> promotion.fromDay).thenComparing(promotion -> promotion.id),
            "name", Comparator.comparing((Promotion promotion) -> promotion.name).thenComparing(promotion -> promotion.id));

    private final CalendarService calendar;

    public CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @Path("/{year}/curve")
    @Operation(operationId = "getSeasonalCurve",
            summary = "A year's seasonal curve (the default unless the year has its own)",
            description = "The 53 week weights pacing uses in the year, and whether they are the year's own or the default.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER, MARKETING_SYSTEM })
    public Curve curve(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return new Curve(year, calendar.hasOwnCurve(year), java.util.Arrays.stream(calendar.weekWeights(year)).boxed().toList());
    }

    @PUT
    @Path("/{year}/curve")
    @Operation(operationId = "setSeasonalCurve",
            summary = "Give a year its own seasonal curve: 53 week weights",
            description = "Replaces the year's default curve with 53 week weights; pacing and the expected-to-date figures follow it.")
    @RolesAllowed(SALES_MANAGER)
    public Curve setCurve(@PathParam("year") @Min(2000) @Max(2100) int year, @Valid @NotNull CurveRequest request) {
        calendar.setCurve(year, request.weights());
        return curve(year);
    }

    @GET
    @Path("/{year}/promotions")
    @Operation(operationId = "listPromotions", summary = "Promotions touching a year", description = "Sort keys: from (default), name.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER, MARKETING_SYSTEM })
    public Page<Promotion> promotions(@PathParam("year") @Min(2000) @Max(2100) int year, @Valid @BeanParam PageParams paging) {
        return Page.slice(Sorting.sorted(calendar.promotions(year), paging.sort, SORT_KEYS, "from"), paging);
    }

    @POST
    @Path("/promotions")
    @Operation(operationId = "addPromotion",
            summary = "Add a promotion (a deal day, a recurring weekday such as Magenta Thursday, a campaign)",
            description = "A promotion lifts the seasonal pacing on its days by its uplift, for all product lines or the ones named: one day, a range, or a weekday recurring in the range.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = Promotion.class, responseCode = "201", responseDescription = "Added")
    public RestResponse<Promotion> addPromotion(@Valid @NotNull PromotionRequest request) {
        Promotion promotion = calendar.addPromotion(request);
        return Responses.created("/calendar/promotions/" + promotion.id, promotion);
    }

    @GET
    @Path("/promotions/{promotionId}")
    @Operation(operationId = "getPromotion",
            summary = "One promotion (where adding it points)",
            description = "Its name, days (a range, or a weekday recurring in it), uplift and product lines.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER, MARKETING_SYSTEM })
    public Promotion promotion(@PathParam("promotionId") UUID promotionId) {
        return calendar.promotion(promotionId);
    }

    @DELETE
    @Operation(operationId = "removePromotion",
            summary = "Remove a promotion",
            description = "Pacing forgets its uplift from then on; attainment already recorded stays.")
    @Path("/promotions/{promotionId}")
    @RolesAllowed(SALES_MANAGER)
    public void removePromotion(@PathParam("promotionId") UUID promotionId) {
        calendar.removePromotion(promotionId);
    }
}
