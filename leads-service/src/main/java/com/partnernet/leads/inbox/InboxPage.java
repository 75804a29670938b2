package com.partnernet.leads.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The lead inbox page for shop staff is static ({@code META-INF/resources/inbox}) and reads the APIs with the
 * signed-in user's token; this serves the one thing it cannot know: where its deployment's targets-service answers.
 * A plain route, not an API operation: it holds no data and needs no token.
 */
@ApplicationScoped
public class InboxPage {

    private final InboxConfig config;

    public InboxPage(InboxConfig config) {
        this.config = config;
    }

    void routes(@Observes Router router) {
        String settings = new JsonObject().put("targetsUrl", config.targetsUrl().orElse(null)).encode();
        router.get("/inbox/config.json").handler(context -> context.response()
                .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(settings));
    }
}
