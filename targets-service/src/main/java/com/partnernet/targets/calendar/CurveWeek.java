package com.partnernet.targets.calendar;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The seasonal weight of one week of a year (7-day blocks from 1 January; week 53 is the year's last day or two). */
@Entity
@Table(name = "curve_week")
@IdClass(CurveWeek.Key.class)
public class CurveWeek {

    public record Key(int year, int week) implements Serializable {
    }

    @Id
    @Column(name = "curve_year")
    public int year;

    @Id
    public int week;

    @Column(nullable = false)
    public double weight;
}
