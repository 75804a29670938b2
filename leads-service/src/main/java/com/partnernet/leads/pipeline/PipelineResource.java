package com.partnernet.leads.pipeline;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/shops/{shopId}/pipeline")
@Tag(name = "Pipeline")
public class PipelineResource {

    private final PipelineService service;

    public PipelineResource(PipelineService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A shop's lead pipeline", description = "Counts per stage and the shop's leads, newest first.")
    public PipelineView pipeline(@PathParam("shopId") UUID shopId) {
        return service.pipeline(shopId);
    }
}
