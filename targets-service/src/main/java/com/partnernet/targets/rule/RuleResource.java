package com.partnernet.targets.rule;

import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.web.Responses;
import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.time.Timestamps;

@Produces(MediaType.APPLICATION_JSON)
@Path("/period-rules")
@Tag(name = "Period rules")
public class RuleResource {

    private static final Map<String, Comparator<PeriodRule>> SORT_KEYS = Map.of(
            "from", Comparator.comparing((PeriodRule rule) -> rule.fromDay).thenComparing(rule -> rule.id),
            "to", Comparator.comparing((PeriodRule rule) -> rule.toDay).thenComparing(rule -> rule.id),
            "type", Comparator.comparing((PeriodRule rule) -> rule.type).thenComparing(rule -> rule.id),
            "createdAt", Comparator.comparing((PeriodRule rule) -> rule.createdAt).thenComparing(rule -> rule.id));

    private final RuleService rules;
    private final Caller caller;

    public RuleResource(RuleService rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "addPeriodRule", summary = "Add a period rule: WAIVE a date range, or SCALE it to a percentage of the annual target",
            description = "Network-wide without partnerId, for a partner (and its shops) with it, for one shop with "
                    + "shopId too. Publishes TargetAdjusted. Precedence: see README.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = PeriodRule.class, responseCode = "201", responseDescription = "Added")
    public RestResponse<PeriodRule> add(@Valid @NotNull RuleRequest request) {
        PeriodRule rule = rules.add(request, caller.name());
        return Responses.created("/period-rules/" + rule.id, rule);
    }

    @GET
    @Operation(operationId = "listPeriodRules", summary = "Rules touching a year (default: this year), in force and withdrawn; optionally a partner's",
            description = "Sort keys: from (default), to, type, createdAt.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public Page<PeriodRule> list(@QueryParam("year") @Min(2000) @Max(2100) Integer year, @QueryParam("partnerId") UUID partnerId,
            @Valid @BeanParam PageParams paging) {
        List<PeriodRule> all = rules.list(year != null ? year : Timestamps.today().getYear(), partnerId);
        return Page.slice(Sorting.sorted(all, paging.sort, SORT_KEYS, "from"), paging);
    }

    @GET
    @Operation(operationId = "getPeriodRule",
            summary = "One period rule",
            description = "A rule that shapes effective targets (waive a range, scale it, prorate a closure): its scope, range, percent, who wrote it and, once withdrawn, who withdrew it.")
    @Path("/{ruleId}")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public PeriodRule get(@PathParam("ruleId") UUID ruleId) {
        return rules.require(ruleId);
    }

    @POST
    @Path("/{ruleId}/withdrawal")
    @Operation(operationId = "withdrawPeriodRule",
            summary = "Withdraw a rule (it stays for the record, with who withdrew it); publishes TargetAdjusted",
            description = "The rule stops shaping effective targets at once; it stays readable, with who withdrew it and when.")
    @RolesAllowed(SALES_MANAGER)
    public PeriodRule withdraw(@PathParam("ruleId") UUID ruleId) {
        return rules.withdraw(ruleId, caller.name());
    }
}
