package com.partnernet.leads.gdpr;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.security.Caller;
import com.partnernet.leads.lead.LeadView;

@Produces(MediaType.APPLICATION_JSON)
@Path("/leads/{leadId}/erasure")
@Tag(name = "Leads")
public class ErasureResource {

    private final ErasureService erasure;
    private final Caller caller;

    public ErasureResource(ErasureService erasure, Caller caller) {
        this.erasure = erasure;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "eraseLead", summary = "Erase the lead's personal data (GDPR request)",
            description = "Name and free text become '[erased]', e-mail, phone and location are removed; the lead's "
                    + "figures stay. A lead still open (or unrouted) is closed as LOST with lostReason "
                    + "PERSONAL_DATA_ERASED, so its first-contact clock stops. Audited (who, when, why) and published as "
                    + "LeadLost (if it closed) and LeadErased. Erasing again is harmless.")
    @RolesAllowed(SALES_MANAGER)
    public LeadView erase(@PathParam("leadId") UUID leadId, @Valid @NotNull ErasureRequest request) {
        return erasure.erase(leadId, caller.name(), request.reason());
    }
}
