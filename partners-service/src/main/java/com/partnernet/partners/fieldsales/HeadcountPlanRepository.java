package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class HeadcountPlanRepository implements PanacheRepositoryBase<HeadcountPlan, HeadcountPlan.Key> {

    /** Deletes the team's plan now, so rows with the same keys can be inserted again in this transaction. */
    public void deleteOfTeam(UUID teamId) {
        delete("teamId", teamId);
        flush();
    }

    public List<HeadcountPlan> ofTeam(UUID teamId) {
        return list("teamId", Sort.by("month"), teamId);
    }

    public List<HeadcountPlan> ofTeams(Collection<UUID> teamIds, LocalDate from, LocalDate to) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return list("teamId in :teams and month between :from and :to",
                Parameters.with("teams", teamIds).and("from", from).and("to", to));
    }
}
