package com.partnernet.leads.directory;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RoutingTeamRepository implements PanacheRepositoryBase<RoutingTeam, UUID> {

    /** The active field teams, read-only (as {@link RoutingShopRepository#listAllReadOnly()}, for routing). */
    public List<RoutingTeam> listActive() {
        return find("status", Sort.by("city").and("teamId"), RoutingTeam.ACTIVE).withHint(HibernateHints.HINT_READ_ONLY, true)
                .list();
    }
}
