package com.partnernet.partners.partner;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.Conditions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    public PanacheQuery<Partner> search(PartnerFilter filter, Sort sort) {
        return new Conditions()
                .where("lower(name) like :name", "name", Conditions.containing(filter.name))
                .where("type = :type", "type", filter.type)
                .where("status = :status", "status", filter.status)
                .where("tier = :tier", "tier", filter.tier)
                .where("id = :id", "id", filter.id)
                .find(this, sort);
    }

    /** Members of the dealer advisory board on a day. */
    public List<Partner> boardMembersOn(LocalDate day) {
        return list("boardRole is not null and boardMemberSince <= ?1 and (boardMemberUntil is null or boardMemberUntil >= ?1)",
                Sort.by("boardRole").and("name").and("id"), day);
    }
}
