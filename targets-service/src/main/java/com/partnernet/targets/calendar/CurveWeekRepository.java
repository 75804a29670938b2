package com.partnernet.targets.calendar;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The weeks of each year's own seasonal curve. */
@ApplicationScoped
public class CurveWeekRepository implements PanacheRepositoryBase<CurveWeek, CurveWeek.Key> {

    public List<CurveWeek> ofYear(int year) {
        return list("year", year);
    }

    public boolean existsForYear(int year) {
        return count("year", year) > 0;
    }

    public void deleteYear(int year) {
        delete("year", year);
    }
}
