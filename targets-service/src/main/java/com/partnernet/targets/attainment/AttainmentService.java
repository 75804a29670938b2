package com.partnernet.targets.attainment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.chassis.event.ProcessedEvents;
import com.partnernet.chassis.event.RecordValidator;
import com.partnernet.targets.target.ProductLine;
import com.partnernet.targets.target.TargetService;
import com.partnernet.targets.target.TargetView;

import io.quarkus.logging.Log;

/** Sales that count toward targets, and attainment against them. */
@ApplicationScoped
public class AttainmentService {

    static final String CONSUMER = "targets-attainment";
    static final String LEAD_WON = "LeadWon";

    private final SaleRepository sales;
    private final TargetService targets;
    private final ProcessedEvents processedEvents;
    private final RecordValidator validator;
    private final ObjectMapper mapper;

    public AttainmentService(SaleRepository sales, TargetService targets, ProcessedEvents processedEvents,
            RecordValidator validator, ObjectMapper mapper) {
        this.sales = sales;
        this.targets = targets;
        this.processedEvents = processedEvents;
        this.validator = validator;
        this.mapper = mapper;
    }

    /** A won lead counts exactly once: redelivered events and a second event for the same lead change nothing. */
    @Transactional
    public void onLeadEvent(EventEnvelope event) {
        if (!LEAD_WON.equals(event.type())) {
            return;
        }
        LeadWon won = validator.requireValid(event.payloadAs(mapper, LeadWon.class));
        if (!processedEvents.firstDelivery(CONSUMER, event.eventId()) || sales.existsForLead(won.leadId())) {
            Log.debugf("LeadWon %s for lead %s counted already", event.eventId(), won.leadId());
            return;
        }
        Sale sale = new Sale();
        sale.id = UUID.randomUUID();
        sale.partnerId = won.partnerId();
        sale.shopId = won.shopId();
        sale.productLine = won.productLine();
        sale.leadId = won.leadId();
        sale.source = Sale.FROM_LEAD;
        sale.soldAt = won.at();
        sales.persist(sale);
        Log.infof("Sale from lead %s counts for partner %s (%s)", won.leadId(), won.partnerId(), won.productLine());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AttainmentView attainment(UUID partnerId, int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(TargetService.BUSINESS_ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(TargetService.BUSINESS_ZONE).toInstant();
        Map<ProductLine, Long> sold = sales.unitsByProductLine(partnerId, from, to);
        Map<ProductLine, Long> target = new EnumMap<>(ProductLine.class);
        for (TargetView view : targets.list(partnerId, year)) {
            target.put(view.productLine(), (long) view.units());
        }
        Set<ProductLine> lines = EnumSet.noneOf(ProductLine.class);
        lines.addAll(sold.keySet());
        lines.addAll(target.keySet());
        List<AttainmentView.Line> perLine = new ArrayList<>();
        for (ProductLine line : lines) {
            perLine.add(AttainmentView.Line.of(line, target.getOrDefault(line, 0L), sold.getOrDefault(line, 0L)));
        }
        AttainmentView.Line total = AttainmentView.Line.of(null,
                perLine.stream().mapToLong(AttainmentView.Line::targetUnits).sum(),
                perLine.stream().mapToLong(AttainmentView.Line::soldUnits).sum());
        return new AttainmentView(partnerId, year, perLine, total);
    }
}
