package com.partnernet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.service.ServiceProcess;

/**
 * Start to ready, and resident memory once settled, of each service started alone (the others stopped) and of the three
 * started at once: with the JDK's class-data archive only, then with the application's (Quarkus' AppCDS, where the
 * build made one). Same infrastructure, same data, one after the other.
 */
final class StartUp {

    /** With which class data the services started. */
    enum ClassData {
        JDK_ONLY(List.of(ServiceProcess.JDK_CLASS_DATA_ONLY)), APPLICATION(List.of());

        final List<String> jvmOptions;

        ClassData(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
        }
    }

    /** One service's start: process start to ready, and its RSS after {@code settle}. */
    record Start(double readySeconds, double idleRssMb) {
    }

    /**
     * @param alone each service's start by itself, by class data (empty when not measured)
     * @param together the three's starts at once, by class data: one per round
     */
    record Result(Map<ClassData, Map<Service, Start>> alone, Map<ClassData, List<Map<Service, Start>>> together) {
    }

    private final SystemUnderTest system;
    private final List<Service> services;
    private final Duration settle;
    private final boolean thorough;

    /**
     * @param settle how long a started service idles before its RSS is read
     * @param thorough also start each service by itself, and the three in a second round (else once, together)
     */
    StartUp(SystemUnderTest system, List<Service> services, Duration settle, boolean thorough) {
        this.system = system;
        this.services = services;
        this.settle = settle;
        this.thorough = thorough;
    }

    /** Whether the build made the services' class-data archives (the bench's and the local run's builds do). */
    static boolean archivesBuilt(Path root, List<Service> services) {
        return services.stream().allMatch(service -> Files.isRegularFile(
                service.jar(root).resolveSibling(ServiceProcess.APP_CLASS_DATA)));
    }

    /**
     * Measures with the class data given: each service alone once per kind, then the three at once in the order given
     * and again in reverse (so that neither kind always comes first, after the previous load); or, not thorough, the
     * three at once only.
     */
    Result run(List<ClassData> classData) throws IOException, InterruptedException {
        Map<ClassData, Map<Service, Start>> alone = new LinkedHashMap<>();
        if (thorough) {
            for (ClassData data : classData) {
                services.forEach(system::stop);
                Map<Service, Start> starts = new LinkedHashMap<>();
                for (Service service : services) {
                    system.restartTogether(List.of(service), data.jvmOptions);
                    starts.putAll(settled(List.of(service)));
                    system.stop(service);
                }
                alone.put(data, starts);
            }
        }
        Map<ClassData, List<Map<Service, Start>>> together = new LinkedHashMap<>();
        List<ClassData> rounds = new ArrayList<>(classData);
        if (thorough) {
            List<ClassData> reverse = new ArrayList<>(classData);
            Collections.reverse(reverse);
            rounds.addAll(reverse);
        }
        for (ClassData data : rounds) {
            system.restartTogether(services, data.jvmOptions);
            together.computeIfAbsent(data, first -> new ArrayList<>()).add(settled(services));
        }
        return new Result(alone, together);
    }

    private Map<Service, Start> settled(List<Service> started) throws InterruptedException {
        Thread.sleep(settle.toMillis());
        Map<Service, Start> starts = new LinkedHashMap<>();
        for (Service service : started) {
            starts.put(service, new Start(system.startedIn(service).toMillis() / 1000.0,
                    Footprint.rssMb(system.pid(service.serviceName))));
        }
        return starts;
    }
}
