package com.partnernet.targets.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.targets.annualtarget.ProductLine;
import com.partnernet.targets.annualtarget.TargetsEvents;

import io.quarkus.logging.Log;

/** Period rules: added and withdrawn with author and reason, each change published as TargetAdjusted. */
@ApplicationScoped
public class RuleService {

    private final PeriodRuleRepository rules;
    private final TargetsEvents events;

    public RuleService(PeriodRuleRepository rules, TargetsEvents events) {
        this.rules = rules;
        this.events = events;
    }

    @Transactional
    public PeriodRule add(RuleRequest request, String author) {
        PeriodRule rule = PeriodRule.of(request, author, Timestamps.now());
        rules.persist(rule);
        publish("RULE_ADDED", rule);
        Log.infof("Period rule %s: %s %s %s..%s", rule.id, rule.scope, rule.type, rule.fromDay, rule.toDay);
        return rule;
    }

    /** Withdraws a rule: from now on it shapes no target; it stays for the record. */
    @Transactional
    public PeriodRule withdraw(UUID id, String by) {
        PeriodRule rule = require(id);
        rule.withdraw(by, Timestamps.now());
        publish("RULE_WITHDRAWN", rule);
        return rule;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PeriodRule require(UUID id) {
        return rules.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Period rule", id));
    }

    /**
     * The rules in force that touch a range for a target: network-wide ones, the partner's, and (for a shop's
     * target) the shop's; of the target's product line or of all lines.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeriodRule> applicable(UUID partnerId, UUID shopId, ProductLine productLine, LocalDate from, LocalDate to) {
        return rules.findApplicable(partnerId, shopId, productLine, from, to);
    }

    /** All rules (in force or withdrawn) touching a year, for one partner's view or the network. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeriodRule> list(int year, UUID partnerId) {
        return rules.findTouching(year, partnerId);
    }

    private void publish(String cause, PeriodRule rule) {
        events.targetAdjusted(new TargetsEvents.TargetAdjusted(cause, rule.partnerId, rule.shopId, rule.productLine, null,
                null, null, rule.id, rule.type.name(), rule.fromDay, rule.toDay, rule.percent, rule.reason,
                Timestamps.now()));
    }
}
