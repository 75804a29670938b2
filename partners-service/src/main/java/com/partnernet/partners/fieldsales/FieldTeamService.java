package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;
import com.partnernet.partners.partner.Partner;
import com.partnernet.partners.partner.PartnerService;
import com.partnernet.partners.partner.PartnerType;
import com.partnernet.partners.shop.OpeningHours;
import com.partnernet.partners.shop.ProductLine;

import io.quarkus.logging.Log;

/**
 * The direct sales partner's field teams, one active team per city. Every change is published with the team's full
 * state, so leads-service can fall back to a team where no shop takes a lead.
 */
@ApplicationScoped
public class FieldTeamService {

    private static final Map<String, String> SORT_KEYS = Map.of("name", "name", "city", "city", "liveFrom", "liveFrom",
            "status", "status", "weeklyLeadCapacity", "weeklyLeadCapacity");

    private final FieldTeamRepository teams;
    private final PartnerService partners;
    private final FieldTeamEvents events;

    public FieldTeamService(FieldTeamRepository teams, PartnerService partners, FieldTeamEvents events) {
        this.teams = teams;
        this.partners = partners;
        this.events = events;
    }

    @Transactional
    public FieldTeamSnapshot form(UUID partnerId, FieldTeamRequest request) {
        Partner partner = partners.require(partnerId);
        if (partner.type != PartnerType.DIRECT_SALES) {
            throw new ConflictException("Field teams belong to a DIRECT_SALES partner; partner " + partnerId + " is "
                    + partner.type);
        }
        requireCityFree(partnerId, request.city(), null);
        FieldTeam team = FieldTeam.form(partnerId, Timestamps.now());
        Content.of(request).applyTo(team);
        teams.persist(team);
        return publish(FieldTeamEvents.Type.FieldTeamFormed, team);
    }

    @Transactional
    public FieldTeamSnapshot update(UUID teamId, String ifMatch, FieldTeamRequest request) {
        FieldTeam team = require(teamId);
        ETags.requireMatch(ifMatch, team.version, "field team");
        team.requireActive("changed");
        requireCityFree(team.partnerId, request.city(), teamId);
        Content wanted = Content.of(request);
        if (wanted.equals(Content.of(team))) {
            // Nothing to change: same version, same ETag, no event.
            return FieldTeamSnapshot.of(team);
        }
        wanted.applyTo(team);
        team.updatedAt = Timestamps.now();
        return publish(FieldTeamEvents.Type.FieldTeamUpdated, team);
    }

    /** The team stops taking leads for good; its reps and history stay for the reports. */
    @Transactional
    public FieldTeamSnapshot disband(UUID teamId, String ifMatch) {
        FieldTeam team = require(teamId);
        ETags.requireMatch(ifMatch, team.version, "field team");
        team.disband(Timestamps.now());
        return publish(FieldTeamEvents.Type.FieldTeamDisbanded, team);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FieldTeamSnapshot get(UUID teamId) {
        return FieldTeamSnapshot.of(require(teamId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FieldTeamSnapshot> search(FieldTeamFilter filter, PageParams paging) {
        var query = teams.search(filter, Sorting.parse(paging.sort, SORT_KEYS, "city", "id")).page(paging.page, paging.size);
        return Page.of(query.list(), paging, query.count()).map(FieldTeamSnapshot::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FieldTeam require(UUID teamId) {
        return teams.findByIdOptional(teamId).orElseThrow(() -> new ResourceNotFoundException("Field team", teamId));
    }

    private void requireCityFree(UUID partnerId, String city, UUID exceptTeam) {
        teams.findActiveInCity(partnerId, city).filter(other -> !other.id.equals(exceptTeam)).ifPresent(other -> {
            throw new ConflictException("Partner " + partnerId + " has an active field team in " + other.city
                    + " already: " + other.id);
        });
    }

    private FieldTeamSnapshot publish(FieldTeamEvents.Type type, FieldTeam team) {
        FieldTeamSnapshot snapshot = flushed(team);
        events.publish(type, snapshot);
        Log.infof("Field team %s in %s: %s (version %d)", team.id, team.city, type, snapshot.version());
        return snapshot;
    }

    /** Flushes first: an event must carry the version its change produces. */
    private FieldTeamSnapshot flushed(FieldTeam team) {
        teams.flush();
        return FieldTeamSnapshot.of(team);
    }

    /** What a request sets, normalised as it is stored. */
    private record Content(String name, String city, LocalDate liveFrom, Set<String> postalCoverage,
            Set<ProductLine> productFocus, String campaign, int weeklyLeadCapacity, List<OpeningHours> workingHours,
            String email) {

        static Content of(FieldTeamRequest request) {
            String campaign = request.campaign() == null || request.campaign().isBlank() ? null : request.campaign().strip();
            String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
            return new Content(request.name().strip(), request.city().strip(), request.liveFrom(),
                    new TreeSet<>(request.postalCoverage()), new TreeSet<>(request.productFocus()), campaign,
                    request.weeklyLeadCapacity(), request.workingHours() == null ? List.of() : List.copyOf(request.workingHours()),
                    email);
        }

        static Content of(FieldTeam team) {
            return new Content(team.name, team.city, team.liveFrom, new TreeSet<>(team.postalCoverage),
                    new TreeSet<>(team.productFocus), team.campaign, team.weeklyLeadCapacity, List.copyOf(team.workingHours),
                    team.email);
        }

        void applyTo(FieldTeam team) {
            team.name = name;
            team.city = city;
            team.liveFrom = liveFrom;
            team.postalCoverage.clear();
            team.postalCoverage.addAll(postalCoverage);
            team.productFocus.clear();
            team.productFocus.addAll(productFocus);
            team.campaign = campaign;
            team.weeklyLeadCapacity = weeklyLeadCapacity;
            if (!team.workingHours.equals(workingHours)) {
                team.workingHours.clear();
                team.workingHours.addAll(workingHours);
            }
            team.email = email;
        }
    }
}
