package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;

/** Reps joining and leaving field teams. */
@ApplicationScoped
public class FieldRepService {

    private static final Map<String, String> SORT_KEYS = Map.of("name", "name", "startDate", "startDate",
            "endDate", "endDate", "source", "source");

    private final FieldRepRepository reps;
    private final FieldTeamService teams;

    public FieldRepService(FieldRepRepository reps, FieldTeamService teams) {
        this.reps = reps;
        this.teams = teams;
    }

    @Transactional
    public FieldRepView join(UUID teamId, FieldRepRequest request) {
        return joinAll(teamId, List.of(request)).get(0);
    }

    /** Reps joining the team together (a wave of hires): in one transaction, all or none. */
    @Transactional
    public List<FieldRepView> joinAll(UUID teamId, List<FieldRepRequest> requests) {
        FieldTeam team = teams.require(teamId);
        team.requireActive("joined");
        List<FieldRepView> joined = new ArrayList<>(requests.size());
        for (FieldRepRequest request : requests) {
            joined.add(FieldRepView.of(newRep(team, request)));
        }
        return joined;
    }

    private FieldRep newRep(FieldTeam team, FieldRepRequest request) {
        FieldRep rep = new FieldRep();
        rep.id = UUID.randomUUID();
        rep.teamId = team.id;
        rep.name = request.name().strip();
        rep.employeeNumber = request.employeeNumber() == null || request.employeeNumber().isBlank() ? null
                : request.employeeNumber().strip();
        rep.source = request.source();
        rep.startDate = request.startDate();
        rep.productFocus.addAll(request.productFocus() == null || request.productFocus().isEmpty() ? team.productFocus
                : request.productFocus());
        rep.createdAt = Timestamps.now();
        rep.updatedAt = rep.createdAt;
        reps.persist(rep);
        return rep;
    }

    /** The rep's last working day. */
    @Transactional
    public FieldRepView leave(UUID repId, LocalDate lastDay) {
        FieldRep rep = require(repId);
        if (rep.endDate != null) {
            throw new ConflictException("Rep " + repId + " left on " + rep.endDate + " already");
        }
        if (lastDay.isBefore(rep.startDate)) {
            throw new ConflictException("Rep " + repId + " starts on " + rep.startDate + "; the last day cannot be before");
        }
        rep.endDate = lastDay;
        rep.updatedAt = Timestamps.now();
        reps.flush();
        return FieldRepView.of(rep);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FieldRepView get(UUID repId) {
        return FieldRepView.of(require(repId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FieldRepView> list(UUID teamId, LocalDate activeOn, RepSource source, PageParams paging) {
        teams.require(teamId);
        var query = reps.search(teamId, activeOn, source, Sorting.parse(paging.sort, SORT_KEYS, "name", "id"))
                .page(paging.page, paging.size);
        return Page.of(query.list(), paging, query.count()).map(FieldRepView::of);
    }

    private FieldRep require(UUID repId) {
        return reps.findByIdOptional(repId).orElseThrow(() -> new ResourceNotFoundException("Field rep", repId));
    }
}
