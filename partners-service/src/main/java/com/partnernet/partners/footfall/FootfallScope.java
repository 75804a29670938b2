package com.partnernet.partners.footfall;

import java.util.UUID;

/** Which shops a footfall report adds up: one shop, a partner's, a city's, or the whole network. */
public record FootfallScope(Level level, UUID shopId, UUID partnerId, String city) {

    public enum Level {
        SHOP,
        PARTNER,
        CITY,
        NETWORK
    }
}
