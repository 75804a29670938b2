package com.partnernet.chassis.web;

import java.net.URI;

import org.jboss.resteasy.reactive.RestResponse;

/** Typed answers, so the OpenAPI document knows the body a status carries. */
public final class Responses {

    private Responses() {
    }

    /** 201 with the new resource and where it lives. */
    public static <T> RestResponse<T> created(String location, T entity) {
        return RestResponse.ResponseBuilder.<T> created(URI.create(location)).entity(entity).build();
    }
}
