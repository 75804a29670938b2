package com.partnernet.leads.campaign;

import java.util.Collection;
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

    /** The campaigns with these codes, by code (codes no campaign has are missing). */
    public Map<String, Campaign> byCodes(Collection<String> codes) {
        return codes.isEmpty() ? Map.of()
                : list("code in ?1", codes).stream().collect(Collectors.toMap(campaign -> campaign.code, campaign -> campaign));
    }

    public PanacheQuery<Campaign> search(CampaignStatus status, Channel channel, Sort sort) {
        return new Conditions().where("status = :status", "status", status).where("channel = :channel", "channel", channel)
                .find(this, sort);
    }
}
