package com.partnernet.targets.rule;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.time.Timestamps;

@Produces(MediaType.APPLICATION_JSON)
@Path("/period-rules")
@Tag(name = "Period rules")
public class RuleResource {

    private final RuleService rules;
    private final Caller caller;

    public RuleResource(RuleService rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Add a period rule: WAIVE a date range, or SCALE it to a percentage of the annual target",
            description = "Network-wide without partnerId, for a partner (and its shops) with it, for one shop with "
                    + "shopId too. Publishes TargetAdjusted. Precedence: see README.")
    @RolesAllowed(SALES_MANAGER)
    public Response add(@Valid @NotNull RuleRequest request) {
        PeriodRule rule = rules.add(request, caller.name());
        return Response.created(URI.create("/period-rules/" + rule.id)).entity(rule).build();
    }

    @GET
    @Operation(summary = "Rules touching a year (default: this year), in force and withdrawn; optionally a partner's")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public List<PeriodRule> list(@QueryParam("year") @Min(2000) @Max(2100) Integer year, @QueryParam("partnerId") UUID partnerId) {
        return rules.list(year != null ? year : Timestamps.today().getYear(), partnerId);
    }

    @GET
    @Path("/{ruleId}")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public PeriodRule get(@PathParam("ruleId") UUID ruleId) {
        return rules.require(ruleId);
    }

    @POST
    @Path("/{ruleId}/withdrawal")
    @Operation(summary = "Withdraw a rule (it stays for the record, with who withdrew it); publishes TargetAdjusted")
    @RolesAllowed(SALES_MANAGER)
    public PeriodRule withdraw(@PathParam("ruleId") UUID ruleId) {
        return rules.withdraw(ruleId, caller.name());
    }
}
