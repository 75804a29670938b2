package com.partnernet.leads.businesstime;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One interval of a weekday in which a shop is open (or a field team works); a day may have several. */
public record OpeningInterval(DayOfWeek day, LocalTime opens, LocalTime closes) {
}
