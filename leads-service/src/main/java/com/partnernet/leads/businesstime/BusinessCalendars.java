package com.partnernet.leads.businesstime;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.time.Timestamps;

/**
 * The business calendar of a shop (its opening hours, its federal state's public holidays) or of a field team (its
 * working hours, the nationwide holidays: a team's area may span states), in German time.
 */
@ApplicationScoped
public class BusinessCalendars {

    private final PublicHolidays holidays;
    private final BusinessWeek defaultShopWeek;
    private final BusinessWeek defaultTeamWeek;

    public BusinessCalendars(PublicHolidays holidays, BusinessHoursConfig config) {
        this.holidays = holidays;
        this.defaultShopWeek = BusinessWeek.parse(config.defaultShopWeek());
        this.defaultTeamWeek = BusinessWeek.parse(config.defaultTeamWeek());
    }

    /** @param state the shop's federal state (ISO 3166-2, e.g. DE-NW), null if unknown */
    public BusinessCalendar ofShop(Collection<OpeningInterval> openingHours, String state) {
        return new BusinessCalendar(BusinessWeek.of(openingHours, defaultShopWeek), holidays.in(state),
                Timestamps.BUSINESS_ZONE);
    }

    public BusinessCalendar ofTeam(Collection<OpeningInterval> workingHours) {
        return new BusinessCalendar(BusinessWeek.of(workingHours, defaultTeamWeek), holidays.in(null),
                Timestamps.BUSINESS_ZONE);
    }
}
