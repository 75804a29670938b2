package com.partnernet.partners.fieldsales;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.partners.partner.PartnerService;

/** The direct sales partner's field teams; one team by its own id is {@link FieldTeamResource}. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/partners/{partnerId}/field-teams")
@Tag(name = "Field sales")
public class PartnerFieldTeamsResource {

    private final FieldTeamService teams;
    private final PartnerService partners;
    private final Caller caller;

    public PartnerFieldTeamsResource(FieldTeamService teams, PartnerService partners, Caller caller) {
        this.teams = teams;
        this.partners = partners;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "formFieldTeam", summary = "Form a field team of a DIRECT_SALES partner in a city",
            description = "Publishes FieldTeamFormed on partners.shop-events (key: team id). 409 for another partner "
                    + "type or when the partner has an active team in that city.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = FieldTeamSnapshot.class, responseCode = "201", responseDescription = "Formed; ETag is its version")
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<FieldTeamSnapshot> form(@PathParam("partnerId") UUID partnerId, @Valid @NotNull FieldTeamRequest request) {
        FieldTeamSnapshot team = teams.form(partnerId, request);
        return ETags.created("/field-teams/" + team.id(), team, team.version());
    }

    @GET
    @Operation(operationId = "listPartnerFieldTeams",
            summary = "A partner's field teams, filtered, sorted and paged like the field-team list",
            description = "The field teams of one partner: the same filters, sort keys and paging as the field-team list.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<FieldTeamSnapshot> list(@PathParam("partnerId") UUID partnerId, @Valid @BeanParam FieldTeamFilter filter,
            @Valid @BeanParam PageParams paging) {
        caller.requireAccess(partnerId, "Partner", partnerId);
        partners.require(partnerId);
        filter.partnerId = partnerId;
        return teams.search(filter, paging);
    }
}
