package com.partnernet.partners.excellence;

import static com.partnernet.chassis.security.Roles.OPS;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.web.Responses;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;

@Produces(MediaType.APPLICATION_JSON)
@Path("/executives")
@Tag(name = "Excellence programme")
public class ExecutiveResource {

    private static final Map<String, Comparator<CustomerDayView>> DAY_SORT_KEYS = Map.of(
            "date", Comparator.comparing(CustomerDayView::date).thenComparing(CustomerDayView::id));

    private final ExecutiveService executives;
    private final CustomerDayService days;

    public ExecutiveResource(ExecutiveService executives, CustomerDayService days) {
        this.executives = executives;
        this.days = days;
    }

    @POST
    @Operation(operationId = "registerExecutive", summary = "Register an executive of the excellence programme", description = "409 if the e-mail address is taken.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = ExecutiveView.class, responseCode = "201", responseDescription = "Registered; ETag is its version")
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<ExecutiveView> register(@Valid @NotNull ExecutiveRequest request) {
        ExecutiveView executive = executives.register(request);
        return ETags.created("/executives/" + executive.id(), executive, executive.version());
    }

    @GET
    @Operation(operationId = "listExecutives", summary = "Executives, paged", description = "Sort keys: name (default), title, email.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public Page<ExecutiveView> search(@QueryParam("name") @Size(max = 200) String name, @Valid @BeanParam PageParams paging) {
        return executives.search(name, paging);
    }

    @GET
    @Operation(operationId = "getExecutive",
            summary = "One executive; its ETag is what an update sends as If-Match",
            description = "An executive of the excellence programme, with name, e-mail and title (null for ops, who do not see personal data).")
    @Path("/{executiveId}")
    @RolesAllowed({ SALES_MANAGER, OPS })
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<ExecutiveView> get(@PathParam("executiveId") UUID executiveId) {
        ExecutiveView executive = executives.get(executiveId);
        return ETags.ok(executive, executive.version());
    }

    @PUT
    @Path("/{executiveId}")
    @Operation(operationId = "updateExecutive", summary = "Update an executive", description = "Needs If-Match with the executive's ETag.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<ExecutiveView> update(@PathParam("executiveId") UUID executiveId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ExecutiveRequest request) {
        ExecutiveView executive = executives.update(executiveId, ifMatch, request);
        return ETags.ok(executive, executive.version());
    }

    @POST
    @Path("/{executiveId}/customer-days")
    @Operation(operationId = "logCustomerDay", summary = "Log a day spent directly with customers",
            description = "At a shop or with a field team (exactly one). A day counts once: logging it again is a 409.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = CustomerDayView.class, responseCode = "201", responseDescription = "Logged")
    public RestResponse<CustomerDayView> logDay(@PathParam("executiveId") UUID executiveId, @Valid @NotNull CustomerDayRequest request) {
        CustomerDayView day = days.log(executiveId, request);
        return Responses.created("/customer-days/" + day.id(), day);
    }

    @GET
    @Path("/{executiveId}/customer-days")
    @Operation(operationId = "listCustomerDays", summary = "The executive's customer days in a year (default: this year)",
            description = "Sort keys: date (default).")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public Page<CustomerDayView> days(@PathParam("executiveId") UUID executiveId,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year, @Valid @BeanParam PageParams paging) {
        List<CustomerDayView> all = days.ofExecutive(executiveId, year != null ? year : Timestamps.today().getYear());
        return Page.slice(Sorting.sorted(all, paging.sort, DAY_SORT_KEYS, "date"), paging);
    }
}
