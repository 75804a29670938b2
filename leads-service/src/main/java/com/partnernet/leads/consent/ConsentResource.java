package com.partnernet.leads.consent;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;

@Produces(MediaType.APPLICATION_JSON)
@Path("/leads/{leadId}/consent")
@Tag(name = "Leads")
public class ConsentResource {

    private static final Map<String, Comparator<ConsentView>> SORT_KEYS = Map.of(
            "grantedAt", Comparator.comparing(ConsentView::grantedAt, Comparator.nullsFirst(Comparator.naturalOrder())));

    private final ConsentService consents;

    public ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    @GET
    @Operation(operationId = "getLeadConsent", summary = "What the customer consented to: purpose, recipient, product line, when, source, until when",
            description = "Sort keys: grantedAt (default).")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<ConsentView> consent(@PathParam("leadId") UUID leadId, @Valid @BeanParam PageParams paging) {
        return Page.slice(Sorting.sorted(consents.ofLead(leadId), paging.sort, SORT_KEYS, "grantedAt"), paging);
    }
}
