package com.partnernet.leads.routing;

/** The routing steps in order; the first that finds an eligible target wins. */
public enum RoutingStep {
    /** 1. The lead or its campaign names a shop. */
    NAMED_SHOP,
    /** 2. A campaign shop whose postal catchment covers the lead's postal code. */
    CAMPAIGN_CATCHMENT,
    /** 3. The nearest campaign shop within the radius. */
    NEAREST_SHOP,
    /** 4. Among equal candidates of step 2 or 3: fewest open leads for its capacity, then the longest without one. */
    FAIRNESS,
    /** 5. The direct sales field team covering the postal code and the product. */
    FIELD_TEAM,
    /** 6. Nobody can take it: the ops queue. */
    UNROUTED
}
