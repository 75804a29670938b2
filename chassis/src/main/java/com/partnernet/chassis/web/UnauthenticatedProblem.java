package com.partnernet.chassis.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * A request without a bearer token gets 401 on every path of the API port before anything else, as a problem
 * document: a wrong method or an unknown path tells an anonymous caller nothing either. Only the OpenAPI document, Swagger
 * UI and browsers' CORS preflights go on; health and metrics are on the management port, a router of its own.
 * (Quarkus' path permissions would refuse as early, but with an empty body.)
 */
@Singleton
public class UnauthenticatedProblem {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            var request = context.request();
            boolean open = request.path().startsWith("/q/openapi") || request.path().startsWith("/q/swagger-ui")
                    || (request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null);
            if (open || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                context.next();
                return;
            }
            context.response().setStatusCode(401).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer")
                    .end(Json.encode(ProblemMappers.unauthenticated(request.path())));
        });
    }
}
