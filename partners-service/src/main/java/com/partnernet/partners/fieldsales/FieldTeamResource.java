package com.partnernet.partners.fieldsales;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;

@Produces(MediaType.APPLICATION_JSON)
@Path("/field-teams")
@Tag(name = "Field sales")
public class FieldTeamResource {

    private final FieldTeamService teams;
    private final FieldRepService reps;
    private final HeadcountService headcount;
    private final Caller caller;

    public FieldTeamResource(FieldTeamService teams, FieldRepService reps, HeadcountService headcount, Caller caller) {
        this.teams = teams;
        this.reps = reps;
        this.headcount = headcount;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listFieldTeams", summary = "Field teams, filtered, sorted and paged",
            description = "Sort keys: city (default), name, liveFrom, status, weeklyLeadCapacity.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<FieldTeamSnapshot> search(@Valid @BeanParam FieldTeamFilter filter, @Valid @BeanParam PageParams paging) {
        filter.partnerId = caller.confine(filter.partnerId);
        return teams.search(filter, paging);
    }

    @GET
    @Path("/{teamId}")
    @Operation(operationId = "getFieldTeam",
            summary = "One field team; its ETag is what an update sends as If-Match",
            description = "A field team of the direct sales partner: city, coverage, product focus, campaign, weekly lead capacity, working hours and status.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<FieldTeamSnapshot> get(@PathParam("teamId") UUID teamId) {
        FieldTeamSnapshot team = teams.get(teamId);
        caller.requireAccess(team.partnerId(), "Field team", teamId);
        return withETag(team);
    }

    @PUT
    @Path("/{teamId}")
    @Operation(operationId = "updateFieldTeam", summary = "Change a field team (city, rollout date, coverage, product focus, campaign, capacity)",
            description = "Needs If-Match (428 without, 412 when changed meanwhile). Publishes FieldTeamUpdated.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<FieldTeamSnapshot> update(@PathParam("teamId") UUID teamId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull FieldTeamRequest request) {
        return withETag(teams.update(teamId, ifMatch, request));
    }

    @POST
    @Path("/{teamId}/disbanding")
    @Operation(operationId = "disbandFieldTeam", summary = "Disband a field team for good", description = "Needs If-Match with the team's ETag. Publishes FieldTeamDisbanded; 409 if disbanded already.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<FieldTeamSnapshot> disband(@PathParam("teamId") UUID teamId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(teams.disband(teamId, ifMatch));
    }

    @GET
    @Path("/{teamId}/headcount-plan")
    @Operation(operationId = "getHeadcountPlan",
            summary = "The team's planned headcount per month",
            description = "The whole plan as one document: one entry per month with the planned headcount; a PUT replaces it whole.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public List<HeadcountPlanEntry> plan(@PathParam("teamId") UUID teamId) {
        requireTeamAccess(teamId);
        return headcount.plan(teamId);
    }

    @PUT
    @Path("/{teamId}/headcount-plan")
    @Operation(operationId = "replaceHeadcountPlan", summary = "Replace the team's headcount plan", description = "Each month at most once.")
    @RolesAllowed(SALES_MANAGER)
    public List<HeadcountPlanEntry> replacePlan(@PathParam("teamId") UUID teamId,
            @NotNull @Size(max = 240) List<@NotNull @Valid HeadcountPlanEntry> plan) {
        return headcount.replacePlan(teamId, plan);
    }

    @POST
    @Path("/{teamId}/reps")
    @Operation(operationId = "addFieldRep", summary = "A rep joins the team", description = "Without productFocus the rep promotes the team's product focus.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = FieldRepView.class, responseCode = "201", responseDescription = "Joined")
    public RestResponse<FieldRepView> join(@PathParam("teamId") UUID teamId, @Valid @NotNull FieldRepRequest request) {
        FieldRepView rep = reps.join(teamId, request);
        return Responses.created("/field-reps/" + rep.id(), rep);
    }

    @POST
    @Path("/{teamId}/reps/batch")
    @Operation(operationId = "addFieldReps", summary = "Reps join the team together (up to 1,000), all or none",
            description = "As addFieldRep for each. If one rep is invalid none joins, and every wrong field is named with "
                    + "its rep's position ([3].startDate). Answers the reps that joined, in order.")
    @RolesAllowed(SALES_MANAGER)
    public List<FieldRepView> joinAll(@PathParam("teamId") UUID teamId,
            @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid FieldRepRequest> reps) {
        return this.reps.joinAll(teamId, reps);
    }

    @GET
    @Path("/{teamId}/reps")
    @Operation(operationId = "listFieldReps", summary = "The team's reps, optionally those working on a day or from one source",
            description = "Sort keys: name (default), startDate, endDate, source.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<FieldRepView> reps(@PathParam("teamId") UUID teamId, @QueryParam("activeOn") LocalDate activeOn,
            @QueryParam("source") RepSource source, @Valid @BeanParam PageParams paging) {
        requireTeamAccess(teamId);
        return reps.list(teamId, activeOn, source, paging);
    }

    private void requireTeamAccess(UUID teamId) {
        if (caller.partnerScope().isPresent()) {
            caller.requireAccess(teams.get(teamId).partnerId(), "Field team", teamId);
        }
    }

    private static RestResponse<FieldTeamSnapshot> withETag(FieldTeamSnapshot team) {
        return ETags.ok(team, team.version());
    }
}
