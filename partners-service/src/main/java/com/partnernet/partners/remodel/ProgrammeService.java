package com.partnernet.partners.remodel;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
        long completed = remodels.count(RemodelStatus.COMPLETED, "actualEnd", first, last, partnerId);
        long inProgress = remodels.count(RemodelStatus.IN_PROGRESS, "actualStart", LocalDate.EPOCH, last, partnerId);
        long planned = remodels.count(RemodelStatus.PLANNED, "plannedStart", first, last, partnerId);
        long bookedNextYear = remodels.count(RemodelStatus.PLANNED, "plannedStart", first.plusYears(1), last.plusYears(1), partnerId);
        LocalDate firstNextYear = remodels.firstPlannedStart(first.plusYears(1), last.plusYears(1), partnerId).orElse(null);
        RemodelGoal goal = partnerId == null ? goals.findById(year) : null;
        Integer remaining = goal == null ? null : (int) Math.max(0, goal.remodels - completed);
        Integer unscheduled = goal == null ? null : (int) Math.max(0, goal.remodels - completed - inProgress - planned);
        return new ProgrammeReport(year, partnerId, goal == null ? null : goal.remodels, completed, inProgress, planned,
                remaining, unscheduled, bookedNextYear, firstNextYear);
    }
}
