package com.partnernet.partners.partner;

import java.util.UUID;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the partner list; all optional, combined with AND. */
public class PartnerFilter {

    @QueryParam("name")
    @Size(max = 200)
    @Parameter(description = "Part of the name, any case")
    public String name;

    @QueryParam("type")
    public PartnerType type;

    @QueryParam("status")
    public PartnerStatus status;

    @QueryParam("tier")
    public PartnerTier tier;

    /** Set by the server, never by a query parameter: a partner user's list holds only its own partner. */
    public UUID id;
}
