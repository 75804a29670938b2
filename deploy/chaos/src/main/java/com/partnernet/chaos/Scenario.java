package com.partnernet.chaos;

import java.util.List;

import com.partnernet.local.Service;

/** One fault scenario: what it needs running, and a run that ends in a verdict. */
interface Scenario {

    String name();

    /** The services the scenario starts (packaged, as processes). */
    List<Service> services();

    Outcome run(ChaosSystem system) throws Exception;
}
