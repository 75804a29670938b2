package com.partnernet.chaos;

import java.util.List;
import java.util.Map;

import com.partnernet.testkit.service.Service;

/** One fault scenario: what it needs running, and a run that ends in a verdict. */
interface Scenario {

    String name();

    /** The services the scenario starts (packaged, as processes). */
    List<Service> services();

    /** Settings the scenario gives every service it starts (environment variables), beyond the usual ones. */
    default Map<String, String> environment() {
        return Map.of();
    }

    Outcome run(SystemUnderTest system) throws Exception;
}
