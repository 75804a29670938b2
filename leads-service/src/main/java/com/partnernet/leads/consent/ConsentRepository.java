package com.partnernet.leads.consent;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.NewRows;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<LeadConsent, UUID> {

    /** Stores new consents at once ({@link NewRows}), after their leads. */
    public void insertAll(List<LeadConsent> consents) {
        NewRows.insert(getEntityManager(), consents);
    }

    public List<LeadConsent> ofLead(UUID leadId) {
        return list("leadId", Sort.by("recordedAt"), leadId);
    }
}
