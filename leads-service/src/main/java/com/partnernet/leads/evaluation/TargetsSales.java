package com.partnernet.leads.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The pilot evaluation's read of targets-service: units sold per shop and week, won leads and recorded sales (sales are
 * targets-service's; its documented {@code GET /sales/weekly}). The caller's bearer token goes along.
 */
@RegisterRestClient(configKey = "targets-service")
@RegisterClientHeaders
@Produces(MediaType.APPLICATION_JSON)
@Path("/sales/weekly")
public interface TargetsSales {

    /** What this service reads of the answer. */
    record WeeklySales(List<Shop> shops) {
    }

    record Shop(UUID shopId, List<Week> weeks) {
    }

    record Week(LocalDate weekStart, long units) {
    }

    @GET
    WeeklySales weekly(@QueryParam("shopId") Set<UUID> shopIds, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to);
}
