package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.web.QueryRange;
import com.partnernet.partners.partner.PartnerService;

import io.quarkus.panache.common.Sort;

/** The field teams' headcount plans, and plan against actual per city and month. */
@ApplicationScoped
public class HeadcountService {

    static final int MAX_REPORT_MONTHS = 60;

    private final HeadcountPlanRepository plans;
    private final FieldTeamRepository teamRepository;
    private final FieldTeamService teams;
    private final FieldRepRepository reps;
    private final PartnerService partners;

    public HeadcountService(HeadcountPlanRepository plans, FieldTeamRepository teamRepository, FieldTeamService teams,
            FieldRepRepository reps, PartnerService partners) {
        this.plans = plans;
        this.teamRepository = teamRepository;
        this.teams = teams;
        this.reps = reps;
        this.partners = partners;
    }

    /** Replaces a team's whole plan with the months given. */
    @Transactional
    public List<HeadcountPlanEntry> replacePlan(UUID teamId, List<HeadcountPlanEntry> entries) {
        FieldTeam team = teams.require(teamId);
        team.requireActive("planned");
        Set<YearMonth> months = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!months.add(entries.get(i).month())) {
                throw new InvalidRequestException("[" + i + "].month", "repeats the month " + entries.get(i).month());
            }
        }
        plans.deleteOfTeam(teamId);
        for (HeadcountPlanEntry entry : entries) {
            HeadcountPlan plan = new HeadcountPlan();
            plan.teamId = teamId;
            plan.month = entry.month().atDay(1);
            plan.headcount = entry.headcount();
            plans.persist(plan);
        }
        return plan(teamId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HeadcountPlanEntry> plan(UUID teamId) {
        teams.require(teamId);
        return plans.ofTeam(teamId).stream()
                .map(plan -> new HeadcountPlanEntry(YearMonth.from(plan.month), plan.headcount)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HeadcountReport report(UUID partnerId, YearMonth from, YearMonth to) {
        QueryRange.require(from, to, ChronoUnit.MONTHS, MAX_REPORT_MONTHS);
        long months = ChronoUnit.MONTHS.between(from, to) + 1;
        if (partnerId != null) {
            partners.require(partnerId);
        }
        FieldTeamFilter filter = new FieldTeamFilter();
        filter.partnerId = partnerId;
        List<FieldTeam> inScope = teamRepository.search(filter, Sort.by("city").and("liveFrom").and("id")).list();
        List<UUID> teamIds = inScope.stream().map(team -> team.id).toList();
        Map<HeadcountPlan.Key, Integer> planned = new HashMap<>();
        plans.ofTeams(teamIds, from.atDay(1), to.atDay(1))
                .forEach(plan -> planned.put(new HeadcountPlan.Key(plan.teamId, plan.month), plan.headcount));
        Map<UUID, List<FieldRep>> repsByTeam = new HashMap<>();
        reps.workingBetween(teamIds, from.atDay(1), to.atEndOfMonth())
                .forEach(rep -> repsByTeam.computeIfAbsent(rep.teamId, team -> new ArrayList<>()).add(rep));

        List<HeadcountReport.City> cities = new ArrayList<>();
        for (FieldTeam team : inScope) {
            List<HeadcountReport.Month> rows = new ArrayList<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                rows.add(month(month, planned.get(new HeadcountPlan.Key(team.id, month.atDay(1))),
                        repsByTeam.getOrDefault(team.id, List.of())));
            }
            cities.add(new HeadcountReport.City(team.id, team.city, team.name, team.liveFrom, team.status(), rows));
        }
        List<HeadcountReport.Month> total = new ArrayList<>();
        List<FieldRep> allReps = repsByTeam.values().stream().flatMap(List::stream).toList();
        for (int index = 0; index < months; index++) {
            Integer plannedTotal = null;
            for (HeadcountReport.City city : cities) {
                Integer plannedInCity = city.months().get(index).planned();
                if (plannedInCity != null) {
                    plannedTotal = (plannedTotal == null ? 0 : plannedTotal) + plannedInCity;
                }
            }
            total.add(month(from.plusMonths(index), plannedTotal, allReps));
        }
        return new HeadcountReport(partnerId, from, to, cities, total, total.get(total.size() - 1).internalPoolSharePercent());
    }

    private static HeadcountReport.Month month(YearMonth month, Integer planned, List<FieldRep> reps) {
        LocalDate monthEnd = month.atEndOfMonth();
        int internal = 0;
        int external = 0;
        for (FieldRep rep : reps) {
            if (rep.isActiveOn(monthEnd)) {
                if (rep.source == RepSource.INTERNAL_POOL) {
                    internal++;
                } else {
                    external++;
                }
            }
        }
        int actual = internal + external;
        Double share = actual == 0 ? null : Math.round(internal * 1000.0 / actual) / 10.0;
        return new HeadcountReport.Month(month, planned, actual, planned == null ? null : actual - planned, internal,
                external, share);
    }
}
