package com.partnernet.targets.rule;

import java.net.URI;
import java.time.Year;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.targets.target.TargetService;

@Path("/period-rules")
@Tag(name = "Period rules")
public class RuleResource {

    /** Who withdraws a rule. */
    public record Withdrawal(@NotBlank @Size(max = 200) String by) {
    }

    private final RuleService rules;

    public RuleResource(RuleService rules) {
        this.rules = rules;
    }

    @POST
    @Operation(summary = "Add a period rule: WAIVE a date range, or SCALE it to a percentage of the annual target",
            description = "Network-wide without partnerId, for a partner (and its shops) with it, for one shop with "
                    + "shopId too. Publishes TargetAdjusted. Precedence: see README.")
    public Response add(@Valid @NotNull RuleRequest request) {
        PeriodRule rule = rules.add(request);
        return Response.created(URI.create("/period-rules/" + rule.id)).entity(rule).build();
    }

    @GET
    @Operation(summary = "Rules touching a year (default: this year), in force and withdrawn; optionally a partner's")
    public List<PeriodRule> list(@QueryParam("year") @Min(2000) @Max(2100) Integer year, @QueryParam("partnerId") UUID partnerId) {
        return rules.list(year != null ? year : Year.now(TargetService.BUSINESS_ZONE).getValue(), partnerId);
    }

    @GET
    @Path("/{ruleId}")
    public PeriodRule get(@PathParam("ruleId") UUID ruleId) {
        return rules.require(ruleId);
    }

    @POST
    @Path("/{ruleId}/withdrawal")
    @Operation(summary = "Withdraw a rule (it stays for the record); publishes TargetAdjusted")
    public PeriodRule withdraw(@PathParam("ruleId") UUID ruleId, @Valid @NotNull Withdrawal withdrawal) {
        return rules.withdraw(ruleId, withdrawal.by().strip());
    }
}
