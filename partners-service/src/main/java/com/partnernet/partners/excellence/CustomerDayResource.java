package com.partnernet.partners.excellence;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One logged customer day; days are logged through {@link ExecutiveResource}. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/customer-days")
@Tag(name = "Excellence programme")
public class CustomerDayResource {

    private final CustomerDayService days;

    public CustomerDayResource(CustomerDayService days) {
        this.days = days;
    }

    @DELETE
    @Path("/{dayId}")
    @Operation(operationId = "removeCustomerDay",
            summary = "Take back a customer day logged by mistake",
            description = "Deletes a customer day an executive logged by mistake; the executive's standing in the excellence report counts it no more.")
    @RolesAllowed(SALES_MANAGER)
    public void remove(@PathParam("dayId") UUID dayId) {
        days.remove(dayId);
    }
}
