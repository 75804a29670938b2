package com.partnernet.partners.excellence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CustomerDayRepository implements PanacheRepositoryBase<CustomerDay, UUID> {

    public boolean exists(UUID executiveId, LocalDate day) {
        return count("executiveId = ?1 and day = ?2", executiveId, day) > 0;
    }

    public List<CustomerDay> ofExecutive(UUID executiveId, LocalDate from, LocalDate to) {
        return list("executiveId = ?1 and day between ?2 and ?3", Sort.by("day"), executiveId, from, to);
    }

    /** Days per executive between two days (executives without any are absent). */
    public Map<UUID, Long> countPerExecutive(LocalDate from, LocalDate to) {
        Map<UUID, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select d.executiveId, count(d) from CustomerDay d where d.day between :from and :to"
                + " group by d.executiveId", Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .getResultList()
                .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }
}
