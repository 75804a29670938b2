package com.partnernet.chassis.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks personal data (a customer's or an employee's name or contact details, free text about them). On a property of
 * a response body, it is left out of the JSON for callers who may not see personal data (see
 * {@link Caller#seesPersonalData()}), and whenever no request is being answered, so such a property can never slip into
 * an event or a log. On an entity field, it is the personal-data model: what the service stores of people
 * ({@link PersonalDataInventory}), against which every read of ops is checked.
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalData {
}
