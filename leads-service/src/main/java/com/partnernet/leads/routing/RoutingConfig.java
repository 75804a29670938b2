package com.partnernet.leads.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How far routing looks for a shop ({@code LEADS_ROUTING_*} in the environment). */
@ConfigMapping(prefix = "leads.routing")
public interface RoutingConfig {

    /** Step 3 takes the nearest eligible shop within this distance of the lead. */
    @WithDefault("25")
    double radiusKm();

    /** Shops this close to the nearest one count as equally near; fairness decides among them. */
    @WithDefault("2")
    double equalDistanceKm();
}
