package com.partnernet.chassis.security;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.transaction.Transactional;

/**
 * The personal data a service stores, as its model marks it: every entity field annotated {@link PersonalData}, also
 * the fields of an element collection's embeddable. Lists the values stored now, so a check can look for them where
 * they must not appear (what ops reads, a log) without a hand-kept list of what is personal.
 */
@ApplicationScoped
public class PersonalDataInventory {

    private final EntityManager entityManager;

    public PersonalDataInventory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every personal value stored now (null and blank ones left out). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> storedValues() {
        Set<String> values = new TreeSet<>();
        for (Query query : queries()) {
            entityManager.createQuery(query.jpql, Object.class).getResultList().stream().map(String::valueOf)
                    .filter(value -> !value.isBlank()).forEach(values::add);
        }
        return values;
    }

    /** A query for the values of one personal field ("Entity.field" or "Entity.collection.field"). */
    private record Query(String field, String jpql) {
    }

    private List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (EntityType<?> entity : entityManager.getMetamodel().getEntities()) {
            for (Field field : fieldsOf(entity.getJavaType())) {
                if (field.isAnnotationPresent(PersonalData.class)) {
                    queries.add(new Query(entity.getName() + "." + field.getName(), "select e." + field.getName()
                            + " from " + entity.getName() + " e where e." + field.getName() + " is not null"));
                } else if (Collection.class.isAssignableFrom(field.getType())
                        && field.getGenericType() instanceof ParameterizedType collection
                        && collection.getActualTypeArguments()[0] instanceof Class<?> element) {
                    for (Field inner : fieldsOf(element)) {
                        if (inner.isAnnotationPresent(PersonalData.class)) {
                            queries.add(new Query(entity.getName() + "." + field.getName() + "." + inner.getName(),
                                    "select x." + inner.getName() + " from " + entity.getName() + " e join e."
                                            + field.getName() + " x where x." + inner.getName() + " is not null"));
                        }
                    }
                }
            }
        }
        return queries;
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            fields.addAll(List.of(current.getDeclaredFields()));
        }
        return fields;
    }
}
