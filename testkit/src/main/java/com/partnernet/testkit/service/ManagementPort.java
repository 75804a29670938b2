package com.partnernet.testkit.service;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a service under test serves health and metrics: Quarkus' management interface, on a port of its own apart from
 * the API (a free one in tests, as the API's).
 */
public final class ManagementPort {

    private ManagementPort() {
    }

    /** The management port of the service running in this test JVM. */
    public static int ofServiceUnderTest() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
