package com.partnernet.partners.remodel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.time.Timestamps;

/** The remodel programme's yearly goal and its report. */
@ApplicationScoped
public class ProgrammeService {

    private final RemodelRepository remodels;
    private final RemodelGoalRepository goals;

    public ProgrammeService(RemodelRepository remodels, RemodelGoalRepository goals) {
        this.remodels = remodels;
        this.goals = goals;
    }

    @Transactional
    public int setGoal(int year, int goal) {
        RemodelGoal row = goals.findById(year);
        if (row == null) {
            row = new RemodelGoal();
            row.year = year;
            goals.persist(row);
        }
        row.remodels = goal;
        return goal;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgrammeReport report(int year, UUID partnerId) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate today = Timestamps.today();
        // Dates before the cutoff have passed: today, or (the year over) all of it.
        LocalDate cutoff = today.isAfter(last) ? last.plusDays(1) : today;
        LocalDate fromCutoff = cutoff.isAfter(first) ? cutoff : first;
        long completed = remodels.count(RemodelStatus.COMPLETED, "actualEnd", first, last, partnerId);
        long inProgress = remodels.count(RemodelStatus.IN_PROGRESS, "actualStart", LocalDate.EPOCH, last, partnerId);
        long overrunning = remodels.count(RemodelStatus.IN_PROGRESS, "plannedEnd", LocalDate.EPOCH, cutoff.minusDays(1), partnerId);
        long planned = remodels.count(RemodelStatus.PLANNED, "plannedStart", fromCutoff, last, partnerId);
        // This year's report carries older plans that never started; another year's shows its own.
        LocalDate overdueFrom = today.getYear() == year ? LocalDate.EPOCH : first;
        long overdue = remodels.count(RemodelStatus.PLANNED, "plannedStart", overdueFrom, cutoff.minusDays(1), partnerId);
        long projected = completed + inProgress + remodels.countPlanned(fromCutoff, last, last, partnerId);
        long bookedNextYear = remodels.count(RemodelStatus.PLANNED, "plannedStart", first.plusYears(1), last.plusYears(1), partnerId);
        LocalDate firstNextYear = remodels.firstPlannedStart(first.plusYears(1), last.plusYears(1), partnerId).orElse(null);
        RemodelGoal goal = partnerId == null ? goals.findById(year) : null;
        Integer remaining = goal == null ? null : (int) Math.max(0, goal.remodels - completed);
        Integer unscheduled = goal == null ? null
                : (int) Math.max(0, goal.remodels - completed - inProgress - planned - overdue);
        ProgrammeOutlook outlook = goal == null ? null
                : ProgrammeOutlook.of(goal.remodels, completed, projected, completed + inProgress + planned + overdue,
                        ChronoUnit.DAYS.between(cutoff, last.plusDays(1)), remodels.typicalDays());
        return new ProgrammeReport(year, today, partnerId, goal == null ? null : goal.remodels, completed, inProgress,
                overrunning, planned, overdue, projected, outlook, remaining, unscheduled, bookedNextYear, firstNextYear);
    }
}
