package com.partnernet.chassis.web;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Pages a service serves to anyone ({@code chassis.public-pages.*}). */
@ConfigMapping(prefix = "chassis.public-pages")
public interface PublicPagesConfig {

    /**
     * Path prefixes of static pages that hold no data and sign in themselves (e.g. {@code /inbox/}): open to anonymous
     * callers, whose every API call still needs a token.
     */
    Optional<List<String>> paths();
}
