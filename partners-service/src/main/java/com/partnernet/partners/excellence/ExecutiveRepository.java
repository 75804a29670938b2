package com.partnernet.partners.excellence;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ExecutiveRepository implements PanacheRepositoryBase<Executive, UUID> {

    public Optional<Executive> findByEmail(String email) {
        return find("lower(email) = ?1", email.strip().toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public PanacheQuery<Executive> search(String name, Sort sort) {
        return name == null || name.isBlank() ? findAll(sort)
                : find("lower(name) like ?1", sort, "%" + name.strip().toLowerCase(Locale.ROOT) + "%");
    }
}
