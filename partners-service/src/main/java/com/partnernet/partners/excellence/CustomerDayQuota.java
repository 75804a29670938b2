package com.partnernet.partners.excellence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A year's quota of customer days per executive, where it differs from the configured default. */
@Entity
@Table(name = "customer_day_quota")
public class CustomerDayQuota {

    @Id
    @Column(name = "quota_year")
    public int year;

    @Column(nullable = false)
    public int days;
}
