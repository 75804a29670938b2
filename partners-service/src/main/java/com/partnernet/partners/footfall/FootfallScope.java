package com.partnernet.partners.footfall;

import java.util.UUID;

import org.jetbrains.annotations.Nullable;

/** Which shops a footfall report adds up: one shop, a partner's, a city's, or the whole network. */
public record FootfallScope(Level level, @Nullable UUID shopId, @Nullable UUID partnerId, @Nullable String city) {

    public enum Level {
        SHOP,
        PARTNER,
        CITY,
        NETWORK
    }
}
