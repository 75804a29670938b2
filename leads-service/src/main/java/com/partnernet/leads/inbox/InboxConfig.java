package com.partnernet.leads.inbox;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The lead inbox page ({@code LEADS_INBOX_*}). */
@ConfigMapping(prefix = "leads.inbox")
public interface InboxConfig {

    /**
     * Where the page reads the partner's attainment (targets-service's base URL, reachable from the browser and
     * allowing this page's origin); without it the page shows none.
     */
    Optional<String> targetsUrl();
}
