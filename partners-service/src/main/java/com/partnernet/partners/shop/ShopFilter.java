package com.partnernet.partners.shop;

import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the shop search; all optional, combined with AND. A radius search needs lat, lon and radiusKm. */
public class ShopFilter {

    @QueryParam("partnerId")
    public UUID partnerId;

    @QueryParam("city")
    @Size(max = 100)
    @Parameter(description = "City, any case")
    public String city;

    @QueryParam("postalCode")
    @Pattern(regexp = "\\d{1,5}", message = "must be a postal code or prefix of 1 to 5 digits")
    @Parameter(description = "Postal code or prefix, e.g. 50 for all of Cologne's region")
    public String postalCode;

    @QueryParam("format")
    public StoreFormat format;

    @QueryParam("productLine")
    public ProductLine productLine;

    @QueryParam("status")
    public ShopStatus status;

    @QueryParam("lat")
    @DecimalMin("-90")
    @DecimalMax("90")
    public Double latitude;

    @QueryParam("lon")
    @DecimalMin("-180")
    @DecimalMax("180")
    public Double longitude;

    @QueryParam("radiusKm")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("1000")
    public Double radiusKm;

    boolean isRadiusSearch() {
        return latitude != null || longitude != null || radiusKm != null;
    }
}
