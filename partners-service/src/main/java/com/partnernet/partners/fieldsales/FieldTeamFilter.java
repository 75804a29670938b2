package com.partnernet.partners.fieldsales;

import java.util.UUID;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import com.partnernet.partners.shop.ProductLine;

/** Filters of the field-team list; all optional, combined with AND. */
public class FieldTeamFilter {

    @QueryParam("partnerId")
    public UUID partnerId;

    @QueryParam("city")
    @Size(max = 100)
    public String city;

    @QueryParam("productLine")
    public ProductLine productLine;

    @QueryParam("status")
    public FieldTeamStatus status;
}
