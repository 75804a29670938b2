package com.partnernet.leads.directory;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RoutingTeamRepository implements PanacheRepositoryBase<RoutingTeam, UUID> {

    public List<RoutingTeam> listActive() {
        return list("status", Sort.by("city").and("teamId"), RoutingTeam.ACTIVE);
    }
}
