package com.partnernet.chassis.web;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * An anonymous request gets 401 on every path of the API port before anything else, as a problem document: a wrong
 * method or an unknown path tells an anonymous caller nothing either. Only the OpenAPI document, Swagger UI, a
 * service's public pages ({@link PublicPagesConfig}) and, in dev mode only, the Dev UI are open there (browsers' CORS preflights are answered earlier); health and metrics are on the management port, a router
 * of its own. Runs right after authentication and authorization, before any endpoint is chosen. (Quarkus' path
 * permissions would refuse as early, but with an empty body.)
 */
@Singleton
public class UnauthenticatedProblem {

    /** After the authentication (-200) and authorization (-100) handlers, before the body handler and the endpoints. */
    private static final int ORDER = -50;

    private final List<String> publicPages;
    /** In dev mode ({@code quarkus:dev}) the Dev UI: a developer's own machine, and it signs in to nothing. */
    private final boolean devUi = LaunchMode.current() == LaunchMode.DEVELOPMENT;

    public UnauthenticatedProblem(PublicPagesConfig publicPages) {
        this.publicPages = publicPages.paths().orElse(List.of());
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String path = context.request().path();
            boolean open = path.startsWith("/q/openapi") || path.startsWith("/q/swagger-ui")
                    || publicPages.stream().anyMatch(path::startsWith) || devUi && path.startsWith("/q/dev-ui");
            boolean anonymous = !(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
            if (open || !anonymous) {
                context.next();
                return;
            }
            context.response().setStatusCode(401).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer")
                    .end(Json.encode(ProblemMappers.unauthenticated(path)));
        });
    }
}
