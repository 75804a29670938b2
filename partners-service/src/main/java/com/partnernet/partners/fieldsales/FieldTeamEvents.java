package com.partnernet.partners.fieldsales;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.outbox.Outbox;
import com.partnernet.partners.shop.ShopEvents;

/**
 * Field teams are routing targets like shops, so they travel on the shop topic: keyed by team id, aggregate type
 * {@value #AGGREGATE}, each event with the team's full state.
 */
@ApplicationScoped
public class FieldTeamEvents {

    static final String AGGREGATE = "FieldTeam";

    public enum Type {
        FieldTeamFormed,
        FieldTeamUpdated,
        FieldTeamDisbanded
    }

    private final Outbox outbox;

    public FieldTeamEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void publish(Type type, FieldTeamSnapshot team) {
        outbox.publish(ShopEvents.TOPIC, AGGREGATE, team.id().toString(), type.name(), 1, team);
    }
}
