package com.partnernet.partners.remodel;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Each year's remodel goal, where one was set (by year). */
@ApplicationScoped
public class RemodelGoalRepository implements PanacheRepositoryBase<RemodelGoal, Integer> {
}
