package com.partnernet.partners.partner;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/partners")
@Tag(name = "Partners")
public class PartnerResource {

    private final PartnerService service;

    public PartnerResource(PartnerService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Register a partner")
    public Response register(@Valid @NotNull PartnerRequest request) {
        PartnerView partner = service.register(request);
        return Response.created(URI.create("/partners/" + partner.id())).entity(partner).build();
    }

    @GET
    @Operation(summary = "All partners, by name")
    public List<PartnerView> list() {
        return service.list();
    }

    @GET
    @Path("/{partnerId}")
    @Operation(summary = "One partner")
    public PartnerView get(@PathParam("partnerId") UUID partnerId) {
        return service.get(partnerId);
    }
}
