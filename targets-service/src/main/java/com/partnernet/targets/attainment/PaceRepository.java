package com.partnernet.targets.attainment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.partnernet.targets.annualtarget.ProductLine;

/** The milestones partners reached and the pace status last published, per partner, year and product line. */
@ApplicationScoped
public class PaceRepository {

    private final EntityManager entityManager;

    public PaceRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records a milestone reached now; false when it was reached before (each is published once). */
    public boolean recordMilestone(UUID partnerId, int year, ProductLine productLine, int percent, Instant now) {
        return entityManager.createNativeQuery("""
                insert into milestone (partner_id, target_year, product_line, percent, reached_at)
                values (:partner, :year, :line, :percent, :now) on conflict do nothing""")
                .setParameter("partner", partnerId).setParameter("year", year).setParameter("line", productLine.name())
                .setParameter("percent", percent).setParameter("now", now).executeUpdate() == 1;
    }

    /** The pace status last published, locked until the transaction ends (two reviews never both publish a change). */
    public Optional<String> lockStatus(UUID partnerId, int year, ProductLine productLine) {
        List<?> previous = entityManager.createNativeQuery("select status from pace_status where partner_id = :partner"
                + " and target_year = :year and product_line = :line for update")
                .setParameter("partner", partnerId).setParameter("year", year).setParameter("line", productLine.name())
                .getResultList();
        return previous.stream().findFirst().map(Object::toString);
    }

    public void saveStatus(UUID partnerId, int year, ProductLine productLine, String status, Instant now) {
        entityManager.createNativeQuery("""
                insert into pace_status (partner_id, target_year, product_line, status, changed_at)
                values (:partner, :year, :line, :status, :now)
                on conflict (partner_id, target_year, product_line) do update set status = excluded.status,
                    changed_at = excluded.changed_at""")
                .setParameter("partner", partnerId).setParameter("year", year).setParameter("line", productLine.name())
                .setParameter("status", status).setParameter("now", now).executeUpdate();
    }
}
