package com.partnernet.partners.excellence;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.partners.fieldsales.FieldTeamRepository;
import com.partnernet.partners.shop.ShopService;

import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;

/** The excellence programme: executives log days with customers against a yearly quota. */
@ApplicationScoped
public class CustomerDayService {

    private final CustomerDayRepository days;
    private final ExecutiveService executives;
    private final ExecutiveRepository executiveRepository;
    private final ShopService shops;
    private final FieldTeamRepository teams;
    private final CustomerDayQuotaRepository quotas;
    private final ExcellenceConfig config;

    public CustomerDayService(CustomerDayRepository days, ExecutiveService executives,
            ExecutiveRepository executiveRepository, ShopService shops, FieldTeamRepository teams,
            CustomerDayQuotaRepository quotas, ExcellenceConfig config) {
        this.days = days;
        this.executives = executives;
        this.executiveRepository = executiveRepository;
        this.shops = shops;
        this.teams = teams;
        this.quotas = quotas;
        this.config = config;
    }

    @Transactional
    public CustomerDayView log(UUID executiveId, CustomerDayRequest request) {
        executives.require(executiveId);
        if (request.shopId() != null && shops.existing(Set.of(request.shopId()), Optional.empty()).isEmpty()) {
            throw new InvalidRequestException("shopId", "no shop with this id");
        }
        if (request.fieldTeamId() != null && teams.findById(request.fieldTeamId()) == null) {
            throw new InvalidRequestException("fieldTeamId", "no field team with this id");
        }
        if (days.exists(executiveId, request.date())) {
            throw new ConflictException("Executive " + executiveId + " has logged " + request.date() + " already; a day counts once");
        }
        CustomerDay day = new CustomerDay();
        day.id = UUID.randomUUID();
        day.executiveId = executiveId;
        day.day = request.date();
        day.shopId = request.shopId();
        day.fieldTeamId = request.fieldTeamId();
        day.notes = request.notes() == null || request.notes().isBlank() ? null : request.notes().strip();
        day.createdAt = Timestamps.now();
        days.persist(day);
        Log.infof("Executive %s logged a customer day on %s", executiveId, day.day);
        return CustomerDayView.of(day);
    }

    /** Takes back a day logged by mistake. */
    @Transactional
    public void remove(UUID dayId) {
        if (!days.deleteById(dayId)) {
            throw new ResourceNotFoundException("Customer day", dayId);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerDayView> ofExecutive(UUID executiveId, int year) {
        executives.require(executiveId);
        return days.ofExecutive(executiveId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(CustomerDayView::of).toList();
    }

    @Transactional
    public int setQuota(int year, int quotaDays) {
        CustomerDayQuota quota = quotas.findById(year);
        if (quota == null) {
            quota = new CustomerDayQuota();
            quota.year = year;
            quotas.persist(quota);
        }
        quota.days = quotaDays;
        return quotaDays;
    }

    /** The year's quota: its own if set, else the configured default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int quota(int year) {
        CustomerDayQuota quota = quotas.findById(year);
        return quota != null ? quota.days : config.defaultQuotaDays();
    }

    /**
     * Every executive's standing in a year, those furthest from the quota first.
     *
     * @param standing only those who have or have not met it; null for all
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExcellenceReport report(int year, QuotaStanding standing) {
        int quota = quota(year);
        Map<UUID, Long> counted = days.countPerExecutive(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        List<ExcellenceReport.ExecutiveStanding> all = executiveRepository.listAll(Sort.by("name").and("id")).stream()
                .map(executive -> {
                    long logged = counted.getOrDefault(executive.id, 0L);
                    return new ExcellenceReport.ExecutiveStanding(executive.id, executive.name, executive.title, logged,
                            Math.max(0, quota - logged), logged >= quota);
                })
                .sorted(Comparator.comparingLong(ExcellenceReport.ExecutiveStanding::remaining).reversed())
                .toList();
        long met = all.stream().filter(ExcellenceReport.ExecutiveStanding::quotaMet).count();
        List<ExcellenceReport.ExecutiveStanding> shown = standing == null ? all
                : all.stream().filter(executive -> executive.quotaMet() == (standing == QuotaStanding.MET)).toList();
        return new ExcellenceReport(year, quota, met, all.size() - met, shown);
    }
}
