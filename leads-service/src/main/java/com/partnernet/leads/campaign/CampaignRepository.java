package com.partnernet.leads.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.Conditions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    public Optional<Campaign> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * The campaigns with these codes, by code (codes no campaign has are missing). The codes are bound as one array:
     * a JPQL {@code in} list is translated to SQL anew on every call, and intake asks once per poll.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Campaign> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        List<Campaign> found = getEntityManager().createNativeQuery("select * from campaign where code = any(cast(:codes as text[]))",
                Campaign.class).setParameter("codes", codes.toArray(String[]::new)).getResultList();
        return found.stream().collect(Collectors.toMap(campaign -> campaign.code, campaign -> campaign));
    }

    public PanacheQuery<Campaign> search(CampaignStatus status, Channel channel, Sort sort) {
        return new Conditions().where("status = :status", "status", status).where("channel = :channel", "channel", channel)
                .find(this, sort);
    }
}
