package com.partnernet.partners.excellence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Each year's quota of customer days, where one was set (by year). */
@ApplicationScoped
public class CustomerDayQuotaRepository implements PanacheRepositoryBase<CustomerDayQuota, Integer> {
}
