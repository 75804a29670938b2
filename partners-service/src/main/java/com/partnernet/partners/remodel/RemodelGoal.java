package com.partnernet.partners.remodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many remodels the programme means to complete in a year, network-wide. */
@Entity
@Table(name = "remodel_goal")
public class RemodelGoal {

    @Id
    @Column(name = "goal_year")
    public int year;

    @Column(nullable = false)
    public int remodels;
}
