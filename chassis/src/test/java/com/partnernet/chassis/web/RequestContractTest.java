package com.partnernet.chassis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

class RequestContractTest {

    record Change(String reason) {
    }

    static class Resource {

        public void move(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                @Valid @NotNull Change change) {
        }

        public void read(@PathParam("id") UUID id, @QueryParam("from") String from, UriInfo uri) {
        }

        @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
        public void upload(String rows) {
        }
    }

    @Consumes(MediaType.APPLICATION_JSON)
    static class JsonResource {

        public void reopen(@HeaderParam("if-match") String ifMatch) {
        }
    }

    @Test
    void aBodyWithoutConsumesIsReadAsJsonOnlyAndAnIfMatchParameterMakesTheHeaderRequired() throws Exception {
        assertEquals(new RequestContract.Expected(List.of(MediaType.APPLICATION_JSON_TYPE), true),
                RequestContract.of(Resource.class.getMethod("move", UUID.class, String.class, Change.class), Resource.class));
    }

    @Test
    void parametersAndInjectedFrameworkTypesAreNoBody() throws Exception {
        assertEquals(new RequestContract.Expected(List.of(), false),
                RequestContract.of(Resource.class.getMethod("read", UUID.class, String.class, UriInfo.class), Resource.class));
        assertEquals(new RequestContract.Expected(List.of(), true),
                RequestContract.of(JsonResource.class.getMethod("reopen", String.class), JsonResource.class));
    }

    @Test
    void theTypesConsumesListsAreTheOnesRead() throws Exception {
        assertEquals(List.of(MediaType.valueOf("text/csv"), MediaType.APPLICATION_JSON_TYPE),
                RequestContract.of(Resource.class.getMethod("upload", String.class), Resource.class).bodyTypes());
    }
}
