package com.partnernet.leads.businesstime;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Germany's public holidays, nationwide and per federal state (they differ per Land), from the jollyday library's
 * calendar. Each state's year is computed once.
 */
@ApplicationScoped
public class PublicHolidays {

    private final HolidayManager germany = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));
    private final Map<String, Set<LocalDate>> byStateAndYear = new ConcurrentHashMap<>();

    /**
     * The days closed by law in a federal state.
     *
     * @param state ISO 3166-2 code (e.g. {@code DE-NW}); null or unknown: the nationwide holidays only
     */
    public Predicate<LocalDate> in(String state) {
        String subdivision = state != null && state.startsWith("DE-") ? state.substring(3).toLowerCase(Locale.ROOT) : null;
        return day -> of(subdivision, day.getYear()).contains(day);
    }

    private Set<LocalDate> of(String subdivision, int year) {
        return byStateAndYear.computeIfAbsent(subdivision + "/" + year, key -> {
            Set<Holiday> holidays = subdivision == null
                    ? germany.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
                    : germany.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision);
            return holidays.stream().map(Holiday::getDate).collect(Collectors.toUnmodifiableSet());
        });
    }
}
