package com.partnernet.partners.partner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    public PanacheQuery<Partner> search(PartnerFilter filter, Sort sort) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.name != null && !filter.name.isBlank()) {
            conditions.add("lower(name) like :name");
            parameters.and("name", "%" + filter.name.strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.type != null) {
            conditions.add("type = :type");
            parameters.and("type", filter.type);
        }
        if (filter.status != null) {
            conditions.add("status = :status");
            parameters.and("status", filter.status);
        }
        if (filter.tier != null) {
            conditions.add("tier = :tier");
            parameters.and("tier", filter.tier);
        }
        return conditions.isEmpty() ? findAll(sort) : find(String.join(" and ", conditions), sort, parameters);
    }

    /** Members of the dealer advisory board on a day. */
    public List<Partner> boardMembersOn(LocalDate day) {
        return list("boardRole is not null and boardMemberSince <= ?1 and (boardMemberUntil is null or boardMemberUntil >= ?1)",
                Sort.by("boardRole").and("name").and("id"), day);
    }
}
