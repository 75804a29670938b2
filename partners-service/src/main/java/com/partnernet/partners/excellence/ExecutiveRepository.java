package com.partnernet.partners.excellence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.Conditions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ExecutiveRepository implements PanacheRepositoryBase<Executive, UUID> {

    public Optional<Executive> findByEmail(String email) {
        return find("lower(email) = ?1", Conditions.lowerCase(email)).firstResultOptional();
    }

    public PanacheQuery<Executive> search(String name, Sort sort) {
        return new Conditions().where("lower(name) like :name", "name", Conditions.containing(name)).find(this, sort);
    }
}
